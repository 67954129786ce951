import type { PendingPrompt, PromptOption } from '../session-state.js';
import { findLastIndex, RULE_LINE } from './screen-lines.js';

/** A numbered choice; ` ❯ ` marks the highlighted one (the trust dialog and pickers draw it at column 0). */
const OPTION_LINE = /^\s*(?:❯\s+)?(\d{1,2})\.\s+(.+)$/;
/** `● Bash(echo hi)`: the tool call the transcript shows just above a permission dialog. */
const TOOL_CALL_LINE = /^● ([A-Za-z0-9_.:-]+)\((.*)\)\s*$/;
/** The dashed separators (U+254C) around a diff or a plan inside a dialog. */
const DASHED_LINE = /^\s*╌{8,}/;

export type DialogKind = 'trust' | 'permission' | 'plan' | 'question';

/** Footer lines that only a dialog draws, on the last line of the screen. */
export function dialogKindFromFooter(lines: readonly string[]): DialogKind | undefined {
  const tail = lines.slice(-3).join('\n');
  if (/^ ?Enter to confirm · Esc to cancel/m.test(tail)) return 'trust';
  if (/^ ?Enter to select · ↑\/↓ to navigate/m.test(tail)) return 'question';
  if (/^ ?Esc to cancel(?: · |$)/m.test(tail)) return 'permission';
  if (/^ ?ctrl\+g to edit in /m.test(tail)) return 'plan';
  return undefined;
}

export function parseOptions(lines: readonly string[]): PromptOption[] {
  const options: PromptOption[] = [];
  for (const line of lines) {
    const match = OPTION_LINE.exec(line);
    if (!match) continue;
    const key = match[1]!;
    if (options.some((option) => option.key === key)) continue;
    const label = match[2]!.trim();
    options.push({ key, label, kind: optionKind(label) });
  }
  return options;
}

export function optionKind(label: string): PromptOption['kind'] {
  if (/^yes\b/i.test(label)) return /always|don't ask again|allow all/i.test(label) ? 'always' : 'yes';
  if (/^no\b/i.test(label)) return 'no';
  return 'other';
}

/** The block of lines a dialog occupies: from its top rule to the bottom of the screen. */
function dialogBlock(lines: readonly string[], firstOption: number): { start: number; block: string[] } {
  const top = findLastIndex(lines, RULE_LINE, firstOption);
  const start = top === -1 ? 0 : top + 1;
  return { start, block: lines.slice(start) };
}

export function parseDialog(lines: readonly string[], kind: DialogKind): PendingPrompt | undefined {
  const firstOption = lines.findIndex((line) => OPTION_LINE.test(line) && /❯/.test(line));
  const anchor = firstOption === -1 ? lines.length - 1 : firstOption;
  switch (kind) {
    case 'trust':
      return parseTrust(lines, anchor);
    case 'question':
      return parseQuestion(lines, anchor);
    case 'plan':
      return parsePlan(lines, anchor);
    case 'permission':
      return parsePermission(lines, anchor);
  }
}

function parseTrust(lines: readonly string[], anchor: number): PendingPrompt {
  const { block } = dialogBlock(lines, anchor);
  const at = block.findIndex((line) => /Accessing workspace:/.test(line));
  const folder = at === -1 ? undefined : block.slice(at + 1).find((line) => line.trim() !== '');
  return { tool: 'trust', detail: folder?.trim() ?? '', options: parseOptions(block) };
}

function parseQuestion(lines: readonly string[], anchor: number): PendingPrompt {
  // The picker is split by a rule before its last option ("Chat about this"), so start above it.
  const header = findLastIndex(lines, /^\s*[☐☒✔]\s/, anchor);
  const start = header === -1 ? dialogBlock(lines, anchor).start : header;
  const block = lines.slice(start);
  const questionLine = block.findIndex((line, index) => index > 0 && line.trim() !== '' && !OPTION_LINE.test(line));
  const detail = questionLine === -1 ? '' : (block[questionLine] ?? '').trim();
  return { tool: 'question', detail, options: parseOptions(block) };
}

function parsePlan(lines: readonly string[], anchor: number): PendingPrompt {
  const start = findLastIndex(lines, /^ ?(Ready to code\?|Here is Claude's plan:)/, anchor);
  const block = lines.slice(start === -1 ? dialogBlock(lines, anchor).start : start, anchor);
  const dashed = block.flatMap((line, index) => (DASHED_LINE.test(line) ? [index] : []));
  const plan = dashed.length >= 2 ? block.slice(dashed[0]! + 1, dashed[1]) : [];
  const options = parseOptions(lines.slice(anchor));
  const detail = plan.map((line) => line.trim()).filter((line) => line !== '').join('\n');
  return { tool: 'ExitPlanMode', detail, options };
}

function parsePermission(lines: readonly string[], anchor: number): PendingPrompt {
  const { start, block } = dialogBlock(lines, anchor);
  const options = parseOptions(block);
  const heading = (block.find((line) => line.trim() !== '') ?? '').trim();
  const call = toolCallAbove(lines, start);
  const body = block.slice(1, block.findIndex((line) => /^ ?Do you want to /.test(line))).map((line) => line.trim());
  if (/^Bash command$/.test(heading)) {
    return { tool: 'Bash', detail: bashDetail(body, call), options };
  }
  if (/^(Edit|Create|Write) file$/.test(heading)) {
    const file = body.find((line) => line !== '' && !DASHED_LINE.test(line)) ?? call?.args ?? '';
    return { tool: heading.startsWith('Edit') ? 'Edit' : 'Write', detail: file, options };
  }
  if (call) return { tool: call.tool, detail: call.args, options };
  return { tool: heading || 'unknown', detail: body.filter((line) => line !== '').join(' '), options };
}

/** The command as the dialog shows it; the transcript's `● Bash(...)` line tells a wrapped command from its description. */
function bashDetail(body: readonly string[], call: { args: string } | undefined): string {
  const shown = body.filter((line) => line !== '');
  if (call && !call.args.endsWith('…')) return call.args;
  if (shown.length <= 1) return shown[0] ?? call?.args ?? '';
  // The last line is the tool's description; the lines above are the (possibly wrapped) command.
  return shown.slice(0, -1).join(' ');
}

function toolCallAbove(lines: readonly string[], dialogStart: number): { tool: string; args: string } | undefined {
  const at = findLastIndex(lines, TOOL_CALL_LINE, dialogStart - 1);
  if (at === -1) return undefined;
  const match = TOOL_CALL_LINE.exec(lines[at]!)!;
  const tool = match[1]!;
  return { tool: tool === 'Update' ? 'Edit' : tool, args: match[2]!.trim() };
}
