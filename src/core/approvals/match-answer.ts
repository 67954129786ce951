import type { PendingApproval } from './approval-types.js';

export type AnswerCheck = { ok: true; approval: PendingApproval } | { ok: false; message: string };

/**
 * Decides whether an answer may go to the session's current prompt. With an id it must name the
 * current prompt; without one, the current prompt must be the only one the user was told about
 * since their last answer, so an answer typed for an earlier notification can never approve a
 * newer, different prompt.
 */
export function checkAnswer(
  session: string,
  id: string | undefined,
  pending: PendingApproval | undefined,
  lastNotifiedId: string | undefined,
  /** Prompts of this session the user was told about since their last answer. */
  noticesSinceLastAnswer = 1,
  /** How the prompt is answered, for the hint: `approve` (permission prompts) or `answer` (questions). */
  verb: 'approve' | 'answer' = 'approve',
): AnswerCheck {
  if (!pending) return { ok: false, message: `Session '${session}' has no prompt waiting for an answer.` };
  const now = `Pending now: ${pending.tool}(${shorten(pending.detail)}) [${pending.id}]. To answer it: ${verb === 'answer' ? `answer ${session} --id ${pending.id} …` : `approve ${session} ${pending.id}`}`;
  if (id !== undefined) {
    if (id.toLowerCase() !== pending.id) return { ok: false, message: `Prompt ${id} of session '${session}' is no longer pending; nothing was answered. ${now}` };
    return { ok: true, approval: pending };
  }
  if (lastNotifiedId !== undefined && lastNotifiedId !== pending.id) {
    return { ok: false, message: `The prompt of session '${session}' changed since you were notified; nothing was answered. ${now}` };
  }
  // Told about an earlier prompt too (answered in the terminal, or withdrawn): a plain answer may
  // have been meant for that one, so only the id can say which.
  if (noticesSinceLastAnswer > 1) {
    return { ok: false, message: `Session '${session}' asked ${noticesSinceLastAnswer} times since your last answer; nothing was answered. ${now}` };
  }
  return { ok: true, approval: pending };
}

function shorten(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
