/**
 * Claude Code's input box: a horizontal rule, `❯` + U+00A0 and the typed text (continuation
 * lines indented), then another rule. Past prompts in the transcript use a plain space after
 * `❯`, and dialog options are drawn as ` ❯ 1.` with a leading space, so neither matches.
 */
const PROMPT_MARK = '❯\u00a0';
const RULE_LINE = /^─{8,}\s*$/;
/**
 * Dim hints Claude Code draws in an EMPTY box (2.1.197): after a prompt was queued during a
 * turn the box reads "Press up to edit queued messages". A plain capture cannot tell dim text
 * from typed text, and taking the hint for unsent text made the submitter press Enter again on
 * a queued prompt, which Claude can then send twice.
 */
const EMPTY_BOX_HINTS: ReadonlySet<string> = new Set(['Press up to edit queued messages']);

export interface InputBox {
  present: boolean;
  /** What is typed but not yet submitted (continuation lines joined with newlines). */
  text: string;
}

export function readInputBox(screen: string): InputBox {
  const lines = screen.split('\n');
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
    return { present: true, text: EMPTY_BOX_HINTS.has(text) ? '' : text };
  }
  return { present: false, text: '' };
}
