import type { Wingman } from '../create-wingman.js';
import type { Monitor } from '../monitor.js';
import type { EngineReply } from '../chat-engine.js';
import { sendControl } from '../../adapters/hooks/control-client.js';
import { AuditLog } from '../../adapters/store/audit-log.js';
import { WingmanError } from '../../core/errors.js';
import { answerOnScreen, auditNote, questionsFor } from '../question-answering.js';

export interface AnswerQuestionRequest {
  wingman: Wingman;
  /** The monitor running in this process (the plugin), if any. */
  monitor: Monitor | undefined;
  session: string;
  /** As the user typed them: `2`, `Blue`, `1 1,2`, `other: free text` (core/questions/match-choices.ts). */
  choices: string;
  id: string | undefined;
  by: string;
}

/**
 * `answer NAME CHOICE…` from chat, the CLI and the agent tools alike: through the monitor when one
 * runs (here or behind the control socket: it holds the waiting hook and the ids it notified),
 * else by keys on the picker the screen shows now.
 */
export async function answerQuestion(request: AnswerQuestionRequest): Promise<EngineReply> {
  const { wingman, monitor, session, choices, id, by } = request;
  if (monitor) return monitor.desk.answerQuestion(session, choices, id, by);
  const reply = await sendControl(wingman.paths.hookSocket, { type: 'control', action: 'question', session, choices, by, ...(id ? { id } : {}) });
  if (reply) return { ok: reply.ok, text: reply.text };
  if (id !== undefined) {
    throw new WingmanError('no_pending_prompt', `No wingman monitor is running, so prompt ids are not tracked; answer with: answer ${session} ${choices}`);
  }
  return answerQuestionByKeysNow(wingman, session, choices, by);
}

/** Without a monitor: the questions from the hook events or the transcript (else the screen), answered by keys. */
async function answerQuestionByKeysNow(wingman: Wingman, session: string, choices: string, by: string): Promise<EngineReply> {
  const { status, tmuxSession } = await wingman.sessions.get(session);
  const prompt = status.pendingPrompt;
  if (status.state !== 'waiting_answer' || !prompt || prompt.options.length === 0) {
    return { ok: false, text: `Session '${session}' has no question waiting for an answer (it is ${status.state}).` };
  }
  const asked = questionsFor(status.pendingQuestion, prompt);
  if (!asked) return { ok: false, text: `Session '${session}': wingman cannot read the question on screen; answer it in the terminal (tmux attach -t ${tmuxSession}).` };
  const audit = new AuditLog(wingman.paths.audit);
  const result = await answerOnScreen({ tmux: wingman.tmux, tmuxSession, session, detect: wingman.detectScreen, prompt, ...asked, choices });
  if (!result.ok) {
    await audit.append({ session, tool: 'question', detail: prompt.detail, decision: 'refused', by, via: 'keys', note: result.text });
    return { ok: false, text: result.text };
  }
  await audit.append({ session, tool: 'question', detail: prompt.detail, decision: 'answer', by, via: 'keys', note: auditNote(asked.questions, result.answers, result.from) });
  return { ok: true, text: result.text };
}
