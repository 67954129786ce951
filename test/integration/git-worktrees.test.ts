import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitClient } from '../../src/adapters/git/git-client.js';
import { resolveConfig } from '../../src/adapters/store/config-file.js';
import { finishWorktree, inspectWork, prepareWorktree, restoreWorktree } from '../../src/app/worktrees.js';
import { collectSessionDiff } from '../../src/app/steering/diff-session.js';
import { formatPhoneDiff } from '../../src/core/diff/format-diff.js';
import { splitPatch } from '../../src/core/diff/split-patch.js';
import type { SessionRecord } from '../../src/core/session-record.js';
import { makeTempDir, removeDir } from '../support/temp-dir.js';
import { branches, exists, git, makeRepo, worktreePaths, writeFiles } from '../support/git-repo.js';

const client = new GitClient();
let root: string;
let repo: string;

const deps = (worktrees: Record<string, unknown> = {}) => ({ git: client, config: resolveConfig({ worktrees }, {}).worktrees, home: root });
const recordOf = (name: string, workdir: string, worktree?: SessionRecord['worktree']): SessionRecord => ({
  name, agent: 'claude', workdir, tmuxSession: name, createdAt: '2026-11-24T10:00:00.000Z', lastActivityAt: '2026-11-24T10:00:00.000Z', state: 'idle', ...(worktree ? { worktree } : {}),
});

beforeEach(async () => {
  root = await makeTempDir('wingman-git-');
  repo = await makeRepo(path.join(root, 'app'), { 'README.md': '# demo\n', 'src/main.ts': 'export const x = 1;\n', '.gitignore': '.env\n.env.*\nsecrets/\nbuild/\n', 'config/.env.example': 'KEY=\n' });
});

afterEach(async () => {
  await removeDir(root);
});

describe('GitClient', () => {
  it('knows a work tree from a folder outside any repository', async () => {
    expect(await client.topLevel(path.join(repo, 'src'))).toBe(repo);
    expect(await client.topLevel(root)).toBeUndefined();
    expect(await client.currentBranch(repo)).toBe('main');
    expect(await client.resolveCommit(repo, 'main')).toMatch(/^[0-9a-f]{40}$/);
    expect(await client.resolveCommit(repo, 'no-such-ref')).toBeUndefined();
    expect(await client.isValidBranchName(repo, 'wingman/a')).toBe(true);
    expect(await client.isValidBranchName(repo, 'a..b')).toBe(false);
    expect(await client.isValidBranchName(repo, '-x')).toBe(false);
  });

  it('reports a git failure in one line', async () => {
    await expect(client.removeWorktree(repo, path.join(root, 'nowhere'), false)).rejects.toThrowError(/^git worktree failed in .*: '.*nowhere' is not a working tree$/);
  });
});

describe('prepareWorktree', () => {
  it('makes a sibling <repo>.wingman/NAME on a new branch wingman/NAME from the checked-out branch, leaving the main checkout alone', async () => {
    const head = await git(repo, 'rev-parse', 'HEAD');
    const prepared = await prepareWorktree(deps(), 'alpha', repo, {});
    const place = `${repo}.wingman/alpha`;
    expect(prepared).toEqual({ worktree: { repo, path: place, branch: 'wingman/alpha', base: 'main', baseCommit: head, ownsBranch: true }, workdir: place, created: true, newBranch: true, copied: [] });
    expect(await fs.readFile(path.join(place, 'src/main.ts'), 'utf8')).toBe('export const x = 1;\n');
    expect(await git(place, 'symbolic-ref', '--short', 'HEAD')).toBe('wingman/alpha');
    expect(await git(repo, 'status', '--porcelain')).toBe('');
    expect(await git(repo, 'symbolic-ref', '--short', 'HEAD')).toBe('main');
    // Not tracking its base, so a push never lands on main.
    expect(await git(place, 'config', '--get', 'branch.wingman/alpha.merge').catch(() => 'none')).toBe('none');
  });

  it('takes --branch and --base, and starts a session given a folder inside the checkout in the same folder of the worktree', async () => {
    await git(repo, 'branch', 'release');
    await writeFiles(repo, { 'later.txt': 'on main only\n' });
    await git(repo, 'add', '-A');
    await git(repo, 'commit', '-qm', 'later');
    const prepared = await prepareWorktree(deps(), 'beta', path.join(repo, 'src'), { branch: 'feature/x', base: 'release' });
    expect(prepared.worktree).toMatchObject({ branch: 'feature/x', base: 'release', baseCommit: await git(repo, 'rev-parse', 'release'), ownsBranch: true });
    expect(prepared.workdir).toBe(`${repo}.wingman/beta/src`);
    expect(await exists(`${repo}.wingman/beta/later.txt`)).toBe(false);
  });

  it('copies ignored files .worktreeinclude names, and nothing tracked or merely untracked', async () => {
    await writeFiles(repo, { '.worktreeinclude': '.env\nsecrets/\nconfig/.env.example\nnotes.txt\n', '.env': 'TOKEN=abc\n', '.env.local': 'local\n', 'secrets/dev/key.pem': 'KEY\n', 'notes.txt': 'untracked, not ignored\n', 'build/out.js': 'built\n' });
    await git(repo, 'add', '.worktreeinclude');
    await git(repo, 'add', '-f', 'config/.env.example'); // tracked though .gitignore matches it
    await git(repo, 'commit', '-qm', 'include');
    await fs.chmod(path.join(repo, '.env'), 0o600);
    const prepared = await prepareWorktree(deps(), 'gamma', repo, {});
    expect(prepared.copied).toEqual(['.env', 'secrets/dev/key.pem']);
    const place = prepared.worktree.path;
    expect(await fs.readFile(path.join(place, '.env'), 'utf8')).toBe('TOKEN=abc\n');
    expect((await fs.stat(path.join(place, '.env'))).mode & 0o777).toBe(0o600);
    expect(await exists(path.join(place, 'notes.txt'))).toBe(false);
    expect(await exists(path.join(place, '.env.local'))).toBe(false);
    expect(await exists(path.join(place, 'build'))).toBe(false);
    expect(await fs.readFile(path.join(place, 'config/.env.example'), 'utf8')).toBe('KEY=\n'); // checked out, not copied
    // The copies are ignored there too: the new worktree starts clean.
    expect(await git(place, 'status', '--porcelain')).toBe('');
  });

  it('runs the setup command in the new worktree before it returns, with the session in its environment', async () => {
    const setup = 'printf "%s %s %s" "$WINGMAN_SESSION" "$WINGMAN_BRANCH" "$(pwd)" > .setup-ran';
    await writeFiles(repo, { '.gitignore': '.setup-ran\n' });
    await git(repo, 'commit', '-qam', 'ignore the stamp');
    const prepared = await prepareWorktree(deps({ setup }), 'delta', repo, {});
    expect(await fs.readFile(path.join(prepared.worktree.path, '.setup-ran'), 'utf8')).toBe(`delta wingman/delta ${prepared.worktree.path}`);
  });

  it('removes what it made when the setup command fails, and says why', async () => {
    const before = await branches(repo);
    await expect(prepareWorktree(deps({ setup: ['sh', '-c', 'echo installing; echo "npm ERR! missing lockfile" >&2; exit 3'] }), 'eps', repo, {})).rejects.toThrowError(
      `The setup command (sh -c echo installing; echo "npm ERR! missing lockfile" >&2; exit 3) failed in ${repo}.wingman/eps (exit 3): npm ERR! missing lockfile. The new worktree was removed.`,
    );
    expect(await branches(repo)).toEqual(before);
    expect(await worktreePaths(repo)).toEqual([repo]);
    expect(await exists(`${repo}.wingman/eps`)).toBe(false);
  });

  describe('refuses, creating nothing', () => {
    const nothingCreated = async (place: string, before: string[]) => {
      expect(await branches(repo)).toEqual(before);
      expect(await worktreePaths(repo)).toEqual([repo]);
      expect(await exists(place)).toBe(false);
    };

    it('outside a git repository', async () => {
      const plain = path.join(root, 'plain');
      await fs.mkdir(plain);
      await expect(prepareWorktree(deps(), 'x', plain, {})).rejects.toThrowError(`Work directory ${plain} is not in a git repository; --worktree needs one.`);
      expect(await fs.readdir(root)).toEqual(['app', 'plain']);
    });

    it('a branch checked out elsewhere', async () => {
      const before = await branches(repo);
      await expect(prepareWorktree(deps(), 'x', repo, { branch: 'main' })).rejects.toThrowError(`Branch main is already checked out in ${repo}; pick another --branch or session name.`);
      await nothingCreated(`${repo}.wingman/x`, before);
    });

    it('a place that exists and is not empty', async () => {
      const before = await branches(repo);
      await writeFiles(`${repo}.wingman/x`, { 'stray.txt': 'someone else’s\n' });
      await expect(prepareWorktree(deps(), 'x', repo, {})).rejects.toThrowError(`The worktree place ${repo}.wingman/x already exists and is not empty; remove it or pick another session name.`);
      expect(await branches(repo)).toEqual(before);
      expect(await worktreePaths(repo)).toEqual([repo]);
      expect(await fs.readdir(`${repo}.wingman/x`)).toEqual(['stray.txt']);
    });

    it('a place inside the repository, a bad branch name, a base that is no commit', async () => {
      const before = await branches(repo);
      await expect(prepareWorktree(deps({ place: '{repo}/.worktrees/{name}' }), 'x', repo, {})).rejects.toThrowError(`The worktree place ${repo}/.worktrees/x lies inside the repository ${repo}; set worktrees.place to a folder outside it.`);
      await expect(prepareWorktree(deps(), 'x', repo, { branch: 'bad..name' })).rejects.toThrowError('"bad..name" is not a valid git branch name.');
      await expect(prepareWorktree(deps(), 'x', repo, { base: 'nope' })).rejects.toThrowError(`--base nope names no commit in ${repo}.`);
      await nothingCreated(`${repo}.wingman/x`, before);
      expect(await exists(`${repo}/.worktrees`)).toBe(false);
    });

    it('a repository without a commit', async () => {
      const empty = path.join(root, 'empty');
      await fs.mkdir(empty);
      await git(empty, 'init', '-q', '-b', 'main');
      await expect(prepareWorktree(deps(), 'x', empty, {})).rejects.toThrowError(`${empty} has no commit yet; commit once, then spawn with --worktree.`);
      expect(await exists(`${empty}.wingman`)).toBe(false);
    });
  });

  it('continues in a worktree an earlier session left at its place, and puts back one whose folder went', async () => {
    const first = await prepareWorktree(deps(), 'zeta', repo, {});
    await writeFiles(first.worktree.path, { 'work.txt': 'kept\n' });
    const again = await prepareWorktree(deps(), 'zeta', repo, {});
    expect(again).toMatchObject({ created: false, workdir: first.worktree.path, worktree: { branch: 'wingman/zeta', baseCommit: first.worktree.baseCommit, ownsBranch: true } });
    expect(await fs.readFile(path.join(first.worktree.path, 'work.txt'), 'utf8')).toBe('kept\n');

    await git(first.worktree.path, 'add', '-A');
    await git(first.worktree.path, 'commit', '-qm', 'work');
    await fs.rm(first.worktree.path, { recursive: true });
    expect(await restoreWorktree(client, 'zeta', first.worktree)).toBe(true);
    expect(await fs.readFile(path.join(first.worktree.path, 'work.txt'), 'utf8')).toBe('kept\n');
    expect(await restoreWorktree(client, 'zeta', first.worktree)).toBe(false);
  });
});

describe('finishing a worktree', () => {
  it('plain: removes a worktree and branch that hold nothing, keeps one with uncommitted work', async () => {
    const empty = (await prepareWorktree(deps(), 'a', repo, {})).worktree;
    expect(await finishWorktree(client, empty, 'keep')).toEqual({ path: empty.path, branch: 'wingman/a', removed: true, branchDeleted: true, work: { uncommitted: [], unmerged: 0 } });
    expect(await exists(empty.path)).toBe(false);
    expect(await branches(repo)).toEqual(['main']);

    const dirty = (await prepareWorktree(deps(), 'b', repo, {})).worktree;
    await writeFiles(dirty.path, { 'new.txt': 'hello\n', 'README.md': '# changed\n' });
    expect(await inspectWork(client, dirty)).toEqual({ uncommitted: ['README.md', 'new.txt'], unmerged: 0, present: true });
    expect(await finishWorktree(client, dirty, 'keep')).toMatchObject({ removed: false, branchDeleted: false, work: { uncommitted: ['README.md', 'new.txt'] } });
    expect(await exists(path.join(dirty.path, 'new.txt'))).toBe(true);
  });

  it('--remove-worktree: removes a committed worktree and keeps its unmerged branch; --force discards both', async () => {
    const committed = (await prepareWorktree(deps(), 'c', repo, {})).worktree;
    await writeFiles(committed.path, { 'feature.txt': 'done\n' });
    await git(committed.path, 'add', '-A');
    await git(committed.path, 'commit', '-qm', 'feature');
    expect(await finishWorktree(client, committed, 'keep')).toMatchObject({ removed: false, work: { uncommitted: [], unmerged: 1 } });
    expect(await finishWorktree(client, committed, 'remove')).toMatchObject({ removed: true, branchDeleted: false, work: { unmerged: 1 } });
    expect(await exists(committed.path)).toBe(false);
    expect(await branches(repo)).toContain('wingman/c');

    const dirty = (await prepareWorktree(deps(), 'd', repo, {})).worktree;
    await writeFiles(dirty.path, { 'scratch.txt': 'x\n' });
    expect(await finishWorktree(client, dirty, 'discard')).toMatchObject({ removed: true, branchDeleted: true, work: { uncommitted: ['scratch.txt'] } });
    expect(await exists(dirty.path)).toBe(false);
    expect(await branches(repo)).not.toContain('wingman/d');
  });

  it('counts a branch merged into its base as holding nothing, and never deletes a branch wingman did not make', async () => {
    const merged = (await prepareWorktree(deps(), 'e', repo, {})).worktree;
    await writeFiles(merged.path, { 'merged.txt': 'in main now\n' });
    await git(merged.path, 'add', '-A');
    await git(merged.path, 'commit', '-qm', 'to merge');
    await git(repo, 'merge', '-q', '--ff-only', 'wingman/e');
    expect(await finishWorktree(client, merged, 'keep')).toMatchObject({ removed: true, branchDeleted: true, work: { uncommitted: [], unmerged: 0 } });

    await git(repo, 'branch', 'mine');
    const theirs = (await prepareWorktree(deps(), 'f', repo, { branch: 'mine' })).worktree;
    expect(theirs.ownsBranch).toBe(false);
    expect(await finishWorktree(client, theirs, 'discard')).toMatchObject({ removed: true, branchDeleted: false });
    expect(await branches(repo)).toContain('mine');
  });
});

describe('collectSessionDiff', () => {
  it('reports committed, uncommitted and new files of a worktree against where it left its base', async () => {
    const worktree = (await prepareWorktree(deps(), 'g', repo, {})).worktree;
    const place = worktree.path;
    await writeFiles(place, { 'committed.txt': 'one\ntwo\n' });
    await git(place, 'add', '-A');
    await git(place, 'commit', '-qm', 'committed');
    await writeFiles(place, { 'README.md': '# demo\nmore\n', 'new dir/fresh.txt': 'a\nb\nc\n', 'blob.bin': 'a\0b' });
    await fs.rm(path.join(place, 'src/main.ts'));
    // main moves on meanwhile: none of that is the session's change.
    await writeFiles(repo, { 'main-only.txt': 'x\n' });
    await git(repo, 'add', '-A');
    await git(repo, 'commit', '-qm', 'main moves');

    const { report, patch } = await collectSessionDiff(client, recordOf('g', place, worktree));
    expect(report).toMatchObject({ session: 'g', directory: place, branch: 'wingman/g', worktree: true, base: { label: 'main', commit: worktree.baseCommit } });
    expect(report.changes).toEqual([
      { path: 'README.md', letter: 'M', added: 1, deleted: 0 },
      { path: 'blob.bin', letter: 'A', added: null, deleted: null },
      { path: 'committed.txt', letter: 'A', added: 2, deleted: 0 },
      { path: 'new dir/fresh.txt', letter: 'A', added: 3, deleted: 0 },
      { path: 'src/main.ts', letter: 'D', added: 0, deleted: 1 },
    ]);
    const text = formatPhoneDiff(report, splitPatch(patch));
    expect(text.split('\n').slice(0, 7)).toEqual([
      `📝 Session 'g': 5 files changed (+6 −1) on wingman/g against main (${worktree.baseCommit.slice(0, 7)})`,
      '```',
      'M README.md  +1 −0', 'A blob.bin  binary', 'A committed.txt  +2 −0', 'A new dir/fresh.txt  +3 −0', 'D src/main.ts  +0 −1',
    ]);
    expect(text).toContain('▸ new dir/fresh.txt\n@@ -0,0 +1,3 @@\n+a\n+b\n+c');
    expect(text).not.toContain('main-only');
    expect(await git(repo, 'status', '--porcelain')).toBe('');

    const since = await collectSessionDiff(client, recordOf('g', place, worktree), { against: 'HEAD' });
    expect(since.report.changes.map((change) => change.path)).toEqual(['README.md', 'blob.bin', 'new dir/fresh.txt', 'src/main.ts']);
    await expect(collectSessionDiff(client, recordOf('g', place, worktree), { against: 'nope' })).rejects.toThrowError(`--against nope names no commit in ${place}.`);
  });

  it('for a session in a folder of the user own: its uncommitted changes there against HEAD; outside git, a reason', async () => {
    await writeFiles(repo, { 'src/main.ts': 'export const x = 2;\n', 'README.md': '# outside src\n' });
    const { report } = await collectSessionDiff(client, recordOf('h', path.join(repo, 'src')));
    expect(report).toMatchObject({ worktree: false, branch: 'main', base: { label: 'HEAD' } });
    expect(report.changes).toEqual([{ path: 'src/main.ts', letter: 'M', added: 1, deleted: 1 }]);
    const plain = path.join(root, 'plain');
    await fs.mkdir(plain);
    await expect(collectSessionDiff(client, recordOf('i', plain))).rejects.toThrowError(`Session 'i' works in ${plain}, which is not in a git repository; there is nothing to diff.`);
  });
});
