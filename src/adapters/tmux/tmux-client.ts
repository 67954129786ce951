import { randomUUID } from 'node:crypto';
import { execa, ExecaError } from 'execa';
import { WingmanError } from '../../core/errors.js';
import { parseTmuxSessionList, TMUX_LIST_FORMAT, type TmuxSessionInfo } from './tmux-list.js';

export type { TmuxSessionInfo } from './tmux-list.js';

export interface TmuxClientOptions {
  /** A socket name (`-L`) or, when it contains a slash, a socket path (`-S`). Unset: the user's default server. */
  socket?: string | undefined;
  /** The tmux executable; `tmux` from PATH by default. */
  binary?: string | undefined;
}

export interface NewSessionOptions {
  name: string;
  cwd: string;
  /** argv of the program to run; executed directly by tmux, never through a shell. */
  command: readonly string[];
  env?: Readonly<Record<string, string>>;
  width?: number;
  height?: number;
  /** Extra session options (`@wingman_*` user options) stored with the session. */
  userOptions?: Readonly<Record<string, string>>;
}

export interface CaptureOptions {
  /** Keep escape sequences (`-e`). */
  escapes?: boolean;
  /** Include this many lines of history above the visible screen. */
  historyLines?: number;
}

const NO_SERVER_PATTERNS = [/no server running/i, /error connecting to/i, /No such file or directory/i];
const MISSING_SESSION_PATTERNS = [/can't find session/i, /can't find pane/i, /can't find window/i, /session not found/i];

/**
 * Thin, agent-agnostic tmux transport. Every call is an argv array (execa, no shell), every
 * session is addressed by exact name (`=NAME`, since a bare `-t NAME` is a prefix match).
 */
export class TmuxClient {
  readonly socket: string | undefined;
  private readonly binary: string;

  constructor(options: TmuxClientOptions = {}) {
    this.socket = options.socket || undefined;
    this.binary = options.binary ?? 'tmux';
  }

  /** Runs one tmux command and returns its stdout. */
  async run(args: readonly string[]): Promise<string> {
    return this.runSequence([args]);
  }

  /** Runs several tmux commands in one invocation, atomically with respect to the server. */
  async runSequence(commands: ReadonlyArray<readonly string[]>): Promise<string> {
    const args = commands.flatMap((command, index) => [...(index > 0 ? [';'] : []), ...command.map(escapeTmuxArgument)]);
    try {
      const result = await execa(this.binary, [...this.socketArgs(), ...args], {
        stdin: 'ignore',
        timeout: 10_000,
        // tmux inherits TMUX from a surrounding session and would then talk to that server.
        env: { TMUX: '' },
      });
      return result.stdout;
    } catch (error) {
      throw this.toWingmanError(error, args);
    }
  }

  async hasSession(name: string): Promise<boolean> {
    try {
      await this.run(['has-session', '-t', exactSession(name)]);
      return true;
    } catch (error) {
      if (error instanceof WingmanError && error.code !== 'binary_missing') return false;
      throw error;
    }
  }

  async newSession(options: NewSessionOptions): Promise<void> {
    if (options.command.length === 0) throw new TypeError('newSession needs a command');
    const args = ['new-session', '-d', '-s', checkTmuxName(options.name), '-c', options.cwd];
    args.push('-x', String(options.width ?? 200), '-y', String(options.height ?? 50));
    for (const [key, value] of Object.entries(options.env ?? {})) args.push('-e', `${key}=${value}`);
    // tmux runs a single-word command through /bin/sh -c; `env` as the program keeps it an
    // exec of argv whatever the command is.
    args.push('--', 'env', ...options.command);
    // Same invocation, so an agent that exits at once still leaves its pane (and last screen:
    // resume id, crash) readable. Later commands in a sequence target the new session by default.
    const commands: string[][] = [args, ['set-option', '-w', 'remain-on-exit', 'on']];
    for (const [key, value] of Object.entries(options.userOptions ?? {})) commands.push(['set-option', key, value]);
    await this.runSequence(commands);
  }

  /** Types text exactly as given (`send-keys -l`): no key names are interpreted. */
  async sendLiteral(name: string, text: string): Promise<void> {
    if (text.length === 0) return;
    await this.run(['send-keys', '-t', exactPane(name), '-l', '--', text]);
  }

  /** Sends named keys such as `Enter`, `Escape`, `C-c`, `1`. */
  async sendKeys(name: string, keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.run(['send-keys', '-t', exactPane(name), '--', ...keys]);
  }

  /** Pastes text through a tmux buffer with bracketed paste, so newlines do not submit. */
  async pasteText(name: string, text: string): Promise<void> {
    const buffer = `wingman-${name}`;
    await this.run(['set-buffer', '-b', buffer, '--', text]);
    await this.run(['paste-buffer', '-d', '-p', '-b', buffer, '-t', exactPane(name)]);
  }

  async capturePane(name: string, options: CaptureOptions = {}): Promise<string> {
    return this.run(captureArgs(name, options));
  }

  /**
   * Captures several panes in one tmux invocation: one process instead of one per pane, which
   * is most of a busy monitor tick's cost. Each capture follows a marker line no screen can
   * hold. tmux stops a sequence at a pane that vanished; the reads are then made one by one.
   * Panes that cannot be read are absent from the result.
   */
  async capturePanes(names: readonly string[], options: CaptureOptions = {}): Promise<Map<string, string>> {
    const screens = new Map<string, string>();
    const one = async (name: string) => {
      const screen = await this.capturePane(name, options).catch(() => undefined);
      if (screen !== undefined) screens.set(name, screen);
    };
    if (names.length < 2) {
      await Promise.all(names.map(one));
      return screens;
    }
    const marker = `wingman-capture-${randomUUID()}:`;
    const commands = names.flatMap((name, index) => [['display-message', '-p', '-t', exactPane(name), `${marker}${index}`], captureArgs(name, options)]);
    let stdout: string;
    try {
      stdout = await this.runSequence(commands);
    } catch {
      for (const name of names) await one(name);
      return screens;
    }
    let index = -1;
    let lines: string[] = [];
    const flush = () => index >= 0 && screens.set(names[index]!, lines.join('\n'));
    for (const line of stdout.split('\n')) {
      if (line.startsWith(marker)) {
        flush();
        index = Number(line.slice(marker.length));
        lines = [];
      } else if (index >= 0) lines.push(line);
    }
    flush();
    return screens;
  }

  async getUserOption(name: string, option: string): Promise<string | undefined> {
    // show-options reads `=NAME` as a window; `=NAME:` names the session exactly.
    const value = await this.run(['show-options', '-v', '-q', '-t', exactPane(name), option]);
    return value === '' ? undefined : value;
  }

  /** All sessions on the server; an absent server means no sessions. */
  async listSessions(): Promise<TmuxSessionInfo[]> {
    try {
      return parseTmuxSessionList(await this.run(['list-panes', '-a', '-F', TMUX_LIST_FORMAT]));
    } catch (error) {
      if (error instanceof WingmanError && error.code === 'tmux_failed' && NO_SERVER_PATTERNS.some((p) => p.test(error.message))) {
        return [];
      }
      throw error;
    }
  }

  /** One variable of the session's environment (set with `-e` at creation). */
  async getEnvironment(name: string, variable: string): Promise<string | undefined> {
    const line = await this.run(['show-environment', '-t', exactPane(name), variable]).catch(() => '');
    const prefix = `${variable}=`;
    return line.startsWith(prefix) ? line.slice(prefix.length) : undefined;
  }

  async killSession(name: string): Promise<void> {
    await this.run(['kill-session', '-t', exactSession(name)]);
  }

  async killServer(): Promise<void> {
    try {
      await this.run(['kill-server']);
    } catch (error) {
      if (!(error instanceof WingmanError && error.code === 'tmux_failed')) throw error;
    }
  }

  private socketArgs(): string[] {
    if (!this.socket) return [];
    return this.socket.includes('/') ? ['-S', this.socket] : ['-L', this.socket];
  }

  private toWingmanError(error: unknown, args: readonly string[]): WingmanError {
    if (error instanceof ExecaError && error.code === 'ENOENT') {
      return new WingmanError('binary_missing', `tmux is not installed or not on PATH (looked for "${this.binary}"). Install tmux (e.g. apt-get install tmux).`, { cause: error });
    }
    const stderr = error instanceof ExecaError ? String(error.stderr ?? '').trim() : '';
    const command = args[0] ?? 'tmux';
    if (MISSING_SESSION_PATTERNS.some((pattern) => pattern.test(stderr))) {
      return new WingmanError('unknown_session', `tmux has no such session (${command}): ${stderr}`, { cause: error });
    }
    const detail = stderr || (error instanceof Error ? error.message : String(error));
    return new WingmanError('tmux_failed', `tmux ${command} failed: ${detail}`, { cause: error });
  }
}

/**
 * tmux splits its argv into commands at any argument that ends in `;` (so `["hi;", "kill-server"]`
 * would run kill-server) and reads a trailing `\;` as a literal `;`. Escaping the trailing `;`
 * of every argument keeps each one exactly as given.
 */
export function escapeTmuxArgument(argument: string): string {
  return argument.endsWith(';') ? `${argument.slice(0, -1)}\\;` : argument;
}

function captureArgs(name: string, options: CaptureOptions): string[] {
  const args = ['capture-pane', '-p', '-t', exactPane(name)];
  if (options.escapes) args.push('-e');
  if (options.historyLines && options.historyLines > 0) args.push('-S', String(-options.historyLines));
  return args;
}

/** tmux itself rewrites `.` and `:` in session names, so the transport only accepts names that survive as-is. */
const TMUX_NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

function checkTmuxName(name: string): string {
  if (!TMUX_NAME_PATTERN.test(name)) throw new TypeError(`Not a tmux-safe session name: ${JSON.stringify(name)}`);
  return name;
}

/** `=NAME` matches the session exactly; plain NAME would also match a longer name by prefix. */
export function exactSession(name: string): string {
  return `=${checkTmuxName(name)}`;
}

/** The active pane of the exactly named session. */
export function exactPane(name: string): string {
  return `=${checkTmuxName(name)}:`;
}
