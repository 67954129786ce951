import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { startFakeMessagesApi } from '../../src/demo/fake-messages-api.js';
import { claudeEnv, createClaudeHome } from '../../src/agents/claude-code/isolated-home.js';
import { createWingman, type Wingman } from '../../src/app/create-wingman.js';
import { eventsFileFor } from '../../src/app/agent-hooks.js';
import { detectClaudeScreen } from '../../src/agents/claude-code/screen/claude-screen.js';
import { TmuxClient } from '../../src/adapters/tmux/tmux-client.js';
import { startBaseline } from './baseline.js';
import { onCleanup } from './cleanup.js';
import type { MonitorSideResult, Shims } from './fake-scenario.js';
import { measureFor, startWindow, type WindowStats } from './measure.js';
import { startMonitorHost, type MonitorHost } from './monitor-host.js';
import { claudeBin } from './paths.js';
import { findDescendants, measureMcpServers, type McpServerCost } from './mcp-cost.js';
import type { HookTransport } from '../../src/agents/claude-code/hook-transport.js';
import { now, pathWith, sleep, waitForExit } from './proc.js';
import { schedWindow, startSchedSampler, summariseSchedWindows, type SchedSample, type SchedSummary } from './schedstat.js';
import { parseApprovalNotice, PromptTracker, recordHookTimes, seededRandom, type PhaseStats, type PromptRecord } from './prompt-tracker.js';

export interface RealParams {
  n: number;
  rounds: number;
  baselineRounds: number;
  idleMs: number;
  workMs: number;
  baselineIdleMs: number;
  seed: number;
  /** How the sessions' hooks reach wingman (claude.hookTransport for their spawn). */
  transport: HookTransport;
  /** Also measure the 5 s polling baseline on the same sessions afterwards. */
  baseline: boolean;
  /** Answers only: a short idle window (idleMs), no working window, no MCP hook server cost. */
  answersOnly?: boolean;
  /** Extra environment for Claude Code (--claude-env), e.g. to measure a renderer setting. */
  claudeEnv?: Record<string, string>;
  /** The sessions' tmux window size (--pane WxH); wingman's default otherwise. */
  pane?: { width: number; height: number };
  /**
   * --claude-cpu-prof: Claude Code writes a CPU profile here (BUN_OPTIONS, set by run-bench), so it
   * is stopped by SIGTERM (a profile is written on exit) and each answer's window is written next
   * to it (answers-*.json).
   */
  cpuProfileDir?: string;
}

export interface RealResult {
  kind: 'real';
  n: number;
  params: RealParams;
  claudeVersion: string;
  transport: HookTransport;
  wingman: MonitorSideResult;
  baseline?: MonitorSideResult;
  /** The sessions' MCP hook servers while everything is idle (`mcp` transport). */
  mcpServers?: McpServerCost;
  /** Claude Code's main thread from each decision to the tool's shell (`mcp` transport; schedstat.ts). */
  claudeMainThread?: SchedSummary;
  setupMs: number;
  notes: string[];
}

const API_KEY = 'sk-ant-api03-wingman-bench-key-000000000000000000000';
const ESCAPES = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\x1b[()][0-9A-Za-z]|\x1b[=>78]/g;

/**
 * Watches a pane's output stream (tmux pipe-pane → file) for Claude Code's permission dialog and
 * time-stamps its first appearance after `arm()`. Claude positions words with cursor moves, so the
 * match is on the single word `proceed?` of "Do you want to proceed?" with escapes removed.
 */
export class DialogWatcher {
  private offset = 0;
  private tail = '';
  private armed: ((t: number) => void) | undefined;
  constructor(readonly file: string) {
    fs.writeFileSync(file, '');
  }
  arm(onSeen: (t: number) => void): void {
    try {
      this.offset = fs.statSync(this.file).size;
    } catch {
      this.offset = 0;
    }
    this.tail = '';
    this.armed = onSeen;
  }
  poll(): void {
    if (!this.armed) return;
    let size = 0;
    try {
      size = fs.statSync(this.file).size;
    } catch {
      return;
    }
    if (size <= this.offset) return;
    const t = now();
    const fd = fs.openSync(this.file, 'r');
    try {
      const buffer = Buffer.alloc(size - this.offset);
      fs.readSync(fd, buffer, 0, buffer.length, this.offset);
      this.offset = size;
      const text = (this.tail + buffer.toString('utf8')).replace(ESCAPES, '');
      if (text.includes('proceed?')) {
        const seen = this.armed;
        this.armed = undefined;
        seen(t);
        return;
      }
      this.tail = text.slice(-40);
    } finally {
      fs.closeSync(fd);
    }
  }
}

type Log = (message: string) => void;

/** N real Claude Code sessions (spawned by wingman) against the loopback fake Messages API. */
export async function runRealScenario(root: string, params: RealParams, shims: Shims, log: Log): Promise<RealResult> {
  const setupStarted = Date.now();
  // Its own directory per run: Claude Code processes of the last run may still be writing into theirs.
  const dir = path.join(root, `real-${params.n}-${params.transport}`);
  const claudeHome = path.join(dir, 'claude-home');
  const home = path.join(dir, 'home');
  const projects = path.join(dir, 'projects');
  await Promise.all([fsp.mkdir(claudeHome, { recursive: true }), fsp.mkdir(home, { recursive: true, mode: 0o700 }), fsp.mkdir(projects, { recursive: true })]);
  const api = await startFakeMessagesApi();
  const removeApi = onCleanup('fake Messages API', () => api.close());
  await createClaudeHome(claudeHome, { apiKey: API_KEY });
  // The project folders are trusted up front: the trust dialog is not what this measures, and on a
  // machine this busy a key can miss it (2.1.332 lists "No, exit" first).
  const names = Array.from({ length: params.n }, (_, index) => `real-${params.transport}-${index}`);
  const state = JSON.parse(await fsp.readFile(path.join(claudeHome, '.claude.json'), 'utf8')) as { projects: Record<string, unknown> };
  for (const name of names) state.projects[path.join(projects, name)] = { hasTrustDialogAccepted: true };
  await fsp.writeFile(path.join(claudeHome, '.claude.json'), `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  const socket = `wingman-bench-${randomBytes(4).toString('hex')}`;
  const shell = await writeShellWrapper(dir);
  await fsp.writeFile(
    path.join(home, 'config.json'),
    JSON.stringify({ claude: { env: { ...claudeEnv({ home: claudeHome, apiUrl: api.url, apiKey: API_KEY }), CLAUDE_CODE_MAX_RETRIES: '1', CLAUDE_CODE_SHELL: shell.path, SHELL: shell.path, ...params.claudeEnv }, hookTransport: params.transport }, ...(params.pane ? { tmux: params.pane } : {}), trustedRoots: [projects], startupTimeoutMs: 90_000 }, null, 2),
  );
  const env = { WINGMAN_HOME: home, WINGMAN_TMUX_SOCKET: socket, WINGMAN_CLAUDE_BIN: claudeBin() };
  const wingman = await createWingman({ env: { ...process.env, ...env }, logger: { warn: log } });
  const tmux = wingman.tmux;
  const stopServer = async () => {
    const panes = await tmux.listSessions().catch(() => []);
    if (params.cpuProfileDir) {
      // A hang-up loses the profile; SIGTERM lets Claude Code exit and Bun write it.
      for (const pane of panes) {
        try {
          process.kill(pane.panePid, 'SIGTERM');
        } catch {
          // gone
        }
      }
      await Promise.all(panes.map((pane) => waitForExit(pane.panePid, 15_000)));
    }
    await tmux.killServer().catch(() => undefined);
    // Claude still writes into its HOME while it exits.
    await Promise.all(panes.map((pane) => waitForExit(pane.panePid, 10_000)));
  };
  const removeServer = onCleanup(`tmux server ${socket}`, stopServer);
  const notes: string[] = [];
  let claudeVersion = '?';
  try {
    claudeVersion = execFileSync(claudeBin(), ['--version'], { encoding: 'utf8', timeout: 30_000, env: { ...process.env, HOME: claudeHome } }).trim();
  } catch {
    // reported as '?'
  }

  try {
    const watchers = new Map<string, DialogWatcher>();
    log(`  real: spawning ${params.n} Claude Code sessions (${claudeVersion})`);
    for (const name of names) {
      const workdir = path.join(projects, name);
      await fsp.mkdir(workdir, { recursive: true });
      await wingman.sessions.spawn({ name, workdir }).catch(async (error: unknown) => {
        const screen = await tmux.capturePane(name).catch(() => '(no screen)');
        throw new Error(`${error instanceof Error ? error.message : String(error)}\nscreen:\n${screen}`);
      });
      const watcher = new DialogWatcher(path.join(dir, `${name}.pane-output`));
      await tmux.run(['pipe-pane', '-t', `=${name}:`, '-o', `exec cat >> '${watcher.file}'`]);
      watchers.set(name, watcher);
    }
    const pollWatchers = setInterval(() => {
      for (const watcher of watchers.values()) watcher.poll();
    }, 5);
    const removeWatchers = onCleanup('dialog watchers', () => clearInterval(pollWatchers));
    const serverPid = Number((await tmux.run(['display-message', '-p', '#{pid}'])).trim()) || undefined;
    const setupMs = Date.now() - setupStarted;

    const context: RoundContext = { wingman, names, watchers, projects, params, shellLog: shell.log, log };
    // ---- wingman's monitor ----
    const host = await startMonitorHost({ ...env, PATH: pathWith(shims.monitor.binDir) });
    const target = { pid: host.pid, tmuxCount: shims.monitor.count, tmuxServerPid: serverPid, host };
    let wingmanSide: MonitorSideResult;
    let mcpServers: McpServerCost | undefined;
    try {
      await sleep(3_000);
      log(`  real (${params.transport}): wingman monitor, all idle (${params.idleMs / 1000} s)`);
      const panePids = (await tmux.listSessions()).map((pane) => pane.panePid).filter((pid) => pid > 0);
      const mcpPids = params.transport === 'mcp' && !params.answersOnly ? findDescendants(panePids, 'hook-mcp-server.js') : [];
      if (params.transport === 'mcp' && !params.answersOnly && mcpPids.length !== params.n) notes.push(`found ${mcpPids.length} MCP hook servers for ${params.n} sessions`);
      const [idle, servers] = await Promise.all([measureFor(target, params.idleMs), mcpPids.length > 0 ? measureMcpServers(mcpPids, params.idleMs) : Promise.resolve(undefined)]);
      mcpServers = servers;
      let working: WindowStats | undefined;
      if (params.workMs > 0) {
        log(`  real (${params.transport}): wingman monitor, all working (SLOW answers streaming)`);
        for (const name of names) await wingman.sessions.send(name, 'SLOW keep the spinner going');
        await sleep(1_000);
        working = await measureFor(target, params.workMs);
        await waitAllIdle(wingman, names, 30_000);
      }
      log(`  real (${params.transport}): wingman monitor, ${params.rounds * params.n} prompts`);
      const window = await startWindow(target);
      const prompts = await realPromptPhase(context, 'wingman', params.rounds, { host });
      const prompting = await window.stop();
      wingmanSide = { idle, ...(working ? { working } : {}), prompting, prompts, warnings: host.warnings.slice(0, 20) };
    } finally {
      await host.stop();
    }

    if (!params.baseline) {
      clearInterval(pollWatchers);
      removeWatchers();
      return { kind: 'real', n: params.n, params, claudeVersion, transport: params.transport, wingman: wingmanSide, ...(mcpServers ? { mcpServers } : {}), ...(context.claudeMainThread ? { claudeMainThread: context.claudeMainThread } : {}), setupMs, notes };
    }
    // ---- the polling baseline ----
    await sleep(1_000);
    const baseline = startBaseline({ socket, outFile: path.join(dir, 'baseline-notices.tsv'), pollSeconds: BASELINE_POLL_MS / 1000, shimBinDir: shims.baseline.binDir });
    let baselineSide: MonitorSideResult;
    try {
      const baseTarget = { pid: baseline.pid, tmuxCount: shims.baseline.count, tmuxServerPid: serverPid };
      log(`  real: baseline, all idle (${params.baselineIdleMs / 1000} s)`);
      const idle = await measureFor(baseTarget, params.baselineIdleMs);
      log(`  real: baseline, ${params.baselineRounds * params.n} prompts`);
      const window = await startWindow(baseTarget);
      const keys = new TmuxClient({ socket, binary: shims.baseline.binary });
      const prompts = await realPromptPhase(context, 'baseline', params.baselineRounds, { baseline, keys });
      const prompting = await window.stop();
      baselineSide = { idle, prompting, prompts, warnings: [] };
    } finally {
      await baseline.stop();
    }
    clearInterval(pollWatchers);
    removeWatchers();
    return { kind: 'real', n: params.n, params, claudeVersion, transport: params.transport, wingman: wingmanSide, baseline: baselineSide, ...(mcpServers ? { mcpServers } : {}), ...(context.claudeMainThread ? { claudeMainThread: context.claudeMainThread } : {}), setupMs, notes };
  } finally {
    await stopServer();
    removeServer();
    await api.close().catch(() => undefined);
    removeApi();
    await fsp.rm(dir, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
  }
}

/** The answers the MCP hook server decided, with when it handed the decision over and when Claude Code started the shell. */
function decidedAnswers(tracker: PromptTracker): Array<{ session: string; decidedAt: number; shellStartedAt: number }> {
  return [...tracker.records.values()].flatMap((record) =>
    record.startedVia === 'hook' && record.hookOutputAt !== undefined && record.shellStartedAt !== undefined
      ? [{ session: record.session, decidedAt: record.hookOutputAt, shellStartedAt: record.shellStartedAt }]
      : [],
  );
}

/** For --claude-cpu-prof: each session's Claude Code pid and its answers' decision → shell windows. */
async function writeAnswerWindows(context: RoundContext, kind: string, tracker: PromptTracker, pids: Map<string, number>): Promise<void> {
  const answers = decidedAnswers(tracker);
  const sessions = context.names.map((name) => ({
    session: name,
    pid: pids.get(name) ?? 0,
    answers: answers
      .filter((answer) => answer.session === name)
      .map(({ decidedAt, shellStartedAt }) => ({ decidedAt, shellStartedAt })),
  }));
  const file = path.join(context.params.cpuProfileDir!, `answers-${context.params.transport}-${context.params.n}-${kind}.json`);
  await fsp.writeFile(file, `${JSON.stringify(sessions, null, 2)}\n`);
}

/** Each answer's decision → shell window of Claude Code's main thread: on a CPU, waiting for one, blocked. */
function claudeMainThread(tracker: PromptTracker, pids: Map<string, number>, samples: Map<number, SchedSample[]>): SchedSummary {
  const windows = decidedAnswers(tracker)
    .map((answer) => schedWindow(samples.get(pids.get(answer.session) ?? 0) ?? [], answer.decidedAt, answer.shellStartedAt))
    .filter((window) => window !== undefined);
  return summariseSchedWindows(windows);
}

interface RoundContext {
  wingman: Wingman;
  names: string[];
  watchers: Map<string, DialogWatcher>;
  projects: string;
  params: RealParams;
  /** Where the shell wrapper logs each shell Claude Code starts. */
  shellLog: string;
  log: Log;
  /** Set by the wingman phase with the MCP hook server (schedstat.ts). */
  claudeMainThread?: SchedSummary;
}

/**
 * Claude Code (2.1.332 at least) runs its Bash tool in CLAUDE_CODE_SHELL / SHELL, and only in a
 * shell named `bash` or `zsh`: this `bash` logs when Claude started it (and its arguments, which
 * hold the command) and execs the real one, so an answer's time splits into Claude Code's work up
 * to the shell and the shell's up to the command. It costs one more bash start per tool run (a few
 * ms, counted in "shell start → the command runs").
 */
export async function writeShellWrapper(dir: string): Promise<{ path: string; log: string }> {
  const binDir = path.join(dir, 'shell');
  await fsp.mkdir(binDir, { recursive: true });
  const log = path.join(dir, 'shell-starts.tsv');
  const wrapper = path.join(binDir, 'bash');
  const quoted = `'${log.replaceAll("'", "'\\''")}'`;
  await fsp.writeFile(wrapper, ['#!/bin/bash', 'started=$EPOCHREALTIME', 'args="$*"', `printf '%s\\t%s\\t%s\\n' "$started" "\${WINGMAN_SESSION:-}" "\${args//$'\\n'/ }" >> ${quoted}`, 'exec /bin/bash "$@"', ''].join('\n'), { mode: 0o755 });
  await fsp.writeFile(log, '');
  return { path: wrapper, log };
}

/** The shell starts the wrapper logged, per prompt (its `t-SEQ.txt` is in the command): the first one. */
export function readShellStarts(file: string): Map<string, number> {
  const starts = new Map<string, number>();
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  for (const line of text.split('\n')) {
    const [stamp, , args] = line.split('\t');
    const seq = args ? seqOf(args) : undefined;
    const at = Number(stamp?.replace(',', '.')) * 1000;
    if (seq && Number.isFinite(at) && !starts.has(seq)) starts.set(seq, at);
  }
  return starts;
}

/**
 * Waits for the end of the turn a prompt sent at `sinceMs` started: the session's Stop hook event
 * in its events file (a stat every 100 ms, a read only when it grew), so the benchmark does not
 * compete with the Claude processes it measures by running tmux. Without hook events (none logged
 * yet: hooks not there) or after an Esc (no Stop), the screen, read every second.
 */
async function waitTurnEnd(wingman: Wingman, name: string, sinceMs: number, fromOffset: number, options: { timeoutMs: number; screen: boolean }): Promise<boolean> {
  const file = eventsFileFor(wingman.paths, name);
  const deadline = Date.now() + options.timeoutMs;
  let offset = fromOffset;
  let lastScreenAt = Date.now();
  let tail = '';
  while (Date.now() < deadline) {
    const size = fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0;
    if (size < offset) offset = 0; // rotated
    if (size > offset) {
      const fd = fs.openSync(file, 'r');
      try {
        const buffer = Buffer.alloc(size - offset);
        fs.readSync(fd, buffer, 0, buffer.length, offset);
        offset = size;
        const lines = (tail + buffer.toString('utf8')).split('\n');
        tail = lines.pop() ?? '';
        for (const line of lines) {
          if (!line.includes('"Stop"')) continue;
          try {
            const { at, event } = JSON.parse(line) as { at?: number; event?: { hook_event_name?: string } };
            if (event?.hook_event_name === 'Stop' && typeof at === 'number' && at >= sinceMs) return true;
          } catch {
            // a cut line
          }
        }
      } finally {
        fs.closeSync(fd);
      }
    }
    if (options.screen && Date.now() - lastScreenAt >= 1_000) {
      lastScreenAt = Date.now();
      const screen = await wingman.tmux.capturePane(name).catch(() => '');
      if (detectClaudeScreen(screen).state === 'idle') return true;
    }
    await sleep(100);
  }
  return false;
}

const fileSize = (file: string) => fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0;

async function waitAllIdle(wingman: Wingman, names: readonly string[], timeoutMs: number): Promise<void> {
  await Promise.all(names.map((name) => waitIdle(wingman, name, timeoutMs)));
}

async function waitIdle(wingman: Wingman, name: string, timeoutMs: number, pollMs = 250): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const screen = await wingman.tmux.capturePane(name).catch(() => '');
    if (detectClaudeScreen(screen).state === 'idle') return true;
    await sleep(pollMs);
  }
  return false;
}

/** The polling baseline's period (startBaseline's pollSeconds below). */
const BASELINE_POLL_MS = 5_000;

/** A prompt's sequence name from its command or notice (`… >> t-SEQ.txt`). */
export const seqOf = (text: string): string | undefined => /t-([A-Za-z0-9-]+)\.txt/.exec(text)?.[1];

/**
 * Each round, every session gets `RUNTOOL date +%s%3N >> t-SEQ.txt`: a Bash permission dialog;
 * the command itself records when the tool started (and a second line would show it ran twice).
 */
async function realPromptPhase(context: RoundContext, kind: 'wingman' | 'baseline', rounds: number, relays: { host?: MonitorHost; baseline?: ReturnType<typeof startBaseline>; keys?: TmuxClient }): Promise<PhaseStats> {
  const { wingman, names, watchers, projects, params } = context;
  const tracker = new PromptTracker();
  const random = seededRandom(params.seed + (kind === 'wingman' ? 11 : 13));
  // Decision stamps come from the MCP hook server, so only its answers can be split by schedstat.
  const splitsAnswers = kind === 'wingman' && params.transport === 'mcp';
  // Each session's Claude Code process (the pane runs it directly), read only when something needs it.
  const pids = splitsAnswers || params.cpuProfileDir ? new Map((await wingman.tmux.listSessions()).map((pane) => [pane.name, pane.panePid])) : new Map<string, number>();
  const sampler = splitsAnswers ? startSchedSampler([...pids.values()].filter((pid) => pid > 0)) : undefined;
  let active = true;
  const answer = async (record: PromptRecord, id: string | undefined) => {
    // A person answers a prompt they were told of, with its dialog on screen: with the MCP hook server
    // 2.1.332's notice comes before the dialog is drawn (the hook fires 0.3–0.5 s earlier), and an
    // answer that quick would never let the dialog appear at all.
    const deadline = Date.now() + 3_000;
    while (record.drawnAt === undefined && Date.now() < deadline) await sleep(5);
    if (relays.host) {
      relays.host.answer(record.session, 'approve', id).then(
        (reply) => Object.assign(record, { replyAt: reply.receivedAt, answerOk: reply.ok, answerText: reply.text }),
        (error: Error) => Object.assign(record, { answerOk: false, answerText: error.message }),
      );
    } else if (relays.keys) {
      record.replyAt = now();
      relays.keys.sendKeys(record.session, ['1']).then(
        () => (record.answerOk = true),
        (error: Error) => Object.assign(record, { answerOk: false, answerText: error.message }),
      );
    }
  };
  relays.host?.onNotify(({ t, text }) => {
    if (!active) return;
    const notice = parseApprovalNotice(text);
    if (!notice) {
      tracker.otherMessage(text);
      return;
    }
    const record = tracker.notified(seqOf(notice.detail), t, text);
    if (!record) return;
    record.promptId = notice.id;
    void answer(record, notice.id);
  });
  relays.baseline?.onNotify(({ t, session, details }) => {
    if (!active) return;
    // 2.1.332's dialog puts "Tool execution approval needed" where the polling script looks for the
    // command; a session has one prompt open at a time, so its open prompt is the one.
    const open = [...tracker.records.values()].find((candidate) => candidate.session === session && candidate.drawnAt !== undefined && candidate.notifiedAt === undefined && candidate.toolStartedAt === undefined);
    const record = tracker.notified(seqOf(details) ?? open?.seq, t, `${session}: ${details}`);
    if (record) void answer(record, undefined);
  });

  const loops = names.map(async (name, index) => {
    await sleep(index * 700 + random() * 300);
    for (let round = 0; round < rounds; round += 1) {
      // The polling script takes a dialog for the one it already notified while it has not seen the
      // session without one (2.1.332's dialogs all read "Tool execution approval needed"): with one
      // session prompted back to back it would never notify the next, so its prompts are one poll apart.
      if (round > 0) await sleep((kind === 'baseline' ? BASELINE_POLL_MS : 0) + 500 + random() * 1_500);
      const seq = `${name}-${kind[0]}${round}`;
      const record = tracker.add(seq, name);
      const file = path.join(projects, name, `t-${seq}.txt`);
      watchers.get(name)!.arm((t) => (record.drawnAt = t));
      const eventsFile = eventsFileFor(wingman.paths, name);
      const eventsOffset = fileSize(eventsFile);
      record.sentAt = now();
      try {
        await wingman.sessions.send(name, `RUNTOOL date +%s%3N >> t-${seq}.txt`);
      } catch (error) {
        context.log(`  real: sending to ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      const deadline = Date.now() + 40_000;
      while (!fs.existsSync(file) && Date.now() < deadline) await sleep(50);
      if (!fs.existsSync(file)) {
        record.timedOut = true;
        await wingman.tmux.sendKeys(name, ['Escape']).catch(() => undefined);
        await waitIdle(wingman, name, 30_000, 1_000); // an interrupted turn fires no Stop
        continue;
      }
      // Hook events are there once the session has logged any (its start-up's SessionStart, with either transport).
      await waitTurnEnd(wingman, name, record.sentAt, eventsOffset, { timeoutMs: 30_000, screen: eventsOffset === 0 });
    }
  });
  await Promise.all(loops);
  await sleep(1_500);
  active = false;
  const schedSamples = sampler?.stop();
  for (const record of tracker.records.values()) {
    const file = path.join(projects, record.session, `t-${record.seq}.txt`);
    const lines = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split('\n').filter(Boolean) : [];
    if (lines.length > 0) {
      record.toolStartedAt = Number(lines[0]);
      record.answers = lines.length; // the tool ran once per answer it got
    }
  }
  for (const [seq, at] of readShellStarts(context.shellLog)) {
    const record = tracker.get(seq);
    if (record) record.shellStartedAt = at;
  }
  if (kind === 'wingman') {
    for (const name of names) await recordHookTimes(tracker, eventsFileFor(wingman.paths, name), seqOf);
  }
  if (params.cpuProfileDir) await writeAnswerWindows(context, kind, tracker, pids);
  if (schedSamples) context.claudeMainThread = claudeMainThread(tracker, pids, schedSamples);
  return tracker.result();
}
