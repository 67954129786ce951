import { indentOf, isBlank, isRule, unwrapLines } from '../../../core/screen/pane-text.js';
import { toolCallAbove } from './tool-call-line.js';

export type DialogKind = 'trust' | 'question' | 'bash' | 'edit' | 'write' | 'fetch' | 'tool' | 'read' | 'plan' | 'generic';

export interface DetailInput {
  lines: readonly string[];
  kind: DialogKind;
  /** The dialog's top rule and title; undefined when they scrolled off the top of the screen. */
  header?: { rule: number; titleIndex: number; title: string } | undefined;
  /** The line right above the options. */
  question: string;
  optionsStart: number;
  width: number;
}

/** Marks a command whose beginning scrolled off the top of the screen with its dialog's title. */
const CUT_MARK = '…';
/** The dashed separators (U+254C) around a diff or a plan inside a dialog. */
const DASHED_LINE = /^\s*╌{8,}$/;
/** `github - create_issue(repo: "x") (MCP)`: how the "Tool use" dialog shows an MCP call. */
const MCP_CALL = /^(.+?) - ([^\s(]+)\(([\s\S]*)\) \(MCP\)$/;
/** `Read(/etc/hostname)`: how other tool dialogs show the call. */
const PLAIN_CALL = /^([A-Za-z][\w.:-]*)\(([\s\S]*)\)$/;
/** A dialog's body (command, call, URL, description) is indented 2+; its status and question lines 1. */
const BODY_INDENT = 2;
const EDIT_QUESTION = /^Do you want to make this edit to (.+)\?$/;
const CREATE_QUESTION = /^Do you want to create (.+)\?$/;

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();
const bodyStart = (input: DetailInput): number => (input.header ? input.header.titleIndex + 1 : 0);

/** The indented block under the title, as logical lines (a description, if any, is the last one). */
function indentedBody(input: DetailInput): string[] {
  const block: string[] = [];
  for (let index = bodyStart(input); index < input.optionsStart; index += 1) {
    const line = input.lines[index] ?? '';
    if (isBlank(line)) {
      block.push(line);
      continue;
    }
    if (indentOf(line) < BODY_INDENT || isRule(line) || DASHED_LINE.test(line)) break;
    block.push(line);
  }
  return unwrapLines(block, { width: input.width, mirrorIndent: true });
}

/** The first paragraph under the title (the folder of a trust dialog, the file of an edit). */
function firstParagraph(input: DetailInput): string {
  if (!input.header) return '';
  let index = bodyStart(input);
  while (index < input.optionsStart && isBlank(input.lines[index])) index += 1;
  const block: string[] = [];
  for (; index < input.optionsStart; index += 1) {
    const line = input.lines[index] ?? '';
    if (isBlank(line) || isRule(line) || DASHED_LINE.test(line)) break;
    block.push(line);
  }
  return unwrapLines(block, { width: input.width, mirrorIndent: true }).join(' ');
}

/** 2.1.332 marks the rows of a command that runs over several lines with ` │ ` in front. */
const WRAP_GUTTER = /^ │(?: |$)/;

/**
 * 2.1.332 draws the command between two dashed rules (description above, reason and question
 * below). With the opening rule scrolled off, the command runs from the top of the screen.
 */
function dashedCommand(input: DetailInput): string | undefined {
  const dashed: number[] = [];
  for (let index = bodyStart(input); index < input.optionsStart; index += 1) if (DASHED_LINE.test(input.lines[index] ?? '')) dashed.push(index);
  const [first, second] = dashed;
  if (first === undefined) return undefined;
  const [from, to, cut] = second !== undefined ? [first + 1, second, false] : input.header ? [first + 1, input.optionsStart, false] : [0, first, true];
  const rows = input.lines.slice(from, to).map((line) => (WRAP_GUTTER.test(line) ? `   ${line.slice(3)}` : line));
  const command = unwrapLines(rows, { width: input.width, mirrorIndent: false }).join('\n');
  return cut ? CUT_MARK + command : command;
}

function bashCommand(input: DetailInput): string {
  const dashed = dashedCommand(input);
  if (dashed !== undefined) return dashed;
  const logical = indentedBody(input);
  let command = logical.length >= 2 ? logical.slice(0, -1).join('\n') : (logical[0] ?? '');
  if (logical.length === 1 && input.header) {
    // Command and description ran together: the complete call in the transcript tells where the command ends.
    const call = toolCallAbove(input.lines, input.header.rule, input.width);
    if (call?.name === 'Bash' && call.complete && call.args.trim() !== '' && squash(command).startsWith(squash(call.args))) command = call.args;
  }
  return input.header ? command : CUT_MARK + command;
}

function filePath(input: DetailInput, question: RegExp): string {
  let path = firstParagraph(input);
  if (path.startsWith('…') && input.header) {
    // Long paths are shortened from the left in the dialog; the call above it may show them whole.
    const call = toolCallAbove(input.lines, input.header.rule, input.width);
    if (call?.complete && call.args.endsWith(path.slice(1))) path = call.args;
  }
  return path || (question.exec(input.question)?.[1] ?? '');
}

function toolCall(input: DetailInput): { tool: string; detail: string } {
  const first = indentedBody(input)[0] ?? '';
  const mcp = MCP_CALL.exec(first);
  if (mcp) return { tool: `mcp__${mcpName(mcp[1] ?? '')}__${mcpName(mcp[2] ?? '')}`, detail: mcp[3] ?? '' };
  const plain = PLAIN_CALL.exec(first);
  if (plain) return { tool: input.kind === 'read' ? 'Read' : (plain[1] ?? ''), detail: plain[2] ?? '' };
  const call = input.header ? toolCallAbove(input.lines, input.header.rule, input.width) : undefined;
  if (call?.complete) return { tool: call.name, detail: call.args };
  return { tool: input.kind === 'read' ? 'Read' : input.header?.title || 'unknown', detail: first };
}

/** Claude Code names MCP tools `mcp__<server>__<tool>` with other characters turned into `_`. */
function mcpName(part: string): string {
  return part.trim().replace(/[^A-Za-z0-9_-]/g, '_');
}

function planText(input: DetailInput): string {
  const start = bodyStart(input);
  const dashed: number[] = [];
  for (let index = start; index < input.optionsStart; index += 1) if (DASHED_LINE.test(input.lines[index] ?? '')) dashed.push(index);
  const [open, close] = dashed;
  const slice = open !== undefined && close !== undefined ? input.lines.slice(open + 1, close) : input.lines.slice(start, input.optionsStart);
  const text = unwrapLines(slice, { width: input.width, mirrorIndent: true }).filter((line) => line !== '');
  return text.join(open !== undefined && close !== undefined ? '\n' : ' ');
}

/**
 * The question a picker asks: the lines at column 0 right above its options (a question may wrap).
 * When the lines there are indented, as in 2.1.332's review tab (the answers listed under "Review
 * your answers"), it is the first paragraph under the tab header instead.
 */
function questionText(input: DetailInput): string {
  let index = input.optionsStart - 1;
  while (index >= 0 && isBlank(input.lines[index])) index -= 1;
  const block: string[] = [];
  for (; index >= 0; index -= 1) {
    const line = input.lines[index] ?? '';
    if (isBlank(line) || isRule(line) || indentOf(line) > 0 || (input.header && index <= input.header.titleIndex)) break;
    block.unshift(line);
  }
  if (block.length === 0 && input.header) {
    for (let next = input.header.titleIndex + 1; next < input.optionsStart; next += 1) {
      const line = input.lines[next] ?? '';
      if (isBlank(line) && block.length === 0) continue;
      if (isBlank(line) || isRule(line) || indentOf(line) > 0) break;
      block.push(line);
    }
  }
  return unwrapLines(block, { width: input.width, mirrorIndent: false }).join(' ');
}

/** The tool name and the detail a person needs to decide: command, file, URL, call, plan or question. */
export function dialogDetail(input: DetailInput): { tool: string; detail: string } {
  switch (input.kind) {
    case 'trust':
      return { tool: 'trust', detail: firstParagraph(input) };
    case 'question':
      return { tool: 'question', detail: questionText(input) };
    case 'bash':
      return { tool: 'Bash', detail: bashCommand(input) };
    case 'edit':
      return { tool: 'Edit', detail: filePath(input, EDIT_QUESTION) };
    case 'write':
      return { tool: 'Write', detail: filePath(input, CREATE_QUESTION) };
    case 'fetch': {
      // 2.1.197: `   url: "…", prompt: "…"`; 2.1.332: ` url: http://…` on its own line between dashed rules.
      const first = indentedBody(input)[0] ?? '';
      const quoted = /\burl: "([^"]+)"/.exec(first)?.[1];
      if (quoted) return { tool: 'WebFetch', detail: quoted };
      const own = input.lines.slice(bodyStart(input), input.optionsStart).map((line) => /^\s*url: (\S+)$/.exec(line)?.[1]).find(Boolean);
      return { tool: 'WebFetch', detail: own ?? first };
    }
    case 'plan':
      return { tool: 'ExitPlanMode', detail: planText(input) };
    case 'tool':
    case 'read':
    case 'generic':
      return toolCall(input);
  }
}
