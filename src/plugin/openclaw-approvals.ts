import type { ApprovalDecision, PendingApproval } from '../core/approvals/approval-types.js';
import type { AnswerResult, DeskEvent, DeskListener } from '../app/approval-desk.js';
import {
  OPENCLAW_DECISIONS,
  OPENCLAW_TIMEOUT_MAX_MS,
  openClawApprovalText,
  raisesOpenClawApproval,
  wingmanDecision,
  withdrawalDecision,
  type OpenClawDecision,
} from '../core/approvals/openclaw-approval.js';

/** `plugin.approval.request` params (openclaw 2026.9.6, PluginApprovalRequestParamsSchema; closed object). */
export interface PluginApprovalRequest {
  pluginId: string;
  title: string;
  description: string;
  severity: 'info' | 'warning' | 'critical';
  toolName: string;
  allowedDecisions: OpenClawDecision[];
  timeoutMs: number;
  twoPhase: true;
  agentId?: string;
}

/**
 * The three gateway methods the bridge uses. `request` (twoPhase) answers once the request is
 * delivered (`{status:"accepted", id, deliveryRoute}`), or at once with `decision: null` when no
 * surface can show it; `waitDecision` resolves when someone answers or it expires (`decision: null`).
 */
export interface PluginApprovalGateway {
  request(params: PluginApprovalRequest): Promise<{ id: string; decision?: OpenClawDecision | null; deliveryRoute?: string }>;
  waitDecision(id: string): Promise<{ id: string; decision: OpenClawDecision | null; terminalReason?: string }>;
  resolve(id: string, decision: OpenClawDecision): Promise<unknown>;
  close(): Promise<void>;
}

export interface OpenClawApprovalBridgeDeps {
  desk: { listen(listener: DeskListener): () => void; pendingFor(session: string): PendingApproval | undefined };
  /** The one answer path (the desk, through the chat engine), as `approve NAME ID` takes. */
  answer(session: string, decision: ApprovalDecision, id: string, by: string): Promise<AnswerResult>;
  /** Connects on first use; a failure is logged and the prompt keeps its text notification only. */
  gateway(): Promise<PluginApprovalGateway>;
  /** Read at every prompt: the user's `approvals.plugin` routing may change while the gateway runs. */
  routing(): boolean;
  /** To the owner's phone, like every other notice. */
  notify(text: string): Promise<void>;
  logger: { warn(message: string): void };
  pluginId: string;
  agentId?: string | undefined;
  now?: () => number;
}

/** Who answered, in the audit log: OpenClaw does not say which surface (reaction, button, /approve). */
export const OPENCLAW_APPROVER = 'openclaw:plugin-approval';

interface Raised {
  approval: PendingApproval;
  /** The OpenClaw approval id of the current round, once the gateway accepted it. */
  openclawId?: string | undefined;
  /** Settled elsewhere: the OpenClaw request is (being) withdrawn, its decision no longer counts. */
  withdrawn?: { decision: OpenClawDecision } | undefined;
  /** OpenClaw's decision is being applied: the desk's "settled" event for it is ours. */
  answering?: boolean;
}

/**
 * Raises each permission prompt the desk puts to the user as an OpenClaw plugin approval too, when
 * the user routes those somewhere (a WhatsApp message answered by 👍 ♾️ 👎, Control UI, Telegram
 * buttons, `/approve <id> …`). The first answer wins: OpenClaw's decision goes through the same desk
 * as `approve NAME`; an answer from chat, the terminal or the CLI resolves the stale OpenClaw request
 * with the decision that was taken (so its "resolved" line on the phone is true). "Allow always"
 * becomes wingman's `always` (the rule Claude Code suggested); OpenClaw stores nothing. A prompt
 * still waiting when OpenClaw's request expires (10 minutes at most) is raised again, saying how long
 * it has waited. Without routing nothing is raised and nothing changes.
 */
export class OpenClawApprovalBridge {
  private readonly raised = new Map<string, Raised>();
  private unlisten: (() => void) | undefined;
  private connection: Promise<PluginApprovalGateway> | undefined;
  private warnedNoRoute = false;
  private readonly now: () => number;

  constructor(private readonly deps: OpenClawApprovalBridgeDeps) {
    this.now = deps.now ?? Date.now;
  }

  start(): void {
    this.unlisten ??= this.deps.desk.listen((event) => this.onDeskEvent(event));
  }

  async stop(): Promise<void> {
    this.unlisten?.();
    this.unlisten = undefined;
    const connection = this.connection;
    this.connection = undefined;
    this.raised.clear();
    await connection?.then((gateway) => gateway.close()).catch(() => undefined);
  }

  /** Whether `openclawId` is a request this bridge raised and still waits on (for the owner check on `/approve`). */
  owns(openclawId: string): boolean {
    return [...this.raised.values()].some((entry) => entry.openclawId === openclawId && !entry.withdrawn);
  }

  private onDeskEvent(event: DeskEvent): void {
    if (event.type === 'opened') {
      if (!raisesOpenClawApproval(event.approval) || !this.deps.routing()) return;
      // A new prompt for the session replaces an older one the desk no longer holds.
      for (const entry of this.raised.values()) {
        if (entry.approval.session === event.approval.session && entry.approval.id !== event.approval.id) this.withdraw(entry, undefined);
      }
      const entry: Raised = { approval: event.approval };
      this.raised.set(event.approval.id, entry);
      void this.run(entry).catch((error: unknown) => this.deps.logger.warn(`wingman: OpenClaw approval for '${event.approval.session}': ${message(error)}`));
      return;
    }
    const entry = this.raised.get(event.approval.id);
    if (!entry || entry.answering) return;
    this.withdraw(entry, event.decision);
  }

  /** Raises the prompt, waits for OpenClaw's decision, raises it again after each expiry while it waits. */
  private async run(entry: Raised): Promise<void> {
    const { approval } = entry;
    const gateway = await this.gateway();
    for (;;) {
      if (entry.withdrawn) return;
      const text = openClawApprovalText(approval, this.now() - approval.createdAtMs);
      const accepted = await gateway.request({
        pluginId: this.deps.pluginId,
        ...text,
        severity: 'warning',
        toolName: approval.tool,
        allowedDecisions: [...OPENCLAW_DECISIONS],
        timeoutMs: OPENCLAW_TIMEOUT_MAX_MS,
        twoPhase: true,
        ...(this.deps.agentId ? { agentId: this.deps.agentId } : {}),
      });
      if (accepted.decision === null) {
        // OpenClaw found no surface to show it (e.g. the routing target's channel is not connected).
        if (!this.warnedNoRoute) this.deps.logger.warn('wingman: OpenClaw had no route for a plugin approval (approvals.plugin); prompts keep their text notification.');
        this.warnedNoRoute = true;
        this.forget(entry);
        return;
      }
      entry.openclawId = accepted.id;
      // Settled while the request was on its way (TypeScript cannot see the await change it).
      const late = entry.withdrawn as Raised['withdrawn'];
      if (late) {
        await gateway.resolve(accepted.id, late.decision).catch(() => undefined);
        return;
      }
      const outcome = await gateway.waitDecision(accepted.id);
      if (entry.withdrawn) return;
      if (outcome.decision === null) {
        // Expired (OpenClaw's 10-minute cap): raise it again while the prompt still waits.
        if (this.deps.desk.pendingFor(approval.session)?.id === approval.id) continue;
        this.forget(entry);
        return;
      }
      entry.answering = true;
      const answered = await this.deps.answer(approval.session, wingmanDecision(outcome.decision), approval.id, OPENCLAW_APPROVER);
      this.forget(entry);
      await this.deps.notify(answered.text);
      return;
    }
  }

  /** Settled elsewhere first: resolve the OpenClaw request so its message stops offering a choice. */
  private withdraw(entry: Raised, decision: ApprovalDecision | undefined): void {
    if (entry.withdrawn) return;
    const resolution = withdrawalDecision(decision);
    entry.withdrawn = { decision: resolution };
    this.forget(entry);
    const id = entry.openclawId;
    if (!id) return; // still being raised: run() resolves it once it has an id
    void this.gateway()
      .then((gateway) => gateway.resolve(id, resolution))
      .catch((error: unknown) => this.deps.logger.warn(`wingman: could not withdraw OpenClaw approval ${id}: ${message(error)}`));
  }

  private forget(entry: Raised): void {
    if (this.raised.get(entry.approval.id) === entry) this.raised.delete(entry.approval.id);
  }

  private gateway(): Promise<PluginApprovalGateway> {
    const connection = (this.connection ??= this.deps.gateway());
    // A failed connection is retried at the next prompt, not cached.
    connection.catch(() => {
      if (this.connection === connection) this.connection = undefined;
    });
    return connection;
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
