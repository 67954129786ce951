import { z } from 'zod';
import { describeToolCall, shortenActivity } from '../../core/status/latest-activity.js';

/**
 * Claude Code's own session transcript (`<config dir>/projects/<slug>/<session id>.jsonl`, also
 * `transcript_path` in every hook payload): one JSON object a line. It outlives the screen, which
 * 2.1.332 draws in the alternate screen without scrollback. Only `user` and `assistant` lines are
 * read; bookkeeping lines (mode, permission-mode, attachment, api-request, last-prompt, system,
 * file-history-snapshot, …), sidechains and lines that do not parse are skipped, never an error.
 * Checked against real transcripts of 2.1.197 and 2.1.332 (test/fixtures/claude-code/).
 */

/** Characters kept of one answer or prompt. */
export const MAX_TRANSCRIPT_TEXT = 4000;
/** Characters kept of one Bash result: its end, where test runners print their summary. */
export const MAX_BASH_OUTPUT = 16 * 1024;
/** Bash results kept, newest last. */
export const MAX_BASH_OUTPUTS = 10;

const input = z.record(z.string(), z.unknown());
const textBlock = z.looseObject({ type: z.literal('text'), text: z.string() });
const toolUseBlock = z.looseObject({ type: z.literal('tool_use'), id: z.string().optional(), name: z.string().min(1).max(256), input: input.catch({}) });
const toolResultBlock = z.looseObject({
  type: z.literal('tool_result'),
  tool_use_id: z.string().optional(),
  content: z.union([z.string(), z.array(z.unknown())]).optional(),
  is_error: z.boolean().optional(),
});
/** What a Bash call returns (`toolUseResult` of its result line); a failed call stores only the error text. */
const shellResult = z.looseObject({ stdout: z.string(), stderr: z.string().optional() });

const conversationLine = {
  isSidechain: z.boolean().optional(),
  timestamp: z.string().max(64).optional(),
};
const userLine = z.looseObject({
  ...conversationLine,
  type: z.literal('user'),
  /** Text Claude Code adds itself: skill and command expansions, caveats. */
  isMeta: z.boolean().optional(),
  isCompactSummary: z.boolean().optional(),
  message: z.looseObject({ content: z.union([z.string(), z.array(z.unknown())]) }),
  toolUseResult: z.unknown().optional(),
});
const assistantLine = z.looseObject({
  ...conversationLine,
  type: z.literal('assistant'),
  /** `API Error: 500 …`: Claude Code's own text for a failed turn, not the model's. */
  isApiErrorMessage: z.boolean().optional(),
  message: z.looseObject({ content: z.array(z.unknown()) }),
});

export type TranscriptEntry =
  | { kind: 'prompt'; text: string; /** typed as `/name args` */ command: boolean; at?: string | undefined }
  | { kind: 'tool_use'; id?: string | undefined; tool: string; input: Record<string, unknown>; at?: string | undefined }
  | { kind: 'tool_result'; toolUseId?: string | undefined; output: string; isError: boolean; /** stdout/stderr of a shell */ shell: boolean; at?: string | undefined }
  | { kind: 'text'; text: string; apiError: boolean; at?: string | undefined }
  /** The output of a local command (`/compact`, `/exit`): the command before it was no prompt to the model. */
  | { kind: 'local_output' };

/** Markup Claude Code wraps around what the user did not type as a prompt. */
const LOCAL_OUTPUT = /^<local-command-(stdout|stderr)>/;
const NOT_A_PROMPT = /^(<(local-command-caveat|bash-input|bash-stdout|bash-stderr|system-reminder)>|\[Request interrupted by user)/;
const COMMAND = /<command-name>([^<]*)<\/command-name>/;
const COMMAND_ARGS = /<command-args>([^<]*)<\/command-args>/;

const clip = (text: string, max = MAX_TRANSCRIPT_TEXT) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function promptOf(content: string, at: string | undefined): TranscriptEntry | undefined {
  const text = content.trim();
  if (text === '') return undefined;
  if (LOCAL_OUTPUT.test(text)) return { kind: 'local_output' };
  if (NOT_A_PROMPT.test(text)) return undefined;
  const command = COMMAND.exec(text);
  if (command) {
    const typed = `${command[1]!.trim()} ${COMMAND_ARGS.exec(text)?.[1]?.trim() ?? ''}`.trim();
    return { kind: 'prompt', text: clip(typed), command: true, at };
  }
  return { kind: 'prompt', text: clip(text), command: false, at };
}

function resultText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.flatMap((block) => {
    const text = textBlock.safeParse(block);
    return text.success ? [text.data.text] : [];
  }).join('\n');
}

const tail = (text: string) => (text.length > MAX_BASH_OUTPUT ? text.slice(-MAX_BASH_OUTPUT) : text);

function userEntries(line: z.output<typeof userLine>): TranscriptEntry[] {
  const at = line.timestamp;
  const { content } = line.message;
  if (typeof content === 'string') return [promptOf(content, at)].filter((entry) => entry !== undefined);
  const results = content.filter((block) => toolResultBlock.safeParse(block).success);
  const shell = shellResult.safeParse(line.toolUseResult);
  const entries: TranscriptEntry[] = [];
  for (const block of content) {
    const result = toolResultBlock.safeParse(block);
    if (result.success) {
      // toolUseResult belongs to the line, so it only says which result it is when there is one.
      const own = shell.success && results.length === 1 ? shell.data : undefined;
      const output = own ? [own.stdout, own.stderr ?? ''].filter(Boolean).join('\n') : resultText(result.data.content);
      entries.push({ kind: 'tool_result', toolUseId: result.data.tool_use_id, output: tail(output), isError: result.data.is_error ?? false, shell: own !== undefined, at });
      continue;
    }
    const text = textBlock.safeParse(block);
    const entry = text.success ? promptOf(text.data.text, at) : undefined;
    if (entry) entries.push(entry);
  }
  return entries;
}

function assistantEntries(line: z.output<typeof assistantLine>): TranscriptEntry[] {
  const at = line.timestamp;
  return line.message.content.flatMap((block): TranscriptEntry[] => {
    const call = toolUseBlock.safeParse(block);
    if (call.success) return [{ kind: 'tool_use', id: call.data.id, tool: call.data.name, input: call.data.input, at }];
    const text = textBlock.safeParse(block);
    if (text.success && text.data.text.trim() !== '') return [{ kind: 'text', text: clip(text.data.text.trim()), apiError: line.isApiErrorMessage ?? false, at }];
    return []; // thinking, images, server tools: nothing wingman reports
  });
}

/** The entries of one transcript line; none for bookkeeping, sidechain, meta or malformed lines. */
export function parseTranscriptLine(line: string): TranscriptEntry[] {
  // Most lines are bookkeeping, some of them large: only conversation lines are worth JSON.parse.
  if (!line.includes('"type":"user"') && !line.includes('"type":"assistant"')) return [];
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return [];
  }
  const user = userLine.safeParse(json);
  if (user.success) return user.data.isSidechain || user.data.isMeta || user.data.isCompactSummary ? [] : userEntries(user.data);
  const assistant = assistantLine.safeParse(json);
  if (assistant.success) return assistant.data.isSidechain ? [] : assistantEntries(assistant.data);
  return [];
}

/** Entries of a transcript (or of its tail), oldest first; a local command's own line is dropped. */
export function parseTranscript(lines: readonly string[]): TranscriptEntry[] {
  const entries: TranscriptEntry[] = [];
  for (const line of lines) {
    for (const entry of parseTranscriptLine(line)) {
      if (entry.kind !== 'local_output') {
        entries.push(entry);
        continue;
      }
      const last = entries.findLastIndex((candidate) => candidate.kind === 'prompt');
      const prompt = entries[last];
      if (prompt?.kind === 'prompt' && prompt.command) entries.splice(last, 1);
    }
  }
  return entries;
}

/** What the transcript says about a session, for `wingman status`. */
export interface TranscriptSummary {
  /** The last prompt the user gave (typed, sent by wingman, or a `/command args` that reached the model). */
  lastPrompt?: string | undefined;
  /** `Running: npm test`: the latest tool call of the latest turn, else its latest text. */
  latestActivity?: string | undefined;
  /** The latest text Claude wrote (consecutive text blocks joined), API-error notices aside. */
  lastAnswer?: string | undefined;
  /** Outputs of the latest Bash calls, oldest first, for test progress. */
  bashOutputs: string[];
  /** Timestamp of the latest conversation line. */
  lastAt?: string | undefined;
  /** The input of an AskUserQuestion call no result has answered yet (the question on screen). */
  openQuestion?: Record<string, unknown> | undefined;
}

export function summarizeTranscript(entries: readonly TranscriptEntry[]): TranscriptSummary {
  const summary: TranscriptSummary = { bashOutputs: [] };
  const bashCalls = new Set<string>();
  let turnCall: string | undefined;
  let turnText: string | undefined;
  let answer: string[] = [];
  let previous: TranscriptEntry['kind'] | undefined;
  let ask: { id?: string | undefined; input: Record<string, unknown> } | undefined;
  for (const entry of entries) {
    if (entry.kind !== 'local_output' && entry.at) summary.lastAt = entry.at;
    switch (entry.kind) {
      case 'prompt':
        summary.lastPrompt = entry.text;
        turnCall = undefined;
        turnText = undefined;
        ask = undefined;
        break;
      case 'tool_use':
        if (entry.tool === 'Bash' && entry.id) bashCalls.add(entry.id);
        if (entry.tool === 'AskUserQuestion') ask = { id: entry.id, input: entry.input };
        turnCall = describeToolCall(entry.tool, entry.input);
        break;
      case 'tool_result':
        if (ask && (entry.toolUseId === undefined || entry.toolUseId === ask.id)) ask = undefined;
        // The call may lie before the tail that was read; a shell's stdout still tells.
        if ((entry.toolUseId !== undefined && bashCalls.has(entry.toolUseId)) || entry.shell) {
          summary.bashOutputs.push(entry.output);
          if (summary.bashOutputs.length > MAX_BASH_OUTPUTS) summary.bashOutputs.shift();
        }
        break;
      case 'text':
        if (entry.apiError) break;
        turnText = shortenActivity(entry.text);
        answer = previous === 'text' ? [...answer, entry.text] : [entry.text];
        summary.lastAnswer = clip(answer.join('\n\n'));
        break;
      case 'local_output':
        break;
    }
    previous = entry.kind;
  }
  summary.latestActivity = turnCall ?? turnText;
  if (ask) summary.openQuestion = ask.input;
  return summary;
}

/** Reads transcript text (whole, or a tail starting at a line boundary) into a summary. */
export function readTranscriptText(text: string): TranscriptSummary {
  return summarizeTranscript(parseTranscript(text.split('\n')));
}
