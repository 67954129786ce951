import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseHookEvent } from '../../../../src/agents/claude-code/hook-events.js';
import { buildHookTimeline, type TimedHookEvent } from '../../../../src/core/status/hook-timeline.js';

const examples = JSON.parse(
  readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../shared/claude-screens/hook-examples.json'), 'utf8'),
) as Record<string, { stdin: unknown }>;
const at = (key: string, atMs: number): TimedHookEvent => ({ atMs, event: parseHookEvent(examples[key]!.stdin) });

describe('buildHookTimeline over real hook payloads', () => {
  it('follows a turn with an approved tool call to its end', () => {
    const timeline = buildHookTimeline([
      at('SessionStart', 1),
      at('UserPromptSubmit', 2),
      at('PreToolUse:Bash', 3),
      at('PermissionRequest:Bash', 4),
    ]);
    expect(timeline.openPermission).toMatchObject({ tool: 'Bash', input: { command: 'echo hello-from-tool > proof.txt' }, atMs: 4 });
    expect(timeline.lastPrompt).toEqual({ text: 'RUNTOOL always test', atMs: 2 });
    expect(timeline.claudeSessionId).toBe('c3449a95-49fb-4809-9e7e-092585d00f6f');

    const done = buildHookTimeline([at('UserPromptSubmit', 2), at('PermissionRequest:Bash', 4), at('PostToolUse:Bash', 5), at('Stop', 6)]);
    expect(done.openPermission).toBeUndefined();
    expect(done.lastEvent).toEqual({ name: 'Stop', atMs: 6 });
    expect(done.lastToolCall).toMatchObject({ tool: 'Bash' });
  });

  it('remembers an API-error ending until the next prompt', () => {
    const failed = buildHookTimeline([at('UserPromptSubmit', 1), at('StopFailure:server_error', 2)]);
    expect(failed.failure).toEqual({ error: 'server_error', message: 'API Error: Unable to connect to API (ConnectionRefused)', atMs: 2 });
    expect(buildHookTimeline([at('StopFailure:server_error', 2), at('UserPromptSubmit', 3)]).failure).toBeUndefined();
  });

  it('marks the session ended on SessionEnd and clears it on a new SessionStart', () => {
    expect(buildHookTimeline([at('SessionEnd:other', 5)]).ended).toEqual({ reason: 'other', atMs: 5 });
    expect(buildHookTimeline([at('SessionEnd:other', 5), at('SessionStart', 6)]).ended).toBeUndefined();
  });

  it('keeps the latest Bash output for test progress', () => {
    const event = parseHookEvent({ ...(examples['PostToolUse:Bash']!.stdin as object), tool_response: { stdout: 'Tests  8 passed | 2 failed (10)', stderr: '' } });
    expect(buildHookTimeline([{ atMs: 1, event }]).lastBashOutput).toBe('Tests  8 passed | 2 failed (10)');
  });

  it('is empty without events', () => {
    expect(buildHookTimeline([])).toEqual({});
  });
});
