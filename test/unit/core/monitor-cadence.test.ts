import { describe, expect, it } from 'vitest';
import { needsFullTick, QUIET_FULL_TICK_MS, type CadenceInput, type WatchedSession } from '../../../src/core/monitor-cadence.js';
import { SESSION_STATES } from '../../../src/core/session-state.js';

const t0 = 1_000_000;
const idle: WatchedSession = { state: 'idle', hooked: true, pending: false };
const quiet = (extra: Partial<CadenceInput> = {}): CadenceInput => ({
  nowMs: t0 + 1_000,
  lastFullTickMs: t0,
  sessions: [idle, { state: 'exited', hooked: true, pending: false }, { state: 'error', hooked: true, pending: false }],
  hookEventsSinceFullTick: 0,
  registryChanged: false,
  paneProcessGone: false,
  ...extra,
});

describe('needsFullTick', () => {
  it('stays cheap while every hooked session is idle, errored or exited and nothing happened', () => {
    expect(needsFullTick(quiet())).toBe(false);
    expect(needsFullTick(quiet({ sessions: [] }))).toBe(false);
  });

  it('runs the first tick in full', () => {
    expect(needsFullTick(quiet({ lastFullTickMs: undefined }))).toBe(true);
  });

  it('lists tmux at least every QUIET_FULL_TICK_MS even when quiet', () => {
    expect(needsFullTick(quiet({ nowMs: t0 + QUIET_FULL_TICK_MS - 1 }))).toBe(false);
    expect(needsFullTick(quiet({ nowMs: t0 + QUIET_FULL_TICK_MS }))).toBe(true);
  });

  it('wakes on a hook event, a registry change or a pane process gone', () => {
    expect(needsFullTick(quiet({ hookEventsSinceFullTick: 1 }))).toBe(true);
    expect(needsFullTick(quiet({ registryChanged: true }))).toBe(true);
    expect(needsFullTick(quiet({ paneProcessGone: true }))).toBe(true);
  });

  it('polls every tick while any session is in a state the screen alone can change', () => {
    const loud = SESSION_STATES.filter((state) => !['idle', 'error', 'exited'].includes(state));
    expect(loud).toEqual(['starting', 'working', 'waiting_approval', 'waiting_trust', 'waiting_answer', 'unknown']);
    for (const state of loud) {
      expect(needsFullTick(quiet({ sessions: [idle, { state, hooked: true, pending: false }] })), state).toBe(true);
    }
  });

  it('polls a session not read yet, one with a pending prompt, and a hookless one that is not exited', () => {
    expect(needsFullTick(quiet({ sessions: [idle, { state: undefined, hooked: true, pending: false }] }))).toBe(true);
    expect(needsFullTick(quiet({ sessions: [{ state: 'idle', hooked: true, pending: true }] }))).toBe(true);
    expect(needsFullTick(quiet({ sessions: [{ state: 'idle', hooked: false, pending: false }] }))).toBe(true);
    expect(needsFullTick(quiet({ sessions: [{ state: 'error', hooked: false, pending: false }] }))).toBe(true);
    expect(needsFullTick(quiet({ sessions: [{ state: 'exited', hooked: false, pending: false }] }))).toBe(false);
  });
});
