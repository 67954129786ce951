import { describe, expect, it } from 'vitest';
import { chooseDialogOption } from '../../../src/app/dialog-driver.js';
import { detectClaudeScreen } from '../../../src/agents/claude-code/screen/claude-screen.js';
import type { TmuxClient } from '../../../src/adapters/tmux/tmux-client.js';

const RULE = '─'.repeat(80);
/** Claude Code 2.1.332's trust dialog, as captured (unnumbered, "No, exit" first). */
function trustDialog(cursor: 0 | 1 | undefined): string {
  const option = (index: 0 | 1, label: string) => `${cursor === index ? ' ❯ ' : '   '}${label}`;
  return [
    RULE,
    ' Accessing workspace:',
    '',
    ' /tmp/project',
    '',
    " Claude Code'll be able to read, edit, and execute files here.",
    '',
    option(0, 'No, exit'),
    option(1, 'Yes, I trust this folder'),
    '',
    ' Enter to confirm · Esc to cancel',
  ].join('\n');
}

/** A trust dialog that obeys arrow keys (unless told to drop some) and goes away on Enter. */
function fakeTmux(initial: number | undefined, options: { dropFirst?: number; ignoreMoves?: boolean; ignoreEnter?: boolean } = {}) {
  let cursor = initial;
  let dropped = 0;
  let confirmed: number | undefined;
  const sent: string[][] = [];
  const tmux = {
    capturePane: async () => (confirmed === undefined ? trustDialog(cursor as 0 | 1 | undefined) : 'trusted'),
    sendKeys: async (_name: string, keys: string[]) => {
      sent.push(keys);
      if (dropped < (options.dropFirst ?? 0)) {
        dropped += 1;
        return;
      }
      for (const key of keys) {
        if (key === 'Enter' && !options.ignoreEnter) confirmed = cursor;
        if (options.ignoreMoves || cursor === undefined) continue;
        cursor = Math.max(0, Math.min(1, cursor + (key === 'Down' ? 1 : key === 'Up' ? -1 : 0)));
      }
    },
  } as unknown as TmuxClient;
  return { tmux, sent, confirmed: () => confirmed };
}

const pickTrust = (options: readonly { label: string }[]) => options.findIndex((option) => /trust this folder/.test(option.label));
const request = (tmux: TmuxClient) => ({ tmux, tmuxSession: 's', label: 's', detect: detectClaudeScreen, state: 'waiting_trust' as const, pick: pickTrust, sleep: async () => {} });

describe('chooseDialogOption', () => {
  it('moves the cursor onto "Yes, I trust this folder", sees it there, then confirms', async () => {
    const { tmux, sent, confirmed } = fakeTmux(0);
    const chosen = await chooseDialogOption(request(tmux));
    expect(chosen.label).toBe('Yes, I trust this folder');
    expect(sent).toEqual([['Down'], ['Enter']]);
    expect(confirmed()).toBe(1);
  });

  it('proves the dialog reads keys before Enter when the cursor starts on the option (2.1.197 lists Yes first)', async () => {
    const { tmux, sent, confirmed } = fakeTmux(1);
    await chooseDialogOption(request(tmux));
    // Away and back: the moves are seen on screen, so the Enter is not sent into a deaf dialog.
    expect(sent).toEqual([['Up'], ['Down'], ['Enter']]);
    expect(confirmed()).toBe(1);
  });

  it('sends an arrow key again when the dialog dropped the first one (2.1.332 drops keys right after drawing a dialog)', async () => {
    const { tmux, sent, confirmed } = fakeTmux(0, { dropFirst: 1 });
    await chooseDialogOption(request(tmux));
    expect(sent).toEqual([['Down'], ['Down'], ['Enter']]);
    expect(confirmed()).toBe(1);
  });

  it('never presses Enter when the cursor does not move to the option', async () => {
    const { tmux, sent } = fakeTmux(0, { ignoreMoves: true });
    await expect(chooseDialogOption(request(tmux))).rejects.toThrow(/did not reach the option; nothing was confirmed/);
    expect(sent.flat()).not.toContain('Enter');
  });

  it('presses Enter once more only when the very same dialog and cursor stay, then says so', async () => {
    const { tmux, sent } = fakeTmux(0, { ignoreEnter: true });
    await expect(chooseDialogOption(request(tmux))).rejects.toThrow('Enter was pressed twice but the dialog is still on screen');
    expect(sent.flat().filter((key) => key === 'Enter')).toHaveLength(2);
  });

  it('refuses a dialog whose cursor it cannot see', async () => {
    const { tmux, sent } = fakeTmux(undefined);
    await expect(chooseDialogOption(request(tmux))).rejects.toMatchObject({ code: expect.stringMatching(/stale_prompt|unreadable_screen/) });
    expect(sent).toEqual([]);
  });

  it('refuses when the screen is no longer that dialog', async () => {
    const tmux = { capturePane: async () => 'nothing here', sendKeys: async () => {} } as unknown as TmuxClient;
    await expect(chooseDialogOption(request(tmux))).rejects.toMatchObject({ code: 'stale_prompt' });
  });

  it('reports the picker’s reason when the option is missing', async () => {
    const { tmux, sent } = fakeTmux(0);
    await expect(chooseDialogOption({ ...request(tmux), pick: () => ({ error: 'no such option' }) })).rejects.toThrow('no such option');
    expect(sent).toEqual([]);
  });
});
