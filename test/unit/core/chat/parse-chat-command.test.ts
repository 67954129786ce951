import { describe, expect, it } from 'vitest';
import { parseChatCommand, requiresOwner } from '../../../../src/core/chat/parse-chat-command.js';
import { idDigits, isOwner, isToolRequesterOwner, ownerIds } from '../../../../src/core/chat/owner.js';

describe('parseChatCommand', () => {
  it.each([
    ['approve vsr-bugfix', { kind: 'answer', decision: 'approve', session: 'vsr-bugfix', id: undefined }],
    ['APPROVE vsr-bugfix K3F9', { kind: 'answer', decision: 'approve', session: 'vsr-bugfix', id: 'k3f9' }],
    ['  /always   api.v2  ', { kind: 'answer', decision: 'always', session: 'api.v2', id: undefined }],
    ['Deny x abcd', { kind: 'answer', decision: 'deny', session: 'x', id: 'abcd' }],
    ['trust docs', { kind: 'trust', session: 'docs' }],
    ['sessions', { kind: 'sessions' }],
    ['/Status', { kind: 'sessions' }],
    ['status vsr-bugfix', { kind: 'status', session: 'vsr-bugfix' }],
  ])('%j → %j', (text, command) => {
    expect(parseChatCommand(text)).toEqual({ ok: true, command });
  });

  it.each(['hello there', 'can you approve my PR?', 'approved', 'status of the build is what?', 'sessions are great', '', '   ', '/help'])('leaves %j to the assistant', (text) => {
    expect(parseChatCommand(text)).toBeUndefined();
  });

  it.each([
    ['approve', 'Usage: approve NAME [ID]'],
    ['deny a b c', 'Usage: deny NAME [ID]'],
    ['trust', 'Usage: trust NAME'],
  ])('answers %j with usage', (text, reason) => {
    expect(parseChatCommand(text)).toEqual({ ok: false, reason });
  });

  it('marks answers and trust as owner-only', () => {
    expect(requiresOwner({ kind: 'answer', decision: 'approve', session: 'a' })).toBe(true);
    expect(requiresOwner({ kind: 'trust', session: 'a' })).toBe(true);
    expect(requiresOwner({ kind: 'sessions' })).toBe(false);
    expect(requiresOwner({ kind: 'status', session: 'a' })).toBe(false);
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
