import { z } from 'zod';
import { WingmanError } from '../../core/errors.js';
import { formatZodIssues } from '../../core/zod-errors.js';

/**
 * The stdin payloads Claude Code (2.1.197 to 2.1.332) gives command hooks, and the stdout a
 * PermissionRequest hook answers with. Fields wingman does not know pass through, bounded; events
 * it does not read are accepted and ignored (parseHookEventIfKnown). Real payloads of both
 * versions: test/fixtures/claude-code/VERSION/hook-payloads.json.
 */

/** Characters, for any single string. */
export const MAX_HOOK_STRING = 64 * 1024;
/** UTF-8 bytes of `tool_input` (and `tool_response`) serialised as JSON. */
export const MAX_TOOL_INPUT_BYTES = 256 * 1024;
const MAX_EXTRA_FIELD_BYTES = 64 * 1024;
const TRUNCATION_MARK = '…[truncated by wingman]';

/**
 * Events wingman registers hooks for. PostToolUseFailure is what fires instead of PostToolUse when
 * a tool fails. Not registered: MessageDisplay (a hook process per streamed line), PostToolBatch
 * (PostToolUse says it per call), the rest (nothing wingman reports), and above all any event the
 * oldest supported version lacks: Claude Code stops at a "Settings Warning" dialog before the input
 * box for an unknown event in --settings (test/fixtures/claude-code/VERSION/valid-hook-events.json).
 */
export const HOOK_EVENT_NAMES = [
  'SessionStart',
  'UserPromptSubmit',
  'PreToolUse',
  'PermissionRequest',
  'Notification',
  'PostToolUse',
  'PostToolUseFailure',
  'Stop',
  'StopFailure',
  'SessionEnd',
] as const;
export type HookEventName = (typeof HOOK_EVENT_NAMES)[number];

const jsonBytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');

/** Identifiers and paths: too long means forged, so reject. */
const text = z.string().max(MAX_HOOK_STRING);
const name = z.string().min(1).max(256);
/** Free text shown to people (prompts, replies, errors): shortening it loses nothing wingman needs. */
const prose = z
  .string()
  .transform((value) => (value.length > MAX_HOOK_STRING ? value.slice(0, MAX_HOOK_STRING) + TRUNCATION_MARK : value));

const toolInput = z
  .record(z.string(), z.unknown())
  .refine((value) => jsonBytes(value) <= MAX_TOOL_INPUT_BYTES, {
    message: `tool_input is larger than ${MAX_TOOL_INPUT_BYTES / 1024} KB`,
  });

/** A huge tool result (a big Read) must not cost wingman the event, so it is replaced by its size. */
const toolResponse = z
  .unknown()
  .transform((value) => {
    const bytes = jsonBytes(value);
    return bytes > MAX_TOOL_INPUT_BYTES ? { wingmanOmitted: true, bytes } : value;
  });

/** Claude's own suggestions; kept loose so a new update type never costs wingman the prompt. */
const permissionSuggestions = z
  .array(z.looseObject({ type: name }))
  .max(100)
  .refine((value) => jsonBytes(value) <= MAX_EXTRA_FIELD_BYTES, { message: 'permission_suggestions is too large' });

const common = {
  session_id: name,
  cwd: text,
  transcript_path: text,
  prompt_id: name.optional(),
  permission_mode: name.optional(),
  agent_id: name.optional(),
  agent_type: name.optional(),
};

function hookEvent<const N extends HookEventName, S extends z.ZodRawShape>(eventName: N, shape: S) {
  const known = new Set<string>(['hook_event_name', ...Object.keys(common), ...Object.keys(shape)]);
  return z
    .looseObject({ ...common, hook_event_name: z.literal(eventName), ...shape })
    .superRefine((value, ctx) => {
      for (const [key, extra] of Object.entries(value)) {
        if (!known.has(key) && jsonBytes(extra) > MAX_EXTRA_FIELD_BYTES) {
          ctx.addIssue({ code: 'custom', path: [key], message: `larger than ${MAX_EXTRA_FIELD_BYTES / 1024} KB` });
        }
      }
    });
}

const tool = { tool_name: name, tool_input: toolInput };

export const sessionStartEventSchema = hookEvent('SessionStart', { source: name, model: text.optional() });
export const userPromptSubmitEventSchema = hookEvent('UserPromptSubmit', { prompt: prose });
export const preToolUseEventSchema = hookEvent('PreToolUse', { ...tool, tool_use_id: name.optional() });
export const permissionRequestEventSchema = hookEvent('PermissionRequest', {
  ...tool,
  permission_suggestions: permissionSuggestions.optional(),
});
export const notificationEventSchema = hookEvent('Notification', {
  message: prose,
  notification_type: name.optional(),
  title: prose.optional(),
});
export const postToolUseEventSchema = hookEvent('PostToolUse', {
  ...tool,
  tool_response: toolResponse,
  tool_use_id: name.optional(),
  duration_ms: z.number().optional(),
});
export const postToolUseFailureEventSchema = hookEvent('PostToolUseFailure', {
  ...tool,
  tool_use_id: name.optional(),
  error: prose,
  is_interrupt: z.boolean().optional(),
  duration_ms: z.number().optional(),
});
export const stopEventSchema = hookEvent('Stop', {
  stop_hook_active: z.boolean().optional(),
  last_assistant_message: prose.optional(),
});
export const stopFailureEventSchema = hookEvent('StopFailure', {
  error: name,
  last_assistant_message: prose.optional(),
});
export const sessionEndEventSchema = hookEvent('SessionEnd', { reason: name });

export const hookEventSchema = z.discriminatedUnion('hook_event_name', [
  sessionStartEventSchema,
  userPromptSubmitEventSchema,
  preToolUseEventSchema,
  permissionRequestEventSchema,
  notificationEventSchema,
  postToolUseEventSchema,
  postToolUseFailureEventSchema,
  stopEventSchema,
  stopFailureEventSchema,
  sessionEndEventSchema,
]);

export type HookEvent = z.output<typeof hookEventSchema>;
export type PermissionRequestEvent = z.output<typeof permissionRequestEventSchema>;
export type HookEventOf<N extends HookEventName> = Extract<HookEvent, { hook_event_name: N }>;

/** How Claude Code names events (`MessageDisplay`, `PostToolBatch`): an unknown name of this shape is a newer event, not garbage. */
const EVENT_NAME = /^[A-Z][A-Za-z]{0,63}$/;

export const isHookEventName = (name: unknown): name is HookEventName => (HOOK_EVENT_NAMES as readonly unknown[]).includes(name);

/** An event wingman does not read: a well-formed name outside HOOK_EVENT_NAMES, on an object with a session. */
export function isOtherHookEvent(json: unknown): boolean {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return false;
  const { hook_event_name: eventName, session_id: sessionId } = json as Record<string, unknown>;
  return typeof eventName === 'string' && EVENT_NAME.test(eventName) && !isHookEventName(eventName) && typeof sessionId === 'string';
}

/** parseHookEvent, except that an event wingman does not read gives undefined instead of an error. */
export function parseHookEventIfKnown(json: unknown): HookEvent | undefined {
  return isOtherHookEvent(json) ? undefined : parseHookEvent(json);
}

export function parseHookEvent(json: unknown): HookEvent {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new WingmanError('invalid_input', 'Invalid hook event: expected a JSON object.');
  }
  const eventName = (json as Record<string, unknown>).hook_event_name;
  if (!isHookEventName(eventName)) {
    const shown = typeof eventName === 'string' ? JSON.stringify(eventName.slice(0, 40)) : 'missing';
    throw new WingmanError('invalid_input', `Invalid hook event: hook_event_name is ${shown}; expected one of ${HOOK_EVENT_NAMES.join(', ')}.`);
  }
  const result = hookEventSchema.safeParse(json);
  if (!result.success) {
    throw new WingmanError('invalid_input', `Invalid ${eventName} hook event: ${formatZodIssues(result.error)}`);
  }
  return result.data;
}

// --- PermissionRequest answers (mirrors Claude Code's own output schema) ---

const rule = z.object({ toolName: name, ruleContent: text.optional() });
const destination = z.enum(['userSettings', 'projectSettings', 'localSettings', 'session', 'cliArg']);
const ruleBehavior = z.enum(['allow', 'deny', 'ask']);
const directories = z.array(text).max(100);

export const permissionUpdateSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('addRules'), rules: z.array(rule).max(100), behavior: ruleBehavior, destination }),
  z.object({ type: z.literal('replaceRules'), rules: z.array(rule).max(100), behavior: ruleBehavior, destination }),
  z.object({ type: z.literal('removeRules'), rules: z.array(rule).max(100), behavior: ruleBehavior, destination }),
  z.object({
    type: z.literal('setMode'),
    mode: z.enum(['acceptEdits', 'auto', 'bypassPermissions', 'default', 'dontAsk', 'plan']),
    destination,
  }),
  z.object({ type: z.literal('addDirectories'), directories, destination }),
  z.object({ type: z.literal('removeDirectories'), directories, destination }),
]);
export type PermissionUpdate = z.output<typeof permissionUpdateSchema>;

/** `allow` may carry updatedInput (e.g. AskUserQuestion answers); only `deny` takes message/interrupt. */
export const permissionDecisionSchema = z.discriminatedUnion('behavior', [
  z.strictObject({
    behavior: z.literal('allow'),
    updatedInput: toolInput.optional(),
    updatedPermissions: z.array(permissionUpdateSchema).max(100).optional(),
  }),
  z.strictObject({
    behavior: z.literal('deny'),
    message: text.optional(),
    interrupt: z.boolean().optional(),
  }),
]);
export type PermissionDecision = z.output<typeof permissionDecisionSchema>;

/** The exact stdout of a PermissionRequest hook that decides. */
export function formatPermissionDecision(decision: PermissionDecision): string {
  const result = permissionDecisionSchema.safeParse(decision);
  if (!result.success) {
    throw new WingmanError('invalid_input', `Invalid permission decision: ${formatZodIssues(result.error)}`);
  }
  return JSON.stringify({ hookSpecificOutput: { hookEventName: 'PermissionRequest', decision: result.data } });
}

/**
 * "Always allow": Claude's permission_suggestions are the very updates its dialog's
 * "Yes, and always …" option applies, so they are handed back unchanged. Entries of a kind
 * this schema does not know are left out rather than sent back malformed.
 */
export function alwaysAllowPermissions(event: PermissionRequestEvent): PermissionUpdate[] {
  return (event.permission_suggestions ?? []).flatMap((suggestion) => {
    const parsed = permissionUpdateSchema.safeParse(suggestion);
    return parsed.success ? [parsed.data] : [];
  });
}
