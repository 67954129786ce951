import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { TmuxClient } from '../../src/adapters/tmux/tmux-client.js';
import { SessionRegistry } from '../../src/adapters/store/session-registry.js';
import { wingmanPaths } from '../../src/adapters/store/wingman-paths.js';
import { eventsFileFor } from '../../src/app/agent-hooks.js';
import type { SessionRecord } from '../../src/core/session-record.js';
import { startAgentHub, type AgentEvent, type AgentHub } from './agent-hub.js';
import { startBaseline } from './baseline.js';
import { onCleanup } from './cleanup.js';
import { measureFor, startWindow, type WindowStats } from './measure.js';
import { startMonitorHost, type MicroCosts, type MonitorHost, type ProfileSummary } from './monitor-host.js';
import { FAKE_AGENT, forwarderPath, mcpServerPath } from './paths.js';
import { findDescendants, measureMcpServers, type McpServerCost } from './mcp-cost.js';
import type { HookTransport } from '../../src/agents/claude-code/hook-transport.js';
import { now, pathWith, sleep } from './proc.js';
import { parseApprovalNotice, PromptTracker, readHookTimes, seededRandom, type PhaseStats } from './prompt-tracker.js';

export interface FakeParams {
  n: number;
  warmupMs: number;
  idleMs: number;
  workMs: number;
  /** Prompts per session in wingman's phase, and in the baseline's. */
  wingmanPrompts: number;
  baselinePrompts: number;
  /** Aggregate prompt arrival rate over all sessions (prompts per second). */
  promptRate: number;
  baselineIdleMs: number;
  /** CPU profiles of the monitor, idle and with every session working, after the prompt phase (0: none). */
  profileMs: number;
  promptTimeoutMs: number;
  baselinePromptTimeoutMs: number;
  /** Only the idle / working cost windows (and profiles): no prompts, no baseline. */
  costOnly: boolean;
  hooks: 'all' | 'permission';
  /** How the fake agents' hooks reach wingman: its MCP hook server (started once per agent) or the forwarder per event. */
  transport: HookTransport;
  baselinePollSeconds: number;
  seed: number;
}

export interface Shims {
  monitor: { binDir: string; binary: string; count: () => number };
  baseline: { binDir: string; binary: string; count: () => number };
}

export interface MonitorSideResult {
  idle: WindowStats;
  working?: WindowStats;
  prompting?: WindowStats;
  prompts: PhaseStats;
  warnings: string[];
}

export interface FakeResult {
  kind: 'fake';
  n: number;
  params: FakeParams;
  wingman: MonitorSideResult & { profile?: ProfileSummary; profileWorking?: ProfileSummary; micro?: MicroCosts; mcpServers?: McpServerCost };
  baseline?: MonitorSideResult;
  setupMs: number;
}

type Log = (message: string) => void;

/** N fake agents in real tmux, measured with wingman's monitor and then with the polling baseline. */
export async function runFakeScenario(root: string, params: FakeParams, shims: Shims, log: Log): Promise<FakeResult> {
  const { n } = params;
  const setupStarted = Date.now();
  const dir = path.join(root, `fake-${n}`);
  const home = path.join(dir, 'home');
  const work = path.join(dir, 'work');
  await fs.mkdir(work, { recursive: true });
  await fs.mkdir(home, { recursive: true, mode: 0o700 });
  const paths = wingmanPaths(home);
  const socket = `wingman-bench-${randomBytes(4).toString('hex')}`;
  const tmux = new TmuxClient({ socket });
  const removeTmuxCleanup = onCleanup(`tmux server ${socket}`, () => tmux.killServer());
  const hub = await startAgentHub(path.join(dir, 'ctrl.sock'));

  try {
    // Registry records, as wingman's spawn would write them, with the hook secret the agent gets.
    const names = Array.from({ length: n }, (_, index) => `b${n}-${index}`);
    const registry = new SessionRegistry(paths.registry, { warn: log });
    const createdAt = new Date().toISOString();
    const records: Record<string, SessionRecord> = {};
    const envs = new Map<string, Record<string, string>>();
    for (const name of names) {
      const secret = randomBytes(24).toString('base64url');
      const eventsFile = eventsFileFor(paths, name);
      await fs.mkdir(path.dirname(eventsFile), { recursive: true, mode: 0o700 });
      records[name] = { name, agent: 'claude', workdir: work, tmuxSession: name, createdAt, lastActivityAt: createdAt, state: 'idle', claudeSessionId: randomUUID(), hookSecret: secret, hookTransport: params.transport };
      envs.set(name, {
        WINGMAN_SESSION: name,
        WINGMAN_HOOK_SECRET: secret,
        WINGMAN_HOOK_SOCKET: paths.hookSocket,
        WINGMAN_EVENTS_FILE: eventsFile,
        BENCH_CTRL: hub.socketPath,
        BENCH_NAME: name,
        BENCH_FORWARDER: forwarderPath(),
        ...(params.transport === 'mcp' ? { BENCH_MCP_SERVER: mcpServerPath() } : {}),
        BENCH_HOOKS: params.hooks,
      });
    }
    await registry.update((data) => {
      Object.assign(data.sessions, records);
    });

    log(`  N=${n}: starting ${n} fake agents in tmux (-L ${socket})`);
    for (let index = 0; index < names.length; index += 10) {
      await Promise.all(
        names.slice(index, index + 10).map((name) =>
          tmux.newSession({
            name,
            cwd: work,
            command: [process.execPath, FAKE_AGENT],
            env: envs.get(name)!,
            width: 160,
            height: 45,
            userOptions: { '@wingman_name': name, '@wingman_workdir': work, '@wingman_claude_id': records[name]!.claudeSessionId! },
          }),
        ),
      );
    }
    await hub.waitForAgents(names, 60_000 + n * 500);
    const serverPid = Number((await tmux.run(['display-message', '-p', '#{pid}'])).trim()) || undefined;
    const setupMs = Date.now() - setupStarted;

    // ---- wingman's monitor ----
    const env = { WINGMAN_HOME: home, WINGMAN_TMUX_SOCKET: socket, PATH: pathWith(shims.monitor.binDir) };
    const host = await startMonitorHost(env);
    const target = { pid: host.pid, tmuxCount: shims.monitor.count, tmuxServerPid: serverPid, host };
    let wingman: FakeResult['wingman'];
    try {
      // One plain event each (Claude Code's idle notification) attaches every MCP hook server's channel.
      hub.broadcast({ cmd: 'notify' });
      await sleep(params.warmupMs);
      log(`  N=${n}: wingman monitor, all idle (${params.idleMs / 1000} s)`);
      const mcpPids = params.transport === 'mcp' && serverPid ? findDescendants([serverPid], 'hook-mcp-server.js') : [];
      const [idle, mcpServers] = await Promise.all([measureFor(target, params.idleMs), mcpPids.length > 0 ? measureMcpServers(mcpPids, params.idleMs) : Promise.resolve(undefined)]);
      hub.broadcast({ cmd: 'work' });
      await sleep(2_000);
      log(`  N=${n}: wingman monitor, all working (${params.workMs / 1000} s)`);
      const working = await measureFor(target, params.workMs);
      hub.broadcast({ cmd: 'idle' });
      await sleep(2_000);
      let prompting: WindowStats | undefined;
      let prompts = new PromptTracker().result();
      if (!params.costOnly) {
        log(`  N=${n}: wingman monitor, ${params.wingmanPrompts * n} prompts`);
        const window = await startWindow(target);
        prompts = await promptPhase('wingman', hub, names, params, params.wingmanPrompts, params.promptTimeoutMs, { host }, (name) => eventsFileFor(paths, name));
        prompting = await window.stop();
      }
      let profile: ProfileSummary | undefined;
      let profileWorking: ProfileSummary | undefined;
      if (params.profileMs > 0) {
        await sleep(5_000); // settle: every screen read once more after the last prompt
        log(`  N=${n}: profiling the monitor, idle then working (${params.profileMs / 1000} s each)`);
        profile = await host.profile(params.profileMs);
        hub.broadcast({ cmd: 'work' });
        await sleep(2_000);
        profileWorking = await host.profile(params.profileMs);
        hub.broadcast({ cmd: 'idle' });
      }
      let micro: MicroCosts | undefined;
      if (params.profileMs > 0) {
        await sleep(3_000);
        micro = await host.micro(20);
      }
      wingman = { idle, working, ...(mcpServers ? { mcpServers } : {}), ...(prompting ? { prompting } : {}), prompts, warnings: host.warnings.slice(0, 20), ...(profile ? { profile } : {}), ...(profileWorking ? { profileWorking } : {}), ...(micro ? { micro } : {}) };
    } finally {
      await host.stop();
    }

    if (params.costOnly) return { kind: 'fake', n, params, wingman, setupMs };

    // ---- the baseline: 5-second capture-pane polling ----
    await sleep(1_000);
    const baselineMonitor = startBaseline({ socket, outFile: path.join(dir, 'baseline-notices.tsv'), pollSeconds: params.baselinePollSeconds, shimBinDir: shims.baseline.binDir });
    let baseline: MonitorSideResult;
    try {
      const baseTarget = { pid: baselineMonitor.pid, tmuxCount: shims.baseline.count, tmuxServerPid: serverPid };
      log(`  N=${n}: baseline, all idle (${params.baselineIdleMs / 1000} s)`);
      const idle = params.baselineIdleMs > 0 ? await measureFor(baseTarget, params.baselineIdleMs) : undefined;
      log(`  N=${n}: baseline, ${params.baselinePrompts * n} prompts`);
      const window = await startWindow(baseTarget);
      const keys = new TmuxClient({ socket, binary: shims.baseline.binary });
      const prompts = await promptPhase('baseline', hub, names, params, params.baselinePrompts, params.baselinePromptTimeoutMs, { baseline: baselineMonitor, keys });
      const prompting = await window.stop();
      baseline = { idle: idle ?? prompting, prompting, prompts, warnings: [] };
    } finally {
      await baselineMonitor.stop();
    }
    return { kind: 'fake', n, params, wingman, baseline, setupMs };
  } finally {
    hub.broadcast({ cmd: 'exit' });
    await sleep(300);
    await hub.close();
    await tmux.killServer().catch(() => undefined);
    removeTmuxCleanup();
    await fs.rm(dir, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
  }
}

interface Relays {
  host?: MonitorHost;
  baseline?: ReturnType<typeof startBaseline>;
  keys?: TmuxClient;
}

const seqOf = (text: string): string | undefined => /bench-([A-Za-z0-9-]+)/.exec(text)?.[1];

/**
 * Each session raises `perSession` Bash permission prompts, spread so all sessions together
 * raise about `promptRate` per second; every notification is answered at once with "approve"
 * (wingman: monitor.desk.answer with the notified id; baseline: tmux send-keys 1, as its chat
 * handler did).
 */
async function promptPhase(kind: 'wingman' | 'baseline', hub: AgentHub, names: readonly string[], params: FakeParams, perSession: number, timeoutMs: number, relays: Relays, eventsFile?: (name: string) => string): Promise<PhaseStats> {
  const tracker = new PromptTracker();
  const random = seededRandom(params.seed + (kind === 'wingman' ? 1 : 2) * 7919 + names.length);
  const doneWaiters = new Map<string, () => void>();
  let active = true;

  const stopEvents = hub.onEvent((event: AgentEvent) => {
    if (!active) return;
    const record = tracker.get(event.seq);
    switch (event.ev) {
      case 'drawn':
        if (record) record.drawnAt = event.t;
        break;
      case 'hook':
        if (record) Object.assign(record, { hookDecision: event.decision, hookMs: event.ms, hookOutputAt: event.outputAt });
        break;
      case 'tool_started':
        if (record) {
          record.answers += 1;
          if (record.toolStartedAt === undefined) Object.assign(record, { toolStartedAt: event.t, startedVia: event.via });
        }
        break;
      case 'denied':
        if (record) Object.assign(record, { answers: record.answers + 1, denied: true });
        break;
      case 'stray_key':
      case 'late_hook':
        if (record) record.answers += 1;
        else tracker.otherMessage(`(agent) ${event.ev} ${event.key ?? ''}`);
        break;
      case 'done':
        if (event.seq) doneWaiters.get(event.seq)?.();
        break;
      case 'error':
        tracker.otherMessage(`(agent-error) ${event.text ?? ''}`);
        break;
      default:
        break;
    }
  });

  if (relays.host) {
    const host = relays.host;
    host.onNotify(({ t, text }) => {
      if (!active) return;
      const notice = parseApprovalNotice(text);
      if (!notice) {
        tracker.otherMessage(text);
        return;
      }
      const record = tracker.notified(seqOf(notice.detail), t, text);
      if (!record) return;
      record.promptId = notice.id;
      host.answer(notice.session, 'approve', notice.id).then(
        (reply) => Object.assign(record, { replyAt: reply.receivedAt, answerOk: reply.ok, answerText: reply.text }),
        (error: Error) => Object.assign(record, { answerOk: false, answerText: error.message }),
      );
    });
  }
  if (relays.baseline && relays.keys) {
    const keys = relays.keys;
    relays.baseline.onNotify(({ t, session, details }) => {
      if (!active) return;
      const record = tracker.notified(seqOf(details), t, `${session}: ${details}`);
      if (!record) return;
      record.replyAt = now();
      keys.sendKeys(session, ['1']).then(
        () => (record.answerOk = true),
        (error: Error) => Object.assign(record, { answerOk: false, answerText: error.message }),
      );
    });
  }

  const meanGapMs = Math.max(1_000, (names.length / params.promptRate) * 1_000);
  const loops = names.map(async (name) => {
    await sleep(random() * meanGapMs);
    for (let index = 0; index < perSession; index += 1) {
      if (index > 0) await sleep(meanGapMs * (0.5 + random()));
      const seq = `${name}-p${index}`;
      const record = tracker.add(seq, name);
      const done = new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs);
        doneWaiters.set(seq, () => {
          clearTimeout(timer);
          resolve(true);
        });
      });
      record.sentAt = now();
      hub.send(name, { cmd: 'prompt', seq, command: `echo bench-${seq} > out-${seq}.txt` });
      if (!(await done)) {
        record.timedOut = true;
        hub.send(name, { cmd: 'abort' });
        await sleep(500);
      }
      doneWaiters.delete(seq);
    }
  });
  await Promise.all(loops);
  await sleep(1_500); // late duplicates, stray keys
  active = false;
  stopEvents();
  if (eventsFile) {
    for (const name of names) {
      for (const [seq, times] of await readHookTimes(eventsFile(name), seqOf)) {
        const record = tracker.get(seq);
        if (record) Object.assign(record, { forwarderAt: times.at, hookInvokedAt: times.startedAt ?? times.at });
      }
    }
  }
  return tracker.result();
}
