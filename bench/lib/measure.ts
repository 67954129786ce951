import type { MonitorHost } from './monitor-host.js';
import { loadAverage, now, readMachineBusy, readProcTimes, readRss, sleep } from './proc.js';
import { round, summarise, type Summary } from './stats.js';

/** Cost of one monitor (wingman's or the baseline's) over a time window. */
export interface WindowStats {
  wallMs: number;
  /** The monitor process itself, % of one core (from /proc/PID/stat; 10 ms ticks). */
  cpuSelfPct: number | null;
  /** Same, from process.cpuUsage() inside the monitor host (µs resolution), when available. */
  cpuSelfPctExact: number | null;
  /** Its reaped children (tmux clients through the shim, grep, sleep …), % of one core. */
  cpuChildrenPct: number | null;
  cpuTotalPct: number | null;
  rssMeanMB: number | null;
  rssMaxMB: number | null;
  tmuxExecs: number;
  tmuxPerSec: number;
  /** The tmux server, which does the capture work for every capture-pane (also draws the agents). */
  tmuxServerCpuPct: number | null;
  /** All CPUs of the machine, % of ONE core (200 = both cores busy): other load during the window. */
  machineBusyPct: number | null;
  load1: number;
  /** Monitor host only: ticks in the window, their wall time, and screen reads (statusOf calls). */
  ticks?: number;
  tickMs?: Summary;
  statusReads?: number;
  tmuxByCommand?: Record<string, number>;
}

export interface WindowTarget {
  pid: number;
  tmuxCount: () => number;
  tmuxServerPid?: number | undefined;
  host?: MonitorHost | undefined;
}

export async function startWindow(target: WindowTarget): Promise<{ stop: () => Promise<WindowStats> }> {
  const t0 = now();
  const times0 = readProcTimes(target.pid);
  const server0 = target.tmuxServerPid ? readProcTimes(target.tmuxServerPid) : undefined;
  const machine0 = readMachineBusy();
  const count0 = target.tmuxCount();
  const host0 = target.host ? await target.host.stats(true) : undefined;
  const rss: number[] = [];
  const sample = () => {
    const value = readRss(target.pid);
    if (value !== undefined) rss.push(value);
  };
  sample();
  const timer = setInterval(sample, 500);
  return {
    async stop() {
      clearInterval(timer);
      sample();
      const host1 = target.host ? await target.host.stats(true) : undefined;
      const t1 = now();
      const times1 = readProcTimes(target.pid);
      const server1 = target.tmuxServerPid ? readProcTimes(target.tmuxServerPid) : undefined;
      const machine1 = readMachineBusy();
      const wallS = (t1 - t0) / 1000;
      const pct = (seconds: number | undefined) => (seconds === undefined ? null : round((seconds / wallS) * 100, 2));
      const execs = target.tmuxCount() - count0;
      const selfExact = host0 && host1 ? (host1.cpu.user + host1.cpu.system - host0.cpu.user - host0.cpu.system) / 1e6 : undefined;
      const mb = (bytes: number) => round(bytes / 1024 / 1024, 1);
      return {
        wallMs: Math.round(t1 - t0),
        cpuSelfPct: pct(times0 && times1 ? times1.self - times0.self : undefined),
        cpuSelfPctExact: pct(selfExact),
        cpuChildrenPct: pct(times0 && times1 ? times1.children - times0.children : undefined),
        cpuTotalPct: pct(times0 && times1 ? (selfExact ?? times1.self - times0.self) + times1.children - times0.children : undefined),
        rssMeanMB: rss.length ? mb(rss.reduce((a, b) => a + b, 0) / rss.length) : null,
        rssMaxMB: rss.length ? mb(Math.max(...rss)) : null,
        tmuxExecs: execs,
        tmuxPerSec: round(execs / wallS, 2) ?? 0,
        tmuxServerCpuPct: pct(server0 && server1 ? server1.self - server0.self : undefined),
        machineBusyPct: round(((machine1.busy - machine0.busy) / wallS) * 100, 1),
        load1: loadAverage()[0] ?? 0,
        ...(host1 ? { ticks: host1.ticks, tickMs: roundSummary(summarise(host1.tickMs)), statusReads: host1.statusReads, tmuxByCommand: host1.tmux } : {}),
      };
    },
  };
}

export async function measureFor(target: WindowTarget, ms: number): Promise<WindowStats> {
  const window = await startWindow(target);
  await sleep(ms);
  return window.stop();
}

export function roundSummary(summary: Summary, digits = 1): Summary {
  return { count: summary.count, p50: round(summary.p50, digits), p95: round(summary.p95, digits), max: round(summary.max, digits), mean: round(summary.mean, digits) };
}
