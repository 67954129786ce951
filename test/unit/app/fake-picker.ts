import type { Question } from '../../../src/core/questions/question.js';

const RULE = '─'.repeat(80);

/**
 * Claude Code's AskUserQuestion picker as a small state machine drawn like 2.1.332 draws it
 * (test/fixtures/claude-screens/2.1.332/ask*.txt): arrows move, Enter chooses (single choice) or
 * toggles (multi-select option) or moves on (Submit), Space toggles, typed text goes into the
 * focused free-text row, the review tab submits. Knobs make it misbehave like a real one can.
 */
export class FakePicker {
  tab = 0;
  cursor = 0;
  closed: 'submitted' | 'cancelled' | undefined;
  readonly checked: Array<Set<number>>;
  readonly typed: string[];
  readonly chosen: Array<string | undefined>;
  readonly sent: string[] = [];
  /** Keys dropped before the picker obeys any (a dialog drawn a moment ago). */
  dropFirst = 0;
  /** Space is ignored (the box never changes). */
  ignoreSpace = false;
  /** The review lists this instead of the real answer for question 0. */
  reviewLie: string | undefined;

  constructor(readonly questions: readonly Question[]) {
    this.checked = questions.map(() => new Set<number>());
    this.typed = questions.map(() => '');
    this.chosen = questions.map(() => undefined);
  }

  private get onReview(): boolean {
    return this.questions.length > 1 && this.tab === this.questions.length;
  }

  /** Rows of the current tab: 'o0'…, 'free', 'submit', 'chat' (or the review's two). */
  private rows(): string[] {
    if (this.onReview) return ['submit-answers', 'cancel'];
    const question = this.questions[this.tab]!;
    return [...question.options.map((_, index) => `o${index}`), 'free', ...(question.multiSelect ? ['submit'] : []), 'chat'];
  }

  screen(): string {
    if (this.closed) return ['❯ ASK', `● ${this.closed === 'submitted' ? 'Answered' : 'Interrupted'}`, RULE, '❯\u00a0', RULE, '  ? for shortcuts'].join('\n');
    const tabs = this.questions.length > 1
      ? `←  ${this.questions.map((question, index) => `${this.chosen[index] !== undefined ? '☒' : '☐'} Q${index + 1}`).join('  ')}  ✔ Submit  →`
      : ' ☐ Q1';
    const mark = (row: number) => (row === this.cursor ? '❯' : ' ');
    if (this.onReview) {
      const listed = this.questions.flatMap((question, index) => {
        const answer = index === 0 && this.reviewLie !== undefined ? this.reviewLie : this.chosen[index];
        return answer === undefined ? [] : [` ● ${question.question}`, `   → ${answer}`];
      });
      const unanswered = this.chosen.some((answer) => answer === undefined) ? ['⚠ Some questions are unanswered'] : [];
      return ['❯ ASK', RULE, tabs, 'Review your answers', ...listed, ...unanswered, `${mark(0)} 1. Submit answers`, `${mark(1)} 2. Cancel`].join('\n');
    }
    const question = this.questions[this.tab]!;
    const multi = question.multiSelect;
    const box = (on: boolean) => (multi ? `[${on ? '✔' : ' '}] ` : '');
    const lines: string[] = [];
    question.options.forEach((option, index) => {
      lines.push(`${mark(index)} ${index + 1}. ${box(this.checked[this.tab]!.has(index))}${option.label}`);
      if (option.description) lines.push(`     ${option.description}`);
    });
    const free = question.options.length;
    const typed = this.typed[this.tab]!;
    lines.push(`${mark(free)} ${free + 1}. ${box(typed !== '')}${typed || (multi ? 'Type something' : 'Type something.')}`);
    if (multi) lines.push(`${mark(free + 1)}    Submit`);
    lines.push(RULE, `${mark(this.rows().length - 1)} ${free + 2}. Chat about this`, 'Enter to select · ↑/↓ to navigate · Esc to cancel');
    return ['❯ ASK', RULE, tabs, question.question, ...lines].join('\n');
  }

  private next(): void {
    this.tab += 1;
    this.cursor = 0;
    if (this.tab >= this.questions.length && this.questions.length === 1) this.closed = 'submitted';
  }

  keys(keys: readonly string[]): void {
    for (const key of keys) {
      this.sent.push(key);
      if (this.dropFirst > 0) {
        this.dropFirst -= 1;
        continue;
      }
      if (this.closed) continue;
      const rows = this.rows();
      const row = rows[this.cursor]!;
      if (key === 'Down') this.cursor = Math.min(rows.length - 1, this.cursor + 1);
      else if (key === 'Up') this.cursor = Math.max(0, this.cursor - 1);
      else if (key === 'Escape') this.closed = 'cancelled';
      else if (key === 'Space' && !this.ignoreSpace && row.startsWith('o') && this.questions[this.tab]!.multiSelect) this.toggle(Number(row.slice(1)));
      else if (key === 'Enter') this.enter(row);
    }
  }

  literal(text: string): void {
    this.sent.push(`text:${text}`);
    if (this.rows()[this.cursor] === 'free') this.typed[this.tab] += text;
  }

  private toggle(index: number): void {
    const set = this.checked[this.tab]!;
    if (set.has(index)) set.delete(index);
    else set.add(index);
  }

  private enter(row: string): void {
    if (row === 'submit-answers') {
      this.closed = 'submitted';
      return;
    }
    if (row === 'cancel') {
      this.closed = 'cancelled';
      return;
    }
    const question = this.questions[this.tab]!;
    if (question.multiSelect && row.startsWith('o')) {
      this.toggle(Number(row.slice(1)));
      return;
    }
    if (question.multiSelect && row === 'submit') {
      const labels = question.options.filter((_, index) => this.checked[this.tab]!.has(index)).map((option) => option.label);
      this.chosen[this.tab] = [...labels, ...(this.typed[this.tab] ? [this.typed[this.tab]!] : [])].join(', ');
      this.next();
      return;
    }
    if (row.startsWith('o')) this.chosen[this.tab] = question.options[Number(row.slice(1))]!.label;
    else if (row === 'free' && this.typed[this.tab]) this.chosen[this.tab] = this.typed[this.tab];
    else return;
    this.next();
  }

  /** A TmuxClient for the driver. */
  tmux() {
    return {
      capturePane: async () => this.screen(),
      sendKeys: async (_name: string, keys: readonly string[]) => this.keys(keys),
      sendLiteral: async (_name: string, text: string) => this.literal(text),
    };
  }
}
