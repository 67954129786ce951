import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { TmuxClient } from '../../src/adapters/tmux/tmux-client.js';
import { claudeEnv, createClaudeHome } from '../../src/agents/claude-code/isolated-home.js';
import { HOOK_EVENT_NAMES } from '../../src/agents/claude-code/hook-events.js';
import { shellQuote } from '../../src/agents/claude-code/hook-settings.js';
import { buildStartupSettings, resolveRenderer } from '../../src/agents/claude-code/startup-settings.js';
import type { SessionMode } from '../../src/core/session-mode.js';
import { waitForProcessExit } from '../../src/demo/process-exit.js';
import { focusedLine, readyBox } from './screen-anchors.js';

export interface Size {
  width: number;
  height: number;
}

export const MAIN_SIZE: Size = { width: 160, height: 45 };
export const NARROW_SIZE: Size = { width: 80, height: 30 };
export const WIDE_SIZE: Size = { width: 200, height: 50 };
export const DIALOG_SIZES: readonly Size[] = [MAIN_SIZE, NARROW_SIZE, WIDE_SIZE];

/** `permission-bash` at 160x45, `permission-bash-w80` at 80 columns, `permission-bash-w200` at 200. */
export const sizeSuffix = (size: Size): string => (size.width === MAIN_SIZE.width ? '' : `-w${size.width}`);

/** `--permission-mode` values; `default` is what 2.1.332 calls manual mode. */
export type PermissionMode = 'default' | 'acceptEdits' | 'plan' | 'auto';
/** The same modes in wingman's words (src/core/session-mode.ts). */
const SESSION_MODE: Readonly<Record<PermissionMode, SessionMode>> = { default: 'manual', acceptEdits: 'accept-edits', plan: 'plan', auto: 'auto' };

export const API_KEY = 'sk-ant-api03-capture-screens-key-0123456789abcdefghij';
const POLL_MS = 100;
export const DEFAULT_WAIT_MS = 30_000;
const STARTUP_WAIT_MS = 60_000;

/** One screen taken with and without escapes in the same tmux invocation (the same moment). */
export interface Snapshot {
  plain: string;
  ansi: string;
}

export interface SessionOptions {
  /** Scenario and size: names the tmux session and seeds the session id. */
  label: string;
  size: Size;
  mode: PermissionMode;
  /** Extra environment for claude (merged over claudeEnv). */
  env?: Record<string, string>;
  /** Files to create in the work directory before the launch (relative path → content). */
  files?: Record<string, string>;
}

export interface SessionContext {
  version: string;
  binary: string;
  /** Fixed per version, so paths in the fixtures do not change between runs. */
  root: string;
  apiUrl: string;
  tmux: TmuxClient;
  socket: string;
}

export class CaptureError extends Error {
  constructor(message: string, readonly screen: string) {
    super(message);
  }
}

/** A stable v4-shaped UUID per scenario, so resume hints in the fixtures stay the same across runs. */
export function stableUuid(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const tmuxName = (label: string): string => label.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64);

/**
 * One real Claude Code process in the private tmux server, launched as wingman launches it:
 * `claude --permission-mode MODE --session-id UUID --settings FILE`, the file holding wingman's
 * start-up settings and command hooks for every event (each appends its stdin to hooks.jsonl),
 * with an isolated HOME and the fake API.
 */
export class CaptureSession {
  readonly name: string;
  readonly sessionId: string;
  readonly workdir: string;
  readonly home: string;
  readonly settingsFile: string;
  readonly hookLog: string;
  private readonly dir: string;

  constructor(private readonly ctx: SessionContext, readonly options: SessionOptions) {
    this.name = tmuxName(options.label);
    this.sessionId = stableUuid(`${ctx.version}/${options.label}`);
    this.dir = path.join(ctx.root, 'session');
    // The same work directory for every scenario: the fixtures name it (trust dialog, options).
    this.workdir = path.join(ctx.root, 'proj');
    this.home = path.join(this.dir, 'home');
    this.settingsFile = path.join(this.dir, 'hooks-settings.json');
    this.hookLog = path.join(this.dir, 'hooks.jsonl');
  }

  get size(): Size {
    return this.options.size;
  }

  /** The renderer wingman picks for this version by default (full-screen from 2.1.332, inline before). */
  get renderer(): 'fullscreen' | 'inline' {
    return resolveRenderer('default', this.ctx.version);
  }

  async start(): Promise<void> {
    await fs.rm(this.dir, { recursive: true, force: true, maxRetries: 5 });
    await fs.rm(this.workdir, { recursive: true, force: true, maxRetries: 5 });
    await fs.mkdir(this.home, { recursive: true });
    await fs.mkdir(this.workdir, { recursive: true });
    for (const [file, content] of Object.entries(this.options.files ?? {})) {
      await fs.mkdir(path.dirname(path.join(this.workdir, file)), { recursive: true });
      await fs.writeFile(path.join(this.workdir, file), content);
    }
    await createClaudeHome(this.home, { apiKey: API_KEY });
    // wingman's own start-up settings (renderer, no tips, surveys or suggestions) plus the hooks.
    const startup = buildStartupSettings({ mode: SESSION_MODE[this.options.mode], renderer: this.renderer });
    await fs.writeFile(this.settingsFile, `${JSON.stringify({ ...startup, ...hookSettings(this.hookLog) }, null, 2)}\n`);
    const env = {
      ...claudeEnv({ home: this.home, apiUrl: this.ctx.apiUrl, apiKey: API_KEY }),
      CLAUDE_CODE_MAX_RETRIES: '1',
      ...this.options.env,
    };
    const command = [this.ctx.binary, '--permission-mode', this.options.mode, '--session-id', this.sessionId, '--settings', this.settingsFile];
    await this.ctx.tmux.newSession({
      name: this.name, cwd: this.workdir, command, env, width: this.size.width, height: this.size.height,
    });
  }

  screen(): Promise<string> {
    return this.ctx.tmux.capturePane(this.name).catch(() => '');
  }

  /** Plain and ANSI capture of one moment; retried if the two disagree (the UI drew in between). */
  async snapshot(): Promise<Snapshot> {
    const marker = `capture-screens-${this.sessionId}`;
    const target = `=${this.name}:`;
    for (let attempt = 0; ; attempt += 1) {
      const socketArgs = this.ctx.socket.includes('/') ? ['-S', this.ctx.socket] : ['-L', this.ctx.socket];
      const result = await execa('tmux', [
        ...socketArgs, 'capture-pane', '-p', '-t', target, ';', 'display-message', '-p', marker, ';', 'capture-pane', '-p', '-e', '-t', target,
      ], { stripFinalNewline: false, env: { TMUX: '' }, stdin: 'ignore', timeout: 10_000 });
      const out = String(result.stdout);
      const at = out.indexOf(`${marker}\n`);
      const plain = out.slice(0, at);
      const ansi = out.slice(at + marker.length + 1);
      if (stripEscapes(ansi).replace(/[ \t]+$/gm, '') === plain.replace(/[ \t]+$/gm, '') || attempt >= 20) return { plain, ansi };
      await sleep(POLL_MS);
    }
  }

  /** Polls the plain screen until `predicate` holds; a timeout throws with the last screen. */
  async waitFor(what: string, predicate: (screen: string) => boolean, timeoutMs = DEFAULT_WAIT_MS): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let screen = '';
    for (;;) {
      screen = await this.screen();
      if (predicate(screen)) return screen;
      if (Date.now() >= deadline) throw new CaptureError(`timed out after ${timeoutMs} ms waiting for ${what}`, screen);
      await sleep(POLL_MS);
    }
  }

  /** Waits for `predicate`, then takes a snapshot on which it still holds. */
  async snapWhen(what: string, predicate: (screen: string) => boolean, timeoutMs = DEFAULT_WAIT_MS): Promise<Snapshot> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.waitFor(what, predicate, Math.max(1, deadline - Date.now()));
      const snap = await this.snapshot();
      if (predicate(snap.plain)) return snap;
      if (Date.now() >= deadline) throw new CaptureError(`timed out after ${timeoutMs} ms waiting for ${what}`, snap.plain);
    }
  }

  async type(text: string): Promise<void> {
    await this.ctx.tmux.sendLiteral(this.name, text);
  }

  async press(...keys: string[]): Promise<void> {
    await this.ctx.tmux.sendKeys(this.name, keys);
  }

  /**
   * Waits until the screen has not changed for `ms`: a dialog just drawn may not listen yet, and a
   * key sent in that moment is lost (seen with 2.1.332's trust and Bash dialogs). The blinking `●`
   * of a pending tool call does not count as a change.
   */
  async quiet(ms = 700, timeoutMs = DEFAULT_WAIT_MS): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let last = withoutBlink(await this.screen());
    let since = Date.now();
    for (;;) {
      await sleep(POLL_MS);
      const screen = await this.screen();
      if (withoutBlink(screen) !== last) {
        last = withoutBlink(screen);
        since = Date.now();
      } else if (Date.now() - since >= ms) {
        return screen;
      }
      if (Date.now() >= deadline) throw new CaptureError(`the screen kept changing for ${timeoutMs} ms`, screen);
    }
  }

  /**
   * Once the screen is quiet (unless `waitQuiet` is false: a turn's spinner never is), presses
   * `keys` and waits for `predicate`. When after `retryMs` the
   * screen still shows the state from before (`unchanged`, default: the same screen), the key
   * was lost and is pressed again.
   */
  async pressUntil(
    keys: string[], what: string, predicate: (screen: string) => boolean,
    options: { unchanged?: (screen: string) => boolean; retryMs?: number; attempts?: number; waitQuiet?: boolean } = {},
  ): Promise<string> {
    const { retryMs = 5_000, attempts = 3, waitQuiet = true } = options;
    const before = withoutBlink(waitQuiet ? await this.quiet() : await this.screen());
    const unchanged = options.unchanged ?? ((screen: string) => withoutBlink(screen) === before);
    for (let attempt = 1; ; attempt += 1) {
      await this.press(...keys);
      const screen = await this.waitFor(what, (s) => predicate(s) || !unchanged(s), retryMs).catch(() => undefined);
      if (screen !== undefined) return predicate(screen) ? screen : this.waitFor(what, predicate);
      if (attempt >= attempts) return this.waitFor(what, predicate);
    }
  }

  /** Bracketed paste, as wingman sends multi-line text. */
  async paste(text: string): Promise<void> {
    await this.ctx.tmux.pasteText(this.name, text);
  }

  /** The trust dialog as first shown (it is the first screen of every session). */
  waitForTrustDialog(): Promise<string> {
    return this.waitFor('the folder-trust dialog', (s) => s.includes('Yes, I trust this folder') && focusedLine(s) !== undefined, STARTUP_WAIT_MS);
  }

  /** Moves the cursor to "Yes, I trust this folder" if it is not there (2.1.332 focuses "No, exit"), presses Enter, waits for the box. */
  async acceptTrust(): Promise<void> {
    await this.waitForTrustDialog();
    const onYes = (s: string): boolean => /Yes, I trust this folder/.test(focusedLine(s) ?? '');
    // 2.1.332 focuses "No, exit": Enter there exits. Move until the (quiet) screen shows Yes focused.
    for (let moves = 0; !onYes(await this.quiet()); moves += 1) {
      if (moves >= 4) throw new CaptureError('the cursor never reached "Yes, I trust this folder"', await this.screen());
      await this.pressUntil(['Down'], 'the cursor to move', (s) => focusedLine(s) !== undefined && onYes(s));
    }
    await this.pressUntil(['Enter'], 'the trust dialog to close', (s) => !s.includes('Yes, I trust this folder'), { unchanged: onYes });
    await this.waitForReady();
  }

  /** The empty input box with its footer, no turn running. */
  waitForReady(timeoutMs = STARTUP_WAIT_MS): Promise<string> {
    return this.waitFor('the empty input box', readyBox, timeoutMs);
  }

  /** Starts the session and accepts the folder-trust dialog. */
  async startReady(): Promise<void> {
    await this.start();
    await this.acceptTrust();
  }

  async paneInfo(): Promise<{ pid: number; dead: boolean }> {
    const out = await this.ctx.tmux.run(['display-message', '-p', '-t', `=${this.name}:`, '#{pane_pid} #{pane_dead}']).catch(() => '');
    const [pid, dead] = out.trim().split(' ');
    return { pid: Number(pid), dead: dead === '1' };
  }

  async waitForExit(timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await this.paneInfo()).dead) {
      if (Date.now() >= deadline) throw new CaptureError(`claude did not exit within ${timeoutMs} ms`, await this.screen());
      await sleep(POLL_MS);
    }
  }

  /** Kills the tmux session and waits for claude to be gone (it writes its HOME while exiting). */
  async close(): Promise<void> {
    const { pid } = await this.paneInfo();
    await this.ctx.tmux.killSession(this.name).catch(() => undefined);
    if (pid > 0) await waitForProcessExit(pid, 10_000);
  }
}

/** Every hook event appends its stdin JSON as one line of `log` (PermissionRequest answers nothing: the dialog decides). */
function hookSettings(log: string): object {
  const command = `cat >> ${shellQuote(log)}; echo >> ${shellQuote(log)}`;
  const hooks: Record<string, object[]> = {};
  for (const event of HOOK_EVENT_NAMES) {
    const group = { hooks: [{ type: 'command', command, timeout: 10 }] };
    hooks[event] = [event === 'UserPromptSubmit' || event === 'Stop' ? group : { matcher: '*', ...group }];
  }
  return { hooks };
}

// eslint-disable-next-line no-control-regex
const ESCAPES = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)|[@-Z\\-_])/g;
export const stripEscapes = (text: string): string => text.replace(ESCAPES, '');

/** The `●` of a pending tool call blinks (2.1.332). */
const withoutBlink = (screen: string): string => screen.replaceAll('●', ' ');

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
