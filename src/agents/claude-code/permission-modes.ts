import { WingmanError } from '../../core/errors.js';
import { SESSION_MODES, type SessionMode } from '../../core/session-mode.js';

/**
 * wingman's mode → `claude --permission-mode`. `manual` is passed as `default`: 2.1.197 only takes
 * `default`, and 2.1.332 lists `manual` in --help but still takes `default` (it maps `manual` to
 * `default` itself, and hooks report `permission_mode: "default"`), so one flag serves both.
 */
export const PERMISSION_MODE_FLAGS: Readonly<Record<SessionMode, string>> = {
  manual: 'default',
  auto: 'auto',
  plan: 'plan',
  'accept-edits': 'acceptEdits',
  'bypass-permissions': 'bypassPermissions',
};

/** Names `--help` may list for the flag of each mode (2.1.332 lists `manual` for `default`). */
const LISTED_AS: Readonly<Record<string, readonly string[]>> = { default: ['default', 'manual'] };

/**
 * The `--permission-mode` choices `claude --help` lists, e.g. `(choices: "acceptEdits", "auto",
 * ...)` wrapped over several lines; undefined when the help text has no such list.
 */
export function parsePermissionModeChoices(help: string): string[] | undefined {
  const start = help.indexOf('--permission-mode');
  if (start < 0) return undefined;
  // Only this option's own description: up to the next option (indented 2; wrapped text is deeper).
  const rest = help.slice(start + 1);
  const next = rest.search(/\n {1,3}-/);
  const list = /\(choices:([^)]*)\)/.exec(next < 0 ? rest : rest.slice(0, next));
  if (!list) return undefined;
  const choices = [...list[1]!.matchAll(/"([^"]+)"/g)].map((match) => match[1]!);
  return choices.length > 0 ? choices : undefined;
}

/**
 * Refuses a mode the installed Claude Code does not have, naming its version; silent when the
 * choices are unknown (the flag is then passed and Claude Code says so itself).
 */
export function checkModeSupported(mode: SessionMode, binary: { version?: string | undefined; permissionModes?: readonly string[] | undefined }): void {
  const { permissionModes } = binary;
  if (!permissionModes) return;
  const flag = PERMISSION_MODE_FLAGS[mode];
  if ((LISTED_AS[flag] ?? [flag]).some((name) => permissionModes.includes(name))) return;
  const others = SESSION_MODES.filter((other) => other !== mode && (LISTED_AS[PERMISSION_MODE_FLAGS[other]] ?? [PERMISSION_MODE_FLAGS[other]]).some((name) => permissionModes.includes(name)));
  const version = binary.version ? `Claude Code ${binary.version}` : 'This Claude Code';
  throw new WingmanError('invalid_input', `${version} has no ${mode} mode; use --mode ${orList(others) || 'manual'}, or update Claude Code.`);
}

function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}
