import type { ApprovalDecision, PendingApproval } from './approval-types.js';

/**
 * OpenClaw's plugin approvals (gateway methods `plugin.approval.request|waitDecision|resolve`,
 * openclaw 2026.9.6): the decisions they speak, and the limits the gateway enforces on a request
 * (a longer title or description is refused, not cut; a timeout past 10 minutes is refused).
 */
export type OpenClawDecision = 'allow-once' | 'allow-always' | 'deny';
export const OPENCLAW_DECISIONS: readonly OpenClawDecision[] = ['allow-once', 'allow-always', 'deny'];
export const OPENCLAW_TITLE_MAX = 80;
export const OPENCLAW_DESCRIPTION_MAX = 512;
export const OPENCLAW_TIMEOUT_MAX_MS = 600_000;

/** Prompts that are not a yes/no: a question's answer is chosen, not approved. */
const NOT_APPROVALS: ReadonlySet<string> = new Set(['AskUserQuestion']);

export function raisesOpenClawApproval(approval: PendingApproval): boolean {
  return !NOT_APPROVALS.has(approval.tool);
}

export function wingmanDecision(decision: OpenClawDecision): ApprovalDecision {
  if (decision === 'allow-once') return 'approve';
  if (decision === 'allow-always') return 'always';
  return 'deny';
}

/**
 * The decision a stale OpenClaw request is resolved with once the prompt was settled elsewhere, so
 * its own "resolved" line on the phone agrees with what happened; a prompt answered in the
 * terminal or gone with its session can no longer be approved from the phone, hence `deny`.
 */
export function withdrawalDecision(decision: ApprovalDecision | undefined): OpenClawDecision {
  if (decision === 'approve') return 'allow-once';
  if (decision === 'always') return 'allow-always';
  return 'deny';
}

/** Cuts at a code point, with an ellipsis; OpenClaw counts UTF-16 units, so this stays under. */
function fit(text: string, max: number): string {
  if (text.length <= max) return text;
  const chars = [...text];
  let out = '';
  for (const char of chars) {
    if (out.length + char.length > max - 1) break;
    out += char;
  }
  return `${out}…`;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

export interface OpenClawApprovalText {
  title: string;
  description: string;
}

/**
 * What OpenClaw shows on its approval surfaces (WhatsApp message, Control UI, buttons): the session,
 * the tool call, wingman's prompt id and, after 10 minutes, how long it has waited. OpenClaw adds its
 * own "React with / Reply with: /approve <id> …" lines.
 */
export function openClawApprovalText(approval: PendingApproval, waitedMs = 0): OpenClawApprovalText {
  const title = fit(`Claude Code · ${approval.session} · ${approval.tool}`, OPENCLAW_TITLE_MAX);
  const waited = waitedMs >= 60_000 ? `⏰ Still waiting (${Math.round(waitedMs / 60_000)} min). ` : '';
  const head = `${waited}Session '${approval.session}' [${approval.id}] asks to run:`;
  const tail = `Or reply: approve ${approval.session} · always ${approval.session} · deny ${approval.session}`;
  const room = OPENCLAW_DESCRIPTION_MAX - head.length - tail.length - 2;
  const call = fit(`${approval.tool}(${oneLine(approval.detail)})`, Math.max(20, room));
  return { title, description: fit(`${head}\n${call}\n${tail}`, OPENCLAW_DESCRIPTION_MAX) };
}

/** The part of OpenClaw's config that routes plugin approvals (`approvals.plugin`). */
export interface ApprovalRoutingConfig {
  approvals?: { plugin?: { enabled?: unknown; mode?: unknown; targets?: unknown } | undefined } | undefined;
}

/**
 * Whether the user asked OpenClaw to deliver plugin approvals somewhere: `approvals.plugin.enabled`
 * with `mode` "targets" or "both" and at least one target. wingman's prompts come from no chat turn,
 * so "session" mode alone has nowhere to send them.
 */
export function approvalRoutingConfigured(config: ApprovalRoutingConfig): boolean {
  const plugin = config.approvals?.plugin;
  if (plugin?.enabled !== true) return false;
  const mode = plugin.mode ?? 'session';
  return (mode === 'targets' || mode === 'both') && Array.isArray(plugin.targets) && plugin.targets.length > 0;
}

/** OpenClaw's `/approve` decision words (its commands-approve aliases). */
const DECISION_WORDS: Readonly<Record<string, OpenClawDecision>> = {
  allow: 'allow-once',
  once: 'allow-once',
  'allow-once': 'allow-once',
  allowonce: 'allow-once',
  always: 'allow-always',
  'allow-always': 'allow-always',
  allowalways: 'allow-always',
  deny: 'deny',
  reject: 'deny',
  block: 'deny',
};

/**
 * `/approve <id> <decision>` (or the decision first) naming an OpenClaw approval id, as OpenClaw's
 * own command reads it; undefined for wingman's `approve NAME [ID]`. Only ids OpenClaw made
 * (`plugin:…`) count, so `approve build` or `approve build always` stay wingman's.
 */
export function parseOpenClawApprove(text: string): { id: string; decision: OpenClawDecision } | undefined {
  const match = /^\s*\/?approve\s+(\S+)\s+(\S+)\s*$/i.exec(text);
  if (!match) return undefined;
  const [first, second] = [match[1]!, match[2]!];
  const word = (value: string) => DECISION_WORDS[value.toLowerCase()];
  if (/^plugin:/i.test(first) && word(second)) return { id: first, decision: word(second)! };
  if (/^plugin:/i.test(second) && word(first)) return { id: second, decision: word(first)! };
  return undefined;
}
