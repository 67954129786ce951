import path from 'node:path';
import type { MessagePlan, PlannedBlock } from './sse.js';

/**
 * Scenario grammar (matched on the last user prompt of a main-turn request, i.e. one with `tools`):
 *   RUNTOOL <shell command>        Bash tool_use running the command
 *   TESTS <passed>/<total>         Bash tool_use "running the test suite": a printf of a vitest
 *                                  report with those counts (e.g. `Tests  8 passed | 2 failed (10)`)
 *   EDIT <path> <old>=><new>       Read tool_use, then (on its result) Edit replacing <old> by <new>
 *                                  (Claude Code refuses to edit a file not read in the session);
 *                                  a literal `\n` in <old> or <new> becomes a newline
 *   WRITE <path> <content>         Write tool_use for a NEW file; a literal `\n` in <content> becomes
 *                                  a newline (overwriting an unread existing file is refused)
 *   ASK [<question>]               AskUserQuestion with options Red / Blue
 *   ASK2                           AskUserQuestion with two questions: Colour (Red / Blue) and a
 *                                  multiSelect Size (Small / Large)
 *   FETCH <url> [<prompt>]         WebFetch tool_use for <url>
 *   PLAN <text>                    the plan for plan mode: when the request names a plan file
 *                                  (2.1.332 asks for one under ~/.claude/plans/), a Write of <text> to
 *                                  it first; then ExitPlanMode with `plan: <text>` (a literal `\n`
 *                                  becomes a newline)
 *   PLANSTEPS <n>                  like PLAN, with a generated plan of <n> numbered steps (about
 *                                  70 characters each) under a `# Plan` heading: long plans
 *   EXITPLAN                       ExitPlanMode with no plan (`{}`), as without a plan file
 *   CALLTOOL <name> [<json>]       a tool_use of any tool name with the JSON object as input (`{}`
 *                                  without): the model trying a tool it was or was not offered
 *   SLOW [<text>]                  text answer streamed over ~8 s
 *   DELAY <seconds> [<text>]       holds the response's first byte that long, then `Echo: <text>`
 *   ERROR500 | ERROR401 | ERROR429 | ERROR529   HTTP error on every attempt
 *   anything else                  text answer `Echo: <prompt>`
 * A relative <path> is resolved against the `Primary working directory:` line of the system prompt.
 * When the last user message carries a tool_result, the answer is `Tool finished. Done.`
 * (except for EDIT's Read step).
 */
export type ScenarioName =
  | 'echo' | 'slow' | 'delay' | 'runtool' | 'edit' | 'write' | 'ask' | 'fetch' | 'plan' | 'calltool' | 'error' | 'tool-followup' | 'title'
  | 'tests' | 'agent';

export type Reply =
  /** `firstByteDelayMs`: nothing at all is sent (not even headers) for that long. */
  | { kind: 'message'; scenario: ScenarioName; plan: MessagePlan; firstByteDelayMs?: number }
  | { kind: 'error'; scenario: ScenarioName; status: number; errorType: string; message: string };

interface ContentBlock { type?: string; text?: string; name?: string }
interface ApiMessage { role?: string; content?: string | ContentBlock[] }
export interface MessagesRequestBody {
  model?: string;
  stream?: boolean;
  tools?: unknown[];
  system?: string | ContentBlock[];
  messages?: ApiMessage[];
}

const ERRORS: Record<string, { status: number; errorType: string; message: string }> = {
  ERROR500: { status: 500, errorType: 'api_error', message: 'Internal server error' },
  ERROR401: { status: 401, errorType: 'authentication_error', message: 'invalid x-api-key' },
  ERROR429: { status: 429, errorType: 'rate_limit_error', message: 'Rate limited (fake)' },
  ERROR529: { status: 529, errorType: 'overloaded_error', message: 'Overloaded' },
};

function blocksOf(content: ApiMessage['content']): ContentBlock[] {
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  return Array.isArray(content) ? content : [];
}

/** The prompt a person typed: Claude Code adds `<system-reminder>` text blocks around it. */
function promptText(message: ApiMessage): string | undefined {
  const texts = blocksOf(message.content)
    .filter((b) => b.type === 'text' && typeof b.text === 'string')
    .map((b) => (b.text ?? '').trim())
    .filter((t) => t.length > 0 && !t.startsWith('<system-reminder>') && !t.startsWith('<command-'));
  return texts.at(-1);
}

/** Last typed prompt, scanning back past tool_result messages. */
export function lastUserText(body: MessagesRequestBody): string | undefined {
  for (const message of [...(body.messages ?? [])].reverse()) {
    if (message.role !== 'user') continue;
    const text = promptText(message);
    if (text !== undefined) return text;
  }
  return undefined;
}

export function lastMessageHasToolResult(body: MessagesRequestBody): boolean {
  // Claude Code may interleave `role: "system"` messages, so look at the last user one.
  const last = [...(body.messages ?? [])].reverse().find((m) => m.role === 'user');
  // After a denied or interrupted tool, Claude Code sends that tool_result together with the next
  // typed prompt in one message: then the prompt, not the tool result, decides the reply.
  return last !== undefined && blocksOf(last.content).some((b) => b.type === 'tool_result') && promptText(last) === undefined;
}

/** Name of the last tool_use the assistant sent, to know which step of a multi-step scenario we are in. */
function lastToolName(body: MessagesRequestBody): string | undefined {
  const last = [...(body.messages ?? [])].reverse().find((m) => m.role === 'assistant');
  return last === undefined ? undefined : blocksOf(last.content).filter((b) => b.type === 'tool_use').at(-1)?.name;
}

function workingDirectory(body: MessagesRequestBody): string | undefined {
  const system = typeof body.system === 'string' ? body.system : (body.system ?? []).map((b) => b.text ?? '').join('\n');
  return /working directory:\s*(\S+)/i.exec(system)?.[1]; // `- Primary working directory: /x`
}

/** The plan file Claude Code (2.1.332) tells the model to write in plan mode, named anywhere in the request. */
function planFilePath(body: MessagesRequestBody): string | undefined {
  const all = JSON.stringify({ system: body.system, messages: body.messages });
  return /(\/[^\s"'`\\]*\/\.claude\/plans\/[^\s"'`\\]+\.md)/.exec(all)?.[1];
}

function absolute(file: string, body: MessagesRequestBody): string {
  if (path.isAbsolute(file)) return file;
  const cwd = workingDirectory(body);
  return cwd === undefined ? file : path.resolve(cwd, file);
}

const text = (scenario: ScenarioName, answer: string, extra: Partial<MessagePlan> = {}): Reply => ({
  kind: 'message', scenario, plan: { blocks: [{ type: 'text', text: answer }], stopReason: 'end_turn', ...extra },
});

const tool = (scenario: ScenarioName, id: string, name: string, input: Record<string, unknown>): Reply => {
  const block: PlannedBlock = { type: 'tool_use', id, name, input };
  return { kind: 'message', scenario, plan: { blocks: [block], stopReason: 'tool_use' } };
};

const planOf = (rest: string): string => (rest || 'Create hello.txt, then run the tests.').replaceAll('\\n', '\n');

/** A printf of what `vitest run` ends with, for `TESTS 8/10` (a session whose tests partly pass). */
export function testRunCommand(counts: string): string {
  const match = /^(\d+)\s*\/\s*(\d+)/.exec(counts);
  const passed = Number(match?.[1] ?? 8);
  const total = Math.max(passed, Number(match?.[2] ?? 10));
  const failed = total - passed;
  const tests = failed > 0 ? `${passed} passed | ${failed} failed (${total})` : `${passed} passed (${total})`;
  const files = failed > 0 ? '1 failed | 1 passed (2)' : '2 passed (2)';
  return `printf '%s\\n' ' ✓ test/session.test.ts (${passed} tests)' '' ' Test Files  ${files}' '      Tests  ${tests}'`;
}

/** `PLANSTEPS 40`: `# Plan` and 40 lines `Step 7 of 40: …`, the same text every time. */
export function stepsPlan(count: number): string {
  const steps = Array.from({ length: count }, (_, index) => `Step ${index + 1} of ${count}: change module-${String(index + 1).padStart(2, '0')}.ts and run its unit tests`);
  return ['# Plan', '', ...steps].join('\n');
}

const planText = (keyword: string, rest: string): string => (keyword === 'PLANSTEPS' ? stepsPlan(Math.min(Math.max(Number.parseInt(rest, 10) || 20, 1), 500)) : planOf(rest));

const SLOW_SENTENCE = 'This answer is streamed slowly on purpose so that the working spinner stays on screen for a while.';

/** Decides the reply; `toolId` keeps tool_use ids deterministic per server. */
export function chooseReply(body: MessagesRequestBody, toolId: () => string): Reply {
  // Title/summary requests have no tools; any short plain answer will do.
  if (!Array.isArray(body.tools) || body.tools.length === 0) return text('title', 'Fake session title');

  const prompt = lastUserText(body) ?? '';
  const match = /^([A-Z0-9]+)(?:\s+([\s\S]*))?$/.exec(prompt);
  const keyword = match?.[1] ?? '';
  const rest = (match?.[2] ?? '').trim();

  const error = ERRORS[keyword];
  if (error !== undefined) return { kind: 'error', scenario: 'error', ...error };
  const edit = keyword === 'EDIT' ? /^(\S+)\s+([\s\S]*?)=>([\s\S]*)$/.exec(rest) : null;
  if (lastMessageHasToolResult(body)) {
    if (edit !== null && lastToolName(body) === 'Read') {
      return tool('edit', toolId(), 'Edit', {
        file_path: absolute(edit[1] ?? '', body), old_string: (edit[2] ?? '').replaceAll('\\n', '\n'), new_string: (edit[3] ?? '').replaceAll('\\n', '\n'), replace_all: false,
      });
    }
    if ((keyword === 'PLAN' || keyword === 'PLANSTEPS') && lastToolName(body) === 'Write') return tool('plan', toolId(), 'ExitPlanMode', { plan: planText(keyword, rest) });
    return text('tool-followup', 'Tool finished. Done.');
  }

  switch (keyword) {
    case 'SLOW': {
      // 16 deltas x 500 ms: about 8 s of visible "working" state.
      const answer = `${SLOW_SENTENCE}${rest ? ` Echo: ${rest}` : ''}`;
      return text('slow', answer, { chunkDelayMs: 500, chunkSize: Math.ceil(answer.length / 16) });
    }
    case 'RUNTOOL':
      return tool('runtool', toolId(), 'Bash', { command: rest, description: 'Run requested command' });
    case 'TESTS':
      return tool('tests', toolId(), 'Bash', { command: testRunCommand(rest), description: 'Run the test suite' });
    case 'EDIT':
      if (edit === null) return text('echo', `Echo: ${prompt} (EDIT needs <path> <old>=><new>)`);
      return tool('edit', toolId(), 'Read', { file_path: absolute(edit[1] ?? '', body) });
    case 'WRITE': {
      const write = /^(\S+)\s+([\s\S]*)$/.exec(rest);
      if (write === null) return text('echo', `Echo: ${prompt} (WRITE needs <path> <content>)`);
      return tool('write', toolId(), 'Write', {
        file_path: absolute(write[1] ?? '', body), content: (write[2] ?? '').replaceAll('\\n', '\n'),
      });
    }
    case 'DELAY': {
      const delay = /^(\d+(?:\.\d+)?)\s*([\s\S]*)$/.exec(rest);
      const seconds = Number(delay?.[1] ?? '5');
      const answer = `Echo: ${(delay?.[2] ?? '').trim() || prompt}`;
      return { kind: 'message', scenario: 'delay', plan: { blocks: [{ type: 'text', text: answer }], stopReason: 'end_turn' }, firstByteDelayMs: Math.round(seconds * 1000) };
    }
    case 'FETCH': {
      const [url = 'http://127.0.0.1/', ...words] = rest.split(/\s+/);
      return tool('fetch', toolId(), 'WebFetch', { url, prompt: words.join(' ') || 'Summarise the page' });
    }
    case 'PLAN':
    case 'PLANSTEPS': {
      const file = planFilePath(body);
      if (file !== undefined) return tool('plan', toolId(), 'Write', { file_path: file, content: `${planText(keyword, rest)}\n` });
      return tool('plan', toolId(), 'ExitPlanMode', { plan: planText(keyword, rest) });
    }
    case 'EXITPLAN':
      return tool('plan', toolId(), 'ExitPlanMode', {});
    case 'CALLTOOL': {
      const call = /^(\S+)\s*([\s\S]*)$/.exec(rest);
      let input: unknown = {};
      try {
        input = call?.[2] ? JSON.parse(call[2]) : {};
      } catch {
        return text('echo', `Echo: ${prompt} (CALLTOOL needs <name> [<json object>])`);
      }
      if (!call || typeof input !== 'object' || input === null || Array.isArray(input)) return text('echo', `Echo: ${prompt} (CALLTOOL needs <name> [<json object>])`);
      return tool('calltool', toolId(), call[1]!, input as Record<string, unknown>);
    }
    case 'ASK2':
      return tool('ask', toolId(), 'AskUserQuestion', {
        questions: [
          {
            question: 'Which colour should the button be?',
            header: 'Colour',
            multiSelect: false,
            options: [
              { label: 'Red', description: 'A red button' },
              { label: 'Blue', description: 'A blue button' },
            ],
          },
          {
            question: 'Which sizes do you need?',
            header: 'Size',
            multiSelect: true,
            options: [
              { label: 'Small', description: 'A small button' },
              { label: 'Large', description: 'A large button' },
            ],
          },
        ],
      });
    case 'ASK':
      return tool('ask', toolId(), 'AskUserQuestion', {
        questions: [{
          question: rest || 'Which colour should the button be?',
          header: 'Colour',
          multiSelect: false,
          options: [
            { label: 'Red', description: 'A red button' },
            { label: 'Blue', description: 'A blue button' },
          ],
        }],
      });
    default:
      return text('echo', `Echo: ${prompt}`);
  }
}
