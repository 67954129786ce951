#!/usr/bin/env node
/**
 * Runs wingman's real Monitor (built, from dist/) in its own process so the benchmark can read its
 * CPU and memory in isolation, with an in-memory NotificationChannel that time-stamps every
 * notification and hands it to the benchmark over IPC. The benchmark's replies are delivered with
 * monitor.desk.answer(...), exactly as the chat handler does.
 *
 * Configuration comes from the environment, as for `wingman monitor`: WINGMAN_HOME,
 * WINGMAN_TMUX_SOCKET, and PATH (the benchmark puts a counting `tmux` shim first). Optional:
 * BENCH_POLL_MS (the monitor's tick; default: the Monitor's own default), BENCH_DIST (another
 * build's dist/src directory, to compare versions).
 *
 * Instrumentation (cheap, counted in the process's CPU like everything else): every tmux command
 * by subcommand, screen reads (sessions.statusOf) and the wall time of each monitor tick.
 *
 * IPC from the benchmark: answer, stats, profile, stop. Started with child_process.fork().
 */
import inspector from 'node:inspector';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const now = () => performance.timeOrigin + performance.now();
const send = (message) => {
  if (process.connected) process.send(message);
};

const dist = process.env.BENCH_DIST ? new URL(`file://${path.resolve(process.env.BENCH_DIST)}/`) : new URL('../dist/src/', import.meta.url);
const { createWingman } = await import(new URL('app/create-wingman.js', dist).href);
const { Monitor } = await import(new URL('app/monitor.js', dist).href);

const logger = { warn: (text) => send({ type: 'warn', t: now(), text }) };
const wingman = await createWingman({ env: process.env, logger });

// ---- instrumentation (robust to how the Monitor's tick is written) ----
const counters = { tmux: {}, ticks: 0, tickMs: [], statusReads: 0 };
const runSequence = wingman.tmux.runSequence.bind(wingman.tmux);
wingman.tmux.runSequence = (commands) => {
  // One exec: a batch (every changed screen of a tick) is counted once, under its command names.
  const names = [...new Set(commands.map((command) => command[0]))].join(' + ');
  const key = commands.length > 1 ? `${names} (batch)` : names;
  counters.tmux[key] = (counters.tmux[key] ?? 0) + 1;
  return runSequence(commands);
};
// statusOf(): one session's screen + hook events read (called through the instance in every version).
if (typeof wingman.sessions.statusOf === 'function') {
  const statusOf = wingman.sessions.statusOf.bind(wingman.sessions);
  wingman.sessions.statusOf = (...args) => {
    counters.statusReads += 1;
    return statusOf(...args);
  };
}
// The Monitor's tick (a private method in TypeScript, a plain prototype method at run time).
if (typeof Monitor.prototype.tick === 'function') {
  const tick = Monitor.prototype.tick;
  Monitor.prototype.tick = async function benchTick(...args) {
    const started = now();
    try {
      return await tick.apply(this, args);
    } finally {
      counters.ticks += 1;
      counters.tickMs.push(now() - started);
    }
  };
}

const channel = {
  name: 'bench',
  async send(text) {
    send({ type: 'notify', t: now(), text });
  },
};

const pollIntervalMs = process.env.BENCH_POLL_MS ? Number(process.env.BENCH_POLL_MS) : undefined;
const monitor = new Monitor({ wingman, channel, pollIntervalMs, logger });

function snapshot(reset) {
  const result = {
    cpu: process.cpuUsage(),
    rss: process.memoryUsage().rss,
    heapUsed: process.memoryUsage().heapUsed,
    t: now(),
    ticks: counters.ticks,
    tickMs: counters.tickMs,
    statusReads: counters.statusReads,
    tmux: counters.tmux,
  };
  if (reset) {
    counters.tmux = {};
    counters.ticks = 0;
    counters.tickMs = [];
    counters.statusReads = 0;
  }
  return result;
}

// ---- CPU profile of the monitor's own JS thread (node:inspector), summarised here ----
function post(session, method, params = {}) {
  return new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
}

async function profile(ms) {
  const session = new inspector.Session();
  session.connect();
  try {
    await post(session, 'Profiler.enable');
    await post(session, 'Profiler.setSamplingInterval', { interval: 500 });
    const cpuBefore = process.cpuUsage();
    const before = snapshot(true);
    await post(session, 'Profiler.start');
    await new Promise((resolve) => setTimeout(resolve, ms));
    const { profile: result } = await post(session, 'Profiler.stop');
    const cpu = process.cpuUsage(cpuBefore);
    const after = snapshot(true);
    return { ...summarise(result), cpuUs: cpu.user + cpu.system, wallMs: after.t - before.t, ticks: after.ticks, tmux: after.tmux, tickMs: after.tickMs, statusReads: after.statusReads };
  } finally {
    session.disconnect();
  }
}

const repoRoot = path.resolve(new URL('..', import.meta.url).pathname);

function frameKey(callFrame) {
  const name = callFrame.functionName || '(anonymous)';
  if (!callFrame.url) return name;
  let url = callFrame.url.replace(/^file:\/\//, '');
  if (url.startsWith(repoRoot)) url = url.slice(repoRoot.length + 1);
  url = url.replace(/^node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?/, 'npm:');
  return `${name} ${url}:${callFrame.lineNumber + 1}`;
}

function category(callFrame) {
  const { url, functionName } = callFrame;
  if (!url) {
    if (functionName === '(garbage collector)') return 'garbage collection';
    if (functionName === '(program)') return 'native / event loop (program)';
    if (functionName === '(idle)') return 'idle';
    return `native: ${functionName}`;
  }
  if (/node_modules\/execa\//.test(url)) return 'execa (spawning tmux)';
  if (/node:internal\/child_process|node:child_process/.test(url)) return 'child_process spawn (tmux)';
  if (/node_modules\/zod\//.test(url)) return 'zod validation';
  if (/node_modules\/(proper-lockfile|graceful-fs|signal-exit|retry)\//.test(url)) return 'registry lock (proper-lockfile)';
  if (/node_modules\/write-file-atomic\//.test(url)) return 'registry write (write-file-atomic)';
  if (/node_modules\/p-queue\//.test(url)) return 'p-queue';
  if (/dist\/src\/(?:core\/screen|agents\/claude-code\/screen)\//.test(url)) return 'screen detection (screen readers)';
  if (/dist\/src\/core\/status\//.test(url)) return 'status derivation (core/status)';
  if (/dist\/src\//.test(url)) return `wingman ${url.replace(/^.*dist\/src\//, '')}`;
  if (/node_modules\//.test(url)) return `npm ${url.replace(/^.*node_modules\/([^/]+).*$/, '$1')}`;
  if (/^node:/.test(url)) {
    if (/fs|streams|pipe|net|stream/.test(url)) return 'node fs/streams/ipc';
    return `node ${url.replace(/^node:(internal\/)?/, '').split('/')[0]}`;
  }
  return 'other';
}

function summarise(result) {
  const byId = new Map(result.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of result.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map();
  const inclusive = new Map();
  const categories = new Map();
  let busyUs = 0;
  let idleUs = 0;
  result.samples.forEach((id, index) => {
    const delta = result.timeDeltas[index] ?? 0;
    const node = byId.get(id);
    if (!node) return;
    if (node.callFrame.functionName === '(idle)') {
      idleUs += delta;
      return;
    }
    busyUs += delta;
    const key = frameKey(node.callFrame);
    self.set(key, (self.get(key) ?? 0) + delta);
    const cat = category(node.callFrame);
    categories.set(cat, (categories.get(cat) ?? 0) + delta);
    const seen = new Set();
    for (let cursor = id; cursor !== undefined; cursor = parent.get(cursor)) {
      const frame = byId.get(cursor)?.callFrame;
      if (!frame || frame.functionName === '(root)') continue;
      const name = frameKey(frame);
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + delta);
    }
  });
  const top = (map, count) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, count).map(([name, us]) => ({ name, ms: us / 1000 }));
  return { busyMs: busyUs / 1000, idleMs: idleUs / 1000, self: top(self, 25), inclusive: top(inclusive, 40), categories: top(categories, 25) };
}

/**
 * Per-operation CPU cost inside this very process (same RSS, same heap), for the cost model of a
 * tick: one tmux exec (through wingman's TmuxClient / execa, and raw child_process), one registry
 * read (JSON + zod), and one fs.stat per session. The monitor is stopped first so its ticks do not
 * count in; this is the host's last request.
 */
async function micro(repeat) {
  await monitor.stop();
  const { spawn } = await import('node:child_process');
  const fsp = await import('node:fs/promises');
  const cost = async (fn, times = repeat) => {
    const before = process.cpuUsage();
    const started = now();
    for (let index = 0; index < times; index += 1) await fn();
    const used = process.cpuUsage(before);
    return { cpuMs: (used.user + used.system) / 1000 / times, wallMs: (now() - started) / times };
  };
  const raw = () => new Promise((resolve) => spawn('tmux', ['-V'], { stdio: 'ignore' }).on('close', resolve));
  const data = await wingman.registry.read();
  const names = Object.keys(data.sessions);
  const eventsFile = (name) => path.join(wingman.paths.sessionsDir, name, 'events.jsonl');
  return {
    rssMB: process.memoryUsage().rss / 1024 / 1024,
    sessions: names.length,
    listSessions: await cost(() => runSequence([['list-panes', '-a', '-F', '#{session_name}']])),
    tmuxVersionExeca: await cost(() => runSequence([['-V']]).catch(() => undefined)),
    rawSpawn: await cost(raw),
    registryRead: await cost(() => wingman.registry.read()),
    statEveryEventsFile: await cost(() => Promise.all(names.map((name) => fsp.stat(eventsFile(name)).catch(() => undefined)))),
    capturePane300: names[0] ? await cost(() => runSequence([['capture-pane', '-p', '-t', `=${names[0]}:`, '-S', '-300']])) : undefined,
  };
}

process.on('message', (message) => {
  void handle(message).catch((error) => send({ type: 'error', reqId: message?.reqId, text: String(error?.stack ?? error) }));
});

async function handle(message) {
  switch (message?.type) {
    case 'answer': {
      const receivedAt = now();
      const result = await monitor.desk.answer(message.session, message.decision, message.id, 'bench');
      send({ type: 'answered', reqId: message.reqId, receivedAt, doneAt: now(), ok: result.ok, text: result.text });
      break;
    }
    case 'stats':
      send({ type: 'stats', reqId: message.reqId, ...snapshot(Boolean(message.reset)) });
      break;
    case 'profile':
      send({ type: 'profile', reqId: message.reqId, profile: await profile(message.ms) });
      break;
    case 'micro':
      send({ type: 'micro', reqId: message.reqId, micro: await micro(message.repeat ?? 20) });
      break;
    case 'stop':
      await stop();
      break;
    default:
      break;
  }
}

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  const timer = setTimeout(() => process.exit(0), 5_000);
  await monitor.stop().catch(() => undefined);
  clearTimeout(timer);
  process.exit(0);
}

// The benchmark went away: never outlive it.
process.on('disconnect', () => void stop());
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());

await monitor.start();
send({ type: 'ready', pid: process.pid, t: now(), socket: wingman.paths.hookSocket });
