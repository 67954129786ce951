import type { PromptOption } from '../../../core/session-state.js';
import type { DialogReading } from './dialog-reader.js';
import { isBlank, isRule } from '../../../core/screen/pane-text.js';

/**
 * Dialogs with no option list, answered by the keys their footer names (2.1.332):
 *   `  Auto mode can't check actions in this session` … `  Enter to stay in auto mode · shift+Tab to
 *   leave for accept edits mode and stop · Esc to cancel` (the footer may wrap).
 * Only titles listed here are read, so a footer of this shape elsewhere decides nothing.
 */
const KEY_FOOTER_TITLES: Readonly<Record<string, string>> = {
  "Auto mode can't check actions in this session": 'auto-mode',
};
const SEGMENT = /^(Enter|Esc|Tab|shift\+Tab) to (.+)$/;

/** The footer's `KEY to ACTION` segments, from its wrapped rows joined back. */
function footerSegments(lines: readonly string[]): { start: number; segments: Array<{ key: string; action: string }> } | undefined {
  let end = lines.length - 1;
  while (end >= 0 && isBlank(lines[end])) end -= 1;
  for (let start = end; start >= Math.max(0, end - 2); start -= 1) {
    if (!/^\s{0,2}Enter to /.test(lines[start] ?? '')) continue;
    const text = lines.slice(start, end + 1).map((line) => line.trim()).join(' ');
    const parts = text.split(' · ').map((part) => SEGMENT.exec(part));
    if (parts.length < 2 || parts.some((part) => !part)) return undefined;
    return { start, segments: parts.map((part) => ({ key: part![1]!, action: part![2]!.trim() })) };
  }
  return undefined;
}

export function readKeyFooterDialog(lines: readonly string[]): DialogReading | undefined {
  const footer = footerSegments(lines);
  if (!footer) return undefined;
  let rule = footer.start - 1;
  while (rule >= 0 && !isRule(lines[rule])) rule -= 1;
  if (rule < 0) return undefined;
  let titleIndex = rule + 1;
  while (titleIndex < footer.start && isBlank(lines[titleIndex])) titleIndex += 1;
  const title = (lines[titleIndex] ?? '').trim();
  const tool = KEY_FOOTER_TITLES[title];
  if (!tool) return undefined;
  const options: PromptOption[] = footer.segments.map(({ key, action }) => ({
    key,
    label: action,
    kind: key === 'Esc' ? 'no' : 'other',
    // Enter takes the footer's Enter action: that is where the "cursor" is.
    selected: key === 'Enter',
  }));
  return { state: 'waiting_approval', prompt: { tool, detail: title, options } };
}
