/**
 * How Claude Code's main thread spends an answer's decision → shell window (the real scenarios'
 * MCP rows),
 * read from Linux's /proc/PID/task/PID/schedstat (ns on a CPU, ns runnable but waiting for one).
 * A CPU profile cannot tell the two apart: its sampler records the stack of a thread that is
 * waiting for a core as if it ran. What is neither was blocked (a wait in a syscall or a futex).
 */
import fs from 'node:fs';
import { summarise, type Summary } from './stats.js';

export interface SchedSample {
  /** Epoch ms, sub-ms precision. */
  at: number;
  runNs: number;
  waitNs: number;
}

export interface SchedWindow {
  wallMs: number;
  runMs: number;
  waitMs: number;
  blockedMs: number;
}

/** `run_ns wait_ns timeslices`, as Linux writes it; undefined for anything else. */
export function parseSchedstat(text: string): { runNs: number; waitNs: number } | undefined {
  const match = /^(\d+) (\d+) \d+\s*$/.exec(text);
  return match ? { runNs: Number(match[1]), waitNs: Number(match[2]) } : undefined;
}

/** The counters at `t`, interpolated between the samples around it (undefined outside them). */
function countersAt(samples: readonly SchedSample[], t: number): { runNs: number; waitNs: number } | undefined {
  const after = samples.findIndex((sample) => sample.at >= t);
  if (after === -1) return undefined;
  const b = samples[after]!;
  if (b.at === t) return b;
  if (after === 0) return undefined;
  const a = samples[after - 1]!;
  const share = (t - a.at) / (b.at - a.at);
  return { runNs: a.runNs + (b.runNs - a.runNs) * share, waitNs: a.waitNs + (b.waitNs - a.waitNs) * share };
}

/** The window [from, to] split into on a CPU, waiting for one, and blocked; undefined if not covered by samples. */
export function schedWindow(samples: readonly SchedSample[], from: number, to: number): SchedWindow | undefined {
  if (!(to > from)) return undefined;
  const start = countersAt(samples, from);
  const end = countersAt(samples, to);
  if (!start || !end) return undefined;
  const wallMs = to - from;
  const runMs = Math.min(wallMs, (end.runNs - start.runNs) / 1e6);
  const waitMs = Math.min(wallMs - runMs, (end.waitNs - start.waitNs) / 1e6);
  return { wallMs, runMs, waitMs, blockedMs: Math.max(0, wallMs - runMs - waitMs) };
}

export interface SchedSummary {
  wall: Summary;
  run: Summary;
  wait: Summary;
  blocked: Summary;
}

export function summariseSchedWindows(windows: readonly SchedWindow[]): SchedSummary {
  return {
    wall: summarise(windows.map((window) => window.wallMs)),
    run: summarise(windows.map((window) => window.runMs)),
    wait: summarise(windows.map((window) => window.waitMs)),
    blocked: summarise(windows.map((window) => window.blockedMs)),
  };
}

/** Reads each pid's main-thread counters every `everyMs` (one small read each) until stopped. */
export function startSchedSampler(pids: readonly number[], everyMs = 2): { stop(): Map<number, SchedSample[]> } {
  const samples = new Map(pids.map((pid) => [pid, [] as SchedSample[]]));
  const read = () => {
    for (const [pid, list] of samples) {
      let text: string;
      try {
        text = fs.readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8');
      } catch {
        continue; // gone, or not Linux
      }
      const counters = parseSchedstat(text);
      if (counters) list.push({ at: performance.timeOrigin + performance.now(), ...counters });
    }
  };
  read();
  const timer = setInterval(read, everyMs);
  return {
    stop() {
      clearInterval(timer);
      read();
      return samples;
    },
  };
}
