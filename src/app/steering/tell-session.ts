import type { Wingman } from '../create-wingman.js';
import type { EngineReply } from '../chat-engine.js';
import { AuditLog } from '../../adapters/store/audit-log.js';
import { readInputBox } from '../../agents/claude-code/screen/input-box.js';
import { isWingmanError } from '../../core/errors.js';
import { isRestoredPrompt } from '../../core/steering/restored-prompt.js';
import { formatNotTold, formatTold, formatUnsentText } from '../../core/steering/steering-replies.js';

export interface TellRequest {
  wingman: Pick<Wingman, 'sessions' | 'tmux' | 'paths'>;
  session: string;
  prompt: string;
  by: string;
}

/** States whose input box takes a prompt: at rest it starts a turn, during one Claude Code queues it. */
const TAKES_PROMPTS = new Set(['idle', 'error', 'working']);

/**
 * Submits a follow-up prompt without the assistant's model, through the very path `wingman send`
 * takes (typed once, Enter verified on screen, only Enter ever retried), so it reaches Claude
 * exactly once. During a turn Claude Code queues it and sends it when the turn ends. A dialog
 * waiting for an answer, an exited session or an unreadable screen get a reason instead; so does
 * text someone left in the box, except the session's own prompt that an interrupt put back there,
 * which is replaced. Every submission (or failure to submit) is audited.
 */
export async function tellSession(request: TellRequest): Promise<EngineReply> {
  const { wingman, session: name, prompt } = request;
  const view = await wingman.sessions.get(name);
  const { status } = view;
  if (!TAKES_PROMPTS.has(status.state)) return { ok: false, text: formatNotTold(status) };

  const box = readInputBox(await wingman.tmux.capturePane(view.tmuxSession, { escapes: true }));
  const replace = box.present && box.text !== '';
  if (replace && !isRestoredPrompt(box.text, [status.currentTask, view.lastPrompt])) return { ok: false, text: formatUnsentText(name, box.text) };

  const queued = status.state === 'working';
  const audit = (note: string) =>
    new AuditLog(wingman.paths.audit).append({ session: name, tool: '', detail: prompt.slice(0, 200), decision: 'tell', by: request.by, via: 'keys', note });
  try {
    await wingman.sessions.send(name, prompt, { replace });
  } catch (error) {
    if (isWingmanError(error)) await audit(`not sent: ${error.message}`);
    throw error;
  }
  await audit(`${queued ? 'queued behind the running turn' : 'sent'}${replace ? '; replaced the interrupted prompt in the input box' : ''}`);
  return { ok: true, text: formatTold(name, queued) };
}
