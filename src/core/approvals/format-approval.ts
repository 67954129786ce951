import type { ApprovalDecision, PendingApproval } from './approval-types.js';
import { describeCall, type NoticeContext } from '../notify/tool-notices.js';
import { formatPlanRequest } from './format-plan.js';
import { inlineCode } from '../notify/phone-markdown.js';

const flat = (text: string, max = 300) => {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
};

/** `approve NAME · always NAME · deny NAME`: the answers this prompt can take. */
export function formatReplies(approval: PendingApproval): string {
  const { session } = approval;
  const always = approval.via === 'hook' || approval.options.some((option) => option.kind === 'always');
  return [`approve ${session}`, ...(always ? [`always ${session}`] : []), `deny ${session}`].join(' · ');
}

/** `🔒 Session 'vsr-bugfix' needs approval` + the call (tool-notices.ts) + how to answer. */
export function formatApprovalRequest(approval: PendingApproval, context?: NoticeContext): string {
  const { session, id } = approval;
  if (approval.plan) return formatPlanRequest(session, id, approval.plan);
  return [`🔒 Session '${session}' needs approval [${id}]`, ...describeCall(approval, context), `Reply: ${formatReplies(approval)}`].join('\n');
}

export function formatReminder(approval: PendingApproval, waitedMs: number, context?: NoticeContext): string {
  return `⏰ Still waiting (${formatWaited(waitedMs)}): ${formatApprovalRequest(approval, context)}`;
}

/** `45s`, `2 min`, `1 h 5 min` (whole minutes, rounded down). */
export function formatWaited(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  return minutes % 60 === 0 ? `${minutes / 60} h` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** `reason`: what a deny told Claude to do instead, shown so the user sees what Claude got. */
export function formatAnswered(session: string, decision: ApprovalDecision, remembered?: string, reason?: string): string {
  if (decision === 'deny') return reason ? `✗ Session '${session}' denied; Claude was told: "${flat(reason)}"` : `✗ Session '${session}' denied`;
  if (decision === 'always') return `✓ Session '${session}' approved (always: ${remembered ? inlineCode(remembered) : 'as Claude suggested'})`;
  return `✓ Session '${session}' approved (once)`;
}

export function formatAnsweredInTerminal(approval: PendingApproval): string {
  return `✋ Session '${approval.session}': ${inlineCode(`${approval.tool}(${flat(approval.detail, 80)})`)} was answered in the terminal [${approval.id}]`;
}

export function formatPolicyDecision(approval: PendingApproval, decision: 'allow' | 'deny', rule: string): string {
  return `${decision === 'allow' ? '✓' : '✗'} Session '${approval.session}' ${decision === 'allow' ? 'auto-approved' : 'auto-denied'} ${inlineCode(`${approval.tool}(${flat(approval.detail, 80)})`)} by rule ${inlineCode(rule)}`;
}
