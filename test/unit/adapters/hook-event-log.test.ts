import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readRecentHookEvents } from '../../../src/adapters/store/hook-event-log.js';
import { buildHookTimeline } from '../../../src/core/status/hook-timeline.js';
import { deriveSessionState } from '../../../src/core/status/derive-state.js';
import { appendHookDecision, appendHookEvent } from '../../../src/hook/events-file.js';
import { hookPayloads } from '../../support/claude-fixtures.js';
import { makeTempDir, removeDir } from '../../support/temp-dir.js';

/** The MCP hook server logs the decisions it returned next to the events; status must not see them. */
describe('decision lines in the events log', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await makeTempDir('wingman-events-');
  });
  afterEach(async () => {
    await removeDir(dir);
  });

  const events = ['UserPromptSubmit', 'PreToolUse', 'PermissionRequest', 'PostToolUse', 'Stop'].map((name) => hookPayloads('2.1.332')[name]![0]!);

  async function write(file: string, withDecisions: boolean): Promise<void> {
    events.forEach((event, index) => {
      appendHookEvent(file, event, 1_000 + index * 10);
      if (withDecisions && event.hook_event_name === 'PermissionRequest') {
        appendHookDecision(file, { hook_event_name: 'PermissionRequest', tool_name: 'Bash', behavior: 'allow' }, 1_000 + index * 10, 1_000 + index * 10 + 5);
      }
    });
    await fs.access(file);
  }

  it('are written as {at, requestAt, decision}', async () => {
    const file = path.join(dir, 'events.jsonl');
    appendHookDecision(file, { hook_event_name: 'PermissionRequest', tool_name: 'Bash', behavior: 'deny' }, 41, 42);
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toEqual({ at: 42, requestAt: 41, decision: { hook_event_name: 'PermissionRequest', tool_name: 'Bash', behavior: 'deny' } });
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
  });

  it('are skipped by readRecentHookEvents, and the timeline and state are those without them', async () => {
    const plain = path.join(dir, 'plain.jsonl');
    const mixed = path.join(dir, 'mixed.jsonl');
    await write(plain, false);
    await write(mixed, true);
    expect((await fs.readFile(mixed, 'utf8')).trim().split('\n')).toHaveLength(events.length + 1);
    const read = await readRecentHookEvents(mixed);
    expect(read).toEqual(await readRecentHookEvents(plain));
    expect(read.map(({ event }) => event.hook_event_name)).toEqual(events.map((event) => event.hook_event_name));
    const timeline = buildHookTimeline(read);
    expect(timeline).toEqual(buildHookTimeline(await readRecentHookEvents(plain)));
    expect(deriveSessionState({ nowMs: 2_000, alive: true, hooks: timeline })).toEqual(deriveSessionState({ nowMs: 2_000, alive: true, hooks: buildHookTimeline(await readRecentHookEvents(plain)) }));
  });

  it('never throw, even when the file cannot be written', () => {
    expect(() => appendHookDecision(path.join(dir, 'missing', 'events.jsonl'), { hook_event_name: 'PermissionRequest', behavior: 'allow' }, 1)).not.toThrow();
    expect(() => appendHookDecision(undefined, { hook_event_name: 'PermissionRequest', behavior: 'allow' }, 1)).not.toThrow();
  });
});
