import { hasEscapes, styledLines, type StyledRun } from '../../../core/screen/styled-lines.js';
import { stripAnsi } from '../../../core/screen/ansi.js';

/**
 * Claude Code's input box: a horizontal rule, `❯` + U+00A0 and the typed text (continuation
 * lines indented), then another rule. Past prompts in the transcript use a plain space after
 * `❯`, and dialog options are drawn as ` ❯ 1.` with a leading space, so neither matches.
 */
const PROMPT_MARK = '❯\u00a0';
const RULE_LINE = /^─{8,}\s*$/;
/**
 * Dim placeholders Claude Code draws in an EMPTY box: "Press up to edit queued messages" while a
 * prompt is queued (2.1.197 and 2.1.332), "Resend your message to try again" after an API error
 * and "Once fixed, resend your message" after a 401 (2.1.332). With escapes (`capture-pane -e`)
 * a placeholder is told apart by its dim style, whatever it says; this list serves plain captures
 * and screens drawn without styles (Claude Code under CI=true). Taking a placeholder for unsent
 * text made the submitter press Enter again on a queued prompt, which Claude can then send twice.
 */
const KNOWN_PLACEHOLDERS: ReadonlySet<string> = new Set([
  'Press up to edit queued messages',
  'Resend your message to try again',
  'Once fixed, resend your message',
]);

export interface InputBox {
  present: boolean;
  /** What is typed but not yet submitted (continuation lines joined with newlines). */
  text: string;
}

/**
 * A placeholder line: after the mark, every visible character is dim except the cursor cell (one
 * reverse-video character, drawn over the placeholder's first letter).
 */
function isDimPlaceholder(runs: readonly StyledRun[]): boolean {
  let seenMark = false;
  let dimText = false;
  let cursorCells = 0;
  for (const run of runs) {
    let text = run.text;
    if (!seenMark) {
      const at = text.indexOf(PROMPT_MARK);
      if (at === -1) continue;
      seenMark = true;
      text = text.slice(at + PROMPT_MARK.length);
    }
    if (text.trim() === '') continue;
    if (run.dim) dimText = true;
    else if (run.reverse && [...text].length === 1) cursorCells += 1;
    else return false;
  }
  return dimText && cursorCells <= 1;
}

export function readInputBox(screen: string): InputBox {
  const lines = stripAnsi(screen).replace(/\r\n?/g, '\n').split('\n');
  for (let index = lines.length - 1; index >= 0; index -= 1) {
    const line = lines[index] ?? '';
    if (!line.startsWith(PROMPT_MARK)) continue;
    if (!RULE_LINE.test(lines[index - 1] ?? '')) continue;
    const typed = [line.slice(PROMPT_MARK.length)];
    let next = index + 1;
    while (next < lines.length && !RULE_LINE.test(lines[next] ?? '')) {
      typed.push((lines[next] ?? '').replace(/^ {2}/, ''));
      next += 1;
    }
    if (next >= lines.length) continue; // no closing rule: not the box
    const text = typed.map((part) => part.trimEnd()).join('\n').trim();
    if (text === '') return { present: true, text: '' };
    // Dim text is a placeholder whatever it says; a known placeholder also counts undimmed, since
    // Claude Code draws it without the dim style where it finds no colour support (CI=true).
    const placeholder = KNOWN_PLACEHOLDERS.has(text) || (hasEscapes(screen) && next === index + 1 && isDimPlaceholder(styledLines(screen)[index] ?? []));
    return { present: true, text: placeholder ? '' : text };
  }
  return { present: false, text: '' };
}
