import type { Wingman } from './create-wingman.js';
import { sendControl } from '../adapters/hooks/control-client.js';
import { parseSessionName } from '../core/session-name.js';
import type { ApprovalDecision, PendingApproval } from '../core/approvals/approval-types.js';
import type { PendingPrompt } from '../core/session-state.js';
import { answerApprovalByKeys } from './dialog-driver.js';
import { denyWithReasonByKeys } from './deny-with-reason.js';
import { oneLineReason } from '../agents/claude-code/screen/dialog-feedback.js';
import { formatAnswered } from '../core/approvals/format-approval.js';
import { AuditLog } from '../adapters/store/audit-log.js';
import { WingmanError } from '../core/errors.js';
import { showPlan } from './steering/show-plan.js';

export interface CliAnswer {
  ok: boolean;
  text: string;
}

/**
 * `wingman approve|always|deny NAME [ID] [--reason TEXT]`: through the running monitor when there is one (it
 * holds the waiting hooks and the ids it notified); otherwise by keys on the dialog the screen
 * shows now, which is what the user is looking at in the terminal.
 */
export async function answerFromCli(wingman: Wingman, rawName: string, decision: ApprovalDecision, id: string | undefined, reason?: string): Promise<CliAnswer> {
  const session = parseSessionName(rawName);
  const by = `cli:${process.env.USER ?? 'user'}`;
  const reply = await sendControl(wingman.paths.hookSocket, { type: 'control', action: 'answer', session, decision, by, ...(id ? { id } : {}), ...(reason ? { reason } : {}) });
  if (reply) return { ok: reply.ok, text: reply.text };

  if (id !== undefined) {
    throw new WingmanError('no_pending_prompt', `No wingman monitor is running, so prompt ids are not tracked; answer with: ${decision} ${session}`);
  }
  return answerByKeys(wingman, session, decision, by, reason);
}

/**
 * Without a monitor: keys to the dialog the screen shows now, chosen from its own options; a
 * deny's reason is typed into the dialog's own "tell Claude what to do differently" box.
 */
export async function answerByKeys(wingman: Wingman, session: string, decision: ApprovalDecision, by: string, rawReason?: string): Promise<CliAnswer> {
  const reason = decision === 'deny' && rawReason !== undefined ? oneLineReason(rawReason) || undefined : undefined;
  const { status, tmuxSession } = await wingman.sessions.get(session);
  const prompt = status.pendingPrompt;
  if (status.state === 'waiting_answer') return answerQuestionPickerByKeys(wingman, session, decision, by);
  if (status.state !== 'waiting_approval' || !prompt || prompt.options.length === 0) {
    return { ok: false, text: `Session '${session}' has no prompt waiting for an answer (it is ${status.state}).` };
  }
  const target = {
    tmux: wingman.tmux,
    tmuxSession,
    label: session,
    detect: wingman.detectScreen,
    isSamePrompt: (shown: PendingPrompt) => shown.tool === prompt.tool && shown.detail === prompt.detail,
  };
  try {
    if (reason !== undefined) await denyWithReasonByKeys({ ...target, reason });
    else await answerApprovalByKeys({ ...target, decision });
  } catch (error) {
    if (error instanceof WingmanError && error.code !== 'unreadable_screen') return { ok: false, text: error.message };
    throw error;
  }
  await new AuditLog(wingman.paths.audit).append({ session, tool: prompt.tool, detail: prompt.detail, decision, by, via: 'keys', reason });
  const always = prompt.options.find((option) => option.kind === 'always')?.label;
  return { ok: true, text: formatAnswered(session, decision, decision === 'always' ? always : undefined, reason) };
}

/** `wingman plan NAME`: from the running monitor (it holds the hook's plan), else from the session itself. */
export async function planFromCli(wingman: Wingman, rawName: string): Promise<string[]> {
  const session = parseSessionName(rawName);
  const reply = await sendControl(wingman.paths.hookSocket, { type: 'control', action: 'plan', session, by: `cli:${process.env.USER ?? 'user'}` });
  if (!reply) return showPlan({ wingman, monitor: undefined, session });
  if (!reply.ok) throw new WingmanError('invalid_input', reply.text);
  return Array.isArray(reply.data) ? reply.data.filter((message): message is string => typeof message === 'string') : [reply.text];
}

/** approve/always on a question is refused (it needs an answer); deny cancels the picker with Esc. */
async function answerQuestionPickerByKeys(wingman: Wingman, session: string, decision: ApprovalDecision, by: string): Promise<CliAnswer> {
  if (decision !== 'deny') {
    return { ok: false, text: `Session '${session}' asks a question, not for approval: reply answer ${session} with an option's number or label (or other: your text); deny ${session} cancels it.` };
  }
  const { status, tmuxSession } = await wingman.sessions.get(session);
  if (status.state !== 'waiting_answer') return { ok: false, text: `Session '${session}' no longer shows that question; nothing was sent.` };
  await wingman.tmux.sendKeys(tmuxSession, ['Escape']);
  await new AuditLog(wingman.paths.audit).append({ session, tool: 'question', detail: status.pendingPrompt?.detail ?? '', decision, by, via: 'keys' });
  return { ok: true, text: formatAnswered(session, 'deny') };
}

export async function listPendingFromCli(wingman: Wingman): Promise<PendingApproval[]> {
  const reply = await sendControl(wingman.paths.hookSocket, { type: 'control', action: 'pending', by: 'cli' });
  if (reply?.ok && Array.isArray(reply.data)) return reply.data as PendingApproval[];
  const views = await wingman.sessions.list();
  return views.flatMap((view) => {
    const prompt = view.status.pendingPrompt;
    if (view.status.state !== 'waiting_approval' || !prompt) return [];
    return [{ id: '-', session: view.name, tool: prompt.tool, detail: prompt.detail, options: prompt.options, via: 'screen' as const, createdAtMs: Date.now() }];
  });
}
