import { describe, expect, it } from 'vitest';
import { parseChatCommand, requiresOwner } from '../../../../src/core/chat/parse-chat-command.js';
import { idDigits, isOwner, isToolRequesterOwner, ownerIds } from '../../../../src/core/chat/owner.js';

describe('parseChatCommand', () => {
  it.each([
    ['approve vsr-bugfix', { kind: 'decision', decision: 'approve', session: 'vsr-bugfix', id: undefined }],
    ['APPROVE vsr-bugfix K3F9', { kind: 'decision', decision: 'approve', session: 'vsr-bugfix', id: 'k3f9' }],
    ['  /always   api.v2  ', { kind: 'decision', decision: 'always', session: 'api.v2', id: undefined }],
    ['Deny x abcd', { kind: 'decision', decision: 'deny', session: 'x', id: 'abcd' }],
    ['trust docs', { kind: 'trust', session: 'docs' }],
    ['sessions', { kind: 'sessions' }],
    ['/Status', { kind: 'sessions' }],
    ['status vsr-bugfix', { kind: 'status', session: 'vsr-bugfix' }],
    ['deny api because use pnpm, not npm', { kind: 'decision', decision: 'deny', session: 'api', id: undefined, reason: 'use pnpm, not npm' }],
    ['deny api K3F9 because  Because\nof tests', { kind: 'decision', decision: 'deny', session: 'api', id: 'k3f9', reason: 'Because\nof tests' }],
    ['help', { kind: 'help' }],
    ['Wingman HELP', { kind: 'help' }],
  ])('%j → %j', (text, command) => {
    expect(parseChatCommand(text)).toEqual({ ok: true, command });
  });

  it.each([
    ['answer api 2', { kind: 'answer', session: 'api', choices: '2', id: undefined }],
    ['Answer api 1 3', { kind: 'answer', session: 'api', choices: '1 3', id: undefined }],
    ['answer api other: make it  teal', { kind: 'answer', session: 'api', choices: 'other: make it  teal', id: undefined }],
    ['answer api --id K3F9 Blue', { kind: 'answer', session: 'api', choices: 'Blue', id: 'k3f9' }],
    ['plan api', { kind: 'plan', session: 'api' }],
    ['/stop api', { kind: 'stop', session: 'api' }],
    ['tell api run the tests\nthen  commit', { kind: 'tell', session: 'api', prompt: 'run the tests\nthen  commit' }],
    ['tail api', { kind: 'tail', session: 'api', lines: 15 }],
    ['tail api 40', { kind: 'tail', session: 'api', lines: 40 }],
    ['diff api', { kind: 'diff', session: 'api' }],
  ])('%j → %j, only if the session is known', (text, command) => {
    expect(parseChatCommand(text)).toEqual({ ok: true, command, looseSession: 'api' });
  });

  it.each([
    ['stop worrying', 'worrying'],
    ['tell me a joke', 'me'],
    ['answer me this: why?', 'me'],
    ['plan my week', undefined],
    ['tail wind', 'wind'],
    ['diff erent', 'erent'],
  ])('everyday words %j wait on the known-session check (%j)', (text, session) => {
    const parsed = parseChatCommand(text);
    if (session === undefined) expect(parsed).toBeUndefined();
    else expect(parsed?.looseSession).toBe(session);
  });

  it.each(['stop', 'tell api', 'answer api', 'tail a b c', 'help me please', 'wingman', 'plan', 'diff a b'])('leaves incomplete everyday commands %j to the assistant', (text) => {
    expect(parseChatCommand(text)).toBeUndefined();
  });

  it('a bad line count is a usage reply, but only for a known session', () => {
    expect(parseChatCommand('tail api 0')).toEqual({ ok: false, reason: 'Usage: tail NAME [N] (N from 1 to 100)', looseSession: 'api' });
    expect(parseChatCommand('tail api lots')).toEqual({ ok: false, reason: 'Usage: tail NAME [N] (N from 1 to 100)', looseSession: 'api' });
  });

  it.each(['hello there', 'can you approve my PR?', 'approved', 'status of the build is what?', 'sessions are great', '', '   ', 'help me', '/help'])('leaves %j to the assistant', (text) => {
    expect(parseChatCommand(text)).toBeUndefined();
  });

  it.each([
    ['approve', 'Usage: approve NAME [ID]'],
    ['deny a b c', 'Usage: deny NAME [ID] [because REASON]'],
    ['deny because nope', 'Usage: deny NAME [ID] [because REASON]'],
    ['deny api because', 'Usage: deny NAME [ID] because REASON (the reason is what Claude should do instead)'],
    ['trust', 'Usage: trust NAME'],
  ])('answers %j with usage', (text, reason) => {
    expect(parseChatCommand(text)).toEqual({ ok: false, reason });
  });

  it('marks everything that changes a session or shows its code or output as owner-only, summaries as open', () => {
    expect(requiresOwner({ kind: 'decision', decision: 'approve', session: 'a' })).toBe(true);
    expect(requiresOwner({ kind: 'trust', session: 'a' })).toBe(true);
    for (const kind of ['stop', 'plan', 'tail', 'diff'] as const) expect(requiresOwner({ kind, session: 'a' })).toBe(true);
    expect(requiresOwner({ kind: 'answer', session: 'a', choices: '1' })).toBe(true);
    expect(requiresOwner({ kind: 'tell', session: 'a', prompt: 'x' })).toBe(true);
    expect(requiresOwner({ kind: 'sessions' })).toBe(false);
    expect(requiresOwner({ kind: 'status', session: 'a' })).toBe(false);
    expect(requiresOwner({ kind: 'help' })).toBe(false);
  });
});

describe('owner', () => {
  const config = { commands: { ownerAllowFrom: ['whatsapp:+15551234567', 'telegram:42'] }, channels: { whatsapp: { allowFrom: ['+15551234567', '+15552222222'] } } };

  it('normalises every id format OpenClaw uses', () => {
    for (const id of ['+15551234567', '15551234567', 'whatsapp:+15551234567', '15551234567@s.whatsapp.net']) expect(idDigits(id)).toBe('15551234567');
  });

  it('uses commands.ownerAllowFrom for the channel', () => {
    expect(ownerIds(config, 'whatsapp')).toEqual(['whatsapp:+15551234567']);
    expect(isOwner(config, 'whatsapp', '+15551234567')).toBe(true);
    expect(isOwner(config, 'whatsapp', '15551234567')).toBe(true);
    expect(isOwner(config, 'whatsapp', '+15552222222')).toBe(false);
    expect(isOwner(config, 'telegram', '42')).toBe(true);
  });

  it("falls back to the channel's allowFrom, never to '*', and refuses empty ids", () => {
    expect(isOwner({ channels: { whatsapp: { allowFrom: ['+15552222222'] } } }, 'whatsapp', '+15552222222')).toBe(true);
    expect(isOwner({ channels: { whatsapp: { allowFrom: ['*'] } } }, 'whatsapp', '+15559999999')).toBe(false);
    expect(isOwner({}, 'whatsapp', '+15551234567')).toBe(false);
    expect(isOwner(config, 'whatsapp', '')).toBe(false);
    expect(isOwner(config, 'whatsapp', undefined)).toBe(false);
  });

  it('decides who asked for a tool: the owner bit, else the same owner list; no sender is the operator', () => {
    expect(isToolRequesterOwner(config, { senderIsOwner: true, requesterSenderId: '+15552222222' })).toBe(true);
    expect(isToolRequesterOwner(config, { requesterSenderId: '+15551234567', messageChannel: 'whatsapp' })).toBe(true);
    expect(isToolRequesterOwner(config, { senderIsOwner: false, requesterSenderId: '+15551234567' })).toBe(true);
    expect(isToolRequesterOwner(config, { requesterSenderId: '+15552222222', messageChannel: 'whatsapp' })).toBe(false);
    expect(isToolRequesterOwner(config, { senderIsOwner: false, requesterSenderId: '+15552222222' })).toBe(false);
    expect(isToolRequesterOwner(config, { requesterSenderId: '42', messageChannel: 'telegram' })).toBe(true);
    expect(isToolRequesterOwner(config, { requesterSenderId: '42', messageChannel: 'whatsapp' })).toBe(false);
    expect(isToolRequesterOwner(config, {})).toBe(true);
    expect(isToolRequesterOwner(config, { senderIsOwner: false })).toBe(false);
  });
});
