import fs from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWingmanHarness, parseJson, type WingmanHarness } from '../e2e/support/wingman-harness.js';
import { startMonitor, type RunningMonitor } from '../e2e/support/monitor-process.js';

interface Listed {
  name: string;
  state: string;
  claudeSessionId?: string;
}

const exists = (file: string) => fs.access(file).then(() => true, () => false);

describe('faults, with the real Claude Code binary in real tmux', () => {
  let h: WingmanHarness;
  let monitor: RunningMonitor | undefined;
  const names = ['f1', 'f2', 'f3'];
  const dirs: Record<string, string> = {};

  beforeAll(async () => {
    h = await createWingmanHarness({ trustedProjects: true });
    for (const name of names) {
      dirs[name] = await h.makeWorkdir(name);
      expect((await h.wingman(['spawn', '--session', name, '--workdir', dirs[name]!, '--prompt', `hello ${name}`])).exitCode).toBe(0);
    }
  });

  afterAll(async () => {
    await monitor?.stop();
    await h?.close();
  });

  it('monitor killed while 3 approvals are pending: on restart each is announced again, none is answered twice', async () => {
    monitor = await startMonitor(h);
    for (const name of names) await h.wingman(['send', name, `RUNTOOL echo ran >> ${name}.log`]);
    for (const name of names) await monitor.waitFor(new RegExp(`needs approval \\[\\w+\\]\\n\\s+Bash\\(echo ran >> ${name}\\.log\\)`));
    const registryBefore = await fs.readFile(path.join(h.home, 'registry.json'), 'utf8');
    await monitor.kill9();

    monitor = await startMonitor(h);
    const ids: Record<string, string> = {};
    for (const name of names) {
      const [, id] = await monitor.waitFor(new RegExp(`Session '${name}' needs approval \\[(\\w+)\\]`));
      ids[name] = id!;
    }
    for (const name of names) expect((await h.wingman(['approve', name, ids[name]!])).stdout).toBe(`✓ Session '${name}' approved (once)`);
    for (const name of names) await h.waitForStatus(name, (status) => status.state === 'idle');
    for (const name of names) {
      expect(await fs.readFile(path.join(dirs[name]!, `${name}.log`), 'utf8')).toBe('ran\n');
      expect(monitor.count(new RegExp(`Session '${name}' needs approval`))).toBe(1);
    }
    const listed = parseJson<Listed[]>(await h.wingman(['list', '--json']));
    expect(listed.map((session) => session.name).sort()).toEqual(names);
    expect(Object.keys(JSON.parse(registryBefore).sessions).sort()).toEqual(names);
  });

  it('Claude Code crashing mid-turn reads exited and is reported once', async () => {
    await h.wingman(['send', 'f3', 'SLOW a long answer']);
    await h.waitForStatus('f3', (status) => status.state === 'working');
    const [pane] = (await h.tmux.listSessions()).filter((session) => session.name === 'f3');
    await execa('kill', ['-9', String(pane!.panePid)]);
    await h.waitForStatus('f3', (status) => status.state === 'exited');
    await monitor!.waitFor(/⏹️ Session 'f3' exited/);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(monitor!.count(/⏹️ Session 'f3' exited/)).toBe(1);
  });

  it('the registry holding garbage is moved aside with a warning and rebuilt from tmux; nothing else is lost', async () => {
    await monitor?.stop();
    monitor = undefined;
    const registry = path.join(h.home, 'registry.json');
    await fs.writeFile(registry, '{"version":1,"sessions":{"f1":{"na\u0000garbage');
    const listed = await h.wingman(['list', '--json']);
    expect(listed.stderr).toMatch(/the session registry was corrupt .* moved it to .*registry\.json\.corrupt-/);
    const sessions = parseJson<Listed[]>(listed);
    expect(sessions.map((session) => session.name).sort()).toEqual(['f1', 'f2']);
    expect(sessions.every((session) => session.claudeSessionId !== undefined)).toBe(true);
    const aside = (await fs.readdir(h.home)).filter((file) => file.startsWith('registry.json.corrupt-'));
    expect(aside).toHaveLength(1);
    // The rebuilt sessions keep working, hooks included (their secret came back from tmux).
    await h.wingman(['send', 'f1', 'still there?']);
    await h.waitForScreen('f1', (screen) => screen.includes('Echo: still there?'));
    const events = await fs.readFile(path.join(h.home, 'sessions', 'f1', 'events.jsonl'), 'utf8');
    expect(events).toContain('still there?');
  });

  it('a truncated audit log keeps every later entry readable', async () => {
    const audit = path.join(h.home, 'audit.jsonl');
    await fs.appendFile(audit, '{"at":"2026-11-24T00:00:00Z","session":"f1","tool":"Ba');
    monitor = await startMonitor(h);
    await h.wingman(['send', 'f2', 'RUNTOOL echo audited > audited.txt']);
    await monitor.waitFor(/Bash\(echo audited > audited\.txt\)/);
    await h.wingman(['deny', 'f2']);
    const lines = (await fs.readFile(audit, 'utf8')).trim().split('\n');
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ session: 'f2', decision: 'deny', via: 'hook' });
  });

  it('the tmux server killed: every session reads exited in one reconcile; resume restarts it with claude --resume in the same directory', async () => {
    await monitor?.stop();
    monitor = undefined;
    await h.tmux.killServer();
    const listed = parseJson<Listed[]>(await h.wingman(['list', '--json']));
    expect(listed.map((session) => session.state)).toEqual(listed.map(() => 'exited'));
    const before = listed.find((session) => session.name === 'f1')!;

    const resumed = await h.wingman(['resume', 'f1']);
    expect(resumed).toMatchObject({ exitCode: 0, stderr: '' });
    expect(resumed.stdout).toContain(`Session 'f1' resumed in ${dirs.f1}`);
    const start = await h.tmux.run(['display-message', '-p', '-t', '=f1:', '#{pane_start_command}']);
    expect(start).toContain(`--resume ${before.claudeSessionId}`);
    await h.waitForStatus('f1', (status) => status.state === 'idle' && status.directory === dirs.f1);
    // The resumed conversation continues: Claude sends the earlier turns with the next prompt.
    await h.wingman(['send', 'f1', 'after resume']);
    await h.waitForScreen('f1', (screen) => screen.includes('Echo: after resume'));
    const last = h.api.requests.filter((request) => request.hasTools).at(-1)!;
    expect(JSON.stringify(last.body)).toContain('hello f1');

    const again = await h.wingman(['resume', 'f1']);
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toContain("Session 'f1' is still running; nothing to resume.");
  });
});

describe('state directory failures', () => {
  it('a read-only state directory gives a clear error and writes nothing', async () => {
    const h = await createWingmanHarness();
    try {
      const result = await h.wingman(['spawn', '--session', 'ro', '--workdir', h.projects], { WINGMAN_HOME: '/sys/fs/wingman' });
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toMatch(/^wingman: Cannot (create the state directory \/sys\/fs\/wingman\S*|lock session 'ro' for input): the state directory is not writable\.$/m);
      expect(await h.tmux.hasSession('ro')).toBe(false);
    } finally {
      await h.close();
    }
  });

  it('a registry that cannot be written leaves no partial or temp files', async () => {
    const h = await createWingmanHarness();
    try {
      await fs.mkdir(path.join(h.home, 'registry.json')); // a directory where the file should be
      const result = await h.wingman(['spawn', '--session', 'nowrite', '--workdir', h.projects]);
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toMatch(/wingman: Cannot (read|save|lock) the session registry/);
      const files = await fs.readdir(h.home);
      expect(files.filter((file) => file.includes('registry.json') && file !== 'registry.json')).toEqual([]);
      expect(await exists(path.join(h.home, 'sessions', 'nowrite'))).toBe(false);
    } finally {
      await h.close();
    }
  });
});
