import type { ApprovalDecision, PendingApproval } from './approval-types.js';
import { formatPlanRequest } from './format-plan.js';

const flat = (text: string, max = 300) => {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
};

/** `🔒 Session 'vsr-bugfix' needs approval` + the call + how to answer. */
export function formatApprovalRequest(approval: PendingApproval): string {
  const { session, id } = approval;
  if (approval.plan) return formatPlanRequest(session, id, approval.plan);
  const always = approval.via === 'hook' || approval.options.some((option) => option.kind === 'always');
  const replies = [`approve ${session}`, ...(always ? [`always ${session}`] : []), `deny ${session}`].join(' · ');
  return [`🔒 Session '${session}' needs approval [${id}]`, `${approval.tool}(${flat(approval.detail)})`, `Reply: ${replies}`].join('\n');
}

export function formatReminder(approval: PendingApproval, waitedMs: number): string {
  return `⏰ Still waiting (${Math.round(waitedMs / 60_000)} min): ${formatApprovalRequest(approval)}`;
}

/** `reason`: what a deny told Claude to do instead, shown so the user sees what Claude got. */
export function formatAnswered(session: string, decision: ApprovalDecision, remembered?: string, reason?: string): string {
  if (decision === 'deny') return reason ? `✗ Session '${session}' denied; Claude was told: "${flat(reason)}"` : `✗ Session '${session}' denied`;
  if (decision === 'always') return `✓ Session '${session}' approved (always: ${remembered ?? 'as Claude suggested'})`;
  return `✓ Session '${session}' approved (once)`;
}

export function formatAnsweredInTerminal(approval: PendingApproval): string {
  return `✋ Session '${approval.session}': ${approval.tool}(${flat(approval.detail, 80)}) was answered in the terminal [${approval.id}]`;
}

export function formatPolicyDecision(approval: PendingApproval, decision: 'allow' | 'deny', rule: string): string {
  return `${decision === 'allow' ? '✓' : '✗'} Session '${approval.session}' ${decision === 'allow' ? 'auto-approved' : 'auto-denied'} ${approval.tool}(${flat(approval.detail, 80)}) by rule ${rule}`;
}
