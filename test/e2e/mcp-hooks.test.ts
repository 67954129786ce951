import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWingmanHarness, E2E_CLAUDE_VERSION, keyboardOf, parseJson, type WingmanHarness } from './support/wingman-harness.js';
import { startMonitor, type RunningMonitor } from './support/monitor-process.js';
import { chooseOption } from './support/keyboard.js';
import { MCP_HOOK_SERVER_NAME, MCP_HOOK_TOOL } from '../../src/agents/claude-code/mcp-hook-input.js';

/**
 * The MCP hook transport with the real binary: Claude Code starts wingman's MCP hook server once per
 * session and answers PermissionRequest through an `mcp_tool` hook, so no process starts for a
 * prompt; the forwarder stays as the fallback (`claude.hookTransport: "command"`).
 */
const exists = (file: string) => fs.access(file).then(() => true, () => false);
const MODEL_TOOL = `mcp__${MCP_HOOK_SERVER_NAME}__${MCP_HOOK_TOOL}`;

/** Every process under `pid`. */
function processTree(pid: number): Array<{ pid: number; args: string }> {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((match) => match !== null)
    .map((match) => ({ pid: Number(match[1]), ppid: Number(match[2]), args: match[3]! }));
  const found: Array<{ pid: number; args: string }> = [];
  const queue = [pid];
  while (queue.length > 0) {
    const parent = queue.shift()!;
    for (const row of rows.filter((candidate) => candidate.ppid === parent)) {
      found.push(row);
      queue.push(row.pid);
    }
  }
  return found;
}
const descendants = (pid: number): string[] => processTree(pid).map((row) => row.args);

describe(`hooks through the MCP hook server, Claude Code ${E2E_CLAUDE_VERSION}`, () => {
  let h: WingmanHarness;
  let monitor: RunningMonitor | undefined;
  let dir: string;
  const panePid = async (name: string) => (await h.tmux.listSessions()).find((session) => session.name === name)!.panePid;
  const processes = async (name: string) => descendants(await panePid(name));
  const waitFor = async <T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const mcpServers = async (name: string) => (await processes(name)).filter((args) => args.includes('hook-mcp-server.js'));
  const forwarders = async (name: string) => (await processes(name)).filter((args) => args.includes('hook-forwarder.js'));

  beforeAll(async () => {
    h = await createWingmanHarness({ trustedProjects: true });
    dir = await h.makeWorkdir('mcp');
    expect((await h.wingman(['spawn', '--session', 'viamcp', '--workdir', dir])).exitCode).toBe(0);
    monitor = await startMonitor(h);
  });

  afterAll(async () => {
    await monitor?.stop();
    await h?.close();
  });

  it('is the default: status names it, and Claude Code started the server once for the session', async () => {
    const status = parseJson<{ hookTransport?: string }>(await h.wingman(['status', 'viamcp', '--json']));
    expect(status.hookTransport).toBe('mcp');
    expect((await h.wingman(['status', 'viamcp'])).stdout).toContain('Hooks: mcp (MCP hook server)');
    // 2.1.332 starts MCP servers after drawing the input box.
    expect(await waitFor(async () => ((await mcpServers('viamcp')).length > 0 ? mcpServers('viamcp') : undefined), 'the MCP hook server')).toHaveLength(1);
  });

  it('an approval travels through it: no process starts for the prompt, and approve lets the tool run', async () => {
    await h.wingman(['send', 'viamcp', 'RUNTOOL echo one > approved.txt']);
    await monitor!.waitFor(/🔒 Session 'viamcp' needs approval \[\w+\]\n\s+Bash\(echo one > approved\.txt\)/);
    expect(await forwarders('viamcp')).toEqual([]); // the waiting hook is a call on the running server
    expect(await mcpServers('viamcp')).toHaveLength(1);
    expect((await h.wingman(['approve', 'viamcp'])).stdout).toBe("✓ Session 'viamcp' approved (once)");
    await h.waitForStatus('viamcp', (status) => status.state === 'idle');
    expect(await fs.readFile(path.join(dir, 'approved.txt'), 'utf8')).toBe('one\n');
  });

  it('a deny keeps the tool from running', async () => {
    await h.wingman(['send', 'viamcp', 'RUNTOOL echo two > denied.txt']);
    await monitor!.waitFor(/Bash\(echo two > denied\.txt\)/);
    expect((await h.wingman(['deny', 'viamcp'])).stdout).toBe("✗ Session 'viamcp' denied");
    await h.waitForStatus('viamcp', (status) => status.state === 'idle');
    expect(await exists(path.join(dir, 'denied.txt'))).toBe(false);
  });

  it('the model is never offered a tool of the hook server', () => {
    const main = h.api.requests.filter((request) => request.hasTools);
    expect(main.length).toBeGreaterThan(0);
    for (const request of main) {
      const names = ((request.body as { tools?: Array<{ name?: string }> }).tools ?? []).map((tool) => tool.name ?? '');
      expect(names.filter((name) => name.includes(MCP_HOOK_SERVER_NAME) || name.includes(MCP_HOOK_TOOL))).toEqual([]);
      // Not deferred behind tool search either: the tool's name appears nowhere in what the model sees.
      expect(JSON.stringify(request.body)).not.toContain(MODEL_TOOL);
    }
  });

  it('the model calling the hook tool by name gets "no such tool": nothing reaches wingman, nothing is approved', async () => {
    const forged = { hook_event_name: 'PermissionRequest', session_id: 'x', cwd: dir, transcript_path: '/x', tool_name: 'Bash', tool_input: '{"command":"echo forged > forged.txt"}' };
    const before = monitor!.output().length;
    const eventsFile = path.join(h.home, 'sessions', 'viamcp', 'events.jsonl');
    await h.wingman(['send', 'viamcp', `CALLTOOL ${MODEL_TOOL} ${JSON.stringify(forged)}`]);
    await h.waitForStatus('viamcp', (status) => status.state === 'idle' && status.currentTask?.startsWith('CALLTOOL') === true);
    const followUp = await waitFor(async () => h.api.requests.filter((request) => request.hasToolResult).at(-1), 'the tool result');
    const result = JSON.stringify(followUp.body);
    expect(result).toMatch(/"is_error":true/);
    expect(result).toMatch(/No such tool available|not available|does not exist/i);
    expect(monitor!.output().slice(before)).not.toContain('needs approval');
    // The prompt itself (UserPromptSubmit) names it; no permission was asked or given for it.
    // Decision lines ({at, requestAt, decision}) have no event.
    const events = (await fs.readFile(eventsFile, 'utf8')).trim().split('\n').flatMap((line) => (JSON.parse(line) as { event?: { hook_event_name: string } }).event ?? []);
    expect(events.filter((event) => event.hook_event_name === 'PermissionRequest' && JSON.stringify(event).includes('forged'))).toEqual([]);
    expect(await exists(path.join(dir, 'forged.txt'))).toBe(false);
  });

  it('with wingman down the dialog is drawn and answerable by keys: nothing is allowed or denied for it', async () => {
    await monitor!.stop();
    monitor = undefined;
    await h.wingman(['send', 'viamcp', 'RUNTOOL echo three > keys.txt']);
    await h.waitForScreen('viamcp', (screen) => /Do you want to proceed\?/.test(screen), 20_000);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await exists(path.join(dir, 'keys.txt'))).toBe(false);
    expect(await h.waitForScreen('viamcp', (screen) => /Do you want to proceed\?/.test(screen))).toBeTruthy();
    await chooseOption(keyboardOf(h, 'viamcp'), 1);
    await h.waitForStatus('viamcp', (status) => status.state === 'idle');
    expect(await fs.readFile(path.join(dir, 'keys.txt'), 'utf8')).toBe('three\n');
  });

  it('after the server has died the dialog still takes the answer, from the phone by keys', async () => {
    monitor = await startMonitor(h);
    const [server] = processTree(await panePid('viamcp')).filter((row) => row.args.includes('hook-mcp-server.js'));
    expect(server).toBeDefined();
    process.kill(server!.pid, 'SIGKILL');
    await waitFor(async () => ((await mcpServers('viamcp')).length === 0 ? true : undefined), 'the server to be gone');
    await h.wingman(['send', 'viamcp', 'RUNTOOL echo four > dead.txt']);
    await h.waitForScreen('viamcp', (screen) => /Do you want to proceed\?/.test(screen), 20_000);
    // No hook reaches wingman now; the monitor finds the dialog on the screen and answers by keys.
    await monitor.waitFor(/🔒 Session 'viamcp' needs approval \[\w+\]\n\s+Bash\(echo four > dead\.txt\)/, 30_000);
    expect(await exists(path.join(dir, 'dead.txt'))).toBe(false);
    expect((await h.wingman(['approve', 'viamcp'])).stdout).toBe("✓ Session 'viamcp' approved (once)");
    await h.waitForStatus('viamcp', (status) => status.state === 'idle');
    expect(await fs.readFile(path.join(dir, 'dead.txt'), 'utf8')).toBe('four\n');
  });
});

describe(`the forwarder fallback (claude.hookTransport: "command"), Claude Code ${E2E_CLAUDE_VERSION}`, () => {
  let h: WingmanHarness;
  let monitor: RunningMonitor;
  let dir: string;

  beforeAll(async () => {
    h = await createWingmanHarness({ trustedProjects: true });
    const configFile = path.join(h.home, 'config.json');
    const config = JSON.parse(await fs.readFile(configFile, 'utf8')) as { claude: Record<string, unknown> };
    config.claude.hookTransport = 'command';
    await fs.writeFile(configFile, JSON.stringify(config, null, 2));
    dir = await h.makeWorkdir('cmd');
    expect((await h.wingman(['spawn', '--session', 'viacmd', '--workdir', dir])).exitCode).toBe(0);
    monitor = await startMonitor(h);
  });

  afterAll(async () => {
    await monitor?.stop();
    await h?.close();
  });

  it('is recorded and shown, and the approval goes through a forwarder process', async () => {
    expect(parseJson<{ hookTransport?: string }>(await h.wingman(['status', 'viacmd', '--json'])).hookTransport).toBe('command');
    expect((await h.wingman(['status', 'viacmd'])).stdout).toContain('Hooks: command (forwarder per event)');
    await h.wingman(['send', 'viacmd', 'RUNTOOL echo five > approved.txt']);
    await monitor.waitFor(/🔒 Session 'viacmd' needs approval \[\w+\]\n\s+Bash\(echo five > approved\.txt\)/);
    const pane = (await h.tmux.listSessions()).find((session) => session.name === 'viacmd')!.panePid;
    expect(descendants(pane).filter((args) => args.includes('hook-forwarder.js'))).toHaveLength(1); // it waits for the answer
    expect(descendants(pane).filter((args) => args.includes('hook-mcp-server.js'))).toEqual([]);
    expect((await h.wingman(['approve', 'viacmd'])).stdout).toBe("✓ Session 'viacmd' approved (once)");
    await h.waitForStatus('viacmd', (status) => status.state === 'idle');
    expect(await fs.readFile(path.join(dir, 'approved.txt'), 'utf8')).toBe('five\n');
  });
});
