import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { WingmanError } from '../../../src/core/errors.js';
import {
  decodeHookMessage,
  decodeServerMessage,
  encodeHookMessage,
  encodeServerMessage,
  LineBuffer,
  MAX_LINE_BYTES,
  type HookMessageInput,
  decodeAttachMessage,
  decodeChannelMessage,
  decodeChannelReply,
  encodeChannelReply,
  hookMessageFromChannel,
  otherHookMessageFromChannel,
} from '../../../src/core/hook-protocol.js';

const examplesFile = fileURLToPath(new URL('../../../../shared/claude-screens/hook-examples.json', import.meta.url));
const examples = JSON.parse(fs.readFileSync(examplesFile, 'utf8')) as Record<string, { stdin: Record<string, unknown> }>;

const hookMessage = (overrides: Partial<HookMessageInput> = {}): HookMessageInput => ({
  type: 'hook',
  session: 'api-fix',
  secret: 's3cret',
  event: structuredClone(examples['PermissionRequest:Bash']!.stdin) as HookMessageInput['event'],
  receivedAt: 1_795_485_058_042,
  ...overrides,
});

describe('hook messages (forwarder → server)', () => {
  it('round-trips as one newline-terminated line', () => {
    const line = encodeHookMessage(hookMessage());
    expect(line.endsWith('\n')).toBe(true);
    expect(line.indexOf('\n')).toBe(line.length - 1);
    expect(decodeHookMessage(line.trimEnd())).toEqual(hookMessage());
    expect(decodeHookMessage(Buffer.from(line.trimEnd()))).toEqual(hookMessage());
  });

  it('keeps embedded newlines inside one line', () => {
    const event = { ...structuredClone(examples.UserPromptSubmit!.stdin), prompt: 'two\nlines' } as HookMessageInput['event'];
    const line = encodeHookMessage(hookMessage({ event }));
    expect(line.split('\n')).toHaveLength(2);
    expect(decodeHookMessage(line.trimEnd()).event).toMatchObject({ prompt: 'two\nlines' });
  });

  it.each([
    ['not json', /Invalid hook message: not JSON/],
    ['{"type":"ack"}', /Invalid hook message: type: /],
    [JSON.stringify({ ...hookMessage(), secret: '' }), /secret: Too small/],
    [JSON.stringify({ ...hookMessage(), session: 'bad name\n' }), /session: not a valid session name/],
    [JSON.stringify({ ...hookMessage(), extra: 1 }), /Unrecognized key: "extra"/],
    [JSON.stringify({ ...hookMessage(), event: { hook_event_name: 'PermissionRequest' } }), /event\.session_id/],
    [JSON.stringify({ ...hookMessage(), receivedAt: -1 }), /receivedAt: Too small/],
  ])('rejects %s', (line, message) => {
    expect(() => decodeHookMessage(line)).toThrowError(message);
  });

  it('refuses lines over 1 MB both ways', () => {
    const huge = 'x'.repeat(MAX_LINE_BYTES + 1);
    expect(() => decodeHookMessage(huge)).toThrowError(/larger than 1048576 bytes/);
    expect(() => decodeHookMessage(Buffer.from(huge))).toThrowError(/larger than 1048576 bytes/);
    // Each extra field is within its own cap; together they are not.
    const extras = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`extra${i}`, 'y'.repeat(60 * 1024)]));
    const event = { ...structuredClone(examples.Stop!.stdin), ...extras } as HookMessageInput['event'];
    expect(() => encodeHookMessage(hookMessage({ event }))).toThrowError(/larger than 1048576 bytes/);
  });
});

describe('server messages (server → forwarder)', () => {
  it.each([
    { type: 'ack' as const },
    { type: 'fallback' as const },
    { type: 'decision' as const, decision: { behavior: 'allow' as const } },
    { type: 'decision' as const, decision: { behavior: 'deny' as const, message: 'no', interrupt: true } },
    {
      type: 'decision' as const,
      decision: { behavior: 'allow' as const, updatedPermissions: [{ type: 'setMode' as const, mode: 'acceptEdits' as const, destination: 'session' as const }] },
    },
  ])('round-trips %j', (message) => {
    const line = encodeServerMessage(message);
    expect(line).toBe(`${JSON.stringify(message)}\n`);
    expect(decodeServerMessage(line.trimEnd())).toEqual(message);
  });

  it('refuses malformed decisions before they reach Claude', () => {
    expect(() => encodeServerMessage({ type: 'decision', decision: { behavior: 'ask' } } as never)).toThrowError(/Invalid server message: decision\.behavior/);
    expect(() => decodeServerMessage('{"type":"decision"}')).toThrowError(/decision: /);
    expect(() => decodeServerMessage('{"type":"ack","secret":"x"}')).toThrowError(/Unrecognized key/);
  });
});

describe('LineBuffer', () => {
  it('joins lines split across chunks and splits several in one chunk', () => {
    const lines = new LineBuffer();
    expect(lines.push(Buffer.from('{"a":'))).toEqual([]);
    expect(lines.push(Buffer.from('1}\n{"b":2}\n{"c"'))).toEqual(['{"a":1}', '{"b":2}']);
    expect(lines.push(Buffer.from(':3}\n'))).toEqual(['{"c":3}']);
  });

  it('decodes a multi-byte character split between chunks', () => {
    const bytes = Buffer.from('héllo ❯\n');
    const lines = new LineBuffer();
    expect(lines.push(bytes.subarray(0, 2))).toEqual([]);
    expect(lines.push(bytes.subarray(2, 8))).toEqual([]);
    expect(lines.push(bytes.subarray(8))).toEqual(['héllo ❯']);
  });

  it('refuses a line longer than its cap, newline included', () => {
    expect(new LineBuffer(4).push(Buffer.from('abc\n'))).toEqual(['abc']);
    const lines = new LineBuffer(4);
    lines.push(Buffer.from('ab'));
    expect(() => lines.push(Buffer.from('cde'))).toThrowError(/Line longer than 4 bytes/);
  });
});

describe('the MCP hook server channel', () => {
  const attach = { type: 'attach' as const, session: 'api-fix', secret: 's3cret' };

  it('authenticates once with an attach line, then carries hook lines checked exactly like a forwarder message', () => {
    expect(decodeAttachMessage(JSON.stringify(attach))).toEqual(attach);
    expect(() => decodeAttachMessage(JSON.stringify({ ...attach, session: '../x' }))).toThrow(WingmanError);
    const event = { hook_event_name: 'Stop', session_id: 's', cwd: '/w', transcript_path: '/t' };
    const line = decodeChannelMessage(JSON.stringify({ type: 'hook', id: 3, event, receivedAt: 5 }));
    expect(line.type === 'hook' && hookMessageFromChannel(attach, line)).toMatchObject({ type: 'hook', session: 'api-fix', secret: 's3cret', receivedAt: 5, event });
    const bad = decodeChannelMessage(JSON.stringify({ type: 'hook', id: 4, event: { hook_event_name: 'Stop' }, receivedAt: 5 }));
    expect(() => bad.type === 'hook' && hookMessageFromChannel(attach, bad)).toThrow(WingmanError);
    const other = decodeChannelMessage(JSON.stringify({ type: 'hook', id: 5, event: { hook_event_name: 'MessageDisplay', session_id: 's' }, receivedAt: 5 }));
    expect(other.type === 'hook' && otherHookMessageFromChannel(attach, other)?.event).toMatchObject({ hook_event_name: 'MessageDisplay' });
  });

  it('takes cancels, refuses anything else, and tags replies with the call id', () => {
    expect(decodeChannelMessage('{"type":"cancel","id":7}')).toEqual({ type: 'cancel', id: 7 });
    expect(() => decodeChannelMessage('{"type":"control","id":7}')).toThrow(WingmanError);
    expect(() => decodeChannelMessage('{"type":"cancel","id":-1}')).toThrow(WingmanError);
    const reply = encodeChannelReply({ type: 'reply', id: 7, message: { type: 'decision', decision: { behavior: 'allow' } } });
    expect(reply).toBe('{"type":"reply","id":7,"message":{"type":"decision","decision":{"behavior":"allow"}}}\n');
    expect(decodeChannelReply(reply)).toEqual({ type: 'reply', id: 7, message: { type: 'decision', decision: { behavior: 'allow' } } });
    expect(() => encodeChannelReply({ type: 'reply', id: 7, message: { type: 'decision', decision: { behavior: 'maybe' } as never } })).toThrow(WingmanError);
  });
});

describe('LineBuffer.shift', () => {
  it('hands out the first line and keeps the rest of the chunk for drain()', () => {
    const lines = new LineBuffer();
    expect(lines.shift(Buffer.from('one\ntwo\nthr'))).toBe('one');
    expect(lines.drain()).toEqual(['two']);
    expect(lines.shift(Buffer.from('ee\n'))).toBe('three');
    expect(lines.drain()).toEqual([]);
  });
});
