import { renderTable } from './format-table.js';
import type { SessionStatus } from './status/session-status.js';
import type { SessionState } from './session-state.js';
import { formatAge } from './format-time.js';
import { formatBranch, STATE_ICONS } from './format-session-list.js';
import { inlineCode } from './notify/phone-markdown.js';

const WAITING: ReadonlySet<SessionState> = new Set(['waiting_approval', 'waiting_trust', 'waiting_answer']);

/** `wingman status NAME`: a few short lines, readable on a phone. */
export function formatSessionStatus(status: SessionStatus, nowMs: number): string {
  const lines = [
    `${STATE_ICONS[status.state]} ${status.name}: ${status.state}`,
    `Directory: ${status.directory}`,
    `Started: ${formatAge(status.started, nowMs)} ago · Last activity: ${formatAge(status.lastActivity, nowMs)} ago`,
  ];
  const runs = formatRuns(status);
  if (runs) lines.push(runs);
  if (status.branch) lines.push(`Branch: ${formatBranch(status.branch, status.dirty)}${status.dirty === undefined ? '' : status.dirty ? ' (uncommitted changes)' : ' (clean)'} · worktree ${status.worktree}`);
  if (status.currentTask) lines.push(`Task: ${oneLine(status.currentTask, 120)}`);
  if (status.latestActivity) lines.push(`Latest: ${status.latestActivity}`);
  if (status.progress) lines.push(`Progress: ${status.progress}`);
  if (status.lastAnswer) lines.push(`Last answer: ${oneLine(status.lastAnswer, 160)}`);
  if (status.error) lines.push(`Error: ${oneLine(status.error, 160)}`);
  if (status.pendingPrompt) {
    const { tool, detail, options } = status.pendingPrompt;
    lines.push(`Pending: ${inlineCode(`${tool}(${oneLine(detail, 120)})`)}`);
    if (options.length > 0) lines.push(`Options: ${options.map((option) => `${option.key}. ${option.label}`).join(' · ')}`);
  }
  return lines.join('\n');
}

/** `wingman dashboard`: one row a session, then the totals line. */
export function formatDashboard(statuses: readonly SessionStatus[], nowMs: number): string {
  if (statuses.length === 0) return 'No sessions.\nTotal: 0 sessions';
  const branches = statuses.some((status) => status.branch);
  const rows = statuses.map((status) => [
    status.name,
    `${STATE_ICONS[status.state]} ${status.state}`,
    formatAge(status.started, nowMs),
    `${formatAge(status.lastActivity, nowMs)} ago`,
    ...(branches ? [formatBranch(status.branch, status.dirty)] : []),
    status.directory,
  ]);
  return [...renderTable(['SESSION', 'STATUS', 'AGE', 'LAST ACTIVITY', ...(branches ? ['BRANCH'] : []), 'DIRECTORY'], rows), formatTotals(statuses)].join('\n');
}

/** `Total: 3 sessions | Working: 1 | Waiting: 1 | Error: 1` (+ Idle, Exited, Starting when present). */
export function formatTotals(statuses: readonly SessionStatus[]): string {
  const countOf = (test: (state: SessionState) => boolean) => statuses.filter((status) => test(status.state)).length;
  const parts = [
    `Total: ${statuses.length} session${statuses.length === 1 ? '' : 's'}`,
    `Working: ${countOf((state) => state === 'working')}`,
    `Waiting: ${countOf((state) => WAITING.has(state))}`,
    `Error: ${countOf((state) => state === 'error')}`,
  ];
  const optional: Array<[string, (state: SessionState) => boolean]> = [
    ['Idle', (state) => state === 'idle'],
    ['Starting', (state) => state === 'starting' || state === 'unknown'],
    ['Exited', (state) => state === 'exited'],
  ];
  for (const [label, test] of optional) {
    const value = countOf(test);
    if (value > 0) parts.push(`${label}: ${value}`);
  }
  return parts.join(' | ');
}

/** `Mode: manual · Claude Code 2.1.332 (fullscreen) · Hooks: mcp`; parts unknown for older records are left out. */
function formatRuns(status: SessionStatus): string | undefined {
  const parts = [
    status.permissionMode ? `Mode: ${status.permissionMode}` : undefined,
    status.claudeVersion ? `Claude Code ${status.claudeVersion}${status.renderer ? ` (${status.renderer})` : ''}` : undefined,
    status.hookTransport ? `Hooks: ${status.hookTransport === 'mcp' ? 'mcp (MCP hook server)' : 'command (forwarder per event)'}` : undefined,
  ].filter((part) => part !== undefined);
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
