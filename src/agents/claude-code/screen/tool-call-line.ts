import { indentOf, isBlank, isRule, unwrapLines } from '../../../core/screen/pane-text.js';

/** A transcript tool call, `● Bash(npm test)`, at column 0 (the `●` is followed by a space or NBSP). */
const TOOL_CALL_START = /^●[ \u00a0]([A-Za-z][\w.:-]*)\((.*)$/;
/** Continuation lines of a wrapped call are indented; `⎿` starts the call's result, not its text. */
const RESULT_MARK = /^\s*⎿/;
/** How far above a dialog its tool call may sit (the call's wrapped lines and a `⎿ Waiting…` line). */
const CALL_LOOKBACK_LINES = 12;

export interface ToolCallLine {
  name: string;
  /** The text between the parentheses, unwrapped. */
  args: string;
  /** False when the transcript cut the call short with `…`. */
  complete: boolean;
}

/** Reads the tool call starting at `index` (plus its wrapped continuation lines), if there is one. */
export function readToolCallAt(lines: readonly string[], index: number, width: number): ToolCallLine | undefined {
  const start = TOOL_CALL_START.exec(lines[index] ?? '');
  if (!start) return undefined;
  const physical = [lines[index] ?? ''];
  for (let next = index + 1; next < lines.length; next += 1) {
    const line = lines[next] ?? '';
    if (isBlank(line) || isRule(line) || RESULT_MARK.test(line) || indentOf(line) < 2) break;
    physical.push(line);
  }
  const text = unwrapLines(physical, { width, mirrorIndent: false }).join(' ');
  const inner = text.slice(text.indexOf('(') + 1);
  const closed = inner.endsWith(')');
  const args = closed ? inner.slice(0, -1) : inner;
  return { name: start[1] ?? '', args, complete: closed && !args.endsWith('…') };
}

/**
 * The tool call drawn directly above a dialog's top rule: only blank lines, the call's own wrapped
 * lines and its `⎿` result lines may sit between them, so an older call further up never counts.
 */
export function toolCallAbove(lines: readonly string[], ruleIndex: number, width: number): ToolCallLine | undefined {
  const stop = Math.max(0, ruleIndex - CALL_LOOKBACK_LINES);
  for (let index = ruleIndex - 1; index >= stop; index -= 1) {
    const line = lines[index] ?? '';
    if (isBlank(line) || indentOf(line) > 0) continue;
    return readToolCallAt(lines, index, width);
  }
  return undefined;
}
