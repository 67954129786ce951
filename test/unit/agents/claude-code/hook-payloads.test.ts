import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WingmanError } from '../../../../src/core/errors.js';
import { HOOK_EVENT_NAMES, isHookEventName, isOtherHookEvent, parseHookEvent, parseHookEventIfKnown } from '../../../../src/agents/claude-code/hook-events.js';
import { buildHookSettings } from '../../../../src/agents/claude-code/hook-settings.js';
import { OLDEST_SUPPORTED } from '../../../../src/agents/claude-code/versions.js';
import { decodeHookMessage, decodeOtherHookMessage, encodeHookMessage } from '../../../../src/core/hook-protocol.js';
import { readRecentHookEvents } from '../../../../src/adapters/store/hook-event-log.js';
import { buildHookTimeline } from '../../../../src/core/status/hook-timeline.js';
import { deriveSessionState } from '../../../../src/core/status/derive-state.js';
import { allHookPayloads, FIXTURE_VERSIONS, hookPayloads, validHookEvents, type Payload } from '../../../support/claude-fixtures.js';
import { makeTempDir, removeDir } from '../../../support/temp-dir.js';

const known = (payload: Payload) => isHookEventName(payload.hook_event_name);
const named = (payload: Payload) => `${String(payload.hook_event_name)}${payload.tool_name ? `:${String(payload.tool_name)}` : ''}${payload.notification_type ? `:${String(payload.notification_type)}` : ''}`;

describe.each(FIXTURE_VERSIONS)('real hook payloads of Claude Code %s', (version) => {
  const payloads = allHookPayloads(version);
  const byEvent = hookPayloads(version);

  it('were recorded for every event wingman registers', () => {
    expect(HOOK_EVENT_NAMES.filter((name) => !byEvent[name])).toEqual([]);
  });

  it.each(payloads.filter(known).map((payload) => [named(payload), payload] as const))('%s parses with every field kept', (_, payload) => {
    expect(parseHookEvent(structuredClone(payload))).toEqual(payload);
    expect(parseHookEventIfKnown(structuredClone(payload))).toEqual(payload);
  });

  it.each(payloads.filter((payload) => !known(payload)).map((payload) => [named(payload), payload] as const))('%s is an event wingman ignores', (_, payload) => {
    expect(isOtherHookEvent(payload)).toBe(true);
    expect(parseHookEventIfKnown(payload)).toBeUndefined();
    expect(() => parseHookEvent(payload)).toThrow(WingmanError); // still not taken for an event wingman reads
  });

  it('keeps whatever notification_type it brings', () => {
    const types = byEvent.Notification!.map((payload) => payload.notification_type);
    expect(types).toEqual(expect.arrayContaining(['permission_prompt', 'idle_prompt']));
    for (const payload of byEvent.Notification!) expect(parseHookEvent(payload)).toMatchObject({ notification_type: payload.notification_type, message: payload.message });
  });

  it('every event wingman registers is one this version accepts in --settings', () => {
    const valid = validHookEvents(version);
    expect(HOOK_EVENT_NAMES.filter((name) => !valid.includes(name))).toEqual([]);
    const settings = buildHookSettings({ nodeBinary: '/usr/bin/node', forwarderPath: '/opt/wingman/hook-forwarder.js' });
    expect(Object.keys(settings.hooks).filter((name) => !valid.includes(name))).toEqual([]);
  });

  it('as hook messages: known events decode, the others decode as ignorable only', () => {
    for (const payload of payloads) {
      const line = JSON.stringify({ type: 'hook', session: 'api-fix', secret: 's3cret', event: payload, receivedAt: 1 });
      if (known(payload)) {
        expect(decodeHookMessage(line).event).toEqual(payload);
        expect(decodeOtherHookMessage(line)).toBeUndefined();
      } else {
        expect(() => decodeHookMessage(line)).toThrow(WingmanError);
        expect(decodeOtherHookMessage(line)?.event).toEqual(payload);
      }
    }
    expect(() => encodeHookMessage({ type: 'hook', session: 'api-fix', secret: 's3cret', event: payloads.find(known) as never, receivedAt: 1 })).not.toThrow();
  });

  it('folded into a timeline in recording order, the newer events change nothing', () => {
    const events = payloads.flatMap((payload, index) => {
      const event = parseHookEventIfKnown(payload);
      return event ? [{ atMs: index, event }] : [];
    });
    const timeline = buildHookTimeline(events);
    expect(timeline.lastEvent && HOOK_EVENT_NAMES.includes(timeline.lastEvent.name)).toBe(true);
    expect(timeline.transcriptPath).toMatch(/\/\.claude\/projects\/.*\.jsonl$/);
    expect(timeline.lastAnswer).toBe(byEvent.Stop!.at(-1)!.last_assistant_message);
    expect(deriveSessionState({ nowMs: payloads.length, alive: true, hooks: timeline }).state).not.toBe('unknown');
  });
});

describe('Claude Code 2.1.332 newer payloads', () => {
  const byEvent = hookPayloads('2.1.332');

  it('brings the auto-mode Notification type agent_needs_input, kept as free text', () => {
    const needs = byEvent.Notification!.find((payload) => payload.notification_type === 'agent_needs_input');
    expect(needs).toBeDefined();
    expect(parseHookEvent(needs)).toMatchObject({ hook_event_name: 'Notification', notification_type: 'agent_needs_input' });
  });

  it('fires MessageDisplay and PostToolBatch, which wingman does not register', () => {
    expect(byEvent.MessageDisplay?.length).toBeGreaterThan(0);
    expect(byEvent.PostToolBatch?.length).toBeGreaterThan(0);
    expect(HOOK_EVENT_NAMES).not.toContain('MessageDisplay');
    expect(HOOK_EVENT_NAMES).not.toContain('PostToolBatch');
  });

  it(`knows events ${OLDEST_SUPPORTED} does not: registering them would stop ${OLDEST_SUPPORTED} at a Settings Warning`, () => {
    const newer = validHookEvents('2.1.332').filter((name) => !validHookEvents(OLDEST_SUPPORTED).includes(name));
    expect(newer).toEqual(expect.arrayContaining(['PreModelSwitch', 'PostModelSwitch', 'DirectoryAdded', 'PreSkillShellCommand']));
    expect(HOOK_EVENT_NAMES.filter((name) => newer.includes(name))).toEqual([]);
  });
});

describe('isOtherHookEvent', () => {
  it.each([
    [{ hook_event_name: 'MessageDisplay', session_id: 's' }, true],
    [{ hook_event_name: 'SomethingNew2', session_id: 's' }, false],
    [{ hook_event_name: 'Stop', session_id: 's' }, false],
    [{ hook_event_name: '__proto__', session_id: 's' }, false],
    [{ hook_event_name: 'toString', session_id: 's' }, false],
    [{ hook_event_name: 'MessageDisplay' }, false],
    [{ hook_event_name: 'X'.repeat(65), session_id: 's' }, false],
    [null, false],
    [['MessageDisplay'], false],
  ])('%j → %s', (json, expected) => {
    expect(isOtherHookEvent(json)).toBe(expected);
  });

  it('a malformed known event is still an error, not ignored', () => {
    expect(() => parseHookEventIfKnown({ hook_event_name: 'PermissionRequest', session_id: 's' })).toThrow(/Invalid PermissionRequest hook event/);
  });
});

describe('the events log with every real payload of every version', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await makeTempDir('wingman-events-');
  });
  afterEach(async () => {
    await removeDir(dir);
  });

  it('reads the events wingman knows and skips the rest quietly', async () => {
    const file = path.join(dir, 'events.jsonl');
    const payloads = FIXTURE_VERSIONS.flatMap((version) => allHookPayloads(version));
    await fs.writeFile(file, payloads.map((event, index) => `${JSON.stringify({ at: index + 1, event })}\n`).join(''));
    const events = await readRecentHookEvents(file);
    expect(events.map(({ event }) => event)).toEqual(payloads.filter(known));
    expect(() => buildHookTimeline(events)).not.toThrow();
  });
});
