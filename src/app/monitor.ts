import fs from 'node:fs/promises';
import type { Wingman } from './create-wingman.js';
import type { TmuxSessionInfo } from '../adapters/tmux/tmux-client.js';
import { ApprovalDesk } from './approval-desk.js';
import { eventsFileFor } from './agent-hooks.js';
import { createHookServer, secretsEqual, type HookServer } from '../adapters/hooks/hook-server.js';
import type { NotificationChannel } from '../adapters/channel/notification-channel.js';
import { AuditLog } from '../adapters/store/audit-log.js';
import type { ControlReply, ControlRequest } from '../core/control-protocol.js';
import type { HookEvent, PermissionRequestEvent } from '../agents/claude-code/hook-events.js';
import type { SessionRecord } from '../core/session-record.js';
import type { SessionState } from '../core/session-state.js';
import type { SessionStatus } from '../core/status/session-status.js';
import { formatSessionEvent, formatUnreadableScreen } from '../core/format-session-event.js';
import type { PolicyConfig } from '../core/approvals/policy.js';
import { needsFullTick } from '../core/monitor-cadence.js';
import { watchUnreadable, type UnreadableWatch } from '../core/unreadable-notice.js';
import { showPlan } from './steering/show-plan.js';

export interface MonitorOptions {
  wingman: Wingman;
  channel: NotificationChannel;
  pollIntervalMs?: number;
  reminderIntervalMs?: number;
  /** Defaults to the wingman config's `policies`. */
  policy?: PolicyConfig | undefined;
  logger?: { warn(message: string): void };
}

/** A dialog must be seen on two polls in a row: hooks may answer one that only flashes. */
const SCREEN_CONFIRMATIONS = 2;
/**
 * For a session with hooks the PermissionRequest hook arrives with the dialog (±0.1 s); the screen
 * opens a prompt itself only if the dialog stays this long without one (hook failed, older Claude).
 */
const HOOKED_SCREEN_DELAY_MS = 3_000;
/** States whose screen is read on every tick even without new output: a dialog waits silently. */
const WATCHED_STATES: ReadonlySet<SessionState> = new Set(['waiting_approval', 'waiting_trust', 'waiting_answer', 'starting', 'unknown']);

/**
 * The long-running side of wingman: receives hook events, relays permission prompts to the
 * channel and answers back, reconciles screens for what no hook reports (denies, interrupts,
 * hookless sessions), reminds about waiting prompts, and announces trust dialogs, errors and
 * finished tasks. Ticks are rescheduled after they finish, so they never overlap.
 */
export class Monitor {
  readonly desk: ApprovalDesk;
  private server: HookServer | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = true;
  private refreshSecrets: () => Promise<void> = async () => {};
  private readonly lastState = new Map<string, SessionState>();
  private readonly dialogSightings = new Map<string, { count: number; firstMs: number }>();
  /** Since when each session's screen has been unknown, and whether the phone was told. */
  private readonly unknownSince = new Map<string, UnreadableWatch>();
  private readonly lastRead = new Map<string, { key: string; atMs: number }>();
  /** What the last full tick saw, so quiet ticks can check it without running tmux. */
  private lastFull: { atMs: number; hookEvents: number; registryStamp: string; sessions: { name: string; hooked: boolean }[]; panePids: number[] } | undefined;
  private hookEvents = 0;
  /** Sessions whose MCP hook server's channel closed (the server died, or Claude Code exited): no hook will tell of their dialogs. */
  private readonly channelClosed = new Set<string>();
  private readonly pollIntervalMs: number;
  private readonly reminderIntervalMs: number;
  private readonly logger: { warn(message: string): void };

  constructor(private readonly options: MonitorOptions) {
    const { wingman } = options;
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.reminderIntervalMs = options.reminderIntervalMs ?? 120_000;
    this.logger = options.logger ?? { warn: (message) => console.warn(message) };
    this.desk = new ApprovalDesk({
      tmux: wingman.tmux,
      channel: options.channel,
      audit: new AuditLog(wingman.paths.audit),
      detectScreen: wingman.detectScreen,
      policy: options.policy ?? wingman.config.policies,
    });
  }

  async start(): Promise<void> {
    if (!this.stopped) return;
    this.stopped = false;
    const records = () => this.options.wingman.registry.read().then((data) => data.sessions);
    let cache: Record<string, SessionRecord> = await records();
    this.refreshSecrets = async () => {
      cache = await records();
    };
    const server = createHookServer({
      socketPath: this.options.wingman.paths.hookSocket,
      logger: this.logger,
      // On a miss or a mismatch the registry is read again before refusing: a session spawned (or
      // respawned under the same name) after the last read sends its first hooks at once.
      authenticate: async (session, secret) => {
        const cached = cache[session]?.hookSecret;
        if (cached !== undefined && secretsEqual(cached, secret)) return true;
        cache = await records();
        const known = cache[session]?.hookSecret;
        return known !== undefined && secretsEqual(known, secret);
      },
      onEvent: (session, event, ctx) => this.onHookEvent(session, event, ctx, cache[session]),
      onControl: (request) => this.onControl(request),
      onChannel: (session, attached) => {
        if (attached) this.channelClosed.delete(session);
        else this.channelClosed.add(session);
        this.hookEvents += 1; // wakes a quiet tick: the screen is the only witness now
      },
    });
    await server.listen();
    this.server = server;
    await this.tick();
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.server?.close();
    this.server = undefined;
    this.lastFull = undefined;
  }

  private async onHookEvent(session: string, event: HookEvent, ctx: Parameters<ApprovalDesk['openFromHook']>[3], record: SessionRecord | undefined): Promise<void> {
    this.hookEvents += 1;
    if (event.hook_event_name !== 'PermissionRequest') return;
    if (!record) {
      ctx.respond('fallback');
      return;
    }
    await this.desk.openFromHook(session, record.tmuxSession, event as PermissionRequestEvent, ctx);
  }

  private async onControl(request: ControlRequest): Promise<ControlReply> {
    if (request.action === 'pending') {
      return { type: 'control-result', ok: true, text: `${this.desk.pending().length} pending`, data: this.desk.pending() };
    }
    if (request.action === 'question') {
      if (!request.session || !request.choices) return { type: 'control-result', ok: false, text: 'An answer needs a session and choices.' };
      await this.options.wingman.sessions.requireKnown(request.session);
      const result = await this.desk.answerQuestion(request.session, request.choices, request.id, request.by);
      return { type: 'control-result', ok: result.ok, text: result.text };
    }
    if (request.action === 'plan' && request.session) {
      await this.options.wingman.sessions.requireKnown(request.session);
      const messages = await showPlan({ wingman: this.options.wingman, monitor: this, session: request.session });
      return { type: 'control-result', ok: true, text: messages.join('\n\n'), data: messages };
    }
    if (!request.session || !request.decision) return { type: 'control-result', ok: false, text: 'An answer needs a session and a decision.' };
    await this.options.wingman.sessions.requireKnown(request.session);
    const result = await this.desk.answer(request.session, request.decision, request.id, request.by, request.reason);
    return { type: 'control-result', ok: result.ok, text: result.text };
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.tick(), this.pollIntervalMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    try {
      if (await this.mayStayQuiet()) return;
      const { sessions, registry, tmux } = this.options.wingman;
      const started = { atMs: Date.now(), hookEvents: this.hookEvents, registryStamp: await this.registryStamp() };
      // One tmux call for every session; screens are read only where something changed.
      let live = await tmux.listSessions();
      let records = Object.values((await registry.read()).sessions);
      if (sessions.needsReconcile(records, live)) {
        await sessions.reconcile();
        [live, records] = await Promise.all([tmux.listSessions(), registry.read().then((data) => Object.values(data.sessions))]);
        await this.refreshSecrets();
      }
      const byName = new Map(live.map((session) => [session.name, session]));
      const changed: SessionRecord[] = [];
      for (const record of records) {
        if (await this.changedSinceLastRead(record, byName.get(record.tmuxSession))) changed.push(record);
      }
      const statuses = await sessions.statusesOf(changed, byName);
      for (const [index, record] of changed.entries()) {
        await this.reconcileSession(statuses[index]!, record);
      }
      await this.desk.remind(this.reminderIntervalMs);
      this.lastFull = {
        ...started,
        sessions: records.map((record) => ({ name: record.name, hooked: this.hooked(record) })),
        panePids: records.flatMap((record) => {
          const info = byName.get(record.tmuxSession);
          return info && !info.paneDead && info.panePid > 0 ? [info.panePid] : [];
        }),
      };
    } catch (error) {
      this.logger.warn(`wingman monitor: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.schedule();
    }
  }

  /** Whether hook events still report this session (its MCP hook server's channel did not close). */
  private hooked(record: SessionRecord): boolean {
    return record.hookSecret !== undefined && !(record.hookTransport === 'mcp' && this.channelClosed.has(record.name));
  }

  /**
   * A quiet tick: every session idle, errored or exited, nothing pending, no hook event, no
   * registry write and every pane process still there. Costs a stat and a signal-0 per session.
   */
  private async mayStayQuiet(): Promise<boolean> {
    const last = this.lastFull;
    if (!last) return false;
    return !needsFullTick({
      nowMs: Date.now(),
      lastFullTickMs: last.atMs,
      sessions: last.sessions.map(({ name, hooked }) => ({ state: this.lastState.get(name), hooked, pending: this.desk.pendingFor(name) !== undefined })),
      hookEventsSinceFullTick: this.hookEvents - last.hookEvents,
      registryChanged: (await this.registryStamp()) !== last.registryStamp,
      paneProcessGone: last.panePids.some((pid) => !processExists(pid)),
    });
  }

  /** Changes whenever the registry file is replaced (writes are atomic renames) or rewritten. */
  private async registryStamp(): Promise<string> {
    const stat = await fs.stat(this.options.wingman.registry.file).catch(() => undefined);
    return stat ? `${stat.ino}:${stat.mtimeMs}:${stat.size}` : 'none';
  }

  /**
   * Whether a session's screen or hook events may have changed since it was last read: new window
   * output (tmux keeps whole seconds, so a read inside that second does not count), a newer hook
   * event, a change of liveness, or a state that waits on the screen (dialogs, debounce).
   */
  private async changedSinceLastRead(record: SessionRecord, info: TmuxSessionInfo | undefined): Promise<boolean> {
    const eventsMs = await fs.stat(eventsFileFor(this.options.wingman.paths, record.name)).then((stat) => stat.mtimeMs, () => 0);
    const key = `${info?.outputMs ?? -1}:${info?.paneDead ?? 'gone'}:${eventsMs}`;
    const last = this.lastRead.get(record.name);
    const now = Date.now();
    const waiting = WATCHED_STATES.has(this.lastState.get(record.name) ?? 'unknown') || this.desk.pendingFor(record.name) !== undefined;
    const settled = last !== undefined && last.key === key && last.atMs >= (info?.outputMs ?? 0) + 1_000;
    if (settled && !waiting) return false;
    this.lastRead.set(record.name, { key, atMs: now });
    return true;
  }

  private async reconcileSession(status: SessionStatus, record: SessionRecord): Promise<void> {
    const { name, state } = status;
    const { tmuxSession } = record;
    const hooked = this.hooked(record);
    const previous = this.lastState.get(name);
    this.lastState.set(name, state);
    if (state === 'waiting_approval' && status.pendingPrompt && status.pendingPrompt.options.length > 0) {
      const seen = this.dialogSightings.get(name) ?? { count: 0, firstMs: Date.now() };
      seen.count += 1;
      this.dialogSightings.set(name, seen);
      const confirmed = seen.count >= SCREEN_CONFIRMATIONS && (!hooked || Date.now() - seen.firstMs >= HOOKED_SCREEN_DELAY_MS);
      if (confirmed || this.desk.pendingFor(name)) await this.desk.openFromScreen(name, tmuxSession, status.pendingPrompt);
    } else if (state === 'waiting_answer' && status.pendingPrompt && status.pendingPrompt.options.length > 0) {
      // A question picker: the hook opens it (and its notice) for hooked sessions; the screen only
      // when no hook did within the delay, as for permission dialogs.
      const seen = this.dialogSightings.get(name) ?? { count: 0, firstMs: Date.now() };
      seen.count += 1;
      this.dialogSightings.set(name, seen);
      const confirmed = seen.count >= SCREEN_CONFIRMATIONS && (!hooked || Date.now() - seen.firstMs >= HOOKED_SCREEN_DELAY_MS);
      if (confirmed) await this.desk.openQuestionFromScreen(name, tmuxSession, status.pendingPrompt, status.pendingQuestion);
    } else {
      this.dialogSightings.delete(name);
      if (state !== 'waiting_approval' && state !== 'waiting_answer') await this.desk.screenCleared(name);
    }
    if (state === 'exited') this.desk.drop(name);
    await this.reportUnreadable(status);
    // A session first seen already waiting for trust (spawned moments before the tick) is still news.
    if (previous === state || (previous === undefined && state !== 'waiting_trust')) return;
    // A spawn in a trusted root accepts the dialog itself in a moment: not news for the phone.
    if (state === 'waiting_trust' && record.state === 'starting' && (await this.options.wingman.sessions.isTrusted(record))) return;
    // A question's notice comes from the desk, with its id and every question.
    if (state === 'waiting_answer') return;
    const text = formatSessionEvent(status, previous);
    if (text) await this.options.channel.send(text);
  }

  /** Tells the phone once when a session's screen has stayed unrecognised for a while. */
  private async reportUnreadable(status: SessionStatus): Promise<void> {
    const { watch, notify } = watchUnreadable(this.unknownSince.get(status.name), status.state, Date.now());
    if (watch) this.unknownSince.set(status.name, watch);
    else this.unknownSince.delete(status.name);
    if (notify) await this.options.channel.send(formatUnreadableScreen(status));
  }
}

/** Signal 0 checks that a process exists without touching it (EPERM: it exists, not ours). */
function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
