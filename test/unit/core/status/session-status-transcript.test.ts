import { describe, expect, it } from 'vitest';
import type { TranscriptSummary } from '../../../../src/agents/claude-code/transcript.js';
import type { SessionRecord } from '../../../../src/core/session-record.js';
import type { HookTimeline } from '../../../../src/core/status/hook-timeline.js';
import { buildSessionStatus } from '../../../../src/core/status/session-status.js';
import { formatSessionStatus } from '../../../../src/core/format-status.js';

const record: SessionRecord = {
  name: 'vsr',
  agent: 'claude',
  workdir: '/code/vsr',
  tmuxSession: 'vsr',
  createdAt: '2026-01-01T00:00:00.000Z',
  lastActivityAt: '2026-01-01T00:00:00.000Z',
  lastPrompt: 'from the registry',
  state: 'idle',
};
const idle = { state: 'idle' as const, source: 'screen' as const };
const timeline: HookTimeline = {
  lastToolCall: { tool: 'Bash', input: { command: 'npm run lint' }, atMs: 1 },
  lastBashOutput: 'Tests  1 passed (1)',
  lastPrompt: { text: 'from the hooks', atMs: 1 },
  lastAnswer: 'Hook answer.',
};
const transcript: TranscriptSummary = {
  lastPrompt: 'from the transcript',
  latestActivity: 'Running: npm test',
  lastAnswer: 'All green.',
  bashOutputs: [' Tests  8 passed | 2 failed (10)', 'On branch main'],
};
const screen = ['● Bash(make)', ' Tests  5 passed (5)'];

describe('buildSessionStatus with a transcript', () => {
  it('takes task, activity, progress and answer from the transcript first', () => {
    expect(buildSessionStatus({ record, derived: idle, timeline, transcript, screenLines: screen })).toMatchObject({
      currentTask: 'from the transcript',
      latestActivity: 'Running: npm test',
      progress: '8/10 passing', // the latest test run, though a later Bash call printed none
      lastAnswer: 'All green.',
    });
  });

  it('falls back to the hooks, then the screen, field by field', () => {
    const empty: TranscriptSummary = { bashOutputs: [] };
    expect(buildSessionStatus({ record, derived: idle, timeline, transcript: empty, screenLines: screen })).toMatchObject({
      currentTask: 'from the hooks',
      latestActivity: 'Running: npm run lint',
      progress: '1/1 passing',
      lastAnswer: 'Hook answer.',
    });
    expect(buildSessionStatus({ record, derived: idle, screenLines: screen })).toMatchObject({
      currentTask: 'from the registry',
      latestActivity: 'Running: make',
      progress: '5/5 passing',
      lastAnswer: undefined,
    });
  });

  it('describes only the latest turn: a tool call hooked before the latest prompt or a previous answer on screen does not count', () => {
    const fresh: TranscriptSummary = { lastPrompt: 'SLOW new task', bashOutputs: [] };
    const later: HookTimeline = { ...timeline, lastPrompt: { text: 'SLOW new task', atMs: 5 } };
    const screenBefore = ['❯ earlier task', '● Bash(make)', '● Done earlier.', '', '❯ SLOW new task', '', '✶ Pondering… (1s)'];
    expect(buildSessionStatus({ record, derived: idle, timeline: later, transcript: fresh, screenLines: screenBefore }).latestActivity).toBeUndefined();
    expect(buildSessionStatus({ record, derived: idle, timeline: { ...later, lastToolCall: { tool: 'Bash', input: { command: 'npm test' }, atMs: 6 } }, transcript: fresh }).latestActivity).toBe('Running: npm test');
  });

  it('a pending approval still names the waiting call', () => {
    const waiting = { state: 'waiting_approval' as const, source: 'screen' as const, prompt: { tool: 'Bash', detail: 'rm -rf build', options: [] } };
    expect(buildSessionStatus({ record, derived: waiting, transcript }).latestActivity).toBe('Waiting for approval: Bash(rm -rf build)');
  });
});

describe('formatSessionStatus', () => {
  it('shows the last answer on one short line', () => {
    const status = buildSessionStatus({ record, derived: idle, transcript: { ...transcript, lastAnswer: `Done.\n\n${'All tests pass. '.repeat(20)}` } });
    const line = formatSessionStatus(status, Date.parse(record.createdAt)).split('\n').find((text) => text.startsWith('Last answer: '));
    expect(line).toMatch(/^Last answer: Done\. All tests pass\. .*…$/);
    expect(line!.length).toBeLessThanOrEqual('Last answer: '.length + 160);
  });
});
