import type { PendingPrompt } from '../../../core/session-state.js';
import type { Question } from '../../../core/questions/question.js';
import { paneLines } from '../../../core/screen/pane-text.js';

/**
 * Claude Code's AskUserQuestion picker as the dialog reader sees it (2.1.197 and 2.1.332 draw it
 * alike): the question's options numbered 1..n, then the free-text row ("Type something.", which
 * shows the typed text instead once there is some), for multi-select an unnumbered "Submit" row,
 * then "Chat about this". Multi-select rows carry a box: `[ ] Small`, ticked `[✔] Small`.
 * With several questions a tab bar sits above, and after the last one a review tab lists the
 * answers ("Review your answers", 2.1.197 also "Ready to submit your answers?") over
 * "1. Submit answers / 2. Cancel". Fixtures: test/fixtures/claude-screens/VERSION/ask*.txt.
 */
export interface PickerRow {
  /** Index into the prompt's options (the cursor order on screen). */
  index: number;
  label: string;
  /** Multi-select only: the box is ticked. */
  checked?: boolean | undefined;
  selected: boolean;
}

export interface PickerReading {
  /** The question's own options, in order. */
  options: PickerRow[];
  /** The free-text row; `typed` once it shows text instead of its placeholder. */
  freeText?: (PickerRow & { typed: boolean }) | undefined;
  /** Multi-select: the row that confirms the ticked options. */
  submit?: PickerRow | undefined;
  multiSelect: boolean;
}

const CHECKBOX = /^\[(.)\]\s*(.*)$/;
const PLACEHOLDER = /^Type something\.?$/;
const CHAT = /^Chat about this$/;
const SUBMIT = /^Submit$/;
const REVIEW_OPTIONS = ['Submit answers', 'Cancel'];

/** The label a picker row shows without its multi-select box. */
export function stripCheckbox(label: string): { label: string; checked?: boolean } {
  const box = CHECKBOX.exec(label);
  return box ? { label: (box[2] ?? '').trim(), checked: box[1] !== ' ' } : { label };
}

/** The review tab of a multi-question picker ("Submit answers" / "Cancel"). */
export function isQuestionReview(prompt: PendingPrompt): boolean {
  return prompt.options.length === REVIEW_OPTIONS.length && prompt.options.every((option, index) => option.label === REVIEW_OPTIONS[index]);
}

/** The rows of a question tab; undefined for the review tab or a list that is not a picker. */
export function readPicker(prompt: PendingPrompt): PickerReading | undefined {
  if (isQuestionReview(prompt)) return undefined;
  const rows = prompt.options.map((option, index) => ({ index, key: option.key, selected: option.selected === true, ...stripCheckbox(option.label) }));
  const numbered = rows.filter((row) => row.key !== '');
  const chat = numbered.at(-1) && CHAT.test(numbered.at(-1)!.label) ? numbered.at(-1) : undefined;
  const beforeChat = chat ? numbered.slice(0, -1) : numbered;
  const last = beforeChat.at(-1);
  // The row before "Chat about this" is the free-text row, whatever it shows; without that
  // anchor only its placeholder says which row it is.
  const freeRow = last && (chat || PLACEHOLDER.test(last.label)) ? last : undefined;
  const own = freeRow ? beforeChat.slice(0, -1) : beforeChat;
  if (own.length === 0) return undefined;
  const submit = rows.find((row) => row.key === '' && SUBMIT.test(row.label));
  const plain = ({ index, label, checked, selected }: (typeof rows)[number]): PickerRow => ({ index, label, checked, selected });
  return {
    options: own.map(plain),
    freeText: freeRow ? { ...plain(freeRow), typed: !PLACEHOLDER.test(freeRow.label) } : undefined,
    submit: submit ? plain(submit) : undefined,
    multiSelect: rows.some((row) => row.checked !== undefined),
  };
}

/**
 * The question a picker on screen shows, when nothing else says what was asked (a session without
 * hooks whose transcript has no open AskUserQuestion): only the current tab, and no descriptions
 * (the screen reader keeps only labels).
 */
export function questionFromScreen(prompt: PendingPrompt): Question | undefined {
  const picker = readPicker(prompt);
  if (!picker || picker.freeText?.typed) return undefined;
  return { question: prompt.detail, options: picker.options.map((row) => ({ label: row.label })), multiSelect: picker.multiSelect };
}

const flat = (text: string) => text.replace(/\s+/g, ' ').replace(/…$/, '').trim();

/** Whether the question text a picker shows is `question` (the screen may cut a long one). */
export function showsQuestion(shown: string, question: Question): boolean {
  const a = flat(shown);
  const b = flat(question.question);
  return a === b || (a.length >= 12 && b.startsWith(a));
}

/** Which of `questions` the picker shows now; undefined when none or more than one fits. */
export function shownQuestionIndex(questions: readonly Question[], shown: string): number | undefined {
  const exact = questions.findIndex((question) => flat(question.question) === flat(shown));
  if (exact !== -1) return exact;
  const fits = questions.flatMap((question, index) => (showsQuestion(shown, question) ? [index] : []));
  return fits.length === 1 ? fits[0] : undefined;
}

export interface ReviewReading {
  answers: { question: string; answer: string }[];
  /** A ⚠ line: "Some questions are unanswered" (2.1.332), "You have not answered all questions" (2.1.197). */
  unanswered: boolean;
}

/**
 * The review tab's list (`● question` / `→ answer`, either may wrap onto indented lines), read
 * from the screen text; undefined when the screen shows no review.
 */
export function readQuestionReview(screen: string): ReviewReading | undefined {
  const lines = paneLines(screen);
  const start = lines.findLastIndex((line) => /^\s*Review your answers\s*$/.test(line));
  if (start === -1) return undefined;
  const answers: { question: string; answer: string }[] = [];
  let unanswered = false;
  let field: 'question' | 'answer' | undefined;
  for (const line of lines.slice(start + 1)) {
    if (/^\s*❯?\s*\d+\.\s/.test(line) || /^\s*Ready to submit your answers\?/.test(line)) break;
    if (/⚠/.test(line)) {
      unanswered = true;
      continue;
    }
    const bullet = /^\s*● (.*)$/.exec(line);
    const arrow = /^\s*→ (.*)$/.exec(line);
    if (bullet) {
      answers.push({ question: bullet[1]!.trim(), answer: '' });
      field = 'question';
    } else if (arrow && answers.length > 0) {
      answers.at(-1)!.answer = arrow[1]!.trim();
      field = 'answer';
    } else if (line.trim() !== '' && field && answers.length > 0) {
      const entry = answers.at(-1)!;
      entry[field] = `${entry[field]} ${line.trim()}`.trim();
    } else if (line.trim() === '') {
      field = undefined;
    }
  }
  return { answers, unanswered };
}
