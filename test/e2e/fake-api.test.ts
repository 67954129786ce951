import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claudeEnv, createClaudeHome } from '../../src/agents/claude-code/isolated-home.js';
import { startFakeMessagesApi, type FakeMessagesApi } from '../../src/demo/fake-messages-api.js';
import { waitForScreen } from './support/wait-for-screen.js';
import { E2E_CLAUDE_BIN as CLAUDE_BIN, E2E_CLAUDE_VERSION } from '../support/claude-binary.js';
import { CURRENT_DIALOGS } from './support/dialect.js';
import { chooseOption } from './support/keyboard.js';


const API_KEY = 'sk-ant-api03-fake-api-e2e-key-0123456789abcdefghij';
const SESSION = 'claude';

/** The input box is `❯` + U+00A0; transcript lines use a plain space, dialogs ` ❯ 1.`. */
const INPUT_BOX = /^❯\u00a0/m;

/** True when `text` appears after the last occurrence of `marker` (the prompt we just typed). */
const after = (marker: string, text: string) => (screen: string): boolean => {
  const at = screen.lastIndexOf(marker);
  return at >= 0 && screen.indexOf(text, at + marker.length) >= 0;
};

async function waitForExit(pid: number, timeoutMs: number): Promise<void> {
  if (!Number.isInteger(pid) || pid <= 0) return;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      return; // gone
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  process.kill(pid, 'SIGKILL');
}

describe('fake Messages API driving the real Claude Code binary in real tmux', () => {
  const socket = `wingman-test-${randomBytes(4).toString('hex')}`;
  let api: FakeMessagesApi;
  let root: string;
  let project: string;

  const tmux = async (...args: string[]): Promise<string> => (await execa('tmux', ['-L', socket, ...args])).stdout;
  const screen = (): Promise<string> => tmux('capture-pane', '-p', '-t', SESSION);
  const type = async (text: string): Promise<void> => {
    await tmux('send-keys', '-t', SESSION, '-l', text);
    await tmux('send-keys', '-t', SESSION, 'Enter');
  };
  const press = (key: string): Promise<string> => tmux('send-keys', '-t', SESSION, key);
  const choose = (n: number): Promise<void> => chooseOption({ screen, press }, n);
  /** Types a prompt once the input box is back, so keys never land in a dialog. */
  const prompt = async (text: string): Promise<void> => {
    await waitForScreen(screen, (s) => INPUT_BOX.test(s) && s.includes('? for shortcuts'), 30_000);
    await type(text);
  };

  beforeAll(async () => {
    root = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'wingman-fake-api-')));
    const home = path.join(root, 'home');
    project = path.join(root, 'project');
    await fs.mkdir(home);
    await fs.mkdir(project);
    api = await startFakeMessagesApi();
    await createClaudeHome(home, { apiKey: API_KEY });

    const env = { ...claudeEnv({ home, apiUrl: api.url, apiKey: API_KEY }), CLAUDE_CODE_MAX_RETRIES: '1' };
    const envArgs = Object.entries(env).flatMap(([key, value]) => ['-e', `${key}=${value}`]);
    // Several arguments after the options: tmux runs the binary directly, no shell in between.
    await tmux('new-session', '-d', '-x', '160', '-y', '45', '-s', SESSION, '-c', project, ...envArgs,
      CLAUDE_BIN, '--permission-mode', 'default');
  });

  afterAll(async () => {
    const info = await execa('tmux', ['-L', socket, 'display-message', '-p', '-t', SESSION, '#{pane_pid} #{socket_path}'], { reject: false });
    const [pid, socketPath] = String(info.stdout).split(' ');
    await execa('tmux', ['-L', socket, 'kill-server'], { reject: false });
    // Claude still writes into its HOME while it exits; removing the dir before then races with it.
    await waitForExit(Number(pid), 10_000);
    if (socketPath) await fs.rm(socketPath, { force: true }); // tmux leaves the socket file behind
    await api?.close();
    if (root) await fs.rm(root, { recursive: true, force: true, maxRetries: 5 });
  });

  it('shows the folder-trust dialog for an untrusted folder, and Enter accepts it', async () => {
    const trust = await waitForScreen(screen, (s) => s.includes('Yes, I trust this folder'), 60_000);
    expect(trust).toContain('Quick safety check');
    expect(trust).toContain(project);
    // Nothing is asked of the model before the folder is trusted.
    expect(api.requests.filter((r) => r.hasTools)).toHaveLength(0);

    if (CURRENT_DIALOGS) {
      // 2.1.332 lists "No, exit" first and focused: move to "Yes", and see the cursor there.
      await waitForScreen(screen, (s) => {
        if (s.includes('❯ Yes, I trust this folder')) return true;
        void press('Down');
        return false;
      }, 10_000);
    }
    await press('Enter');
    const idle = await waitForScreen(screen, (s) => INPUT_BOX.test(s) && s.includes(`Claude Code v${E2E_CLAUDE_VERSION}`), 30_000);
    expect(idle).not.toContain('Quick safety check');
  });

  it('renders the echo answer for a plain prompt', async () => {
    await prompt('hello from the fake api');
    await waitForScreen(screen, after('❯ hello from the fake api', '● Echo: hello from the fake api'));
  });

  it('streams SLOW answers slowly enough to see the working spinner', async () => {
    await prompt('SLOW spinner check');
    const working = await waitForScreen(screen, (s) => s.includes('esc to interrupt'), 10_000);
    expect(working).not.toContain('Echo: spinner check');
    const started = Date.now();
    await waitForScreen(screen, after('❯ SLOW spinner check', 'Echo: spinner check'), 20_000);
    expect(Date.now() - started).toBeGreaterThan(3_000);
  });

  it('RUNTOOL shows the Bash permission dialog, and choosing Yes runs the command', async () => {
    await prompt('RUNTOOL echo made-by-tool > ran.txt');
    const dialog = await waitForScreen(screen, (s) => s.includes('Do you want to proceed?'));
    expect(dialog).toContain('Bash command');
    expect(dialog).toContain('echo made-by-tool > ran.txt');
    expect(dialog).toContain('Run requested command');
    expect(existsSync(path.join(project, 'ran.txt'))).toBe(false);

    await choose(1);
    await waitForScreen(screen, after('❯ RUNTOOL echo made-by-tool', 'Tool finished. Done.'));
    expect(await fs.readFile(path.join(project, 'ran.txt'), 'utf8')).toBe('made-by-tool\n');
  });

  it('WRITE shows the create-file dialog with the content, and choosing Yes creates the file', async () => {
    await prompt('WRITE created.txt line one\\nline two');
    const dialog = await waitForScreen(screen, (s) => s.includes('Do you want to create created.txt?'));
    expect(dialog).toContain('Create file');
    expect(dialog).toContain('line two');

    await choose(1);
    await waitForScreen(screen, after('❯ WRITE created.txt', 'Tool finished. Done.'));
    expect(await fs.readFile(path.join(project, 'created.txt'), 'utf8')).toBe('line one\nline two');
  });

  it('EDIT reads the file, then shows the edit dialog, and choosing Yes applies it', async () => {
    await prompt('EDIT ran.txt made-by-tool=>edited-by-tool');
    const dialog = await waitForScreen(screen, (s) => s.includes('Do you want to make this edit to ran.txt?'));
    expect(dialog).toContain('Edit file');

    await choose(1);
    await waitForScreen(screen, after('❯ EDIT ran.txt', 'Tool finished. Done.'));
    expect(await fs.readFile(path.join(project, 'ran.txt'), 'utf8')).toBe('edited-by-tool\n');
  });

  it('ASK shows the AskUserQuestion picker, and choosing Blue answers it', async () => {
    await prompt('ASK Which colour should the button be?');
    const picker = await waitForScreen(screen, (s) => s.includes('Enter to select'));
    expect(picker).toMatch(/1\. Red/);
    expect(picker).toMatch(/2\. Blue/);

    await choose(2);
    const answered = await waitForScreen(screen, after('❯ ASK', 'Tool finished. Done.'));
    expect(answered).toContain('→ Blue');
  });

  it('ERROR500 ends the turn with an API Error on screen', async () => {
    await prompt('ERROR500 please');
    const failed = await waitForScreen(screen, after('❯ ERROR500 please', 'API Error: 500'), 60_000);
    expect(failed).toContain('Internal server error');
    await waitForScreen(screen, (s) => INPUT_BOX.test(s));
  });

  it('recorded every request: the startup probe, titles, main turns and tool results', () => {
    const messages = api.requests.filter((r) => r.path === '/v1/messages');
    const mainTurns = messages.filter((r) => r.hasTools);
    // 2.1.197 probes the API with a HEAD / at start; 2.1.332 does not.
    if (E2E_CLAUDE_VERSION === '2.1.197') expect(api.requests.some((r) => r.method === 'HEAD' && r.path === '/')).toBe(true);
    // 2.1.197 also asks for a title with a tools-less request per prompt; 2.1.332 does not.
    if (E2E_CLAUDE_VERSION === '2.1.197') expect(messages.some((r) => !r.hasTools && r.scenario === 'title')).toBe(true);
    expect(mainTurns.find((r) => r.lastUserText === 'hello from the fake api')).toMatchObject({ scenario: 'echo', stream: true, status: 200 });
    expect(mainTurns.filter((r) => r.lastUserText === 'RUNTOOL echo made-by-tool > ran.txt').map((r) => [r.scenario, r.hasToolResult]))
      .toEqual([['runtool', false], ['tool-followup', true]]);
    // EDIT takes three main turns: Read, Edit, then the closing text.
    expect(mainTurns.filter((r) => r.lastUserText?.startsWith('EDIT ')).map((r) => r.scenario)).toEqual(['edit', 'edit', 'tool-followup']);
    // CLAUDE_CODE_MAX_RETRIES=1: the first attempt plus one retry.
    const failures = mainTurns.filter((r) => r.lastUserText === 'ERROR500 please');
    expect(failures.length).toBe(2);
    expect(failures.every((r) => r.status === 500)).toBe(true);
    expect(api.requests.filter((r) => r.unknown)).toEqual([]);
    for (const r of mainTurns) expect(r.model).toMatch(/^claude-/);
  });
});
