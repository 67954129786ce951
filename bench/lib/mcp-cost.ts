import fs from 'node:fs';
import { readProcTimes, sleep } from './proc.js';
import { round } from './stats.js';

/**
 * What wingman's MCP hook servers (one per session, `mcp` transport) cost while their sessions are
 * idle: CPU from /proc/PID/stat over the window, memory at its end. RSS counts the node binary's
 * file-backed pages, which every node process on the machine shares; RssAnon is its heap and
 * stacks, Pss shares the shared pages out among their users, and Uss (private pages) is what one
 * more session costs.
 */
export interface McpServerCost {
  servers: number;
  windowMs: number;
  cpuPctMean: number | null;
  cpuPctMax: number | null;
  rssMB: { mean: number | null; max: number | null };
  anonMB: { mean: number | null; max: number | null };
  pssMB: { mean: number | null; max: number | null };
  /** Unique set size (Private_Clean + Private_Dirty): what the machine gets back when the server exits. */
  ussMB: { mean: number | null; max: number | null };
}

/** PIDs of processes under `roots` (any depth) whose command line contains `needle`. */
export function findDescendants(roots: readonly number[], needle: string): number[] {
  const parent = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      parent.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone
    }
  }
  const wanted = new Set(roots);
  const under = (pid: number): boolean => {
    for (let cursor: number | undefined = pid, hops = 0; cursor && hops < 64; cursor = parent.get(cursor), hops += 1) if (wanted.has(cursor)) return true;
    return false;
  };
  return [...parent.keys()].filter((pid) => {
    if (wanted.has(pid) || !under(pid)) return false;
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(needle);
    } catch {
      return false;
    }
  });
}

function memoryOf(pid: number): { rss: number; anon: number; pss: number; uss: number } | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string, text: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(text)?.[1] ?? NaN);
    const rollup = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    return { rss: kb('VmRSS', status) / 1024, anon: kb('RssAnon', status) / 1024, pss: kb('Pss', rollup) / 1024, uss: (kb('Private_Clean', rollup) + kb('Private_Dirty', rollup)) / 1024 };
  } catch {
    return undefined;
  }
}

const stats = (values: number[]) => ({ mean: values.length ? round(values.reduce((a, b) => a + b, 0) / values.length, 1) : null, max: values.length ? round(Math.max(...values), 1) : null });

export async function measureMcpServers(pids: readonly number[], windowMs: number): Promise<McpServerCost> {
  const before = new Map(pids.map((pid) => [pid, readProcTimes(pid)]));
  const started = Date.now();
  await sleep(windowMs);
  const wallS = (Date.now() - started) / 1000;
  const cpu: number[] = [];
  const memory: Array<{ rss: number; anon: number; pss: number; uss: number }> = [];
  for (const pid of pids) {
    const a = before.get(pid);
    const b = readProcTimes(pid);
    if (a && b) cpu.push(((b.self - a.self) / wallS) * 100);
    const mem = memoryOf(pid);
    if (mem) memory.push(mem);
  }
  return {
    servers: pids.length,
    windowMs: Math.round(wallS * 1000),
    cpuPctMean: stats(cpu).mean === null ? null : round(cpu.reduce((a, b) => a + b, 0) / cpu.length, 3),
    cpuPctMax: cpu.length ? round(Math.max(...cpu), 3) : null,
    rssMB: stats(memory.map((m) => m.rss)),
    anonMB: stats(memory.map((m) => m.anon)),
    pssMB: stats(memory.map((m) => m.pss)),
    ussMB: stats(memory.map((m) => m.uss)),
  };
}
