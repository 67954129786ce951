import { describe, expect, it } from 'vitest';
import { formatAge } from '../../../src/core/format-time.js';
import { formatSessionTable } from '../../../src/core/format-session-list.js';
import { formatSpawnOutcome } from '../../../src/core/format-replies.js';
import type { SessionRecord } from '../../../src/core/session-record.js';

const now = Date.parse('2026-11-24T10:00:00Z');
const session: SessionRecord = {
  name: 'vsr-bugfix',
  agent: 'claude',
  workdir: '/code/vsr',
  tmuxSession: 'vsr-bugfix',
  createdAt: '2026-11-24T09:00:00.000Z',
  lastActivityAt: '2026-11-24T09:59:30.000Z',
  state: 'working',
};

describe('formatAge', () => {
  it.each([
    [0, '0s'],
    [59_000, '59s'],
    [60_000, '1m'],
    [3_599_000, '59m'],
    [3_600_000, '1h'],
    [47 * 3_600_000, '47h'],
    [48 * 3_600_000, '2d'],
    [-5_000, '0s'],
  ])('%d ms → %s', (elapsed, expected) => {
    expect(formatAge(new Date(now - elapsed).toISOString(), now)).toBe(expected);
  });
});

describe('formatSessionTable', () => {
  it('says so when there are no sessions', () => {
    expect(formatSessionTable([], now)).toBe('No sessions.');
  });

  it('aligns columns and shows the state with its icon', () => {
    const table = formatSessionTable([session, { ...session, name: 'b', state: 'waiting_approval', workdir: '/b' }], now);
    expect(table.split('\n')).toEqual([
      'NAME        STATE                AGE  LAST ACTIVITY  DIRECTORY',
      'vsr-bugfix  ⚙️ working           1h   30s ago        /code/vsr',
      'b           🔒 waiting_approval  1h   30s ago        /b',
    ]);
  });
});

describe('formatSpawnOutcome', () => {
  it('covers started, sent to an existing session, and waiting for trust', () => {
    expect(formatSpawnOutcome({ action: 'spawned', trust: 'accepted', session: { ...session, lastPrompt: 'x' } })).toBe(
      "✓ Session 'vsr-bugfix' started in /code/vsr. The task was submitted.",
    );
    expect(formatSpawnOutcome({ action: 'spawned', trust: 'not_asked', session })).toBe("✓ Session 'vsr-bugfix' started in /code/vsr. It is ready for a prompt.");
    expect(formatSpawnOutcome({ action: 'sent', trust: 'not_asked', session })).toBe("✓ Session 'vsr-bugfix' was already running; the prompt was sent to it.");
    expect(formatSpawnOutcome({ action: 'spawned', trust: 'waiting', session })).toBe(
      "🔐 Session 'vsr-bugfix' started in /code/vsr and asks whether to trust that folder. Reply: trust vsr-bugfix",
    );
  });
});
