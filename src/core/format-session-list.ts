import { renderTable } from './format-table.js';
import type { SessionRecord } from './session-record.js';
import type { SessionState } from './session-state.js';
import { formatAge } from './format-time.js';

export const STATE_ICONS: Record<SessionState, string> = {
  starting: '⏳',
  working: '⚙️',
  idle: '💤',
  waiting_approval: '🔒',
  waiting_trust: '🔐',
  waiting_answer: '❓',
  error: '❌',
  exited: '⏹️',
  unknown: '❔',
};

/** A worktree's branch with `*` when it has uncommitted changes (git's prompt mark); empty without a worktree. */
export function formatBranch(branch: string | undefined, dirty: boolean | undefined): string {
  return branch === undefined ? '' : `${branch}${dirty ? '*' : ''}`;
}

/** A plain-text table: NAME, STATE, AGE, LAST ACTIVITY, DIRECTORY (and BRANCH once a session has a worktree). */
export function formatSessionTable(sessions: ReadonlyArray<SessionRecord & { status?: { dirty?: boolean | undefined } }>, nowMs: number): string {
  if (sessions.length === 0) return 'No sessions.';
  const branches = sessions.some((session) => session.worktree);
  const rows = sessions.map((session) => [
    session.name,
    `${STATE_ICONS[session.state]} ${session.state}`,
    formatAge(session.createdAt, nowMs),
    `${formatAge(session.lastActivityAt, nowMs)} ago`,
    ...(branches ? [formatBranch(session.worktree?.branch, session.status?.dirty)] : []),
    session.workdir,
  ]);
  return renderTable(['NAME', 'STATE', 'AGE', 'LAST ACTIVITY', ...(branches ? ['BRANCH'] : []), 'DIRECTORY'], rows).join('\n');
}
