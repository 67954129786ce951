import { describe, expect, it } from 'vitest';
import { LAUNCH_GRACE_MS, planReconcile } from '../../../src/core/reconcile.js';
import type { SessionRecord } from '../../../src/core/session-record.js';

const t0 = Date.parse('2026-11-24T10:00:00Z');
const record = (name: string, extra: Partial<SessionRecord> = {}): SessionRecord => ({
  name,
  agent: 'claude',
  workdir: '/w',
  tmuxSession: name,
  createdAt: new Date(t0).toISOString(),
  lastActivityAt: new Date(t0).toISOString(),
  state: 'idle',
  ...extra,
});

describe('planReconcile', () => {
  it('marks sessions whose tmux session is gone or whose pane is dead as exited', () => {
    const plan = planReconcile([record('gone'), record('dead'), record('alive')], [
      { name: 'dead', paneDead: true, activityMs: t0 },
      { name: 'alive', paneDead: false, activityMs: t0 },
    ], t0, 60_000);
    expect(plan.exited).toEqual(['gone', 'dead']);
    expect(plan.remove).toEqual([]);
  });

  it('leaves a session being launched alone until its tmux session can exist', () => {
    const launching = [record('new', { state: 'starting' })];
    expect(planReconcile(launching, [], t0 + LAUNCH_GRACE_MS - 1, 60_000).exited).toEqual([]);
    expect(planReconcile(launching, [], t0 + LAUNCH_GRACE_MS, 60_000).exited).toEqual(['new']);
    expect(planReconcile([record('crashed', { state: 'starting' })], [{ name: 'crashed', paneDead: true, activityMs: t0 }], t0, 60_000).exited).toEqual(['crashed']);
  });

  it('removes exited sessions only after the grace period', () => {
    const exitedAt = new Date(t0).toISOString();
    const sessions = [record('old', { state: 'exited', exitedAt })];
    expect(planReconcile(sessions, [], t0 + 59_999, 60_000).remove).toEqual([]);
    expect(planReconcile(sessions, [], t0 + 60_000, 60_000).remove).toEqual(['old']);
  });

  it('records newer tmux activity and ignores older', () => {
    const plan = planReconcile([record('a'), record('b')], [
      { name: 'a', paneDead: false, activityMs: t0 + 5_000 },
      { name: 'b', paneDead: false, activityMs: t0 - 5_000 },
    ], t0, 60_000);
    expect(plan.activity).toEqual({ a: new Date(t0 + 5_000).toISOString() });
  });

  it('adopts live wingman sessions the registry lost, and nothing else', () => {
    const plan = planReconcile([record('kept')], [
      { name: 'kept', paneDead: false, activityMs: t0, wingmanName: 'kept', workdir: '/w' },
      { name: 'lost_1', paneDead: false, activityMs: t0, wingmanName: 'lost.1', workdir: '/w/lost' },
      { name: 'dead', paneDead: true, activityMs: t0, wingmanName: 'dead', workdir: '/w' },
      { name: 'users-own', paneDead: false, activityMs: t0 },
    ], t0, 60_000);
    expect(plan.adopt.map((session) => session.wingmanName)).toEqual(['lost.1']);
  });

  it('follows the tmux session name, not the wingman name', () => {
    const plan = planReconcile([record('v.1', { tmuxSession: 'v_1' })], [{ name: 'v_1', paneDead: false, activityMs: 0 }], t0, 1);
    expect(plan.exited).toEqual([]);
  });
});
