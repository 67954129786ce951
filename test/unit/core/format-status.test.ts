import { describe, expect, it } from 'vitest';
import { formatDashboard, formatSessionStatus, formatTotals } from '../../../src/core/format-status.js';
import type { SessionStatus } from '../../../src/core/status/session-status.js';

const now = Date.parse('2026-11-24T10:00:00Z');
const base: SessionStatus = {
  name: 'vsr-bugfix',
  state: 'working',
  directory: '/code/vsr',
  started: '2026-11-24T09:00:00.000Z',
  lastActivity: '2026-11-24T09:59:30.000Z',
  tmuxSession: 'vsr-bugfix',
  source: 'hook',
};

describe('formatSessionStatus', () => {
  it('shows task, latest activity and progress', () => {
    const text = formatSessionStatus({ ...base, currentTask: 'Fix the date test', latestActivity: 'Running: npm test', progress: '8/10 passing' }, now);
    expect(text).toBe(
      ['⚙️ vsr-bugfix: working', 'Directory: /code/vsr', 'Started: 1h ago · Last activity: 30s ago', 'Task: Fix the date test', 'Latest: Running: npm test', 'Progress: 8/10 passing'].join('\n'),
    );
  });

  it('shows the pending prompt and its options', () => {
    const text = formatSessionStatus(
      { ...base, state: 'waiting_approval', pendingPrompt: { tool: 'Bash', detail: 'rm -rf ./build && npm run build', options: [{ key: '1', label: 'Yes', kind: 'yes' }, { key: '2', label: 'No', kind: 'no' }] } },
      now,
    );
    expect(text).toContain('Pending: `Bash(rm -rf ./build && npm run build)`');
    expect(text).toContain('Options: 1. Yes · 2. No');
  });

  it('shows the mode and the Claude Code release it runs, leaving out what an older record lacks', () => {
    const text = formatSessionStatus({ ...base, permissionMode: 'manual', claudeVersion: '2.1.332', renderer: 'fullscreen' }, now);
    expect(text.split('\n')[3]).toBe('Mode: manual · Claude Code 2.1.332 (fullscreen)');
    expect(formatSessionStatus({ ...base, permissionMode: 'auto' }, now).split('\n')[3]).toBe('Mode: auto');
    expect(formatSessionStatus({ ...base, claudeVersion: '2.1.197' }, now).split('\n')[3]).toBe('Claude Code 2.1.197');
    expect(formatSessionStatus(base, now)).not.toMatch(/Mode:|Claude Code/);
  });

  it('shows how the session’s hooks reach wingman', () => {
    const text = formatSessionStatus({ ...base, permissionMode: 'manual', claudeVersion: '2.1.332', renderer: 'fullscreen', hookTransport: 'mcp' }, now);
    expect(text.split('\n')[3]).toBe('Mode: manual · Claude Code 2.1.332 (fullscreen) · Hooks: mcp (MCP hook server)');
    expect(formatSessionStatus({ ...base, hookTransport: 'command' }, now).split('\n')[3]).toBe('Hooks: command (forwarder per event)');
  });

  it('shows the error of a failed turn', () => {
    expect(formatSessionStatus({ ...base, state: 'error', error: 'API Error: 500 Internal server error' }, now)).toContain('Error: API Error: 500 Internal server error');
  });
});

describe('formatDashboard and totals', () => {
  it('prints the totals line the way the product describes it', () => {
    const statuses: SessionStatus[] = [base, { ...base, name: 'b', state: 'waiting_approval' }, { ...base, name: 'c', state: 'error' }];
    expect(formatTotals(statuses)).toBe('Total: 3 sessions | Working: 1 | Waiting: 1 | Error: 1');
    expect(formatTotals([...statuses, { ...base, name: 'd', state: 'idle' }, { ...base, name: 'e', state: 'exited' }])).toBe(
      'Total: 5 sessions | Working: 1 | Waiting: 1 | Error: 1 | Idle: 1 | Exited: 1',
    );
  });

  it('aligns a table by display width and ends with the totals', () => {
    const lines = formatDashboard([base, { ...base, name: 'b', state: 'waiting_trust', directory: '/b' }], now).split('\n');
    expect(lines).toEqual([
      'SESSION     STATUS            AGE  LAST ACTIVITY  DIRECTORY',
      'vsr-bugfix  ⚙️ working        1h   30s ago        /code/vsr',
      'b           🔐 waiting_trust  1h   30s ago        /b',
      'Total: 2 sessions | Working: 1 | Waiting: 1 | Error: 0',
    ]);
  });

  it('says so when there are no sessions', () => {
    expect(formatDashboard([], now)).toBe('No sessions.\nTotal: 0 sessions');
  });
});
