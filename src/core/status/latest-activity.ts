const MAX_DETAIL = 80;

function shorten(text: string, max = MAX_DETAIL): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

/** One line of at most 80 characters, as activity is shown. */
export const shortenActivity = (text: string): string => shorten(text);

/** The argument that identifies a tool call: the command, file, URL or pattern. */
export function toolCallDetail(tool: string, input: Record<string, unknown>): string {
  const pick = (...keys: string[]) => keys.map((key) => input[key]).find((value): value is string => typeof value === 'string' && value !== '');
  // `plan`: ExitPlanMode's plan, as its dialog shows it.
  const detail = pick('command', 'file_path', 'notebook_path', 'url', 'pattern', 'path', 'query', 'description', 'prompt', 'plan');
  if (detail !== undefined) return detail;
  // AskUserQuestion: its (first) question.
  const question = Array.isArray(input.questions) ? (input.questions[0] as { question?: unknown } | undefined)?.question : undefined;
  if (typeof question === 'string' && question !== '') return question;
  const json = JSON.stringify(input);
  return json === '{}' ? '' : json;
}

/** `Running: npm test`, `Editing: src/a.ts`: what the session is doing, in a few words. */
export function describeToolCall(tool: string, input: Record<string, unknown>): string {
  const detail = shorten(toolCallDetail(tool, input));
  const verb: Record<string, string> = {
    Bash: 'Running',
    Edit: 'Editing',
    MultiEdit: 'Editing',
    Update: 'Editing',
    Write: 'Writing',
    Create: 'Writing',
    Read: 'Reading',
    Grep: 'Searching',
    Glob: 'Searching',
    WebFetch: 'Fetching',
    Fetch: 'Fetching',
    WebSearch: 'Searching the web',
    Task: 'Delegating',
    AskUserQuestion: 'Asking',
  };
  const label = verb[tool] ?? `Using ${tool}`;
  return detail ? `${label}: ${detail}` : label;
}

const TOOL_CALL_LINE = /^● ([A-Za-z0-9_.:-]+)\((.*)\)\s*$/;
const ANSWER_LINE = /^● (.+)$/;

/**
 * A prompt in the transcript (`❯ ` + plain space at column 0; the live input box uses NBSP): the
 * start of its turn, unless Claude Code marks it `⎿  Queued` (it waits behind the running turn).
 */
const PAST_PROMPT = /^❯ /;
const QUEUED_MARK = /^\s*⎿\s+Queued\b/;

/**
 * The latest tool call (or answer) the transcript shows, for sessions without hook events; only
 * from the latest turn, so a turn that has done nothing yet is not described by the one before.
 */
export function detectLatestActivity(lines: readonly string[]): string | undefined {
  for (let index = lines.length - 1; index >= 0; index -= 1) {
    const line = lines[index]!;
    if (PAST_PROMPT.test(line) && !QUEUED_MARK.test(lines.slice(index + 1).find((next) => next.trim() !== '') ?? '')) return undefined;
    const call = TOOL_CALL_LINE.exec(line);
    if (call) return describeToolCall(call[1]!, { command: call[2]! });
    const answer = ANSWER_LINE.exec(line);
    if (answer) return shorten(answer[1]!);
  }
  return undefined;
}
