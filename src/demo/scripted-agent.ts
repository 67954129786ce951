import type { MessagesRequestBody, Reply } from './fake-api-scenarios.js';
import type { PlannedBlock } from './sse.js';

/**
 * A scripted model for OpenClaw's agent (an Anthropic Messages provider on loopback): it answers
 * the owner's message with tool calls the way a model does in OpenClaw 2026.9.6, then words a reply
 * from the tool results. OpenClaw's turn, as recorded from its requests:
 * - the system prompt lists plugin tools by name and description only ("deferred"); the model calls
 *   `tool_describe {id}` to get a schema and `tool_call {id, args}` to run one (a tool OpenClaw
 *   exposes directly, e.g. with `tools.toolSearch: false`, is called by its own name);
 * - `<available_skills>` lists skills by name, description and `<location>`, to be `read` first;
 * - the owner's words are the end of the first text block of the user message, after OpenClaw's
 *   "Conversation info" envelope; a second user message carries OpenClaw's internal context;
 * - a `tool_call` result is OpenClaw's JSON `{tool: {id, name, source}, result: {content, details}}`;
 * - in earlier turns' tool calls OpenClaw masks an argument called `session` as "***" (which is why
 *   wingman's tools take `name`); the model knows earlier sessions from those calls and from what
 *   the results said ("Session 'vsr-1131' started …").
 */

export interface ToolCall {
  tool: string;
  args: Record<string, unknown>;
}

export interface ScriptContext {
  /** Every tool call made earlier in the conversation (through tool_call or directly), oldest first. */
  earlierCalls: ToolCall[];
  /** The text of every earlier tool result, oldest first. */
  earlierResults: string[];
}

export interface AgentRule {
  /** Matched against the owner's latest message. */
  when: RegExp;
  calls(match: RegExpExecArray, context: ScriptContext): ToolCall[];
  /** The reply once the calls answered: their results' text, in call order. */
  answer(results: string[], match: RegExpExecArray, context: ScriptContext): string;
}

export interface ScriptedAgentOptions {
  rules: AgentRule[];
  /** A skill (by name) the model reads before its first call, when OpenClaw lists it. */
  skill?: string;
  /** The reply to anything no rule matches. */
  fallback?: (words: string) => string;
}

interface Block {
  type?: string;
  text?: string;
  id?: string;
  name?: string;
  input?: Record<string, unknown>;
  tool_use_id?: string;
  content?: string | Block[];
}
interface Message {
  role?: string;
  content?: string | Block[];
}

const INTERNAL_CONTEXT = '<<<BEGIN_OPENCLAW_INTERNAL_CONTEXT>>>';
const DESCRIBE = 'tool_describe';
const CALL = 'tool_call';

function blocks(message: Message): Block[] {
  return typeof message.content === 'string' ? [{ type: 'text', text: message.content }] : (message.content ?? []);
}

/** The owner's words in a user message: OpenClaw's envelope (`… Conversation info … ```json…```\n\n`) removed. */
export function ownerWords(message: Message): string | undefined {
  const text = blocks(message)
    .filter((block) => block.type === 'text' && typeof block.text === 'string' && !block.text.startsWith(INTERNAL_CONTEXT))
    .map((block) => block.text!)
    .join('\n')
    .trim();
  if (!text) return undefined;
  const fence = text.lastIndexOf('```\n');
  return (/Conversation info/.test(text) && fence !== -1 ? text.slice(fence + 4) : text).trim() || undefined;
}

/** A tool result's text; a `tool_call` result is unwrapped to the called tool's own text. */
export function resultText(block: Block): string {
  const raw = typeof block.content === 'string' ? block.content : (block.content ?? []).map((part) => (part.type === 'text' ? (part.text ?? '') : '')).join('\n');
  try {
    const wrapped = JSON.parse(raw) as { tool?: unknown; result?: { content?: Block[] } };
    if (wrapped && typeof wrapped === 'object' && wrapped.tool && Array.isArray(wrapped.result?.content)) {
      return wrapped.result.content.map((part) => (part.type === 'text' ? (part.text ?? '') : '')).join('\n');
    }
  } catch {
    // not JSON: the text itself
  }
  return raw;
}

function systemText(body: MessagesRequestBody): string {
  const system = body.system as string | Array<{ text?: string }> | undefined;
  return typeof system === 'string' ? system : (system ?? []).map((block) => block.text ?? '').join('\n');
}

/** `<location>` of a skill listed in OpenClaw's `<available_skills>`. */
export function skillLocation(body: MessagesRequestBody, name: string): string | undefined {
  const skills = /<available_skills>([\s\S]*?)<\/available_skills>/.exec(systemText(body))?.[1] ?? '';
  for (const skill of skills.split('<skill>')) {
    if (new RegExp(`<name>\\s*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*</name>`).test(skill)) return /<location>([^<]+)<\/location>/.exec(skill)?.[1]?.trim();
  }
  return undefined;
}

/** A tool the model may call by name (not deferred behind tool_call). */
function direct(body: MessagesRequestBody, name: string): boolean {
  return (body.tools ?? []).some((tool) => (tool as { name?: string }).name === name);
}

/** The call a tool_use block makes, unwrapping tool_call. */
function callOf(block: Block): ToolCall | undefined {
  if (block.type !== 'tool_use' || !block.name) return undefined;
  if (block.name === CALL) return { tool: String(block.input?.id ?? ''), args: (block.input?.args as Record<string, unknown>) ?? {} };
  if (block.name === DESCRIBE || block.name === 'read') return undefined;
  return { tool: block.name, args: block.input ?? {} };
}

export function createScriptedAgent(options: ScriptedAgentOptions): (body: MessagesRequestBody, toolId: () => string) => Reply {
  return (body, toolId) => {
    const messages = (body.messages ?? []) as Message[];
    // The turn starts at the owner's latest message; what follows is this turn's tool traffic.
    let start = -1;
    let words: string | undefined;
    for (let index = messages.length - 1; index >= 0 && start === -1; index -= 1) {
      const message = messages[index]!;
      if (message.role !== 'user' || blocks(message).some((block) => block.type === 'tool_result')) continue;
      words = ownerWords(message);
      if (words !== undefined) start = index;
    }
    const say = (text: string): Reply => ({ kind: 'message', scenario: 'agent', plan: { blocks: [{ type: 'text', text }], stopReason: 'end_turn' } });
    const use = (uses: Array<{ name: string; input: Record<string, unknown> }>): Reply => ({
      kind: 'message',
      scenario: 'agent',
      plan: { blocks: uses.map((entry): PlannedBlock => ({ type: 'tool_use', id: toolId(), ...entry })), stopReason: 'tool_use' },
    });
    if (words === undefined) return say('…');

    const earlier = messages.slice(0, start).flatMap((message) => (message.role === 'assistant' ? blocks(message) : []));
    const turn = messages.slice(start + 1);
    const turnUses = turn.flatMap((message) => (message.role === 'assistant' ? blocks(message) : [])).filter((block) => block.type === 'tool_use');
    const results = new Map(turn.flatMap((message) => blocks(message)).filter((block) => block.type === 'tool_result').map((block) => [block.tool_use_id, resultText(block)]));
    const earlierResults = messages.slice(0, start).flatMap((message) => blocks(message)).filter((block) => block.type === 'tool_result').map(resultText);
    const context: ScriptContext = { earlierCalls: earlier.map(callOf).filter((call): call is ToolCall => call !== undefined), earlierResults };

    for (const rule of options.rules) {
      const match = rule.when.exec(words);
      if (!match) continue;
      const calls = rule.calls(match, context);
      const made = turnUses.filter((block) => callOf(block) !== undefined);
      if (made.length > 0) return say(rule.answer(made.map((block) => results.get(block.id) ?? ''), match, context));

      const everything = [...earlier, ...turnUses];
      const location = options.skill ? skillLocation(body, options.skill) : undefined;
      if (location && !everything.some((block) => block.name === 'read' && block.input?.path === location)) return use([{ name: 'read', input: { path: location } }]);

      const described = new Set(everything.filter((block) => block.name === DESCRIBE).map((block) => String(block.input?.id)));
      const toDescribe = [...new Set(calls.map((call) => call.tool))].filter((tool) => !direct(body, tool) && !described.has(tool));
      if (toDescribe.length > 0) return use(toDescribe.map((id) => ({ name: DESCRIBE, input: { id } })));

      return use(calls.map((call) => (direct(body, call.tool) ? { name: call.tool, input: call.args } : { name: CALL, input: { id: call.tool, args: call.args } })));
    }
    return say(options.fallback?.(words) ?? "I can start, check on and steer your Claude Code sessions. What should I do?");
  };
}
