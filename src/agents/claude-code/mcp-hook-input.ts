import type { HookEventName } from './hook-events.js';

/**
 * How a hook event reaches wingman's MCP hook server. An `mcp_tool` hook does not hand the tool the
 * event: it passes the hook's `input` object with every `${path}` in a string value replaced from
 * the event (Claude Code 2.1.197 and 2.1.332 alike): a string as it is, a number or boolean as its
 * String(), an object or array as JSON, and a missing or null field as "". So the hook's input names
 * each field wingman reads, and the server turns the strings back into the event (eventFromMcpArguments),
 * which the hook server then checks like any forwarder's. Fields wingman does not read are not sent.
 */

/** The server's name in the session's --mcp-config; distinctive, so it never shadows a user's own server. */
export const MCP_HOOK_SERVER_NAME = 'claude-code-wingman-hooks';
/** The one tool it answers. It is not in the server's tools/list, so the model is never offered it. */
export const MCP_HOOK_TOOL = 'hook_event';

/** `text` and `any` keep "", the `?` kinds read "" as absent; `json` is parsed, `number`/`boolean` converted. */
type FieldKind = 'text' | 'text?' | 'json' | 'json?' | 'any' | 'number?' | 'boolean?';

const COMMON: Record<string, FieldKind> = {
  session_id: 'text',
  cwd: 'text',
  transcript_path: 'text',
  prompt_id: 'text?',
  permission_mode: 'text?',
  agent_id: 'text?',
  agent_type: 'text?',
};
const TOOL: Record<string, FieldKind> = { tool_name: 'text', tool_input: 'json' };

/** Per event, the fields src/agents/claude-code/hook-events.ts reads. */
const EVENT_FIELDS: Record<HookEventName, Record<string, FieldKind>> = {
  SessionStart: { source: 'text', model: 'text?' },
  UserPromptSubmit: { prompt: 'text' },
  PreToolUse: { ...TOOL, tool_use_id: 'text?' },
  PermissionRequest: { ...TOOL, permission_suggestions: 'json?' },
  Notification: { message: 'text', notification_type: 'text?', title: 'text?' },
  PostToolUse: { ...TOOL, tool_response: 'any', tool_use_id: 'text?', duration_ms: 'number?' },
  PostToolUseFailure: { ...TOOL, tool_use_id: 'text?', error: 'text', is_interrupt: 'boolean?', duration_ms: 'number?' },
  Stop: { stop_hook_active: 'boolean?', last_assistant_message: 'text?' },
  StopFailure: { error: 'text', last_assistant_message: 'text?' },
  SessionEnd: { reason: 'text' },
};

const fieldsOf = (event: HookEventName): Record<string, FieldKind> => ({ ...COMMON, ...EVENT_FIELDS[event] });

/** The `input` of the `mcp_tool` hook for `event`: its name as a constant, every field as `${field}`. */
export function mcpHookToolInput(event: HookEventName): Record<string, string> {
  const input: Record<string, string> = { hook_event_name: event };
  for (const field of Object.keys(fieldsOf(event))) input[field] = `\${${field}}`;
  return input;
}

function parseJson(value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value; // left for the hook server's schema to refuse
  }
}

function convert(kind: FieldKind, value: string): unknown {
  switch (kind) {
    case 'json':
    case 'json?':
      return parseJson(value);
    case 'any':
      // A tool's response is an object (sent as JSON) or a plain string.
      return /^\s*[[{]/.test(value) ? parseJson(value) : value;
    case 'number?':
      return Number.isFinite(Number(value)) ? Number(value) : value;
    case 'boolean?':
      return value === 'true' ? true : value === 'false' ? false : value;
    default:
      return value;
  }
}

/**
 * The hook event an `mcp_tool` call's arguments stand for (see mcpHookToolInput). Arguments of an
 * event wingman does not read, or not strings (not from a hook), come back unchanged for the hook
 * server to judge; fields the event does not have are dropped.
 */
export function eventFromMcpArguments(args: Record<string, unknown>): Record<string, unknown> {
  const name = args.hook_event_name;
  if (typeof name !== 'string' || !Object.hasOwn(EVENT_FIELDS, name)) return { ...args };
  const event: Record<string, unknown> = { hook_event_name: name };
  for (const [field, kind] of Object.entries(fieldsOf(name as HookEventName))) {
    const value = args[field];
    if (typeof value !== 'string') {
      if (value !== undefined) event[field] = value;
      continue;
    }
    if (value === '' && kind.endsWith('?')) continue;
    event[field] = convert(kind, value);
  }
  return event;
}
