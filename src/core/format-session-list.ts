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

/** A plain-text table: NAME, STATE, AGE, LAST ACTIVITY, DIRECTORY. */
export function formatSessionTable(sessions: readonly SessionRecord[], nowMs: number): string {
  if (sessions.length === 0) return 'No sessions.';
  const rows = sessions.map((session) => [
    session.name,
    `${STATE_ICONS[session.state]} ${session.state}`,
    formatAge(session.createdAt, nowMs),
    `${formatAge(session.lastActivityAt, nowMs)} ago`,
    session.workdir,
  ]);
  return renderTable(['NAME', 'STATE', 'AGE', 'LAST ACTIVITY', 'DIRECTORY'], rows).join('\n');
}
