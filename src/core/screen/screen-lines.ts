import stripAnsi from 'strip-ansi';

/** A horizontal rule drawn by Claude Code's UI at column 0 (input box borders, dialog tops). */
export const RULE_LINE = /^─{8,}/;

/** Screen text as lines: escapes removed, trailing blanks trimmed, empty lines at the bottom dropped. */
export function screenLines(screen: string): string[] {
  const lines = stripAnsi(screen)
    .replace(/\r/g, '')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''));
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  return lines;
}

/** Index of the last line matching `pattern` at or before `from` (default: the end), or -1. */
export function findLastIndex(lines: readonly string[], pattern: RegExp, from = lines.length - 1): number {
  for (let index = Math.min(from, lines.length - 1); index >= 0; index -= 1) {
    if (pattern.test(lines[index] ?? '')) return index;
  }
  return -1;
}
