import { describe, expect, it } from 'vitest';
import { parseSchedstat, schedWindow, startSchedSampler, summariseSchedWindows, type SchedSample } from '../../bench/lib/schedstat.js';

const ms = 1e6;
// Every 10 ms: 6 ms on a CPU and 2 ms waiting for one (so 2 ms blocked).
const samples: SchedSample[] = Array.from({ length: 11 }, (_, index) => ({ at: 1_000 + index * 10, runNs: index * 6 * ms, waitNs: index * 2 * ms }));

describe('parseSchedstat', () => {
  it('reads run and wait nanoseconds', () => {
    expect(parseSchedstat('186479245 78155949 400\n')).toEqual({ runNs: 186479245, waitNs: 78155949 });
  });

  it.each(['', 'garbage', '1 2', '1 2 3 4', '-1 2 3'])('refuses %j', (text) => {
    expect(parseSchedstat(text)).toBeUndefined();
  });
});

describe('schedWindow', () => {
  it('splits a window on sample times', () => {
    expect(schedWindow(samples, 1_010, 1_050)).toEqual({ wallMs: 40, runMs: 24, waitMs: 8, blockedMs: 8 });
  });

  it('interpolates between samples', () => {
    const window = schedWindow(samples, 1_005, 1_020)!;
    expect(window.wallMs).toBe(15);
    expect(window.runMs).toBeCloseTo(9);
    expect(window.waitMs).toBeCloseTo(3);
    expect(window.blockedMs).toBeCloseTo(3);
  });

  it('is undefined where the samples do not cover the window, or it is empty', () => {
    expect(schedWindow(samples, 990, 1_020)).toBeUndefined();
    expect(schedWindow(samples, 1_090, 1_200)).toBeUndefined();
    expect(schedWindow(samples, 1_020, 1_020)).toBeUndefined();
    expect(schedWindow([], 1, 2)).toBeUndefined();
  });

  it('never reports more time than the wall clock had', () => {
    // Counters read a moment after their timestamps can run ahead of the window.
    const skewed: SchedSample[] = [
      { at: 0, runNs: 0, waitNs: 0 },
      { at: 10, runNs: 11 * ms, waitNs: 3 * ms },
    ];
    expect(schedWindow(skewed, 0, 10)).toEqual({ wallMs: 10, runMs: 10, waitMs: 0, blockedMs: 0 });
  });
});

describe('summariseSchedWindows', () => {
  it('gives percentiles of each part', () => {
    const summary = summariseSchedWindows([schedWindow(samples, 1_000, 1_010)!, schedWindow(samples, 1_000, 1_100)!]);
    expect(summary.wall).toMatchObject({ count: 2, p50: 55, max: 100 });
    expect(summary.run.max).toBeCloseTo(60);
    expect(summary.wait.max).toBeCloseTo(20);
  });
});

describe('startSchedSampler', () => {
  it.runIf(process.platform === 'linux')('samples a live thread and skips a pid that is gone', async () => {
    const sampler = startSchedSampler([process.pid, 2 ** 22 + 1], 1);
    const until = Date.now() + 30;
    while (Date.now() < until) {
      // busy: the counters must move
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
    const found = sampler.stop();
    const own = found.get(process.pid)!;
    expect(own.length).toBeGreaterThanOrEqual(2);
    expect(own.at(-1)!.runNs).toBeGreaterThan(own[0]!.runNs);
    expect(found.get(2 ** 22 + 1)).toEqual([]);
  });
});
