import { describe, expect, it } from 'vitest';
import { UNKNOWN_NOTICE_AFTER_MS, watchUnreadable, type UnreadableWatch } from '../../../src/core/unreadable-notice.js';
import type { SessionState } from '../../../src/core/session-state.js';

function run(steps: Array<[SessionState, number]>): number[] {
  let watch: UnreadableWatch | undefined;
  const told: number[] = [];
  for (const [state, at] of steps) {
    const next = watchUnreadable(watch, state, at);
    watch = next.watch;
    if (next.notify) told.push(at);
  }
  return told;
}

describe('watchUnreadable', () => {
  it('tells once, after the screen stayed unknown long enough', () => {
    expect(run([['unknown', 0], ['unknown', 1_000], ['unknown', UNKNOWN_NOTICE_AFTER_MS], ['unknown', 60_000]])).toEqual([UNKNOWN_NOTICE_AFTER_MS]);
  });

  it('never tells about a passing unknown screen (start-up, a redraw)', () => {
    expect(run([['unknown', 0], ['unknown', 4_000], ['working', 4_500], ['unknown', 6_000], ['idle', 9_000]])).toEqual([]);
  });

  it('tells again after the session read right in between', () => {
    expect(run([['unknown', 0], ['unknown', 6_000], ['idle', 7_000], ['unknown', 8_000], ['unknown', 14_000]])).toEqual([6_000, 14_000]);
  });
});
