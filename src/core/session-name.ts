import { WingmanError } from './errors.js';

/**
 * Letters, digits, `-`, `_`, `.`; 1–64 characters; starting with a letter or digit, so a name can
 * never be read as a command-line option (`-rf`) or a path (`..`). Checked before tmux is called.
 */
export const SESSION_NAME_RULE = 'letters, digits, "-", "_" and "." only, starting with a letter or digit, 1 to 64 characters';
const SESSION_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function isValidSessionName(name: string): boolean {
  return SESSION_NAME_PATTERN.test(name);
}

export function parseSessionName(raw: unknown): string {
  if (typeof raw !== 'string' || !isValidSessionName(raw)) {
    const shown = typeof raw === 'string' ? JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw) : String(raw);
    throw new WingmanError('invalid_session_name', `Invalid session name ${shown}: use ${SESSION_NAME_RULE}.`);
  }
  return raw;
}

/**
 * The tmux session that hosts a wingman session. tmux turns `.` into `_` by itself, so the
 * mapping is made explicit here; a clash (`a.b` vs `a_b`) is refused by the session service.
 */
export function tmuxSessionNameFor(name: string): string {
  return parseSessionName(name).replaceAll('.', '_');
}
