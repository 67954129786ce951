import stringWidth from 'string-width';
import { stripAnsi } from './ansi.js';

/**
 * A full-width horizontal rule at column 0: Claude Code draws one above and below its input box
 * and at the top of every dialog. 20+ cells so a short `───` inside text never counts; transcript
 * text is always prefixed (`● `, `❯ `) or indented, so it cannot start a line with it.
 */
const RULE_LINE = /^─{20,}$/;

/** A wrapped line may end one cell short of the margin when the next character is double-width. */
const HARD_BREAK_SLACK = 1;

/** Captured pane → lines without escapes or trailing blanks (NBSP kept: it is an anchor). */
export function paneLines(screen: string): string[] {
  return stripAnsi(screen)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''));
}

export function isRule(line: string | undefined): boolean {
  return line !== undefined && RULE_LINE.test(line);
}

/** Terminal cells the text occupies (CJK and emoji take two). */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

export function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

export function isBlank(line: string | undefined): boolean {
  return line === undefined || line.trim() === '';
}

/** Widest rule on screen: the terminal width, needed to tell a wrap from a real line break. */
export function screenWidth(lines: readonly string[]): number {
  let ruleWidth = 0;
  let lineWidth = 0;
  for (const line of lines) {
    const width = displayWidth(line);
    if (isRule(line)) ruleWidth = Math.max(ruleWidth, width);
    lineWidth = Math.max(lineWidth, width);
  }
  return ruleWidth > 0 ? ruleWidth : lineWidth;
}

export interface UnwrapOptions {
  /** Terminal width in cells. */
  width: number;
  /**
   * Dialog bodies keep a right margin as wide as their left indent (observed in 2.1.197: a
   * command indented 3 wraps at column 77 of 80); transcript text runs to the last column.
   */
  mirrorIndent: boolean;
}

const firstToken = (text: string): string => text.trimStart().split(' ')[0] ?? '';
const lastToken = (text: string): string => text.trimEnd().split(' ').at(-1) ?? '';

type Join = 'newline' | 'space' | 'none';

/**
 * How two consecutive screen lines were separated. A word wrap only happens when the next word
 * would not fit on the line, so if it would have fit the break was real. A line filled to the
 * margin whose last and next tokens together exceed a whole line was cut inside one long token.
 */
function joinOf(previous: string, next: string, options: UnwrapOptions): Join {
  const indent = indentOf(previous);
  const limit = options.width - (options.mirrorIndent ? indent : 0);
  const room = limit - indent;
  const used = displayWidth(previous);
  const nextWord = displayWidth(firstToken(next));
  if (used + 1 + nextWord <= limit) return 'newline';
  const cutInsideToken = used >= limit - HARD_BREAK_SLACK && displayWidth(lastToken(previous)) + nextWord > room;
  return cutInsideToken ? 'none' : 'space';
}

/**
 * Rebuilds the logical lines of a block the terminal wrapped (commands, paths, questions).
 * Blank lines stay as empty strings; leading and trailing blank lines are dropped.
 */
export function unwrapLines(lines: readonly string[], options: UnwrapOptions): string[] {
  const logical: string[] = [];
  let previous: string | undefined;
  for (const line of lines) {
    if (isBlank(line)) {
      logical.push('');
      previous = undefined;
      continue;
    }
    const content = line.trim();
    const join = previous === undefined ? 'newline' : joinOf(previous, line, options);
    if (join === 'newline') logical.push(content);
    else logical[logical.length - 1] += (join === 'space' ? ' ' : '') + content;
    previous = line;
  }
  while (logical[0] === '') logical.shift();
  while (logical.at(-1) === '') logical.pop();
  return logical;
}
