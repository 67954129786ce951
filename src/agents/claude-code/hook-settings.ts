import fs from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { WingmanError } from '../../core/errors.js';
import { HOOK_EVENT_NAMES, type HookEventName } from './hook-events.js';

/**
 * The `claude --settings FILE` content that routes every hook event through the forwarder.
 * It holds no secret: the secret, socket and session name reach the forwarder through the
 * tmux session's environment, which Claude passes on to its hooks.
 */

export interface HookCommand {
  type: 'command';
  command: string;
  /** Seconds. */
  timeout: number;
}

export interface HookMatcherGroup {
  matcher?: string;
  hooks: HookCommand[];
}

export interface ClaudeHookSettings {
  hooks: Record<HookEventName, HookMatcherGroup[]>;
}

/** Claude's own default; the forwarder gives up at 590 s so it exits cleanly first. */
export const PERMISSION_HOOK_TIMEOUT_S = 600;
export const EVENT_HOOK_TIMEOUT_S = 10;
/** These two events take no matcher. */
const WITHOUT_MATCHER: ReadonlySet<HookEventName> = new Set(['UserPromptSubmit', 'Stop']);

export const HOOK_SETTINGS_FILE = 'hook-settings.json';

/** POSIX single-quoting: the result is one literal word for sh and bash, whatever the input. */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

export function buildHookSettings(options: { nodeBinary: string; forwarderPath: string }): ClaudeHookSettings {
  for (const [label, value] of Object.entries(options)) {
    if (!path.isAbsolute(value) || value.includes('\0')) {
      throw new WingmanError('invalid_input', `${label} must be an absolute path, got ${JSON.stringify(value)}.`);
    }
  }
  // Claude runs the command through sh; `exec` makes node the process Claude kills when the
  // user answers in the terminal, so wingman's server sees the connection close.
  const command = `exec ${shellQuote(options.nodeBinary)} ${shellQuote(options.forwarderPath)}`;
  const hooks = {} as Record<HookEventName, HookMatcherGroup[]>;
  for (const event of HOOK_EVENT_NAMES) {
    const timeout = event === 'PermissionRequest' ? PERMISSION_HOOK_TIMEOUT_S : EVENT_HOOK_TIMEOUT_S;
    const group: HookMatcherGroup = { hooks: [{ type: 'command', command, timeout }] };
    hooks[event] = [WITHOUT_MATCHER.has(event) ? group : { matcher: '*', ...group }];
  }
  return { hooks };
}

/** Writes the settings as `dir/hook-settings.json` (0600, dir 0700) and returns its path. */
export async function writeSessionHookSettings(dir: string, content: object): Promise<string> {
  const file = path.join(dir, HOOK_SETTINGS_FILE);
  try {
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    await writeFileAtomic(file, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  } catch (error) {
    throw new WingmanError('store_failed', `Could not write the hook settings ${file}: ${String(error)}`, { cause: error });
  }
  return file;
}
