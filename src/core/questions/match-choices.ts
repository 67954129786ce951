import type { Question } from './question.js';

/** The answer to one question: options chosen (in the question's order) and/or the user's own text. */
export interface QuestionAnswer {
  labels: string[];
  /** `other: …`: what the user typed instead of (or, multi-select, besides) an option. */
  other?: string | undefined;
}

export type ChoiceMatch = { ok: true; answers: QuestionAnswer[] } | { ok: false; message: string };

/** `other: free text`, at the start of an answer. */
const OTHER = /^other\s*:/i;
/** `other:` where an answer's choices end and its free text begins. */
const OTHER_INSIDE = /(?:^|[\s,;])other\s*:/i;
const NUMBER = /^\d{1,3}$/;

const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });

/**
 * Matches what the user typed after `answer NAME` against the questions asked, starting at
 * `questions[from]` (the first one not answered yet). The rules:
 *
 * - An answer is an option's number (`2`), its label, case-insensitive (`blue`), or
 *   `other: free text` (the dialog's "Type something" row). The number after the last option is
 *   that row itself, so it is refused with a pointer to `other:`.
 * - A multi-select question takes several choices separated by commas or spaces (`1,2`, `1 2`,
 *   `Small, Large`), optionally ending in `other: text`; they are kept in the question's order.
 * - Answers to successive questions are separated by `;` (or a new line) — always allowed, and
 *   needed when a label has spaces — or by spaces when every answer is one word: `1 2` answers
 *   two questions. More words than questions are the choices of the one multi-select question
 *   among them (`2 1 2`: the first question 2, a multi-select second 1 and 2); with several
 *   multi-select questions that is ambiguous and refused. `other: …` takes the rest of the text.
 * - When only one question is left, the whole text answers it (labels with spaces need no `;`,
 *   and free text may hold `;`).
 * - Fewer answers than questions answer the first ones in order; the caller asks for the rest.
 *
 * Errors are one line naming the valid options, for a phone.
 */
export function matchChoices(questions: readonly Question[], text: string, from = 0): ChoiceMatch {
  const remaining = questions.slice(from);
  if (remaining.length === 0) return fail('Every question is already answered.');
  const trimmed = text.trim();
  if (trimmed === '') return fail(`No answer given. ${choicesHint(remaining[0]!, from, questions.length)}`);
  const parts = splitAnswers(trimmed, remaining);
  if (!Array.isArray(parts)) return parts;
  const answers: QuestionAnswer[] = [];
  for (const [offset, part] of parts.entries()) {
    const matched = matchOne(remaining[offset]!, from + offset, questions.length, part);
    if ('message' in matched) return matched;
    answers.push(matched);
  }
  return { ok: true, answers };
}

/** The text for each question answered, in order (see matchChoices for the rules). */
function splitAnswers(text: string, remaining: readonly Question[]): string[] | { ok: false; message: string } {
  const tooMany = (count: number) =>
    fail(`${remaining.length === 1 ? 'One question is' : `${remaining.length} questions are`} left to answer, but ${count} answers were given; separate answers with ";".`);
  if (remaining.length === 1) return [text];
  if (/[;\n]/.test(text)) {
    const parts = text.split(/[;\n]/).map((part) => part.trim()).filter((part) => part !== '');
    return parts.length > remaining.length ? tooMany(parts.length) : parts;
  }
  const other = OTHER_INSIDE.exec(text);
  const head = other ? text.slice(0, other.index) : text;
  const words = head.split(/\s+/).filter((word) => word !== '');
  if (other) words.push(text.slice(other.index).trim());
  if (words.length <= remaining.length) return words;
  const multi = remaining.flatMap((question, index) => (question.multiSelect ? [index] : []));
  if (multi.length !== 1) return tooMany(words.length);
  const at = multi[0]!;
  const extra = words.length - remaining.length;
  return [...words.slice(0, at), words.slice(at, at + extra + 1).join(' '), ...words.slice(at + extra + 1)];
}

function matchOne(question: Question, index: number, total: number, part: string): QuestionAnswer | { ok: false; message: string } {
  const where = total > 1 ? `Question ${index + 1}: ` : '';
  if (OTHER.test(part)) {
    const own = part.replace(OTHER, '').replace(/\s+/g, ' ').trim();
    return own === '' ? fail(`${where}"other:" needs your own answer after it, e.g. other: something else.`) : { labels: [], other: own };
  }
  if (!question.multiSelect) {
    const found = resolve(question, part);
    return typeof found === 'number' ? { labels: [question.options[found]!.label] } : fail(`${where}${found} ${choicesHint(question, index, total)}`);
  }
  const other = OTHER_INSIDE.exec(part);
  const head = other ? part.slice(0, other.index) : part;
  const own = other ? part.slice(other.index).trim().replace(OTHER, '').replace(/\s+/g, ' ').trim() : undefined;
  if (own === '') return fail(`${where}"other:" needs your own answer after it, e.g. other: something else.`);
  const chosen = new Set<number>();
  for (const piece of head.split(/[,;]/).map((item) => item.trim()).filter((item) => item !== '')) {
    const whole = resolve(question, piece);
    const found = typeof whole === 'number' ? [whole] : piece.split(/\s+/).map((word) => resolve(question, word));
    const wrong = typeof whole === 'number' ? undefined : found.find((item) => typeof item !== 'number');
    if (wrong !== undefined) return fail(`${where}${/\s/.test(piece) ? `"${shorten(piece, 40)}" is not an option.` : wrong} ${choicesHint(question, index, total)}`);
    for (const item of found) chosen.add(item as number);
  }
  if (chosen.size === 0 && own === undefined) return fail(`${where}No option chosen. ${choicesHint(question, index, total)}`);
  const labels = [...chosen].sort((a, b) => a - b).map((item) => question.options[item]!.label);
  return own === undefined ? { labels } : { labels, other: own };
}

const normalise = (text: string) => text.replace(/^["'“”‘’]+|["'“”‘’]+$/g, '').replace(/\s+/g, ' ').replace(/\.$/, '').trim().toLowerCase();

/** The index of the option `piece` names (number or label), or why it names none. */
function resolve(question: Question, piece: string): number | string {
  if (NUMBER.test(piece)) {
    const n = Number(piece);
    if (n >= 1 && n <= question.options.length) return n - 1;
    if (n === question.options.length + 1) return `${n} is the row for your own answer: reply other: your text.`;
    return `There is no option ${n}.`;
  }
  const wanted = normalise(piece);
  const index = question.options.findIndex((option) => normalise(option.label) === wanted);
  return index === -1 ? `"${shorten(piece, 40)}" is not an option.` : index;
}

/** `Choose 1 Red, 2 Blue, or other: your text.` for the question named. */
export function choicesHint(question: Question, index: number, total: number): string {
  const listed = question.options.slice(0, 6).map((option, position) => `${position + 1} ${shorten(option.label, 30)}`);
  if (question.options.length > 6) listed.push('…');
  const about = total > 1 ? ` for question ${index + 1} ("${shorten(question.question, 50)}")` : '';
  const several = question.multiSelect ? ' (one or more, e.g. 1,2)' : '';
  return `Choose${about}${several}: ${listed.join(', ')}, or other: your text.`;
}

export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}
