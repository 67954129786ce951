import type { SessionState } from './session-state.js';

/**
 * While every session is quiet the monitor lists tmux this often instead of every tick: an idle
 * monitor then costs a syscall per session per tick, not a fork of tmux per second. A full tick
 * costs ≈ 85 ms CPU at 100 sessions (bench), so every 30 s keeps an idle monitor near 0.3 % of a
 * core; what only a full tick sees (an agent that outlived its tmux server, a hooked idle
 * session's screen changed by hand at its terminal) needs no notification sooner.
 */
export const QUIET_FULL_TICK_MS = 30_000;

/**
 * States in which nothing changes on a hooked session's screen without a hook event firing or
 * its process dying: the user's next prompt fires UserPromptSubmit, an exit ends the pane's pid.
 * `working` is not quiet (an Esc interrupt or a deny fires no hook), nor is any dialog.
 */
const QUIET_STATES: ReadonlySet<SessionState> = new Set(['idle', 'error', 'exited']);

export interface WatchedSession {
  /** The state the monitor last derived, if it has read the session yet. */
  state: SessionState | undefined;
  /** Whether the session reports through wingman's hooks (hookless sessions are only seen on screen). */
  hooked: boolean;
  /** An approval prompt is waiting for an answer (reminders, answered-in-terminal checks). */
  pending: boolean;
}

export interface CadenceInput {
  nowMs: number;
  /** When the last full tick (tmux listing, screens where changed) ran; undefined before the first. */
  lastFullTickMs: number | undefined;
  sessions: readonly WatchedSession[];
  /** Hook events received since the last full tick. */
  hookEventsSinceFullTick: number;
  /** The registry file changed since the last full tick (a spawn, kill or state write elsewhere). */
  registryChanged: boolean;
  /** A pane process seen alive at the last full tick is gone. */
  paneProcessGone: boolean;
}

/** Whether this tick must list tmux and read changed screens, or may stay a cheap liveness check. */
export function needsFullTick(input: CadenceInput): boolean {
  if (input.lastFullTickMs === undefined) return true;
  if (input.nowMs - input.lastFullTickMs >= QUIET_FULL_TICK_MS) return true;
  if (input.hookEventsSinceFullTick > 0 || input.registryChanged || input.paneProcessGone) return true;
  return !input.sessions.every(isQuiet);
}

function isQuiet(session: WatchedSession): boolean {
  if (session.pending || session.state === undefined || !QUIET_STATES.has(session.state)) return false;
  return session.hooked || session.state === 'exited';
}
