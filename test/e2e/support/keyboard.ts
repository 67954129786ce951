import { waitForScreen } from './wait-for-screen.js';

export interface Keyboard {
  /** The pane as `capture-pane -p` prints it. */
  screen(): Promise<string>;
  press(key: string): Promise<unknown>;
}

const cursorOn = (n: number) => (screen: string) => new RegExp(`^\\s*❯ ${n}\\.`, 'm').test(screen);

/**
 * Chooses option `n` of the numbered dialog on screen as a person (and wingman) does: moves the
 * cursor with the arrow keys, seeing it land on each step, then presses Enter. Claude Code 2.1.332
 * drops keys sent right after it draws a dialog, so the cursor is first seen to go down to 2; an
 * arrow that was dropped is pressed again. After arrow keys 2.1.332 no longer takes a digit.
 * 2.1.332 also now and then ignores an Enter: one more goes in only while the dialog still shows
 * the cursor on the same option.
 */
export async function chooseOption(keyboard: Keyboard, n: number): Promise<void> {
  const steps: Array<['Down' | 'Up', number]> = [['Down', 2]];
  for (let k = 3; k <= n; k += 1) steps.push(['Down', k]);
  for (let k = 1; k >= n; k -= 1) steps.push(['Up', k]);
  for (const [arrow, k] of steps) {
    for (let attempt = 0; ; attempt += 1) {
      await keyboard.press(arrow);
      if (await waitForScreen(() => keyboard.screen(), cursorOn(k), 1_000).then(() => true, () => false)) break;
      if (attempt >= 10) throw new Error(`the dialog never obeyed ${arrow}`);
    }
  }
  await keyboard.press('Enter');
  const dialogGone = (screen: string) => !/Esc to cancel|Enter to select/.test(screen);
  const stays = await waitForScreen(() => keyboard.screen(), dialogGone, 3_000).then(() => false, () => true);
  if (stays && cursorOn(n)(await keyboard.screen())) await keyboard.press('Enter');
}
