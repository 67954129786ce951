import stringWidth from 'string-width';
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
  const header = ['NAME', 'STATE', 'AGE', 'LAST ACTIVITY', 'DIRECTORY'];
  // Display width, not length: the state icons are two columns wide.
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => stringWidth(row[column] ?? ''))));
  const pad = (cell: string, width: number) => cell + ' '.repeat(Math.max(0, width - stringWidth(cell)));
  const render = (row: readonly string[]) => row.map((cell, column) => (column === row.length - 1 ? cell : pad(cell, widths[column] ?? 0))).join('  ');
  return [render(header), ...rows.map(render)].join('\n');
}
