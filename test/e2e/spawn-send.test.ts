import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWingmanHarness, parseJson, type WingmanHarness } from './support/wingman-harness.js';

interface ListedSession {
  name: string;
  state: string;
  workdir: string;
  tmuxSession: string;
  lastPrompt?: string;
  claudeSessionId?: string;
}

const hasAnswer = (text: string) => (screen: string) => screen.includes(`Echo: ${text}`);

describe('spawn → trust → prompt → answer, with the real Claude Code binary in real tmux', () => {
  let h: WingmanHarness;

  beforeAll(async () => {
    h = await createWingmanHarness();
  });

  afterAll(async () => {
    await h?.close();
  });

  it('waits at the folder-trust dialog in an untrusted folder, then `wingman trust` accepts it and submits the task', async () => {
    const workdir = await h.makeWorkdir('untrusted');
    const spawned = await h.wingman(['spawn', '--session', 'alpha', '--workdir', workdir, '--prompt', 'hello from alpha']);
    expect(spawned.stderr).toBe('');
    expect(spawned.stdout).toContain("🔐 Session 'alpha' started in");
    expect(spawned.stdout).toContain('Reply: trust alpha');

    const listed = parseJson<ListedSession[]>(await h.wingman(['list', '--json']));
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ name: 'alpha', state: 'waiting_trust', workdir, tmuxSession: 'alpha' });
    expect(listed[0]!.claudeSessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(h.api.requests.filter((request) => request.hasTools)).toHaveLength(0);

    const trusted = await h.wingman(['trust', 'alpha']);
    expect(trusted).toMatchObject({ exitCode: 0, stderr: '' });
    expect(trusted.stdout).toContain("✓ Session 'alpha' started in");
    await h.waitForScreen('alpha', hasAnswer('hello from alpha'));

    const again = await h.wingman(['trust', 'alpha']);
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toContain("Session 'alpha' is not asking to trust its folder");
  });

  it('sends a follow-up and a multi-line prompt, each submitted exactly once', async () => {
    const sent = await h.wingman(['send', 'alpha', 'second', 'question']);
    expect(sent.stdout).toBe("✓ Prompt submitted to session 'alpha'.");
    await h.waitForScreen('alpha', hasAnswer('second question'));

    const multiLine = 'first line of three\nsecond line\nthird line';
    expect((await h.wingman(['send', 'alpha', multiLine])).exitCode).toBe(0);
    const deadline = Date.now() + 30_000;
    while (!h.api.requests.some((request) => request.lastUserText === multiLine) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const prompts = h.api.requests.filter((request) => request.hasTools).map((request) => request.lastUserText);
    expect(prompts.filter((text) => text === multiLine)).toHaveLength(1);
    expect(prompts.filter((text) => text === 'second question')).toHaveLength(1);
    expect(prompts.filter((text) => text === 'hello from alpha')).toHaveLength(1);
  });

  it('a prompt sent during a turn is queued by Claude: submitted at the first Enter, sent once when the turn ends', async () => {
    // No Enter retries: the queued prompt's box shows "Press up to edit queued messages", which
    // must read as empty (a retried Enter on it is how a queued prompt got sent twice).
    await h.writeConfig({ submit: { enterRetries: 0, confirmTimeoutMs: 15_000 } });
    try {
      expect((await h.wingman(['send', 'alpha', 'SLOW turn to queue behind'])).exitCode).toBe(0);
      await h.waitForScreen('alpha', (screen) => screen.includes('esc to interrupt'));
      const queued = await h.wingman(['send', 'alpha', 'queued while working']);
      expect(queued).toMatchObject({ stderr: '', exitCode: 0, stdout: "✓ Prompt submitted to session 'alpha'." });
      await h.waitForScreen('alpha', hasAnswer('queued while working'));
      const prompts = h.api.requests.filter((request) => request.hasTools).map((request) => request.lastUserText);
      expect(prompts.filter((text) => text === 'queued while working')).toHaveLength(1);
    } finally {
      await h.writeConfig({});
    }
  });

  it('spawning an existing name sends the prompt to it instead of starting a duplicate', async () => {
    const result = await h.wingman(['spawn', '--session', 'alpha', '--workdir', h.projects, '--prompt', 'via spawn again']);
    expect(result.stdout).toBe("✓ Session 'alpha' was already running; the prompt was sent to it.");
    await h.waitForScreen('alpha', hasAnswer('via spawn again'));
    expect((await h.tmux.listSessions()).map((session) => session.name)).toEqual(['alpha']);
  });

  it('captures recent output', async () => {
    const captured = await h.wingman(['capture', 'alpha', '--lines', '200']);
    expect(captured.exitCode).toBe(0);
    expect(captured.stdout).toContain('Echo: via spawn again');
  });

  it('kills a session: tmux session gone, registry entry removed', async () => {
    const killed = await h.wingman(['kill', 'alpha']);
    expect(killed.stdout).toBe("⏹️ Session 'alpha' was stopped and removed.");
    expect(await h.tmux.hasSession('alpha')).toBe(false);
    expect(parseJson<ListedSession[]>(await h.wingman(['list', '--json']))).toEqual([]);
    const gone = await h.wingman(['send', 'alpha', 'anyone there?']);
    expect(gone.exitCode).toBe(1);
    expect(gone.stderr).toContain("No session named 'alpha'");
  });
});

describe('trusted roots, restarts and dead-session cleanup', () => {
  let h: WingmanHarness;

  beforeAll(async () => {
    h = await createWingmanHarness({ trustedProjects: true, config: { exitedGraceMs: 0 } });
  });

  afterAll(async () => {
    await h?.close();
  });

  it('accepts the trust dialog by itself under a trusted root and submits the task', async () => {
    const workdir = await h.makeWorkdir('trusted-one');
    const result = await h.wingman(['spawn', '--session', 'beta.1', '--workdir', workdir, '--prompt', 'task for beta']);
    expect(result.stdout).toContain("✓ Session 'beta.1' started in");
    expect(result.stdout).toContain('The task was submitted.');
    await h.waitForScreen('beta_1', hasAnswer('task for beta'));
    const [listed] = parseJson<ListedSession[]>(await h.wingman(['list', '--json']));
    expect(listed).toMatchObject({ name: 'beta.1', tmuxSession: 'beta_1', lastPrompt: 'task for beta' });
  });

  it('the registry survives restarts of wingman: every command above ran as a new process', async () => {
    const table = await h.wingman(['list']);
    expect(table.stdout).toMatch(/^NAME\s+STATE\s+AGE\s+LAST ACTIVITY\s+DIRECTORY\n/);
    expect(table.stdout).toContain('beta.1');
  });

  it('marks a session whose tmux session vanished as exited, then cleans it up after the grace period', async () => {
    const workdir = await h.makeWorkdir('trusted-two');
    expect((await h.wingman(['spawn', '--session', 'gamma', '--workdir', workdir])).exitCode).toBe(0);
    await h.tmux.killSession('gamma');
    const reconciled = parseJson<ListedSession[]>(await h.wingman(['list', '--json']));
    // exitedGraceMs is 0 here, so the one reconcile that finds it gone also removes it on the next pass.
    expect(reconciled.find((session) => session.name === 'gamma')?.state ?? 'removed').toMatch(/exited|removed/);
    const after = parseJson<ListedSession[]>(await h.wingman(['list', '--json']));
    expect(after.map((session) => session.name)).toEqual(['beta.1']);
  });

  it('marks a session whose Claude Code process quit as exited (pane kept for its last screen)', async () => {
    const workdir = await h.makeWorkdir('trusted-three');
    expect((await h.wingman(['spawn', '--session', 'delta', '--workdir', workdir])).exitCode).toBe(0);
    await h.tmux.sendKeys('delta', ['C-c']);
    await h.tmux.sendKeys('delta', ['C-c']);
    const deadline = Date.now() + 20_000;
    let state = '';
    while (Date.now() < deadline) {
      const listed = parseJson<ListedSession[]>(await h.wingman(['list', '--json']));
      state = listed.find((session) => session.name === 'delta')?.state ?? 'removed';
      if (state === 'exited' || state === 'removed') break;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    expect(state).toMatch(/exited|removed/);
  });
});

describe('clear errors for bad input, nothing changed', () => {
  let h: WingmanHarness;

  beforeAll(async () => {
    h = await createWingmanHarness();
  });

  afterAll(async () => {
    await h?.close();
  });

  it.each([
    [['spawn', '--session', 'bad name', '--workdir', '/tmp'], 'Invalid session name "bad name"'],
    [['spawn', '--session', 'x;rm', '--workdir', '/tmp'], 'letters, digits, "-", "_" and "." only, starting with a letter or digit, 1 to 64 characters'],
    [['spawn', '--session', 'ok', '--workdir', '/nonexistent/dir'], 'Work directory /nonexistent/dir does not exist.'],
    [['send', 'nobody', 'hi'], "No session named 'nobody'. There are no sessions yet."],
    [['capture', 'nobody'], "No session named 'nobody'."],
    [['kill', 'nobody'], "No session named 'nobody'."],
    [['trust', 'nobody'], "No session named 'nobody'."],
  ])('wingman %j → %s', async (args, message) => {
    const result = await h.wingman(args);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toContain('    at ');
  });

  it('explains a missing claude binary', async () => {
    const workdir = await h.makeWorkdir('no-claude');
    const result = await h.wingman(['spawn', '--session', 'nc', '--workdir', workdir], { WINGMAN_CLAUDE_BIN: '/nonexistent/claude' });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('Claude Code was not found ("/nonexistent/claude")');
    expect(await h.tmux.hasSession('nc')).toBe(false);
  });

  it('explains a missing tmux binary', async () => {
    const workdir = await h.makeWorkdir('no-tmux');
    const result = await h.wingman(['spawn', '--session', 'nt', '--workdir', workdir], { PATH: '/nonexistent' });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('tmux is not installed or not on PATH');
  });

  it('explains a broken config file', async () => {
    await h.writeConfig({ tmux: { width: 'wide' } });
    const result = await h.wingman(['list']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('tmux.width');
    await h.writeConfig({});
  });

  it('refuses an empty prompt', async () => {
    const result = await h.wingman(['spawn', '--session', 'empty', '--workdir', h.projects, '--prompt', '  ']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('The prompt is empty.');
    expect(parseJson<unknown[]>(await h.wingman(['list', '--json']))).toEqual([]);
  });
});
