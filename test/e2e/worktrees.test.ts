import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWingmanHarness, parseJson, type WingmanHarness } from './support/wingman-harness.js';
import { startMonitor, type RunningMonitor } from './support/monitor-process.js';
import { branches, exists, git, makeRepo, worktreePaths, writeFiles } from '../support/git-repo.js';

interface Listed {
  name: string;
  workdir: string;
  worktree?: { repo: string; path: string; branch: string; base: string; baseCommit: string };
  status: { branch?: string; dirty?: boolean };
}

interface DiffJson {
  changes: Array<{ path: string; letter: string; added: number | null; deleted: number | null }>;
  branch: string;
  base: { label: string };
}

/** Writes when it ran into the new worktree (ignored there), so the test can tell it ran before Claude Code. */
const SETUP = [process.execPath, '-e', "require('fs').writeFileSync('.setup-stamp', String(Date.now()))"];

describe('a git worktree per session, with the real Claude Code binary in real tmux', () => {
  let h: WingmanHarness;
  let monitor: RunningMonitor;
  let repo: string;
  let head: string;
  const place = (name: string) => `${repo}.wingman/${name}`;

  beforeAll(async () => {
    h = await createWingmanHarness({ trustedProjects: true, config: { worktrees: { setup: SETUP } } });
    repo = await makeRepo(path.join(h.projects, 'app'), {
      'README.md': '# demo\n',
      'notes.md': 'line one\nline two\n',
      '.gitignore': '.env\n.setup-stamp\n',
      '.worktreeinclude': '.env\n',
    });
    await writeFiles(repo, { '.env': 'API_TOKEN=from-the-main-checkout\n' }); // ignored: a build needs it, git never has it
    head = await git(repo, 'rev-parse', 'HEAD');
    monitor = await startMonitor(h);
  });

  afterAll(async () => {
    await monitor?.stop();
    await h?.close();
  });

  it('refuses, with its reason and creating nothing: not a git repository, a branch checked out elsewhere, a place in use', async () => {
    const plain = await h.makeWorkdir('not-a-repo');
    await writeFiles(`${repo}.wingman/stray`, { 'left-over.txt': 'not a worktree\n' });
    const cases: Array<[string[], string]> = [
      [['--session', 'nogit', '--workdir', plain, '--worktree'], `wingman: Work directory ${plain} is not in a git repository; --worktree needs one.`],
      [['--session', 'onmain', '--workdir', repo, '--worktree', '--branch', 'main'], `wingman: Branch main is already checked out in ${repo}; pick another --branch or session name.`],
      [['--session', 'stray', '--workdir', repo, '--worktree'], `wingman: The worktree place ${place('stray')} already exists and is not empty; remove it or pick another session name.`],
    ];
    for (const [args, message] of cases) {
      const result = await h.wingman(['spawn', ...args, '--prompt', 'never sent']);
      expect(result).toEqual({ exitCode: 1, stdout: '', stderr: message });
      expect(await h.tmux.hasSession(args[1]!)).toBe(false);
    }
    expect(parseJson<Listed[]>(await h.wingman(['list', '--json']))).toEqual([]);
    expect(await branches(repo)).toEqual(['main']);
    expect(await worktreePaths(repo)).toEqual([repo]);
    expect(await fs.readdir(`${repo}.wingman`)).toEqual(['stray']);
    expect(await fs.readdir(plain)).toEqual([]);
    expect(h.api.requests.some((request) => request.lastUserText === 'never sent')).toBe(false);
    await fs.rm(`${repo}.wingman`, { recursive: true });
  });

  it('two sessions in one repository each get a worktree of their own: .worktreeinclude copied, the setup command run before Claude Code starts', async () => {
    const spawned = await Promise.all(['alpha', 'beta'].map((name) => h.wingman(['spawn', '--session', name, '--workdir', repo, '--worktree', '--prompt', `hello from ${name}`])));
    for (const [index, name] of ['alpha', 'beta'].entries()) {
      expect(spawned[index]).toEqual({ exitCode: 0, stderr: '', stdout: `✓ Session '${name}' started in ${place(name)} on branch wingman/${name} (a worktree of ${repo} from main; copied .env). The task was submitted.` });
      expect(await fs.readFile(path.join(place(name), '.env'), 'utf8')).toBe('API_TOKEN=from-the-main-checkout\n');
      await h.waitForStatus(name, (status) => status.state === 'idle' && status.currentTask === `hello from ${name}`, 60_000);
      // The first prompt reached the API only after the setup command had finished, and from the worktree.
      const stamp = Number(await fs.readFile(path.join(place(name), '.setup-stamp'), 'utf8'));
      const first = h.api.requests.find((request) => request.hasTools && request.lastUserText === `hello from ${name}`);
      expect(first?.receivedAt).toBeGreaterThan(stamp);
      expect(JSON.stringify(first?.body)).toContain(`Primary working directory: ${place(name)}`);
    }
    const listed = parseJson<Listed[]>(await h.wingman(['list', '--json']));
    const byName = listed.map((session) => [session.name, session.workdir, session.worktree] as const).sort(([a], [b]) => a.localeCompare(b));
    expect(byName).toEqual([
      ['alpha', place('alpha'), { repo, path: place('alpha'), branch: 'wingman/alpha', base: 'main', baseCommit: head, ownsBranch: true }],
      ['beta', place('beta'), { repo, path: place('beta'), branch: 'wingman/beta', base: 'main', baseCommit: head, ownsBranch: true }],
    ]);
    expect(await branches(repo)).toEqual(['main', 'wingman/alpha', 'wingman/beta']);
  });

  it('each writes a file (approved); neither sees the other change, and the main checkout is untouched', async () => {
    await h.wingman(['send', 'alpha', 'WRITE alpha.txt from alpha']);
    const [, writeId] = await monitor.waitFor(/🔒 Session 'alpha' needs approval \[(\w+)\]\n\s+Write\(/, 60_000);
    await h.wingman(['send', 'beta', 'EDIT notes.md line one=>line one from beta']);
    const [, editId] = await monitor.waitFor(/🔒 Session 'beta' needs approval \[(\w+)\]\n\s+(?:Edit|Update)\(/, 60_000);
    expect((await h.wingman(['approve', 'alpha', writeId!])).stdout).toBe("✓ Session 'alpha' approved (once)");
    expect((await h.wingman(['approve', 'beta', editId!])).stdout).toBe("✓ Session 'beta' approved (once)");
    await h.waitForStatus('alpha', (status) => status.state === 'idle' && status.currentTask === 'WRITE alpha.txt from alpha', 60_000);
    await h.waitForStatus('beta', (status) => status.state === 'idle' && status.currentTask === 'EDIT notes.md line one=>line one from beta', 60_000);

    expect(await fs.readFile(path.join(place('alpha'), 'alpha.txt'), 'utf8')).toBe('from alpha');
    expect(await fs.readFile(path.join(place('beta'), 'notes.md'), 'utf8')).toBe('line one from beta\nline two\n');
    expect(await exists(path.join(place('beta'), 'alpha.txt'))).toBe(false);
    expect(await fs.readFile(path.join(place('alpha'), 'notes.md'), 'utf8')).toBe('line one\nline two\n');
    expect(await git(repo, 'status', '--porcelain')).toBe('');
    expect(await exists(path.join(repo, 'alpha.txt'))).toBe(false);
    expect(await fs.readFile(path.join(repo, 'notes.md'), 'utf8')).toBe('line one\nline two\n');
    expect(await git(repo, 'rev-parse', 'HEAD')).toBe(head);
  });

  it('diff reports each session its own change; list shows the branch with a dirty mark', async () => {
    const short = head.slice(0, 7);
    const alpha = await h.wingman(['diff', 'alpha']);
    expect(alpha.exitCode).toBe(0);
    expect(alpha.stdout.split('\n')).toEqual([
      `📝 Session 'alpha': 1 file changed (+1 −0) on wingman/alpha against main (${short})`,
      'A alpha.txt  +1 −0',
      '',
      '▸ alpha.txt',
      '@@ -0,0 +1 @@',
      '+from alpha',
      '\\ No newline at end of file',
    ]);
    expect((await h.wingman(['diff', 'beta', '--stat'])).stdout).toBe(`📝 Session 'beta': 1 file changed (+1 −1) on wingman/beta against main (${short})\nM notes.md  +1 −1`);
    const beta = parseJson<DiffJson>(await h.wingman(['diff', 'beta', '--json']));
    expect(beta).toMatchObject({ branch: 'wingman/beta', base: { label: 'main' }, changes: [{ path: 'notes.md', letter: 'M', added: 1, deleted: 1 }] });
    const patch = (await h.wingman(['diff', 'beta', '--patch'])).stdout;
    expect(patch).toContain('-line one\n+line one from beta\n line two');

    const table = (await h.wingman(['list'])).stdout.split('\n');
    expect(table[0]).toMatch(/^NAME +STATE +AGE +LAST ACTIVITY +BRANCH +DIRECTORY$/);
    expect(table.find((line) => line.startsWith('alpha'))).toContain(`wingman/alpha*  ${place('alpha')}`);
    expect((await h.wingman(['status', 'beta'])).stdout).toContain(`Branch: wingman/beta* (uncommitted changes) · worktree ${place('beta')}`);
  });

  it('resume restarts a session in its worktree', async () => {
    await h.tmux.killSession('beta');
    const resumed = await h.wingman(['resume', 'beta']);
    expect(resumed).toMatchObject({ exitCode: 0, stderr: '' });
    expect(resumed.stdout).toContain(`Session 'beta' resumed in ${place('beta')} on branch wingman/beta`);
    await h.waitForStatus('beta', (status) => status.state === 'idle' && status.directory === place('beta'), 60_000);
    expect(await h.tmux.run(['display-message', '-p', '-t', '=beta:', '#{pane_current_path}'])).toBe(place('beta'));
  });

  it('kill keeps a dirty worktree and says so; --remove-worktree refuses over uncommitted work and removes a clean one', async () => {
    const refused = await h.wingman(['kill', 'beta', '--remove-worktree']);
    expect(refused).toEqual({ exitCode: 1, stdout: '', stderr: `wingman: Session 'beta' was not stopped: its worktree ${place('beta')} has 1 uncommitted change (notes.md). Commit them, or kill with --force to discard them.` });
    expect(await h.tmux.hasSession('beta')).toBe(true);

    const kept = await h.wingman(['kill', 'beta']);
    expect(kept).toEqual({ exitCode: 0, stderr: '', stdout: `⏹️ Session 'beta' was stopped and removed. Kept its worktree ${place('beta')} on branch wingman/beta (1 uncommitted change (notes.md)); spawn it again with --worktree to continue there.` });
    expect(await h.tmux.hasSession('beta')).toBe(false);
    expect(await fs.readFile(path.join(place('beta'), 'notes.md'), 'utf8')).toBe('line one from beta\nline two\n');

    // The user commits alpha's work: its worktree is clean, its branch holds one commit main lacks.
    await git(place('alpha'), 'add', 'alpha.txt');
    await git(place('alpha'), 'commit', '-qm', 'alpha.txt from the session');
    const removed = await h.wingman(['kill', 'alpha', '--remove-worktree']);
    expect(removed).toEqual({ exitCode: 0, stderr: '', stdout: `⏹️ Session 'alpha' was stopped and removed. Removed its worktree ${place('alpha')}; kept branch wingman/alpha (1 unmerged commit).` });
    expect(await exists(place('alpha'))).toBe(false);
    expect(await branches(repo)).toEqual(['main', 'wingman/alpha', 'wingman/beta']);
    expect(await worktreePaths(repo)).toEqual([repo, place('beta')]);
    expect(await git(repo, 'status', '--porcelain')).toBe('');
  });
});
