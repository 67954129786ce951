import type { TmuxClient } from '../adapters/tmux/tmux-client.js';
import type { PendingPrompt, ScreenReading } from '../core/session-state.js';
import { isWingmanError } from '../core/errors.js';
import { parseQuestions, type Question } from '../core/questions/question.js';
import { matchChoices, shorten, type QuestionAnswer } from '../core/questions/match-choices.js';
import { answerText } from '../core/questions/question-answers.js';
import { formatQuestionAnswered, formatQuestionProgress } from '../core/questions/format-question.js';
import { isQuestionReview, questionFromScreen, shownQuestionIndex } from '../agents/claude-code/screen/question-picker.js';
import { answerQuestionByKeys } from './question-keys.js';

/**
 * What was asked, as well as wingman knows it: the tool input (hook or transcript; `complete`),
 * else the screen's current tab alone. An input whose questions the screen does not show is stale.
 */
export function questionsFor(input: unknown, prompt: PendingPrompt | undefined): { questions: Question[]; complete: boolean } | undefined {
  const asked = parseQuestions(input);
  if (asked && (!prompt || isQuestionReview(prompt) || shownQuestionIndex(asked, prompt.detail) !== undefined)) return { questions: asked, complete: true };
  const shown = prompt ? questionFromScreen(prompt) : undefined;
  return shown ? { questions: [shown], complete: false } : undefined;
}

export interface ScreenAnswerRequest {
  tmux: Pick<TmuxClient, 'capturePane' | 'sendKeys' | 'sendLiteral'>;
  tmuxSession: string;
  session: string;
  detect: (screen: string) => ScreenReading;
  /** The picker on screen now. */
  prompt: PendingPrompt;
  questions: readonly Question[];
  /** False when `questions` is only the tab on screen (see questionsFor). */
  complete: boolean;
  choices: string;
  /** The id to name in a reply that asks for the remaining questions. */
  id?: string | undefined;
}

export type ScreenAnswer =
  | { ok: true; text: string; submitted: boolean; answers: QuestionAnswer[]; from: number }
  | { ok: false; text: string; /** Nothing was pressed (bad input, stale prompt) vs. keys went in. */ pressed: boolean };

/**
 * Answers the question the picker shows now by keys: the choices start at that question (the
 * dialog's current tab) and go on in order; answers for all the rest also confirm the review.
 */
export async function answerOnScreen(request: ScreenAnswerRequest): Promise<ScreenAnswer> {
  const { session, prompt, questions } = request;
  if (isQuestionReview(prompt)) {
    return { ok: false, pressed: false, text: `Session '${session}' shows the review of its answers; finish it in the terminal (tmux attach -t ${request.tmuxSession}).` };
  }
  const from = shownQuestionIndex(questions, prompt.detail);
  if (from === undefined) return { ok: false, pressed: false, text: `Session '${session}' no longer shows that question; nothing was sent. It asks now: ${shorten(prompt.detail, 80)}` };
  const match = matchChoices(questions, request.choices, from);
  if (!match.ok) return { ok: false, pressed: false, text: `Session '${session}': ${match.message}` };
  try {
    const { submitted } = await answerQuestionByKeys({ ...request, label: session, from, answers: match.answers });
    const next = from + match.answers.length;
    const text = submitted || next >= questions.length
      ? `${formatQuestionAnswered(session, questions.slice(from), match.answers)}${submitted ? '' : '. It asks another question next.'}`
      : formatQuestionProgress({ session, id: request.id ?? '-', questions, from: next, answered: match.answers });
    return { ok: true, text, submitted, answers: match.answers, from };
  } catch (error) {
    if (isWingmanError(error)) return { ok: false, pressed: true, text: error.message };
    throw error;
  }
}

/** `Colour=Red; Size=Small, Large` for the audit log. */
export function auditNote(questions: readonly Question[], answers: readonly QuestionAnswer[], from: number): string {
  return answers.map((answer, offset) => `${shorten(questions[from + offset]!.question, 60)}=${shorten(answerText(answer), 200)}`).join('; ');
}
