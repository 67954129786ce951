import type { Question } from './question.js';
import { shorten, type QuestionAnswer } from './match-choices.js';
import { answerText } from './question-answers.js';

/** Lengths that keep a notice readable on a phone: a question, an option label, its description. */
const QUESTION_MAX = 200;
const LABEL_MAX = 60;
const DESCRIPTION_MAX = 60;

export interface QuestionNotice {
  session: string;
  id: string;
  questions: readonly Question[];
  /** Questions already answered (the notice then shows the rest). */
  from?: number;
}

/**
 * The one notice a question gets: the id, each question with its numbered options (descriptions
 * shortened), multi-select marked, and how to reply.
 */
export function formatQuestionNotice({ session, id, questions, from = 0 }: QuestionNotice): string {
  const left = questions.length - from;
  const title = `❓ Session '${session}' asks${left > 1 ? ` ${left} questions` : ''} [${id}]`;
  return [title, ...formatQuestions(questions, from), replyLine(session, questions, from)].join('\n');
}

export function formatQuestionReminder(notice: QuestionNotice, waitedMs: number): string {
  return `⏰ Still waiting (${Math.round(waitedMs / 60_000)} min): ${formatQuestionNotice(notice)}`;
}

/** Each question from `from` on, numbered `1)` when there are several. */
function formatQuestions(questions: readonly Question[], from: number): string[] {
  const several = questions.length > 1;
  return questions.slice(from).flatMap((question, offset) => {
    const tag = several ? `${from + offset + 1}) ${question.header ? `${shorten(question.header, 20)}: ` : ''}` : '';
    const multi = question.multiSelect ? ' (choose one or more)' : '';
    const indent = several ? '   ' : '';
    const options = question.options.map((option, index) => {
      const description = option.description ? ` – ${shorten(option.description, DESCRIPTION_MAX)}` : '';
      return `${indent}${index + 1}. ${shorten(option.label, LABEL_MAX)}${description}`;
    });
    return [`${tag}${shorten(question.question, QUESTION_MAX)}${multi}`, ...options];
  });
}

/** `Reply: answer app 2 · answer app Blue · answer app other: your text`, fitted to the questions. */
function replyLine(session: string, questions: readonly Question[], from: number): string {
  const left = questions.slice(from);
  const first = left[0];
  if (!first) return '';
  if (left.length === 1) {
    const example = first.multiSelect && first.options.length > 1 ? '1,2' : '1';
    const label = first.options[0] && !/\s/.test(first.options[0].label) && !first.multiSelect ? [`answer ${session} ${first.options[0].label}`] : [];
    return `Reply: ${[`answer ${session} ${example}`, ...label, `answer ${session} other: your text`].join(' · ')}`;
  }
  const example = left.map((question) => (question.multiSelect && question.options.length > 1 ? '1,2' : '1')).join(' ');
  return `Reply: answer ${session} ${example} (one answer per question, in order; ";" between answers with spaces; other: your text)`;
}

/** `Colour → Red; Size → Small, Large`. */
export function describeAnswers(questions: readonly Question[], answers: readonly QuestionAnswer[], from = 0): string {
  return answers
    .map((answer, offset) => {
      const question = questions[from + offset]!;
      const name = question.header ? shorten(question.header, 20) : `"${shorten(question.question, 40)}"`;
      return `${name} → ${shorten(answerText(answer), 80)}`;
    })
    .join('; ');
}

export function formatQuestionAnswered(session: string, questions: readonly Question[], answers: readonly QuestionAnswer[]): string {
  return `✓ Session '${session}' answered: ${describeAnswers(questions, answers)}`;
}

/**
 * Some questions answered, the rest still to come: `answered` are the answers just given, for the
 * questions right before `from` (the first one still open).
 */
export function formatQuestionProgress(notice: QuestionNotice & { answered: readonly QuestionAnswer[] }): string {
  const from = notice.from ?? 0;
  const given = describeAnswers(notice.questions, notice.answered, from - notice.answered.length);
  const done = `✓ Session '${notice.session}': ${from} of ${notice.questions.length} questions answered (${given}). Still to answer [${notice.id}]:`;
  return [done, ...formatQuestions(notice.questions, from), replyLine(notice.session, notice.questions, from)].join('\n');
}
