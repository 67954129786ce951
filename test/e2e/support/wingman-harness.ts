import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { startFakeMessagesApi, type FakeMessagesApi } from '../../../src/demo/fake-messages-api.js';
import { claudeEnv, createClaudeHome } from '../../../src/agents/claude-code/isolated-home.js';
import { TmuxClient } from '../../../src/adapters/tmux/tmux-client.js';
import { makeTempDir, removeDir } from '../../support/temp-dir.js';
import { waitForProcessExit } from '../../../src/demo/process-exit.js';
import { E2E_CLAUDE_BIN, E2E_CLAUDE_VERSION } from '../../support/claude-binary.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** The Claude Code binary under test (the newest tested unless WINGMAN_E2E_CLAUDE_VERSION says otherwise). */
export const CLAUDE_BIN = E2E_CLAUDE_BIN;
export { E2E_CLAUDE_VERSION };
export const WINGMAN_CLI = path.join(REPO_ROOT, 'dist', 'src', 'cli', 'main.js');

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface StatusJson {
  name: string;
  state: string;
  directory: string;
  currentTask?: string;
  latestActivity?: string;
  progress?: string;
  error?: string;
  source: string;
  pendingPrompt?: { tool: string; detail: string; options: Array<{ key: string; label: string; kind: string; selected?: boolean }> };
}

export interface WingmanHarness {
  api: FakeMessagesApi;
  root: string;
  home: string;
  /** Work directories live here; some tests configure it as a trusted root. */
  projects: string;
  tmux: TmuxClient;
  env: Record<string, string>;
  /** Runs the built `wingman` CLI as a fresh process, as a user would. */
  wingman(args: readonly string[], extraEnv?: Record<string, string>): Promise<CliResult>;
  /** A new, untrusted work directory. */
  makeWorkdir(name: string): Promise<string>;
  writeConfig(config: Record<string, unknown>): Promise<void>;
  waitForScreen(session: string, predicate: (screen: string) => boolean, timeoutMs?: number): Promise<string>;
  /** Polls `wingman status NAME --json` until `predicate` holds; returns that status. */
  waitForStatus(name: string, predicate: (status: StatusJson) => boolean, timeoutMs?: number): Promise<StatusJson>;
  close(): Promise<void>;
}

const API_KEY = 'sk-ant-api03-wingman-e2e-test-key-0000000000000000';

/**
 * Real Claude Code in real tmux: a fake Messages API on loopback, an isolated HOME for Claude, a
 * private tmux socket and a private WINGMAN_HOME, so nothing touches the user's own setup.
 */
export async function createWingmanHarness(options: { trustedProjects?: boolean; config?: Record<string, unknown> } = {}): Promise<WingmanHarness> {
  if (!existsSync(WINGMAN_CLI)) throw new Error(`Build first (npm run build): ${WINGMAN_CLI} is missing`);
  const root = await makeTempDir('wingman-e2e-');
  const claudeHome = path.join(root, 'claude-home');
  const home = path.join(root, 'wingman-home');
  const projects = path.join(root, 'projects');
  await Promise.all([fs.mkdir(claudeHome), fs.mkdir(home), fs.mkdir(projects)]);
  const api = await startFakeMessagesApi();
  await createClaudeHome(claudeHome, { apiKey: API_KEY });
  const socket = `wingman-e2e-${process.pid}-${randomBytes(3).toString('hex')}`;
  const tmux = new TmuxClient({ socket });

  const baseConfig = {
    // One retry, so a scripted API error ends the turn in about a second instead of minutes.
    claude: { env: { ...claudeEnv({ home: claudeHome, apiUrl: api.url, apiKey: API_KEY }), CLAUDE_CODE_MAX_RETRIES: '1' } },
    trustedRoots: options.trustedProjects ? [projects] : [],
    startupTimeoutMs: 60_000,
  };
  const env: Record<string, string> = {
    WINGMAN_HOME: home,
    WINGMAN_TMUX_SOCKET: socket,
    WINGMAN_CLAUDE_BIN: CLAUDE_BIN,
  };

  const harness: WingmanHarness = {
    api,
    root,
    home,
    projects,
    tmux,
    env,
    async wingman(args, extraEnv = {}) {
      const result = await execa(process.execPath, [WINGMAN_CLI, ...args], {
        env: { ...env, ...extraEnv },
        reject: false,
        timeout: 120_000,
        stdin: 'ignore',
      });
      return { exitCode: result.exitCode ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
    },
    async makeWorkdir(name) {
      const dir = path.join(projects, name);
      await fs.mkdir(dir, { recursive: true });
      return dir;
    },
    async writeConfig(config) {
      await fs.writeFile(path.join(home, 'config.json'), JSON.stringify({ ...baseConfig, ...config }, null, 2));
    },
    async waitForScreen(session, predicate, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      let screen = '';
      while (Date.now() < deadline) {
        screen = await tmux.capturePane(session).catch(() => '');
        if (predicate(screen)) return screen;
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
      throw new Error(`Timed out after ${timeoutMs} ms waiting for session ${session}; last screen:\n${screen}`);
    },
    async waitForStatus(name, predicate, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      let last: StatusJson | string = '';
      while (Date.now() < deadline) {
        const result = await harness.wingman(['status', name, '--json']);
        if (result.exitCode === 0) {
          last = JSON.parse(result.stdout) as StatusJson;
          if (predicate(last)) return last;
        } else {
          last = result.stderr;
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const screen = await tmux.capturePane(name).catch(() => '(no screen)');
      throw new Error(`Timed out waiting for the status of ${name}; last: ${JSON.stringify(last)}\nscreen:\n${screen}`);
    },
    async close() {
      const panes = await tmux.listSessions().catch(() => []);
      const socketPath = await tmux.run(['display-message', '-p', '#{socket_path}']).catch(() => '');
      await tmux.killServer().catch(() => undefined);
      // Claude still writes into its HOME while it exits; removing the dir before then races with it.
      await Promise.all(panes.map((pane) => waitForProcessExit(pane.panePid, 10_000)));
      if (socketPath.trim()) await fs.rm(socketPath.trim(), { force: true }); // tmux leaves it behind
      await api.close().catch(() => undefined);
      await removeDir(root);
    },
  };
  await harness.writeConfig(options.config ?? {});
  return harness;
}


/** The harness's tmux pane `session` as a keyboard for support/keyboard.ts. */
export function keyboardOf(h: WingmanHarness, session: string) {
  return { screen: () => h.tmux.capturePane(session), press: (key: string) => h.tmux.sendKeys(session, [key]) };
}

export function parseJson<T>(result: CliResult): T {
  if (result.exitCode !== 0) throw new Error(`wingman exited ${result.exitCode}: ${result.stderr || result.stdout}`);
  return JSON.parse(result.stdout) as T;
}
