import { setTimeout as delay } from 'node:timers/promises';
import { WingmanError } from '../core/errors.js';
import type { PendingPrompt, PromptOption, ScreenReading } from '../core/session-state.js';
import type { TmuxClient } from '../adapters/tmux/tmux-client.js';
import { amendOpened, feedbackRoute, oneLineReason, reasonShown, type FeedbackRoute } from '../agents/claude-code/screen/dialog-feedback.js';
import { readInputBox } from '../agents/claude-code/screen/input-box.js';
import { chooseDialogOption, readPrompt, type PromptReading } from './dialog-driver.js';
import { submitPrompt } from './prompt-submitter.js';

export interface ReasonDenyRequest {
  tmux: TmuxClient;
  tmuxSession: string;
  /** The wingman session name, for messages. */
  label: string;
  detect: (screen: string) => ScreenReading;
  /** What Claude should do instead. */
  reason: string;
  /** Keys go only to the very dialog the user was told about. */
  isSamePrompt?: (prompt: PendingPrompt) => boolean;
  sleep?: (ms: number) => Promise<void>;
}

/** Typed text shows within a frame or two; a busy machine may take longer. */
const SHOW_TIMEOUT_MS = 5_000;
/** How long the dialog may take to go away after Enter before one more Enter (or an error). */
const CONFIRM_TIMEOUT_MS = 3_000;
const POLL_MS = 50;

/**
 * Denies the dialog on screen and tells Claude why, by keys, the way the dialog offers it
 * (agents/claude-code/screen/dialog-feedback.ts): the cursor is moved onto the option that takes
 * a reason (seen there), Tab opens the box where the option needs it (seen open), the reason is
 * typed and must show in the option exactly before Enter is pressed. WebFetch's option
 * interrupts instead, so the reason is then submitted as the next prompt. A dialog with no way
 * to carry a reason gets nothing, not even Esc: a bare deny would drop the reason silently.
 */
export async function denyWithReasonByKeys(request: ReasonDenyRequest): Promise<void> {
  const sleep = request.sleep ?? delay;
  const reason = oneLineReason(request.reason);
  const screen = await request.tmux.capturePane(request.tmuxSession, { escapes: true });
  const reading = request.detect(screen);
  if (reading.state !== 'waiting_approval' || !reading.prompt || (request.isSamePrompt && !request.isSamePrompt(reading.prompt))) {
    throw new WingmanError('stale_prompt', `Session '${request.label}' no longer shows that prompt; nothing was sent.`);
  }
  const route = feedbackRoute(screen, reading.prompt.options);
  if (route.kind === 'none') {
    throw new WingmanError('no_pending_prompt', `Session '${request.label}': this ${reading.prompt.tool} dialog has no way to tell Claude why; nothing was sent. Deny without a reason (deny ${request.label}), then tell it what to do.`);
  }
  const choose = { ...request, state: 'waiting_approval' as const, sleep, pick: byLabel(request.label, route.label) };
  if (route.kind === 'then-prompt') {
    await chooseDialogOption(choose);
    await waitFor(sleep, SHOW_TIMEOUT_MS, async () => readInputBox(await request.tmux.capturePane(request.tmuxSession, { escapes: true })).present);
    await submitPrompt({ tmux: request.tmux, tmuxSession: request.tmuxSession, text: reason, label: request.label, enterRetries: 2, confirmTimeoutMs: CONFIRM_TIMEOUT_MS, sleep });
    return;
  }

  await chooseDialogOption({ ...choose, leaveOnOption: true });
  if (route.kind === 'amend') {
    await request.tmux.sendKeys(request.tmuxSession, ['Tab']);
    const opened = await waitFor(sleep, SHOW_TIMEOUT_MS, async () => amendOpened(focused(await shownPrompt(request))));
    if (!opened) throw new WingmanError('unreadable_screen', `Session '${request.label}': Tab did not open the box for the reason; nothing was typed or confirmed. Look with: wingman capture ${request.label}`);
  }
  await request.tmux.sendLiteral(request.tmuxSession, reason);
  const typed = await waitFor(sleep, SHOW_TIMEOUT_MS, async () => reasonShown(route, focused(await shownPrompt(request)), reason));
  if (!typed) {
    throw new WingmanError('typed_not_submitted', `Session '${request.label}': the reason did not show in the dialog as typed; nothing was confirmed. Look with: wingman capture ${request.label}`);
  }
  await confirmReason(request, route, reason, sleep);
}

/**
 * Enter, then the dialog must go away. One more Enter only while the very same dialog still
 * shows the reason in the focused option (2.1.332 now and then ignores an Enter).
 */
async function confirmReason(request: ReasonDenyRequest, route: FeedbackRoute, reason: string, sleep: (ms: number) => Promise<void>): Promise<void> {
  for (let press = 1; press <= 2; press += 1) {
    await request.tmux.sendKeys(request.tmuxSession, ['Enter']);
    const gone = await waitFor(sleep, CONFIRM_TIMEOUT_MS, async () => (await shownPrompt(request)) === undefined);
    if (gone) return;
    if (!reasonShown(route, focused(await shownPrompt(request)), reason)) break;
  }
  throw new WingmanError('not_ready', `Session '${request.label}': Enter did not send the reason; the dialog is still on screen. Look with: wingman capture ${request.label}`);
}

function byLabel(session: string, label: string) {
  return (options: readonly PromptOption[]) => {
    const index = options.findIndex((option) => option.label === label);
    return index === -1 ? { error: `Session '${session}': the option "${label}" is gone from the dialog; nothing was confirmed.` } : index;
  };
}

async function shownPrompt(request: ReasonDenyRequest): Promise<PromptReading | undefined> {
  return (await readPrompt(request, 'waiting_approval')).shown;
}

function focused(reading: PromptReading | undefined): PromptOption | undefined {
  return reading?.prompt.options.find((option) => option.selected === true);
}

async function waitFor(sleep: (ms: number) => Promise<void>, timeoutMs: number, done: () => Promise<boolean>): Promise<boolean> {
  for (let waited = 0; ; waited += POLL_MS) {
    if (await done()) return true;
    if (waited >= timeoutMs) return false;
    await sleep(POLL_MS);
  }
}
