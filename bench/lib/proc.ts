import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

/** Epoch milliseconds with sub-millisecond resolution; the same clock the fake agents and the monitor host use. */
export const now = (): number => performance.timeOrigin + performance.now();
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

let clockTicks: number | undefined;
export function clkTck(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

export interface ProcTimes {
  /** CPU seconds of the process itself (user + system). */
  self: number;
  /** CPU seconds of its children that it has waited for (tmux clients, grep, …). */
  children: number;
}

/** /proc/PID/stat: utime, stime, cutime, cstime (fields 14-17), in seconds. */
export function readProcTimes(pid: number): ProcTimes | undefined {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state); utime is field 14 → index 11.
    const [utime, stime, cutime, cstime] = [11, 12, 13, 14].map((index) => Number(fields[index]) / clkTck()) as [number, number, number, number];
    return { self: utime + stime, children: cutime + cstime };
  } catch {
    return undefined;
  }
}

/** Resident set size in bytes (VmRSS). */
export function readRss(pid: number): number | undefined {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Whole-machine busy CPU seconds (all cores) from /proc/stat, to see load from other work. */
export function readMachineBusy(): { busy: number; total: number } {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  const total = values.reduce((sum, value) => sum + value, 0);
  return { busy: (total - idle) / clkTck(), total: total / clkTck() };
}

export const loadAverage = (): number[] => os.loadavg().map((value) => Math.round(value * 100) / 100);

/**
 * A `tmux` shim put first on a process's PATH: it counts every exec (one byte per exec in the
 * counter file) and hands over to the real tmux. Costs one /bin/sh start per call.
 */
export async function makeTmuxShim(dir: string, label: string): Promise<{ binDir: string; binary: string; counter: string; count: () => number }> {
  const realTmux = execFileSync('sh', ['-c', 'command -v tmux'], { encoding: 'utf8' }).trim();
  if (!realTmux) throw new Error('tmux is not installed');
  const binDir = path.join(dir, `shim-${label}`);
  const counter = path.join(dir, `tmux-execs-${label}.count`);
  await fsp.mkdir(binDir, { recursive: true });
  await fsp.writeFile(counter, '');
  const binary = path.join(binDir, 'tmux');
  await fsp.writeFile(binary, `#!/bin/sh\nprintf . >> '${counter}'\nexec '${realTmux}' "$@"\n`, { mode: 0o755 });
  return {
    binDir,
    binary,
    counter,
    count: () => {
      try {
        return fs.statSync(counter).size;
      } catch {
        return 0;
      }
    },
  };
}

export function pathWith(binDir: string): string {
  return `${binDir}${path.delimiter}${process.env.PATH ?? ''}`;
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (pid > 0 && Date.now() < deadline) {
    if (!processAlive(pid)) return true;
    await sleep(50);
  }
  return !processAlive(pid);
}

/** Busy CPU of the whole machine over `ms`, in % of one core (200 = both cores of a 2-core box). */
export async function machineBusyPct(ms: number): Promise<number> {
  const before = readMachineBusy();
  const started = now();
  await sleep(ms);
  const after = readMachineBusy();
  return ((after.busy - before.busy) / ((now() - started) / 1000)) * 100;
}

/**
 * Other work on a shared machine skews every number here: wait (up to `maxMs`) until the machine
 * is nearly idle before a scenario starts. Returns the busy % seen last and how long it waited.
 */
export async function waitForQuiet(maxMs: number, thresholdPct: number, log: (message: string) => void): Promise<{ waitedS: number; busyPct: number }> {
  const started = Date.now();
  let busy = await machineBusyPct(2_000);
  let told = false;
  while (busy > thresholdPct && Date.now() - started < maxMs) {
    if (!told) log(`machine busy with other work (${Math.round(busy)} % of a core); waiting up to ${Math.round(maxMs / 1000)} s for it to settle`);
    told = true;
    await sleep(3_000);
    busy = await machineBusyPct(2_000);
  }
  return { waitedS: Math.round((Date.now() - started) / 1000), busyPct: Math.round(busy) };
}

/**
 * CPU (ms) one exec of `binary args` costs in the child, read from our own cutime+cstime: used to
 * tell the counting shim's share (an extra /bin/sh per exec) from tmux's own client cost.
 */
export function childCpuPerExec(binary: string, args: readonly string[], times: number): number | null {
  const before = readProcTimes(process.pid);
  for (let index = 0; index < times; index += 1) spawnSync(binary, args, { stdio: 'ignore', env: { ...process.env, TMUX: '' } });
  const after = readProcTimes(process.pid);
  return before && after ? ((after.children - before.children) * 1000) / times : null;
}

/**
 * How long the hook forwarder takes to start on this machine with nothing else running: spawn →
 * its own time stamp in the events file (what Claude Code pays per hook event, before any relay).
 */
export function forwarderStartFloor(forwarder: string, dir: string, times: number): { p50: number; max: number } | null {
  const samples: number[] = [];
  for (let index = 0; index < times; index += 1) {
    const file = path.join(dir, `forwarder-start-${index}.jsonl`);
    const started = now();
    spawnSync(process.execPath, [forwarder], {
      input: JSON.stringify({ hook_event_name: 'Stop', session_id: 'bench', cwd: dir, transcript_path: path.join(dir, 't.jsonl') }),
      env: { ...process.env, WINGMAN_EVENTS_FILE: file, WINGMAN_SESSION: '', WINGMAN_HOOK_SECRET: '', WINGMAN_HOOK_SOCKET: '' },
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    try {
      const at = (JSON.parse(fs.readFileSync(file, 'utf8').split('\n')[0] ?? '') as { at: number }).at;
      samples.push(at - started);
    } catch {
      // no line: the forwarder failed; leave it out
    }
  }
  if (samples.length === 0) return null;
  samples.sort((a, b) => a - b);
  return { p50: Math.round(samples[Math.floor(samples.length / 2)]!), max: Math.round(samples.at(-1)!) };
}
