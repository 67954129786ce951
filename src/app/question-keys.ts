import { setTimeout as delay } from 'node:timers/promises';
import { WingmanError } from '../core/errors.js';
import type { TmuxClient } from '../adapters/tmux/tmux-client.js';
import type { PendingPrompt, PromptOption, ScreenReading } from '../core/session-state.js';
import type { Question } from '../core/questions/question.js';
import type { QuestionAnswer } from '../core/questions/match-choices.js';
import { answerText } from '../core/questions/question-answers.js';
import { shorten } from '../core/questions/match-choices.js';
import { isQuestionReview, readPicker, readQuestionReview, showsQuestion, type PickerReading } from '../agents/claude-code/screen/question-picker.js';
import { chooseDialogOption, focusDialogOption, pressEnterOnFocused, readPrompt, type ChooseOptionRequest, type PromptReading } from './dialog-driver.js';

export interface QuestionKeysRequest {
  tmux: Pick<TmuxClient, 'capturePane' | 'sendKeys' | 'sendLiteral'>;
  tmuxSession: string;
  /** The wingman session name, for messages. */
  label: string;
  detect: (screen: string) => ScreenReading;
  questions: readonly Question[];
  /** The question the first answer is for: the one the picker shows now. */
  from: number;
  answers: readonly QuestionAnswer[];
  /**
   * `questions` is everything the dialog asks (from the tool input); false when only the current
   * tab is known (read off the screen), so another tab after it is no surprise.
   */
  complete?: boolean;
  sleep?: (ms: number) => Promise<void>;
}

export interface QuestionKeysResult {
  /** The dialog took every answer and closed (the review, if any, was confirmed). */
  submitted: boolean;
}

const POLL_MS = 50;
/** How long a toggled box or typed text may take to show. */
const REDRAW_TIMEOUT_MS = 2_000;
/** How long the review tab may take to appear after the last question. */
const REVIEW_TIMEOUT_MS = 3_000;

/**
 * Answers the AskUserQuestion picker on screen by keys, as a careful person does: for each
 * question, check the picker shows that very question with the expected options; a single choice
 * is the cursor moved onto it and seen there before Enter; a multi-select box is toggled with
 * Space only with the cursor seen on it, and seen to change; the user's own text goes into the
 * "Type something" row once the cursor is seen on that row, and must show there before Enter.
 * After the last question the review tab is confirmed only when it lists what the user chose.
 * Anything unexpected stops it with a reason; what was already entered stays in the dialog.
 */
export async function answerQuestionByKeys(request: QuestionKeysRequest): Promise<QuestionKeysResult> {
  const sleep = request.sleep ?? delay;
  let keysObeyed = false;
  for (const [offset, answer] of request.answers.entries()) {
    const index = request.from + offset;
    const question = request.questions[index]!;
    const base: ChooseOptionRequest = {
      tmux: request.tmux,
      tmuxSession: request.tmuxSession,
      label: request.label,
      detect: request.detect,
      state: 'waiting_answer',
      isSamePrompt: (prompt) => !isQuestionReview(prompt) && showsQuestion(prompt.detail, question),
      pick: () => ({ error: 'nothing to pick' }),
      sleep,
    };
    const gone = offset === 0 ? 'nothing was pressed' : `the answers before it were entered in the dialog`;
    const { shown } = await readPrompt(base, 'waiting_answer');
    if (!shown) throw new WingmanError('stale_prompt', `Session '${request.label}' no longer shows the question "${shorten(question.question, 60)}"; ${gone}.`);
    checkOptions(request.label, question, shown.prompt);
    if (!question.multiSelect) {
      if (answer.other !== undefined) {
        const row = await typeOwnAnswer(request, base, question, keysObeyed, answer.other, sleep);
        await pressEnterOnFocused(base, row.reading, row.target);
      } else {
        const wanted = answer.labels[0]!;
        await chooseDialogOption({ ...base, pick: (options) => rowOf(request.label, options, question, (picker) => picker.options.find((row) => sameLabel(row.label, wanted))?.index) });
      }
    } else {
      const obeyed = await tickOptions(request, base, question, answer, keysObeyed, sleep);
      const submit = await focusDialogOption({ ...base, keysObeyed: obeyed, pick: (options) => rowOf(request.label, options, question, (picker) => picker.submit?.index) });
      await pressEnterOnFocused(base, submit.reading, submit.target);
    }
    keysObeyed = true;
  }
  if (request.from + request.answers.length < request.questions.length) return { submitted: false };
  return { submitted: await finish(request, sleep) };
}

/** The picker must offer the question's own options, in order (the screen may cut a long label). */
function checkOptions(label: string, question: Question, prompt: PendingPrompt): void {
  const picker = readPicker(prompt);
  const shown = picker?.options.map((row) => row.label) ?? [];
  const expected = question.options.map((option) => option.label);
  if (shown.length !== expected.length || !shown.every((text, index) => sameLabel(text, expected[index]!))) {
    throw new WingmanError('stale_prompt', `Session '${label}': the dialog shows other options than the question asked (${shown.map((text) => shorten(text, 20)).join(', ')}); nothing was pressed.`);
  }
}

/** Ticks exactly the chosen boxes (and the own-answer row, when there is text for it); whether the picker was seen to obey a key. */
async function tickOptions(request: QuestionKeysRequest, base: ChooseOptionRequest, question: Question, answer: QuestionAnswer, keysObeyed: boolean, sleep: (ms: number) => Promise<void>): Promise<boolean> {
  let obeyed = keysObeyed;
  for (const [position, option] of question.options.entries()) {
    const want = answer.labels.includes(option.label);
    const current = pickerNow(await readPrompt(base, 'waiting_answer'), request.label);
    if (current.options[position]?.checked === want) continue;
    const pick = (options: readonly PromptOption[]) => rowOf(request.label, options, question, (picker) => picker.options[position]?.index);
    await focusDialogOption({ ...base, keysObeyed: obeyed, pick });
    obeyed = true;
    await request.tmux.sendKeys(request.tmuxSession, ['Space']);
    await waitForRow(base, request.label, sleep, (picker) => picker.options[position]?.checked === want && picker.options[position]?.selected === true, `the box of "${shorten(option.label, 30)}" did not change`);
  }
  const free = pickerNow(await readPrompt(base, 'waiting_answer'), request.label).freeText;
  if (answer.other !== undefined) {
    await typeOwnAnswer(request, base, question, obeyed, answer.other, sleep);
    return true;
  }
  if (free?.typed || free?.checked) {
    throw new WingmanError('stale_prompt', `Session '${request.label}': the dialog's own-answer row already holds "${shorten(free.label, 30)}"; answer in the terminal or include it with other: …`);
  }
  return obeyed;
}

/**
 * Puts the cursor on the "Type something" row and types the text there; returns the reading that
 * shows it typed, with the cursor still on the row.
 */
async function typeOwnAnswer(request: QuestionKeysRequest, base: ChooseOptionRequest, question: Question, keysObeyed: boolean, text: string, sleep: (ms: number) => Promise<void>): Promise<{ reading: PromptReading; target: number }> {
  const pick = (options: readonly PromptOption[]) => rowOf(request.label, options, question, (picker) => picker.freeText?.index);
  const focused = await focusDialogOption({ ...base, keysObeyed, pick });
  const row = readPicker(focused.reading.prompt)?.freeText;
  const typed = text.replace(/\s+/g, ' ').trim();
  if (row?.typed && !sameTyped(row.label, typed)) {
    throw new WingmanError('stale_prompt', `Session '${request.label}': the dialog's own-answer row already holds "${shorten(row.label, 30)}"; nothing was typed.`);
  }
  if (!row?.typed) await request.tmux.sendLiteral(request.tmuxSession, typed);
  const reading = await waitForRow(base, request.label, sleep, (picker) => picker.freeText?.selected === true && picker.freeText.typed && sameTyped(picker.freeText.label, typed), 'the typed answer did not show in the dialog');
  return { reading, target: readPicker(reading.prompt)!.freeText!.index };
}

/** Polls the picker until `done` holds, or fails with `what`. */
async function waitForRow(base: ChooseOptionRequest, label: string, sleep: (ms: number) => Promise<void>, done: (picker: PickerReading) => boolean, what: string): Promise<PromptReading> {
  for (let waited = 0; ; waited += POLL_MS) {
    const { shown, reading } = await readPrompt(base, 'waiting_answer');
    if (!shown) throw new WingmanError('stale_prompt', `Session '${label}' no longer shows that question (it is ${reading.state}); nothing more was pressed.`);
    const picker = readPicker(shown.prompt);
    if (picker && done(picker)) return shown;
    if (waited >= REDRAW_TIMEOUT_MS) throw new WingmanError('unreadable_screen', `Session '${label}': ${what}; nothing was confirmed. Look with: wingman capture ${label}`);
    await sleep(POLL_MS);
  }
}

/**
 * After the last question: a single question's dialog closes on its own; several end on a review
 * tab, confirmed only when it lists each answer entered here and nothing unanswered. Whether the
 * dialog closed (or took the review), or (`complete` false) moved on to a question not known.
 */
async function finish(request: QuestionKeysRequest, sleep: (ms: number) => Promise<void>): Promise<boolean> {
  const review: ChooseOptionRequest = {
    tmux: request.tmux,
    tmuxSession: request.tmuxSession,
    label: request.label,
    detect: request.detect,
    state: 'waiting_answer',
    isSamePrompt: isQuestionReview,
    pick: (options) => {
      const index = options.findIndex((option) => option.label === 'Submit answers');
      return index === -1 ? { error: `Session '${request.label}': the review shows no "Submit answers"; nothing was submitted.` } : index;
    },
    sleep,
  };
  for (let waited = 0; ; waited += POLL_MS) {
    const { shown, reading } = await readPrompt(review, 'waiting_answer');
    if (shown) break;
    if (reading.state !== 'waiting_answer') return true;
    if (request.complete === false) return false;
    if (waited >= REVIEW_TIMEOUT_MS) {
      throw new WingmanError('stale_prompt', `Session '${request.label}': the dialog did not show its review after the last answer; nothing was submitted. Look with: wingman capture ${request.label}`);
    }
    await sleep(POLL_MS);
  }
  const listed = readQuestionReview(await request.tmux.capturePane(request.tmuxSession));
  const problem = reviewProblem(listed, request);
  if (problem) throw new WingmanError('stale_prompt', `Session '${request.label}': ${problem}; nothing was submitted. Look with: wingman capture ${request.label}`);
  await chooseDialogOption(review);
  return true;
}

/** Why the review does not show what the user chose, if it does not. */
export function reviewProblem(listed: ReturnType<typeof readQuestionReview>, request: Pick<QuestionKeysRequest, 'questions' | 'from' | 'answers'>): string | undefined {
  if (!listed) return 'the review of the answers is not readable';
  if (listed.unanswered) return 'the review says some questions are unanswered';
  for (const [offset, answer] of request.answers.entries()) {
    const question = request.questions[request.from + offset]!;
    const entry = listed.answers.find((candidate) => showsQuestion(candidate.question, question));
    if (!entry) return `the review does not list "${shorten(question.question, 40)}"`;
    if (!sameTyped(entry.answer, answerText(answer))) return `the review shows "${shorten(entry.answer, 40)}" for "${shorten(question.question, 40)}", not "${shorten(answerText(answer), 40)}"`;
  }
  return undefined;
}

function pickerNow(read: { shown?: PromptReading; reading: ScreenReading }, label: string): PickerReading {
  const picker = read.shown ? readPicker(read.shown.prompt) : undefined;
  if (!picker) throw new WingmanError('stale_prompt', `Session '${label}' no longer shows that question (it is ${read.reading.state}); nothing more was pressed.`);
  return picker;
}

/** The screen index of a picker row, found again on every read. */
function rowOf(label: string, options: readonly PromptOption[], question: Question | undefined, find: (picker: PickerReading) => number | undefined): number | { error: string } {
  const picker = readPicker({ tool: 'question', detail: question?.question ?? '', options: [...options] });
  const index = picker ? find(picker) : undefined;
  return index === undefined ? { error: `Session '${label}': the dialog no longer shows that row; nothing was confirmed.` } : index;
}

const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Labels as the picker draws them: the screen may cut a long one with `…`. */
function sameLabel(shown: string, expected: string): boolean {
  const a = flat(shown);
  const b = flat(expected);
  if (a === b) return true;
  const cut = a.replace(/…$/, '');
  return cut !== a && cut.length >= 8 && b.startsWith(cut);
}

/** Typed text as a row or the review shows it: a long text may show only its start. */
function sameTyped(shown: string, typed: string): boolean {
  const a = flat(shown).replace(/…$/, '');
  const b = flat(typed);
  return a === b || (a.length >= 20 && b.startsWith(a));
}
