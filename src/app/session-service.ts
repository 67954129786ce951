import { setTimeout as delay } from 'node:timers/promises';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import PQueue from 'p-queue';
import { WingmanError } from '../core/errors.js';
import type { WingmanConfig } from '../core/config-schema.js';
import { isValidSessionName, parseSessionName, tmuxSessionNameFor } from '../core/session-name.js';
import { parsePromptText } from '../core/prompt-text.js';
import { planReconcile } from '../core/reconcile.js';
import { isUnderTrustedRoot } from '../core/trusted-roots.js';
import type { SessionRecord } from '../core/session-record.js';
import type { ScreenReading, SessionState } from '../core/session-state.js';
import type { TmuxClient } from '../adapters/tmux/tmux-client.js';
import type { SessionRegistry } from '../adapters/store/session-registry.js';
import { buildClaudeLaunch, resolveClaudeBinary } from '../agents/claude-code/launch.js';
import type { ClaudeBinaryInfo } from '../agents/claude-code/binary-probe.js';
import { checkModeSupported } from '../agents/claude-code/permission-modes.js';
import { buildStartupSettings, resolveRenderer } from '../agents/claude-code/startup-settings.js';
import { versionWarning } from '../agents/claude-code/version-policy.js';
import { chooseHookTransport, type HookTransport } from '../agents/claude-code/hook-transport.js';
import type { SessionMode } from '../core/session-mode.js';
import type { TmuxSessionInfo } from '../adapters/tmux/tmux-client.js';
import { readRecentHookEvents } from '../adapters/store/hook-event-log.js';
import { readSessionTranscript } from '../agents/claude-code/transcript-file.js';
import { buildHookTimeline } from '../core/status/hook-timeline.js';
import { deriveSessionState } from '../core/status/derive-state.js';
import { buildSessionStatus, type SessionStatus } from '../core/status/session-status.js';
import { screenLines } from '../core/screen/screen-lines.js';
import type { ClaudeScreenReading } from '../agents/claude-code/screen/claude-screen.js';
import type { PreparedHooks } from './agent-hooks.js';
import { submitPrompt } from './prompt-submitter.js';
import { chooseDialogOption } from './dialog-driver.js';
import { withSessionLock } from '../adapters/store/session-lock.js';
import type { GitClient } from '../adapters/git/git-client.js';
import { waitForProcessExit } from '../demo/process-exit.js';
import { finishRefusal, type WorktreeFinish, type WorktreeOutcome } from '../core/worktrees/finish-plan.js';
import { dirtyWorktrees, discardNew, finishWorktree, inspectWork, prepareWorktree, restoreWorktree, wantsWorktree, type PreparedWorktree, type WorktreeRequest } from './worktrees.js';

export type ScreenDetector = (screen: string) => ClaudeScreenReading;

/** Scrollback read for status: enough to find the latest test summary and tool call. */
const STATUS_HISTORY_LINES = 300;

export interface SessionServiceDeps {
  config: WingmanConfig;
  tmux: TmuxClient;
  registry: SessionRegistry;
  detectScreen: ScreenDetector;
  /** Per-session hook wiring (settings file with the start-up settings, secret, env); without it sessions run hookless. */
  prepareHooks?: (name: string, startupSettings: object, transport: HookTransport) => Promise<PreparedHooks>;
  /** What the Claude Code binary says about itself (cached per binary); without it nothing is asked. */
  probeClaude?: (binary: string) => Promise<ClaudeBinaryInfo>;
  /** True the first time a version outside the tested range is seen; without it every spawn warns. */
  firstWarningFor?: (version: string) => Promise<boolean>;
  /** Waits (bounded) until a session's MCP hook server is connected; false when it was not in time. */
  waitForHookServer?: (name: string, timeoutMs: number) => Promise<boolean>;
  /** Where the hook forwarder logs a session's events. */
  eventsFileFor?: (name: string) => string;
  /** Directory for per-session cross-process locks; without it, work is serialised per process only. */
  lockDir?: string;
  /** git, for sessions with a worktree of their own (`spawn --worktree`) and for diff. */
  git?: GitClient;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

export interface SpawnRequest {
  name: string;
  workdir: string;
  prompt?: string | undefined;
  /** How the new session handles permission prompts; the config's `claude.permissionMode` by default. */
  mode?: SessionMode | undefined;
  /** A git worktree of its own (`--worktree`), else as the config says for that folder (`worktrees`). */
  worktree?: boolean | undefined;
  /** The worktree's branch (default from `worktrees.branch`: wingman/NAME); implies a worktree. */
  branch?: string | undefined;
  /** What a new branch starts from (default: the branch checked out in the work directory); implies a worktree. */
  base?: string | undefined;
}

export interface KillOptions {
  /** `keep` (default: kept while it holds work), `remove` (`--remove-worktree`), `discard` (`--force`). */
  worktree?: WorktreeFinish | undefined;
}

/** The stopped session, and what became of its worktree. */
export type KilledSession = SessionRecord & { worktreeOutcome?: WorktreeOutcome };

export interface SpawnResult {
  /** `sent`: the session already existed, so the prompt went to it (no duplicate session). */
  action: 'spawned' | 'sent';
  session: SessionRecord;
  /** What happened with Claude Code's folder-trust dialog. */
  trust: 'accepted' | 'waiting' | 'not_asked';
  /** Once per version: the Claude Code release is outside the tested range (the session runs anyway). */
  warning?: string;
  /** `.worktreeinclude` files copied into a new worktree. */
  copied?: string[];
}

/** A registry record as shown to users: current state, no secrets. */
export type SessionView = Omit<SessionRecord, 'hookSecret'> & { status: SessionStatus; /** launched with wingman's hooks */ hooked: boolean };

/** How long spawn waits for the MCP hook server after the input box is drawn (2.1.197: ≈ 0.2–1 s). */
const MCP_READY_TIMEOUT_MS = 10_000;
/** How often spawn and trust read the screen while Claude Code starts. */
const STARTUP_POLL_MS = 200;
const STARTED_STATES: ReadonlySet<SessionState> = new Set(['idle', 'waiting_trust', 'waiting_approval', 'waiting_answer', 'working', 'exited']);

/**
 * Spawn, send, trust, capture, list, kill: the one engine behind the CLI, the chat handlers and
 * the agent tools. Work on one session is serialised (p-queue per session) so two commands never
 * type into the same terminal at once; different sessions proceed in parallel.
 */
export class SessionService {
  private readonly queues = new Map<string, PQueue>();
  private readonly now: () => Date;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly deps: SessionServiceDeps) {
    this.now = deps.now ?? (() => new Date());
    this.sleep = deps.sleep ?? delay;
  }

  async spawn(request: SpawnRequest): Promise<SpawnResult> {
    const name = parseSessionName(request.name);
    const prompt = request.prompt === undefined ? undefined : parsePromptText(request.prompt);
    return this.serialised(name, async () => {
      const existing = await this.findLive(name);
      if (existing) {
        if (prompt === undefined) return { action: 'sent', session: existing, trust: 'not_asked' };
        const session = await this.submitTo(existing, prompt);
        return { action: 'sent', session, trust: 'not_asked' };
      }
      const workdir = await resolveWorkdir(request.workdir);
      const worktree = (await wantsWorktree(this.deps.config.worktrees, workdir, request)) ? request : undefined;
      return this.withVersionWarning(await this.startNew(name, workdir, prompt, request.mode ?? this.deps.config.claude.permissionMode, worktree));
    });
  }

  /** `replace`: clear text already in the input box (e.g. a prompt restored after Esc) first. */
  async send(rawName: string, rawText: string, options: { replace?: boolean } = {}): Promise<SessionRecord> {
    const name = parseSessionName(rawName);
    const text = parsePromptText(rawText);
    return this.serialised(name, async () => this.submitTo(await this.requireLive(name), text, options));
  }

  /**
   * Runs `task` on the live session while no other command types into it (same queue and lock as
   * send): for keys pressed outside the prompt submitter, like the Esc that stops a turn.
   */
  async withLiveSession<T>(rawName: string, task: (record: SessionRecord) => Promise<T>): Promise<T> {
    const name = parseSessionName(rawName);
    return this.serialised(name, async () => task(await this.requireLive(name)));
  }

  /** Accepts the folder-trust dialog, then sends the task queued at spawn, if any. */
  async trust(rawName: string): Promise<SpawnResult> {
    const name = parseSessionName(rawName);
    return this.serialised(name, async () => {
      const record = await this.requireLive(name);
      const reading = this.deps.detectScreen(await this.deps.tmux.capturePane(record.tmuxSession));
      if (reading.state !== 'waiting_trust') {
        throw new WingmanError('no_pending_prompt', `Session '${name}' is not asking to trust its folder (it is ${reading.state}).`);
      }
      return this.acceptTrustAndContinue(record);
    });
  }

  async capture(rawName: string, options: { lines?: number | undefined; escapes?: boolean } = {}): Promise<string> {
    const name = parseSessionName(rawName);
    const record = await this.requireKnown(name);
    if (!(await this.deps.tmux.hasSession(record.tmuxSession))) {
      throw new WingmanError('unknown_session', `Session '${name}' has exited; its terminal is gone.`);
    }
    const text = await this.deps.tmux.capturePane(record.tmuxSession, { escapes: options.escapes ?? false, historyLines: options.lines ?? 0 });
    if (!options.lines) return text;
    const lines = text.replace(/\n+$/, '').split('\n');
    return lines.slice(-options.lines).join('\n');
  }

  /** Every session after reconciling with tmux, with its current status. */
  async list(): Promise<SessionView[]> {
    await this.reconcile();
    const [data, live] = await Promise.all([this.deps.registry.read(), this.deps.tmux.listSessions()]);
    const byName = new Map(live.map((session) => [session.name, session]));
    const records = Object.values(data.sessions).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.name.localeCompare(b.name));
    const statuses = await this.statusesOf(records, byName);
    const dirty = this.deps.git ? await dirtyWorktrees(this.deps.git, records.map((record) => record.worktree)) : [];
    dirty.forEach((value, index) => {
      if (value !== undefined) statuses[index]!.dirty = value;
    });
    const views = records.map((record, index) => toView(record, statuses[index]!));
    const changed = views.filter((view) => data.sessions[view.name]?.state !== view.status.state);
    if (changed.length > 0) {
      await this.deps.registry.update((registry) => {
        for (const view of changed) {
          const stored = registry.sessions[view.name];
          if (stored) stored.state = view.status.state;
        }
      });
    }
    return views;
  }

  async get(rawName: string): Promise<SessionView> {
    const name = parseSessionName(rawName);
    const views = await this.list();
    const view = views.find((candidate) => candidate.name === name);
    if (!view) throw unknownSession(name, views.map((candidate) => candidate.name));
    return view;
  }

  /** The status of each record (same order), with every screen read in one tmux call. */
  async statusesOf(records: readonly SessionRecord[], live: ReadonlyMap<string, TmuxSessionInfo>): Promise<SessionStatus[]> {
    const onTmux = records.filter((record) => live.has(record.tmuxSession)).map((record) => record.tmuxSession);
    const screens = await this.deps.tmux.capturePanes(onTmux, { historyLines: STATUS_HISTORY_LINES });
    return Promise.all(records.map((record) => this.statusOf(record, live.get(record.tmuxSession), screens.get(record.tmuxSession) ?? '')));
  }

  /** Combines process liveness, the screen (as statusesOf() read it) and the session's hook events into one status. */
  async statusOf(record: SessionRecord, live: TmuxSessionInfo | undefined, screen: string): Promise<SessionStatus> {
    const alive = live !== undefined && !live.paneDead;
    const reading = alive ? this.deps.detectScreen(screen) : undefined;
    const eventsFile = this.deps.eventsFileFor?.(record.name);
    const events = eventsFile ? await readRecentHookEvents(eventsFile).catch(() => []) : [];
    const timeline = buildHookTimeline(events);
    const derived = deriveSessionState({ nowMs: this.now().getTime(), alive, screen: reading, hooks: timeline });
    // Claude Code's transcript keeps what a full-screen UI has no scrollback for.
    const env = { ...process.env, ...this.deps.config.claude.env };
    const transcript = await readSessionTranscript({ hookPath: timeline.transcriptPath, env, cwd: record.workdir, sessionId: timeline.claudeSessionId ?? record.claudeSessionId });
    return buildSessionStatus({ record, derived, timeline, transcript, screenLines: screenLines(screen), screenError: reading?.apiErrorMessage, screenUnreadable: reading?.reason });
  }

  /**
   * Stops a session and forgets it. Its worktree is kept while it holds uncommitted or unmerged
   * work (plain kill), removed when clean (`remove`), or discarded (`discard`); `remove` over
   * uncommitted changes refuses and stops nothing.
   */
  async kill(rawName: string, options: KillOptions = {}): Promise<KilledSession> {
    const name = parseSessionName(rawName);
    const finish = options.worktree ?? 'keep';
    return this.serialised(name, async () => {
      const record = await this.requireKnown(name);
      const { worktree } = record;
      if (finish !== 'keep' && !worktree) throw new WingmanError('invalid_input', `Session '${name}' has no worktree of its own; kill it without --remove-worktree or --force.`);
      const git = worktree ? this.requireGit() : undefined;
      if (worktree && git) {
        const refusal = finishRefusal(name, worktree, await inspectWork(git, worktree), finish);
        if (refusal) throw new WingmanError('worktree_refused', refusal);
      }
      const pane = (await this.deps.tmux.listSessions()).find((session) => session.name === record.tmuxSession);
      if (await this.deps.tmux.hasSession(record.tmuxSession)) await this.deps.tmux.killSession(record.tmuxSession);
      await this.deps.registry.update((data) => {
        delete data.sessions[name];
      });
      this.queues.delete(name);
      const killed: KilledSession = { ...record, state: 'exited' as const, exitedAt: this.now().toISOString() };
      if (!worktree || !git) return killed;
      // Claude Code may still be writing as it exits: look at the worktree once it is gone.
      if (pane) await waitForProcessExit(pane.panePid, 5_000);
      return { ...killed, worktreeOutcome: await finishWorktree(git, worktree, finish) };
    });
  }

  /** True when tmux and the registry disagree on what is alive or known (activity aside). */
  needsReconcile(records: readonly SessionRecord[], live: readonly TmuxSessionInfo[]): boolean {
    const plan = planReconcile(records, live, this.now().getTime(), this.deps.config.exitedGraceMs);
    return plan.exited.length + plan.remove.length + plan.adopt.length > 0;
  }

  /** Marks sessions whose tmux session or agent is gone as exited; drops them after the grace period. */
  async reconcile(): Promise<{ exited: string[]; removed: string[]; adopted: string[] }> {
    const live = await this.deps.tmux.listSessions();
    // Secrets of sessions to adopt are read before the lock: they live in each tmux session's environment.
    const before = planReconcile(Object.values((await this.deps.registry.read()).sessions), live, this.now().getTime(), this.deps.config.exitedGraceMs);
    const secrets = new Map(await Promise.all(before.adopt.map(async (session) => [session.name, await this.deps.tmux.getEnvironment(session.name, 'WINGMAN_HOOK_SECRET')] as const)));
    // Only sessions launched with the MCP hook server have its ready marker in their environment.
    const viaMcp = new Set((await Promise.all(before.adopt.map(async (session) => ((await this.deps.tmux.getEnvironment(session.name, 'WINGMAN_MCP_READY_FILE')) ? session.name : undefined)))).filter((name) => name !== undefined));
    return this.deps.registry.update((data) => {
      const nowMs = this.now().getTime();
      const plan = planReconcile(Object.values(data.sessions), live, nowMs, this.deps.config.exitedGraceMs);
      for (const name of plan.exited) {
        const record = data.sessions[name];
        if (record) Object.assign(record, { state: 'exited', exitedAt: new Date(nowMs).toISOString() });
      }
      for (const name of plan.remove) delete data.sessions[name];
      for (const [name, at] of Object.entries(plan.activity)) {
        const record = data.sessions[name];
        if (record) record.lastActivityAt = at;
      }
      const adopted: string[] = [];
      for (const session of plan.adopt) {
        const info = live.find((candidate) => candidate.name === session.name)!;
        const name = info.wingmanName!;
        if (!isValidSessionName(name)) continue;
        const secret = secrets.get(info.name);
        data.sessions[name] = {
          name,
          agent: 'claude',
          workdir: info.workdir!,
          tmuxSession: info.name,
          createdAt: new Date(info.createdMs || nowMs).toISOString(),
          lastActivityAt: new Date(info.activityMs || nowMs).toISOString(),
          state: 'unknown',
          ...(info.claudeSessionId && /^[0-9a-f-]{36}$/.test(info.claudeSessionId) ? { claudeSessionId: info.claudeSessionId } : {}),
          ...(secret && secret.length >= 16 ? { hookSecret: secret, hookTransport: viaMcp.has(info.name) ? ('mcp' as const) : ('command' as const) } : {}),
        };
        adopted.push(name);
      }
      return { exited: plan.exited, removed: plan.remove, adopted };
    });
  }

  private async startNew(name: string, requestedWorkdir: string, prompt: string | undefined, mode: SessionMode, worktreeRequest?: WorktreeRequest): Promise<SpawnResult> {
    const { config, tmux } = this.deps;
    const tmuxSession = tmuxSessionNameFor(name);
    if (await tmux.hasSession(tmuxSession)) {
      const owner = await tmux.getUserOption(tmuxSession, '@wingman_name');
      // Our own session whose agent exited (its pane is kept for the last screen): start afresh.
      if (owner === name) await tmux.killSession(tmuxSession);
      else throw new WingmanError(
        'session_exists',
        owner
          ? `Session name '${name}' clashes with wingman session '${owner}' (both use tmux session '${tmuxSession}'). Pick another name.`
          : `A tmux session '${tmuxSession}' already exists and was not started by wingman. Pick another name.`,
      );
    }
    let prepared: PreparedWorktree | undefined;
    if (worktreeRequest) {
      await this.preflight(mode); // a worktree is only made for a session that can start
      prepared = await prepareWorktree({ git: this.requireGit(), config: config.worktrees }, name, requestedWorkdir, worktreeRequest);
    }
    const workdir = prepared?.workdir ?? requestedWorkdir;
    const copied = prepared?.created && prepared.copied.length > 0 ? { copied: prepared.copied } : {};
    const sessionId = randomUUID();
    const createdAt = this.now().toISOString();
    let record: SessionRecord;
    try {
      record = await this.launch(
        {
          name,
          agent: 'claude',
          workdir,
          tmuxSession,
          createdAt,
          lastActivityAt: createdAt,
          state: 'starting',
          claudeSessionId: sessionId,
          permissionMode: mode,
          ...(prompt !== undefined ? { queuedPrompt: prompt } : {}),
          ...(prepared ? { worktree: prepared.worktree } : {}),
        },
        false,
      );
    } catch (error) {
      if (prepared?.created) await discardNew(this.requireGit(), prepared.worktree, prepared.newBranch);
      throw error;
    }

    const started = await this.waitForStartup(record);
    if (started.state !== 'waiting_trust') await this.awaitHookServer(record);
    if (started.state === 'waiting_trust') {
      if (await this.isTrusted(record)) {
        const result = await this.acceptTrustAndContinue(record);
        return { ...result, action: 'spawned', trust: 'accepted', ...copied };
      }
      const waiting = await this.save({ ...record, state: 'waiting_trust' });
      return { action: 'spawned', session: waiting, trust: 'waiting', ...copied };
    }
    const ready = await this.save({ ...record, state: started.state });
    return { action: 'spawned', session: await this.sendQueued(ready), trust: 'not_asked', ...copied };
  }

  /**
   * Whether wingman accepts this session's folder-trust dialog itself: its directory is under a
   * trusted root, or it is a worktree of a repository that is (trusted like the repository).
   */
  async isTrusted(record: SessionRecord): Promise<boolean> {
    const roots = await realRoots(this.deps.config.trustedRoots);
    return isUnderTrustedRoot(record.workdir, roots) || (record.worktree !== undefined && isUnderTrustedRoot(record.worktree.repo, roots));
  }

  /** What launch() would refuse (no binary, a mode it lacks), asked before anything is created. */
  private async preflight(mode: SessionMode): Promise<void> {
    const binary = await resolveClaudeBinary(this.deps.config.claude.bin);
    const claude = (await this.deps.probeClaude?.(binary).catch(() => undefined)) ?? {};
    checkModeSupported(mode, claude);
  }

  private requireGit(): GitClient {
    if (!this.deps.git) throw new WingmanError('invalid_input', 'This wingman was set up without git; worktrees are not available.');
    return this.deps.git;
  }

  /** Starts Claude Code for `record` in a new tmux session (fresh, or `claude --resume`) and saves it. */
  private async launch(record: SessionRecord, resume: boolean): Promise<SessionRecord> {
    const { config, tmux } = this.deps;
    const binary = await resolveClaudeBinary(config.claude.bin);
    const claude = (await this.deps.probeClaude?.(binary).catch(() => undefined)) ?? {};
    const mode = record.permissionMode ?? config.claude.permissionMode;
    checkModeSupported(mode, claude);
    const renderer = resolveRenderer(config.claude.renderer, claude.version);
    const startupSettings = buildStartupSettings({ mode, renderer });
    const hooks = await this.deps.prepareHooks?.(record.name, startupSettings, chooseHookTransport(config.claude.hookTransport, claude.version));
    const launch = buildClaudeLaunch(config, binary, { sessionId: record.claudeSessionId!, settingsFile: hooks?.settingsFile, mcpConfigFile: hooks?.mcpConfigFile, startupSettings, resume, mode });
    const { hookSecret: _old, exitedAt: _exited, claudeVersion: _was, hookTransport: _via, ...rest } = record;
    const launched: SessionRecord = {
      ...rest,
      state: 'starting',
      lastActivityAt: this.now().toISOString(),
      permissionMode: mode,
      renderer,
      ...(claude.version ? { claudeVersion: claude.version } : {}),
      ...(hooks ? { hookSecret: hooks.secret, hookTransport: hooks.transport } : {}),
    };
    // Saved first: Claude's first hooks (SessionStart) come within milliseconds, and the monitor
    // authenticates them against the registry's secret.
    const previous = (await this.deps.registry.read()).sessions[record.name];
    await this.save(launched);
    try {
      await tmux.newSession({
        name: record.tmuxSession,
        cwd: record.workdir,
        command: launch.command,
        env: { ...launch.env, ...hooks?.env },
        width: config.tmux.width,
        height: config.tmux.height,
        userOptions: { '@wingman_name': record.name, '@wingman_workdir': record.workdir, '@wingman_claude_id': record.claudeSessionId! },
      });
    } catch (error) {
      await this.deps.registry.update((data) => {
        if (previous) data.sessions[record.name] = previous;
        else delete data.sessions[record.name];
      });
      throw error;
    }
    return launched;
  }

  /**
   * Restarts an exited session where it left off (`claude --resume <id>` in the same directory),
   * e.g. after the tmux server was killed.
   */
  async resume(rawName: string): Promise<SpawnResult> {
    const name = parseSessionName(rawName);
    return this.withVersionWarning(await this.serialised(name, async (): Promise<SpawnResult> => {
      if (await this.findLive(name)) throw new WingmanError('session_exists', `Session '${name}' is still running; nothing to resume.`);
      const record = await this.requireKnown(name);
      if (!record.claudeSessionId) throw new WingmanError('invalid_input', `Session '${name}' has no Claude session id to resume from; start it again with spawn.`);
      if (record.worktree) await restoreWorktree(this.requireGit(), name, record.worktree); // same worktree, put back from its branch if its folder went
      await resolveWorkdir(record.workdir);
      if (await this.deps.tmux.hasSession(record.tmuxSession)) await this.deps.tmux.killSession(record.tmuxSession); // the dead pane kept for its last screen
      const launched = await this.launch(record, true);
      const started = await this.waitForStartup(launched);
      if (started.state !== 'waiting_trust') await this.awaitHookServer(launched);
      if (started.state === 'waiting_trust') {
        if (await this.isTrusted(launched)) return { ...(await this.acceptTrustAndContinue(launched)), trust: 'accepted' };
        return { action: 'spawned', session: await this.save({ ...launched, state: 'waiting_trust' }), trust: 'waiting' };
      }
      return { action: 'spawned', session: await this.save({ ...launched, state: started.state }), trust: 'not_asked' };
    }));
  }

  /** Adds the out-of-range warning for the version a new launch runs, the first time that version is seen. */
  private async withVersionWarning(result: SpawnResult): Promise<SpawnResult> {
    const warning = result.action === 'spawned' ? versionWarning(result.session.claudeVersion) : undefined;
    if (!warning || !(await (this.deps.firstWarningFor?.(result.session.claudeVersion!) ?? true))) return result;
    return { ...result, warning };
  }

  private async acceptTrustAndContinue(record: SessionRecord): Promise<SpawnResult> {
    // By its label, with the cursor seen on it: 2.1.197 lists "Yes" first and focused, 2.1.332
    // lists "No, exit" first and focused, so a blind Enter would quit Claude Code there.
    await chooseDialogOption({
      tmux: this.deps.tmux,
      tmuxSession: record.tmuxSession,
      label: record.name,
      detect: this.deps.detectScreen,
      state: 'waiting_trust',
      sleep: this.sleep,
      pick: (options) => {
        const index = options.findIndex((option) => option.kind === 'yes' && /\btrust\b/i.test(option.label));
        return index === -1 ? { error: `Session '${record.name}': the trust dialog shows no "Yes, I trust this folder" option; nothing was pressed.` } : index;
      },
    });
    const after = await this.waitForStartup(record, (state) => state !== 'waiting_trust');
    await this.awaitHookServer(record); // Claude Code starts MCP servers only in a trusted folder
    const trusted = await this.save({ ...record, state: after.state });
    return { action: 'spawned', session: await this.sendQueued(trusted), trust: 'accepted' };
  }

  /** Until the MCP hook server is connected (bounded: a late one costs the phone time, never an answer). */
  private async awaitHookServer(record: SessionRecord): Promise<void> {
    if (record.hookTransport === 'mcp') await this.deps.waitForHookServer?.(record.name, MCP_READY_TIMEOUT_MS);
  }

  private async sendQueued(record: SessionRecord): Promise<SessionRecord> {
    if (record.queuedPrompt === undefined) return record;
    const { queuedPrompt, ...rest } = record;
    return this.submitTo(rest, queuedPrompt);
  }

  private async submitTo(record: SessionRecord, text: string, options: { replace?: boolean } = {}): Promise<SessionRecord> {
    await submitPrompt({
      replace: options.replace ?? false,
      tmux: this.deps.tmux,
      tmuxSession: record.tmuxSession,
      text,
      label: record.name,
      enterRetries: this.deps.config.submit.enterRetries,
      confirmTimeoutMs: this.deps.config.submit.confirmTimeoutMs,
      sleep: this.sleep,
    });
    const at = this.now().toISOString();
    const { queuedPrompt: _sent, ...rest } = record;
    return this.save({ ...rest, lastPrompt: text, lastActivityAt: at, state: 'working' });
  }

  private async waitForStartup(record: SessionRecord, accept: (state: SessionState) => boolean = (state) => STARTED_STATES.has(state)): Promise<ScreenReading> {
    const deadline = Date.now() + this.deps.config.startupTimeoutMs;
    let last: ScreenReading = { state: 'unknown' };
    for (;;) {
      const screen = await this.deps.tmux.capturePane(record.tmuxSession).catch(() => undefined);
      if (screen === undefined) return { state: 'exited' };
      last = this.deps.detectScreen(screen);
      if (last.state === 'exited' || (accept(last.state) && STARTED_STATES.has(last.state))) return last;
      if (Date.now() >= deadline) {
        throw new WingmanError('timeout', `Session '${record.name}' did not become ready within ${Math.round(this.deps.config.startupTimeoutMs / 1000)} s (screen reads: ${last.state}). Check it with: wingman capture ${record.name}`);
      }
      await this.sleep(STARTUP_POLL_MS);
    }
  }

  private async save(record: SessionRecord): Promise<SessionRecord> {
    await this.deps.registry.update((data) => {
      data.sessions[record.name] = record;
    });
    return record;
  }

  /** The registered session, or the standard unknown-session error (with the known names). */
  async requireKnown(name: string): Promise<SessionRecord> {
    const data = await this.deps.registry.read();
    const record = data.sessions[name];
    if (!record) throw unknownSession(name, Object.keys(data.sessions));
    return record;
  }

  private async requireLive(name: string): Promise<SessionRecord> {
    const record = await this.findLive(name);
    if (record) return record;
    await this.requireKnown(name);
    throw new WingmanError('unknown_session', `Session '${name}' has exited. Start it again with: wingman spawn --session ${name} --workdir DIR --prompt TEXT`);
  }

  /** The registered session if its tmux session and agent are alive (marking it exited otherwise). */
  private async findLive(name: string): Promise<SessionRecord | undefined> {
    const data = await this.deps.registry.read();
    const record = data.sessions[name];
    if (!record) return undefined;
    const live = (await this.deps.tmux.listSessions()).find((session) => session.name === record.tmuxSession);
    if (live && !live.paneDead) return record;
    if (record.state !== 'exited') await this.save({ ...record, state: 'exited', exitedAt: this.now().toISOString() });
    return undefined;
  }

  private serialised<T>(name: string, task: () => Promise<T>): Promise<T> {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new PQueue({ concurrency: 1 });
      this.queues.set(name, queue);
    }
    const { lockDir } = this.deps;
    return queue.add(() => (lockDir ? withSessionLock(lockDir, name, task) : task())) as Promise<T>;
  }
}

function toView(record: SessionRecord, status: SessionStatus): SessionView {
  const { hookSecret, ...shown } = record;
  return { ...shown, state: status.state, status, hooked: hookSecret !== undefined };
}

function unknownSession(name: string, known: readonly string[]): WingmanError {
  const hint = known.length > 0 ? ` Known sessions: ${known.slice(0, 10).join(', ')}.` : ' There are no sessions yet.';
  return new WingmanError('unknown_session', `No session named '${name}'.${hint}`);
}

async function resolveWorkdir(raw: string): Promise<string> {
  if (typeof raw !== 'string' || raw.trim() === '') throw new WingmanError('invalid_input', 'A work directory is required (--workdir DIR).');
  try {
    const real = await fs.realpath(raw);
    if (!(await fs.stat(real)).isDirectory()) throw new WingmanError('workdir_missing', `Work directory ${raw} is not a directory.`);
    return real;
  } catch (error) {
    if (error instanceof WingmanError) throw error;
    throw new WingmanError('workdir_missing', `Work directory ${raw} does not exist.`, { cause: error });
  }
}

async function realRoots(roots: readonly string[]): Promise<string[]> {
  const resolved = await Promise.all(roots.map((root) => fs.realpath(root).catch(() => undefined)));
  return resolved.filter((root): root is string => root !== undefined);
}
