import type { PendingApproval } from '../approvals/approval-types.js';
import { formatReminder, formatReplies, formatWaited } from '../approvals/format-approval.js';
import { summarizeCall, type NoticeContext } from './tool-notices.js';

export interface WaitingPrompt {
  approval: PendingApproval;
  waitedMs: number;
  context?: NoticeContext | undefined;
  /** Set for prompts with a notice of their own (a question): its one-line summary and replies. */
  summary?: string | undefined;
  replies?: string | undefined;
}

/**
 * One reminder for every prompt still waiting: a single prompt keeps the full notice; several
 * become one list, longest waiting first, each with its session, id, call, wait and replies.
 */
export function formatReminders(waiting: readonly WaitingPrompt[]): string {
  if (waiting.length === 1) return formatReminder(waiting[0]!.approval, waiting[0]!.waitedMs, waiting[0]!.context);
  const items = [...waiting].sort((a, b) => b.waitedMs - a.waitedMs);
  return [
    `⏰ ${items.length} sessions still waiting for you:`,
    ...items.flatMap(({ approval, waitedMs, context, summary, replies }) => [
      `• '${approval.session}' [${approval.id}], ${formatWaited(waitedMs)}: ${summary ?? summarizeCall(approval, context)}`,
      `  Reply: ${replies ?? formatReplies(approval)}`,
    ]),
  ].join('\n');
}
