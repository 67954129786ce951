import path from 'node:path';
import { z } from 'zod';
import type { PendingApproval } from '../approvals/approval-types.js';
import { changedLines, previewOf, splitLines, type ChangedLine } from './diff-preview.js';
import { formatCounts, graphemes, oneLine, plural, printable } from './phone-text.js';
import { codeBlock, inlineCode } from './phone-markdown.js';
import { wrapCommand } from './wrap-command.js';

/**
 * What a notification says about a tool call, by tool: the file and a compact diff for edits, the
 * whole command for Bash, the URL for WebFetch, `Tool(detail)` for everything else. A prompt seen
 * only on screen has no input, and an input of an unexpected shape is not trusted: both fall back
 * to what the screen or hook detail says.
 */

export interface NoticeContext {
  /** The session's working directory: file paths inside it are shown relative to it. */
  cwd?: string | undefined;
  /** Write only: the file before the call; `null` when it does not exist yet; absent when unknown. */
  before?: string | null | undefined;
  /** Columns of a phone line, for laying out long commands. */
  width?: number | undefined;
}

/** A narrow phone held upright shows about this many characters per line in WhatsApp. */
export const PHONE_WIDTH = 40;
/** Commands beyond this are cut (the hook allows 64 K characters): a notice is not a file viewer. */
export const MAX_COMMAND_CHARS = 1_000;
export const MAX_COMMAND_LINES = 30;
/** A one-line summary (reminder lists) keeps this many characters of the detail. */
export const SUMMARY_CHARS = 60;
const DETAIL_CHARS = 300;
const NOTE_CHARS = 160;
const URL_CHARS = 500;

/** A call as a notice shows it: `code` verbatim (phone-markdown.ts), then wingman's and Claude's notes on it. */
export interface CallText {
  code: string[];
  notes: string[];
}

interface Notice {
  /** The call, for a notification; undefined: the input does not fit, use the fallback. */
  body(approval: PendingApproval, ctx: NoticeContext): CallText | undefined;
  /** The call in one line, for a list. */
  summary(approval: PendingApproval, ctx: NoticeContext): string | undefined;
}

function byInput<S extends z.ZodType>(schema: S, render: { body(input: z.infer<S>, ctx: NoticeContext): CallText; summary(input: z.infer<S>, ctx: NoticeContext): string }): Notice {
  const parse = (approval: PendingApproval) => (approval.input === undefined ? undefined : schema.safeParse(approval.input).data);
  return {
    body: (approval, ctx) => {
      const input = parse(approval);
      return input === undefined ? undefined : render.body(input, ctx);
    },
    summary: (approval, ctx) => {
      const input = parse(approval);
      return input === undefined ? undefined : render.summary(input, ctx);
    },
  };
}

export function displayPath(file: string, cwd: string | undefined): string {
  const relative = cwd ? path.relative(cwd, file) : '';
  const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  return oneLine(inside ? relative : file, DETAIL_CHARS);
}

function changeBody(header: string, changes: readonly ChangedLine[], note = ''): CallText {
  const preview = previewOf(changes);
  const counts = formatCounts(preview.added, preview.removed);
  return { code: [`${header} ${counts}${note}`, ...preview.lines], notes: preview.hidden > 0 ? [`… ${plural(preview.hidden, 'more changed line')}`] : [] };
}

const changeSummary = (header: string, changes: readonly ChangedLine[]) => {
  const preview = previewOf(changes, { maxLines: 0, maxLineChars: 0 });
  return `${header} ${formatCounts(preview.added, preview.removed)}`;
};

const editInput = z.object({ file_path: z.string(), old_string: z.string(), new_string: z.string(), replace_all: z.boolean().optional() });
const edit = byInput(editInput, {
  body: (input, ctx) => changeBody(`Edit(${displayPath(input.file_path, ctx.cwd)})`, changedLines(input.old_string, input.new_string), input.replace_all ? ', every occurrence' : ''),
  summary: (input, ctx) => changeSummary(`Edit(${displayPath(input.file_path, ctx.cwd)})`, changedLines(input.old_string, input.new_string)),
});

const multiEditInput = z.object({ file_path: z.string(), edits: z.array(editInput.omit({ file_path: true })).min(1) });
const multiEditChanges = (input: z.infer<typeof multiEditInput>) => input.edits.flatMap((one) => changedLines(one.old_string, one.new_string));
const multiEdit = byInput(multiEditInput, {
  body: (input, ctx) => changeBody(`MultiEdit(${displayPath(input.file_path, ctx.cwd)})`, multiEditChanges(input), `, ${plural(input.edits.length, 'edit')}`),
  summary: (input, ctx) => changeSummary(`MultiEdit(${displayPath(input.file_path, ctx.cwd)})`, multiEditChanges(input)),
});

const writeInput = z.object({ file_path: z.string(), content: z.string() });
/** Against the file as it is when known; else every line written counts as added. */
const writeChanges = (input: z.infer<typeof writeInput>, ctx: NoticeContext) =>
  typeof ctx.before === 'string' ? changedLines(ctx.before, input.content) : splitLines(input.content).map((text): ChangedLine => ({ sign: '+', text }));
const writeHeader = (input: z.infer<typeof writeInput>, ctx: NoticeContext) => `Write(${displayPath(input.file_path, ctx.cwd)})${ctx.before === null ? ' new file,' : ''}`;
const write = byInput(writeInput, {
  body: (input, ctx) => {
    if (input.content === '') return { code: [`${writeHeader(input, ctx)} empty`], notes: [] };
    const changes = writeChanges(input, ctx);
    return changes.length === 0 ? { code: [`${writeHeader(input, ctx)} unchanged`], notes: [] } : changeBody(writeHeader(input, ctx), changes);
  },
  summary: (input, ctx) => changeSummary(writeHeader(input, ctx), writeChanges(input, ctx)),
});

function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/** The whole command, laid out for the phone, up to a cap that says how much it left out. */
function commandLines(command: string, width: number): CallText {
  const text = printable(command);
  const lines = text.split('\n');
  let shown = lines.slice(0, MAX_COMMAND_LINES).join('\n');
  // Grapheme segmentation is slow on huge input: only the part that can be shown is segmented;
  // what is left out is counted in code points.
  const head = graphemes(shown.slice(0, MAX_COMMAND_CHARS * 8));
  if (head.length > MAX_COMMAND_CHARS || shown.length > MAX_COMMAND_CHARS * 8) shown = head.slice(0, MAX_COMMAND_CHARS).join('');
  const hidden = codePoints(text) - codePoints(shown);
  const wrapped = wrapCommand(shown, width, 'Bash('.length);
  wrapped[0] = `Bash(${wrapped[0]}`;
  wrapped[wrapped.length - 1] += hidden > 0 ? '…)' : ')';
  return { code: wrapped, notes: hidden > 0 ? [`(${plural(hidden, 'more character')} not shown)`] : [] };
}

const bashInput = z.object({ command: z.string().min(1), description: z.string().optional() });
const bash = byInput(bashInput, {
  body: (input, ctx) => {
    const { code, notes } = commandLines(input.command, ctx.width ?? PHONE_WIDTH);
    return { code, notes: [...notes, ...(input.description?.trim() ? [`↳ ${oneLine(input.description, NOTE_CHARS)}`] : [])] };
  },
  summary: (input) => `Bash(${oneLine(input.command, SUMMARY_CHARS)})`,
});

const webFetchInput = z.object({ url: z.string().min(1), prompt: z.string().optional() });
const webFetch = byInput(webFetchInput, {
  body: (input) => ({ code: [`WebFetch(${oneLine(input.url, URL_CHARS)})`], notes: input.prompt?.trim() ? [`↳ ${oneLine(input.prompt, NOTE_CHARS)}`] : [] }),
  summary: (input) => `WebFetch(${oneLine(input.url, SUMMARY_CHARS)})`,
});

/**
 * Notices by tool name. AskUserQuestion and ExitPlanMode are not here: they use the fallback
 * until their own notices (their questions, their plan) are added to this table.
 */
const NOTICES: Partial<Record<string, Notice>> = { Bash: bash, Edit: edit, MultiEdit: multiEdit, Write: write, WebFetch: webFetch };

/** What a notification says about the call: the verbatim lines, the first naming the tool, then notes. */
export function callText(approval: PendingApproval, ctx: NoticeContext = {}): CallText {
  return NOTICES[approval.tool]?.body(approval, ctx) ?? { code: [`${approval.tool}(${oneLine(approval.detail, DETAIL_CHARS)})`], notes: [] };
}

/** The call as a notification shows it: the verbatim lines as a code block, then the notes. */
export function describeCall(approval: PendingApproval, ctx: NoticeContext = {}): string[] {
  const { code, notes } = callText(approval, ctx);
  return [...codeBlock(code), ...notes];
}

/** The call in one line, for a list of waiting prompts (verbatim, as a code span). */
export function summarizeCall(approval: PendingApproval, ctx: NoticeContext = {}): string {
  return inlineCode(NOTICES[approval.tool]?.summary(approval, ctx) ?? `${approval.tool}(${oneLine(approval.detail, SUMMARY_CHARS)})`);
}
