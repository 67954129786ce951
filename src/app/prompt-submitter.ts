import { WingmanError } from '../core/errors.js';
import { readInputBox } from '../agents/claude-code/screen/input-box.js';
import type { TmuxClient } from '../adapters/tmux/tmux-client.js';

export interface SubmitOptions {
  tmux: TmuxClient;
  tmuxSession: string;
  /** Already sanitised by `parsePromptText`. */
  text: string;
  enterRetries: number;
  confirmTimeoutMs: number;
  sleep: (ms: number) => Promise<void>;
  /** Shown in errors: the wingman session name. */
  label: string;
  /**
   * Text already in the box (e.g. the prompt Claude Code put back after an Esc interrupt) is
   * cleared first, checked on screen; without it such text stops the send.
   */
  replace?: boolean;
}

export interface SubmitResult {
  enterPresses: number;
}

/** How often the screen is read while waiting for the typed text or the submission to show. */
const SCREEN_POLL_MS = 100;
/**
 * Typed text usually shows within a frame or two; a long paste, or 2.1.332's full-screen UI on a
 * busy machine, takes longer. The wait ends as soon as the text shows.
 */
const ECHO_TIMEOUT_MS = 10_000;

/**
 * Types a prompt and proves it was submitted: the text goes in once (bracketed paste when it has
 * several lines, so a newline cannot submit half of it), Enter is pressed separately, and the
 * screen must then show an empty input box or no input box (a turn or a dialog took over).
 * Only Enter is retried, never the text, so a prompt can never be sent twice.
 */
export async function submitPrompt(options: SubmitOptions): Promise<SubmitResult> {
  const { tmux, tmuxSession, text, label } = options;
  const before = readInputBox(await tmux.capturePane(tmuxSession, { escapes: true }));
  if (!before.present) {
    throw new WingmanError('not_ready', `Session '${label}' is not showing its input box (a dialog may be open); nothing was typed.`);
  }
  if (before.text !== '') {
    if (!options.replace) {
      throw new WingmanError('not_ready', `Session '${label}' already has unsent text in its input box ("${shorten(before.text)}"); nothing was typed. Send with --replace to clear it first.`);
    }
    await clearInputBox(options, before.text);
  }

  if (text.includes('\n')) await tmux.pasteText(tmuxSession, text);
  else await tmux.sendLiteral(tmuxSession, text);

  const echoed = await pollScreen(options, ECHO_TIMEOUT_MS, (screen) => {
    const box = readInputBox(screen);
    return !box.present || box.text !== '';
  });
  if (!echoed) {
    throw new WingmanError('typed_not_submitted', `Session '${label}': the text did not appear in the input box; it was not submitted.`);
  }

  for (let press = 1; press <= options.enterRetries + 1; press += 1) {
    await tmux.sendKeys(tmuxSession, ['Enter']);
    const submitted = await pollScreen(options, options.confirmTimeoutMs, (screen) => {
      const box = readInputBox(screen);
      return !box.present || box.text === '';
    });
    if (submitted) return { enterPresses: press };
  }
  throw new WingmanError(
    'typed_not_submitted',
    `Session '${label}': the prompt was typed but Enter did not submit it after ${options.enterRetries + 1} tries (typed_not_submitted). It is still in the input box.`,
  );
}

/**
 * Empties the input box by keys, one line per round (end of line, delete to its start, join with
 * the line above), re-reading after each round: the text must shrink every time or wingman stops.
 * Claude Code restores an interrupted prompt with the cursor at its end, where this works.
 */
async function clearInputBox(options: SubmitOptions, text: string): Promise<void> {
  let remaining = text;
  for (let round = 0; round < text.split('\n').length + 3; round += 1) {
    await options.tmux.sendKeys(options.tmuxSession, ['C-e', 'C-u', 'BSpace']);
    let shrunk = false;
    await pollScreen(options, ECHO_TIMEOUT_MS, (screen) => {
      const box = readInputBox(screen);
      shrunk = box.present && box.text.length < remaining.length;
      if (shrunk) remaining = box.text;
      return shrunk || !box.present;
    });
    if (!shrunk) break;
    if (remaining === '') return;
  }
  throw new WingmanError('not_ready', `Session '${options.label}': the text in its input box could not be cleared ("${shorten(remaining)}"); nothing was typed.`);
}

async function pollScreen(options: SubmitOptions, timeoutMs: number, done: (screen: string) => boolean): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (done(await options.tmux.capturePane(options.tmuxSession, { escapes: true }))) return true;
    if (Date.now() >= deadline) return false;
    await options.sleep(SCREEN_POLL_MS);
  }
}

function shorten(text: string, max = 40): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine;
}
