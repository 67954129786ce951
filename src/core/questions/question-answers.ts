import type { Question } from './question.js';
import type { QuestionAnswer } from './match-choices.js';

/**
 * One answer as Claude Code records it: the chosen labels, then the user's own text, joined by
 * ", " (its dialog's own multi-select form, and what its input schema makes of a list).
 */
export function answerText(answer: QuestionAnswer): string {
  return [...answer.labels, ...(answer.other !== undefined ? [answer.other] : [])].join(', ');
}

/** `{question text: answer}`, the `answers` field AskUserQuestion's input takes. */
export function answersRecord(questions: readonly Question[], answers: readonly QuestionAnswer[]): Record<string, string> {
  return Object.fromEntries(answers.map((answer, index) => [questions[index]!.question, answerText(answer)]));
}

/**
 * The `updatedInput` of a PermissionRequest hook's `allow` that answers AskUserQuestion: the
 * tool's own input plus `answers`, keyed by question text. Checked with the real binaries
 * (2.1.197 and 2.1.332): the model then gets a tool_result `"question"="answer", …`.
 */
export function updatedInputFor(input: Readonly<Record<string, unknown>>, questions: readonly Question[], answers: readonly QuestionAnswer[]): Record<string, unknown> {
  return { ...input, answers: answersRecord(questions, answers) };
}
