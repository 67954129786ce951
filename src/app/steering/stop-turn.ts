import { setTimeout as delay } from 'node:timers/promises';
import type { Wingman } from '../create-wingman.js';
import type { EngineReply } from '../chat-engine.js';
import { AuditLog } from '../../adapters/store/audit-log.js';
import { readInputBox } from '../../agents/claude-code/screen/input-box.js';
import { readTurnMark, turnMovedOn } from '../../agents/claude-code/screen/turn-marks.js';
import type { SessionStatus } from '../../core/status/session-status.js';
import { isRestoredPrompt } from '../../core/steering/restored-prompt.js';
import { formatNothingToStop, formatNotStopped, formatStopped, type StatusFacts } from '../../core/steering/steering-replies.js';

export interface StopTiming {
  /** A status can read `working` from a fresh hook a moment before the screen shows the turn. */
  screenWorkingWaitMs: number;
  /** How long the screen may go on showing the turn after Esc before Esc is pressed once more. */
  retryAfterMs: number;
  /**
   * How long the status may take to read idle. Longer than HOOK_FRESH_MS: an interrupt fires no
   * hook, so a hook from just before it keeps the status at `working` that long.
   */
  idleTimeoutMs: number;
  pollMs: number;
}

const TIMING: StopTiming = { screenWorkingWaitMs: 2_000, retryAfterMs: 1_500, idleTimeoutMs: 10_000, pollMs: 150 };

export interface StopRequest {
  wingman: Pick<Wingman, 'sessions' | 'tmux' | 'detectScreen' | 'paths'>;
  session: string;
  by: string;
  timing?: Partial<StopTiming>;
  sleep?: (ms: number) => Promise<void>;
}

/** States in which a session runs no turn, so a stop has nothing left to do. */
const AT_REST = new Set(['idle', 'error', 'exited']);

/**
 * Interrupts the running turn the way a person does, with Esc, and proves it: the session must
 * read idle afterwards (status from hooks and screen), or be running the prompt that was queued
 * behind the turn (Claude Code starts it right after an interrupt). Esc goes only to a screen that
 * shows a running turn, checked right before, since Esc on an idle Claude Code is not a no-op
 * (twice opens its rewind menu). 2.1.332 sometimes ignores a key sent right after it drew
 * something, so when the very same turn is still on screen after a while, Esc is pressed once
 * more. The reply names what was interrupted; every Esc pressed is audited.
 */
export async function stopTurn(request: StopRequest): Promise<EngineReply> {
  const { wingman, session: name } = request;
  const timing = { ...TIMING, ...request.timing };
  const sleep = request.sleep ?? delay;
  const waitFor = async (done: () => Promise<boolean>, timeoutMs: number): Promise<boolean> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (await done()) return true;
      if (Date.now() >= deadline) return false;
      await sleep(timing.pollMs);
    }
  };
  const status = async (): Promise<SessionStatus> => (await wingman.sessions.get(name)).status;

  const before = await status();
  if (before.state !== 'working') return { ok: AT_REST.has(before.state), text: formatNothingToStop(before) };

  return wingman.sessions.withLiveSession(name, async (record) => {
    const read = async () => wingman.detectScreen(await wingman.tmux.capturePane(record.tmuxSession));
    const screenWorking = async () => (await read()).state === 'working';
    if (!(await waitFor(screenWorking, timing.screenWorkingWaitMs))) {
      const reading = await read();
      const facts: StatusFacts = { ...before, state: reading.state, pendingPrompt: reading.prompt, unreadable: reading.reason };
      return { ok: AT_REST.has(reading.state), text: formatNothingToStop(facts) };
    }
    const audit = (note: string) =>
      new AuditLog(wingman.paths.audit).append({ session: name, tool: '', detail: (before.currentTask ?? '').slice(0, 200), decision: 'stop', by: request.by, via: 'keys', note });

    // Claude Code starts a prompt queued behind the turn right after the interrupt: that new
    // turn must neither draw a second Esc nor count as the old one still running.
    const mark = readTurnMark(await wingman.tmux.capturePane(record.tmuxSession));
    const sameTurnOnScreen = async () => {
      const screen = await wingman.tmux.capturePane(record.tmuxSession);
      return wingman.detectScreen(screen).state === 'working' && !turnMovedOn(mark, readTurnMark(screen));
    };
    await wingman.tmux.sendKeys(record.tmuxSession, ['Escape']);
    let presses = 1;
    const turnLeftScreen = await waitFor(async () => !(await sameTurnOnScreen()), timing.retryAfterMs);
    if (!turnLeftScreen && (await sameTurnOnScreen())) {
      await wingman.tmux.sendKeys(record.tmuxSession, ['Escape']);
      presses = 2;
    }

    let after = before;
    const nextTask = () => (after.state === 'working' && after.currentTask !== undefined && after.currentTask !== before.currentTask ? after.currentTask : undefined);
    const stopped = await waitFor(async () => {
      after = await status();
      return after.state === 'idle' || after.state === 'error' || nextTask() !== undefined;
    }, timing.idleTimeoutMs);
    if (!stopped) {
      await audit(`did not stop: reads ${after.state} after ${presses} Esc`);
      return { ok: false, text: formatNotStopped(name, after.state, presses) };
    }
    const next = nextTask();
    const box = readInputBox(await wingman.tmux.capturePane(record.tmuxSession, { escapes: true }));
    const restored = next === undefined && isRestoredPrompt(box.text, [before.currentTask, record.lastPrompt]);
    await audit(`stopped (${presses} Esc)${restored ? '; its prompt is back in the input box' : ''}${next ? '; the queued prompt runs now' : ''}`);
    return { ok: true, text: formatStopped(before, restored, next) };
  });
}
