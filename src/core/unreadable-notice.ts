import type { SessionState } from './session-state.js';

/**
 * An unrecognised screen is reported only once it lasts: Claude Code passes through screens no
 * rule knows while it starts, redraws or resizes, and those must not reach the phone.
 */
export const UNKNOWN_NOTICE_AFTER_MS = 5_000;

export interface UnreadableWatch {
  sinceMs: number;
  told: boolean;
}

/** One step of watching a session's state: what to remember next, and whether to tell the phone now. */
export function watchUnreadable(watch: UnreadableWatch | undefined, state: SessionState, nowMs: number): { watch: UnreadableWatch | undefined; notify: boolean } {
  if (state !== 'unknown') return { watch: undefined, notify: false };
  const current = watch ?? { sinceMs: nowMs, told: false };
  if (current.told || nowMs - current.sinceMs < UNKNOWN_NOTICE_AFTER_MS) return { watch: current, notify: false };
  return { watch: { ...current, told: true }, notify: true };
}
