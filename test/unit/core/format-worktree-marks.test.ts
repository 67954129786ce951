import { describe, expect, it } from 'vitest';
import { formatBranch, formatSessionTable } from '../../../src/core/format-session-list.js';
import { formatDashboard, formatSessionStatus } from '../../../src/core/format-status.js';
import { formatSpawnOutcome } from '../../../src/core/format-replies.js';
import type { SessionRecord } from '../../../src/core/session-record.js';
import type { SessionStatus } from '../../../src/core/status/session-status.js';

const now = Date.parse('2026-11-24T10:00:00Z');
const worktree = { repo: '/code/vsr', path: '/code/vsr.wingman/fix', branch: 'wingman/fix', base: 'main', baseCommit: 'a'.repeat(40), ownsBranch: true };
const plain: SessionRecord = { name: 'plain', agent: 'claude', workdir: '/code/vsr', tmuxSession: 'plain', createdAt: '2026-11-24T09:00:00.000Z', lastActivityAt: '2026-11-24T09:59:30.000Z', state: 'idle' };
const withWorktree: SessionRecord = { ...plain, name: 'fix', tmuxSession: 'fix', workdir: worktree.path, worktree };
const status = (extra: Partial<SessionStatus>): SessionStatus => ({ name: 'fix', state: 'idle', directory: worktree.path, started: plain.createdAt, lastActivity: plain.lastActivityAt, tmuxSession: 'fix', source: 'screen', ...extra });

describe('branch and dirty marks', () => {
  it('marks a branch with uncommitted changes with *', () => {
    expect(formatBranch('wingman/fix', true)).toBe('wingman/fix*');
    expect(formatBranch('wingman/fix', false)).toBe('wingman/fix');
    expect(formatBranch('wingman/fix', undefined)).toBe('wingman/fix');
    expect(formatBranch(undefined, true)).toBe('');
  });

  it('list: a BRANCH column once a session has a worktree, the table as before otherwise', () => {
    expect(formatSessionTable([plain], now).split('\n')[0]).toBe('NAME   STATE    AGE  LAST ACTIVITY  DIRECTORY');
    expect(formatSessionTable([plain, { ...withWorktree, status: { dirty: true } }], now).split('\n')).toEqual([
      'NAME   STATE    AGE  LAST ACTIVITY  BRANCH        DIRECTORY',
      'plain  💤 idle  1h   30s ago                      /code/vsr',
      'fix    💤 idle  1h   30s ago        wingman/fix*  /code/vsr.wingman/fix',
    ]);
  });

  it('dashboard: the same column; status: a Branch line saying clean or uncommitted changes', () => {
    expect(formatDashboard([status({ branch: 'wingman/fix', dirty: false })], now).split('\n')[1]).toBe('fix      💤 idle  1h   30s ago        wingman/fix  /code/vsr.wingman/fix');
    expect(formatDashboard([status({})], now).split('\n')[0]).toBe('SESSION  STATUS   AGE  LAST ACTIVITY  DIRECTORY');
    expect(formatSessionStatus(status({ branch: 'wingman/fix', worktree: worktree.path, dirty: true }), now).split('\n')[3]).toBe('Branch: wingman/fix* (uncommitted changes) · worktree /code/vsr.wingman/fix');
    expect(formatSessionStatus(status({ branch: 'wingman/fix', worktree: worktree.path, dirty: false }), now).split('\n')[3]).toBe('Branch: wingman/fix (clean) · worktree /code/vsr.wingman/fix');
    expect(formatSessionStatus(status({}), now)).not.toContain('Branch:');
  });

  it('spawn names the branch, the repository, the base and the files copied', () => {
    expect(formatSpawnOutcome({ action: 'spawned', trust: 'accepted', session: withWorktree, copied: ['.env', 'a', 'b', 'c'] })).toBe(
      "✓ Session 'fix' started in /code/vsr.wingman/fix on branch wingman/fix (a worktree of /code/vsr from main; copied .env, a, b and 1 more). It is ready for a prompt.",
    );
    expect(formatSpawnOutcome({ action: 'spawned', trust: 'waiting', session: withWorktree })).toBe(
      "🔐 Session 'fix' started in /code/vsr.wingman/fix on branch wingman/fix (a worktree of /code/vsr from main) and asks whether to trust that folder. Reply: trust fix",
    );
  });
});
