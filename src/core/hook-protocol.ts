import { z } from 'zod';
import { WingmanError } from './errors.js';
import { hookEventSchema, isOtherHookEvent, permissionDecisionSchema } from '../agents/claude-code/hook-events.js';
import { isValidSessionName } from './session-name.js';
import { formatZodIssues } from './zod-errors.js';
import { MAX_LINE_BYTES } from './line-buffer.js';

/**
 * Newline-delimited JSON between the hook programs and wingman's hook server over a unix socket.
 * The forwarder sends one `hook` line; the server answers one line (`ack` for plain events;
 * `decision` or `fallback` for a PermissionRequest) and closes. The MCP hook server keeps one
 * connection per session instead (the channel, below).
 *
 * src/hook/hook-forwarder.ts speaks this without importing it (zod costs ~120 ms of startup on
 * every tool call), so a change here must be mirrored there.
 */

export { LineBuffer, MAX_LINE_BYTES } from './line-buffer.js';

export const hookMessageSchema = z.strictObject({
  type: z.literal('hook'),
  session: z.string().refine(isValidSessionName, { message: 'not a valid session name' }),
  secret: z.string().min(1).max(1024),
  event: hookEventSchema,
  /** Epoch ms when the forwarder read the event from Claude. */
  receivedAt: z.number().int().nonnegative(),
});
export type HookMessage = z.output<typeof hookMessageSchema>;
/** What a forwarder may send: the event is still raw JSON until the server checks it. */
export type HookMessageInput = z.input<typeof hookMessageSchema>;

export const serverMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('decision'), decision: permissionDecisionSchema }),
  /** No decision: let Claude's own dialog take the answer. */
  z.strictObject({ type: z.literal('fallback') }),
  z.strictObject({ type: z.literal('ack') }),
]);
export type ServerMessage = z.output<typeof serverMessageSchema>;

function encode<S extends z.ZodType>(schema: S, what: string, message: z.input<S>): string {
  const result = schema.safeParse(message);
  if (!result.success) throw new WingmanError('invalid_input', `Invalid ${what}: ${formatZodIssues(result.error)}`);
  const line = `${JSON.stringify(result.data)}\n`;
  if (Buffer.byteLength(line, 'utf8') > MAX_LINE_BYTES) {
    throw new WingmanError('invalid_input', `Invalid ${what}: larger than ${MAX_LINE_BYTES} bytes.`);
  }
  return line;
}

function decode<S extends z.ZodType>(schema: S, what: string, line: string | Buffer): z.output<S> {
  const bytes = typeof line === 'string' ? Buffer.byteLength(line, 'utf8') : line.length;
  if (bytes > MAX_LINE_BYTES) throw new WingmanError('invalid_input', `Invalid ${what}: larger than ${MAX_LINE_BYTES} bytes.`);
  let json: unknown;
  try {
    json = JSON.parse(typeof line === 'string' ? line : line.toString('utf8'));
  } catch {
    throw new WingmanError('invalid_input', `Invalid ${what}: not JSON.`);
  }
  return check(schema, what, json);
}

function check<S extends z.ZodType>(schema: S, what: string, json: unknown): z.output<S> {
  const result = schema.safeParse(json);
  if (!result.success) throw new WingmanError('invalid_input', `Invalid ${what}: ${formatZodIssues(result.error)}`);
  return result.data;
}

export const encodeHookMessage = (message: HookMessageInput): string => encode(hookMessageSchema, 'hook message', message);
export const decodeHookMessage = (line: string | Buffer): HookMessage => decode(hookMessageSchema, 'hook message', line);
/**
 * A hook line for an event wingman does not read (a newer Claude Code's MessageDisplay, …): still
 * authenticated, then acked and dropped, never answered with an error.
 */
export const otherHookMessageSchema = hookMessageSchema.extend({
  event: z.looseObject({ hook_event_name: z.string(), session_id: z.string() }).refine(isOtherHookEvent, { message: 'not an event wingman ignores' }),
});
export type OtherHookMessage = z.output<typeof otherHookMessageSchema>;

/** The line as an ignorable event's message, or undefined when it is not one. */
export function decodeOtherHookMessage(line: string | Buffer): OtherHookMessage | undefined {
  try {
    return decode(otherHookMessageSchema, 'hook message', line);
  } catch {
    return undefined;
  }
}
export const encodeServerMessage = (message: ServerMessage): string => encode(serverMessageSchema, 'server message', message);

/**
 * The MCP hook server's one long-lived connection (src/hook/hook-mcp-server.ts): an `attach` line
 * with the session and its secret, then any number of `hook` lines tagged with an id (no session
 * or secret: the attach said them) and `cancel` lines when Claude gives up on a call. The server
 * answers only PermissionRequests, with `reply` lines carrying the id; plain events are not
 * acked (the stream keeps them in order and the MCP server returns to Claude at once).
 */
export const attachMessageSchema = z.strictObject({
  type: z.literal('attach'),
  session: hookMessageSchema.shape.session,
  secret: hookMessageSchema.shape.secret,
});
export type AttachMessage = z.output<typeof attachMessageSchema>;

const callId = z.number().int().nonnegative();
/** A channel line after the attach; `event` stays raw until it is checked as a hook message. */
export const channelMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('hook'), id: callId, event: z.unknown(), receivedAt: hookMessageSchema.shape.receivedAt }),
  z.strictObject({ type: z.literal('cancel'), id: callId }),
]);
export type ChannelMessage = z.output<typeof channelMessageSchema>;
export type ChannelHookLine = Extract<ChannelMessage, { type: 'hook' }>;

export const channelReplySchema = z.strictObject({ type: z.literal('reply'), id: callId, message: serverMessageSchema });
export type ChannelReply = z.output<typeof channelReplySchema>;

export const decodeAttachMessage = (line: string | Buffer): AttachMessage => decode(attachMessageSchema, 'attach message', line);
export const decodeChannelMessage = (line: string | Buffer): ChannelMessage => decode(channelMessageSchema, 'channel message', line);
export const encodeChannelReply = (reply: ChannelReply): string => encode(channelReplySchema, 'channel reply', reply);
export const decodeChannelReply = (line: string | Buffer): ChannelReply => decode(channelReplySchema, 'channel reply', line);
/** The hook message a channel line stands for, checked exactly as a forwarder's line would be. */
export function hookMessageFromChannel(attach: AttachMessage, line: ChannelHookLine): HookMessage {
  return check(hookMessageSchema, 'hook message', asHookMessage(attach, line));
}
/** As hookMessageFromChannel, for an event wingman does not read; undefined when it is not one. */
export function otherHookMessageFromChannel(attach: AttachMessage, line: ChannelHookLine): OtherHookMessage | undefined {
  const result = otherHookMessageSchema.safeParse(asHookMessage(attach, line));
  return result.success ? result.data : undefined;
}

const asHookMessage = (attach: AttachMessage, line: ChannelHookLine) => ({ type: 'hook', session: attach.session, secret: attach.secret, event: line.event, receivedAt: line.receivedAt });
export const decodeServerMessage = (line: string | Buffer): ServerMessage => decode(serverMessageSchema, 'server message', line);
