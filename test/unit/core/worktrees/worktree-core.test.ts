import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../../src/adapters/store/config-file.js';
import { setupArgv, worktreeBranch, worktreePlace, worktreeSettingsFor } from '../../../../src/core/worktrees/worktree-settings.js';
import { planWorktree, type WorktreePlanInput } from '../../../../src/core/worktrees/worktree-plan.js';
import { finishRefusal, formatWorktreeOutcome, planFinish } from '../../../../src/core/worktrees/finish-plan.js';
import { selectIncludedFiles } from '../../../../src/core/worktrees/worktree-include.js';
import type { SessionWorktree } from '../../../../src/core/session-record.js';
import { sessionRecordSchema } from '../../../../src/core/session-record.js';

describe('worktree config', () => {
  it('defaults: off, a sibling <repo>.wingman/NAME, branch wingman/NAME, no setup', () => {
    expect(resolveConfig({}, {}).worktrees).toEqual({ enabled: false, place: '{repo}.wingman/{name}', branch: 'wingman/{name}', setupTimeoutMs: 600_000, roots: {} });
  });

  it('takes a setup line or argv and per-root settings; refuses a place or branch without {name}', () => {
    const config = resolveConfig({ worktrees: { setup: 'npm ci', roots: { '/code': { enabled: true, setup: ['make', 'deps'] } } } }, {});
    expect(config.worktrees.setup).toBe('npm ci');
    expect(config.worktrees.roots['/code']).toEqual({ enabled: true, setup: ['make', 'deps'] });
    expect(() => resolveConfig({ worktrees: { place: '/tmp/shared' } }, {})).toThrowError(/worktrees\.place: worktrees\.place must contain \{name\}/);
    expect(() => resolveConfig({ worktrees: { roots: { '/code': { branch: 'fixed' } } } }, {})).toThrowError(/must contain \{name\}/);
    expect(() => resolveConfig({ worktrees: { setup: '' } }, {})).toThrowError(/worktrees\.setup/);
    expect(() => resolveConfig({ worktrees: { roots: { '/code': { bogus: 1 } } } }, {})).toThrowError(/Unrecognized key/i);
  });

  it('lays the closest root over the global settings', () => {
    const { worktrees } = resolveConfig({ worktrees: { setup: 'global', roots: { '/code': { enabled: true, setup: 'npm ci' }, '/code/py': { setup: 'pip install -e .', place: '/wt/{repoName}/{name}' } } } }, {});
    const roots = Object.entries(worktrees.roots);
    expect(worktreeSettingsFor(worktrees, '/code/py/app', roots)).toMatchObject({ enabled: true, setup: 'pip install -e .', place: '/wt/{repoName}/{name}', branch: 'wingman/{name}' });
    expect(worktreeSettingsFor(worktrees, '/code/web', roots)).toMatchObject({ enabled: true, setup: 'npm ci', place: '{repo}.wingman/{name}' });
    expect(worktreeSettingsFor(worktrees, '/elsewhere', roots)).toMatchObject({ enabled: false, setup: 'global' });
    expect(worktreeSettingsFor(worktrees, '/codex', roots).enabled).toBe(false);
  });

  it('fills the templates: beside the repository by default, ~ and relative places, unknown placeholders refused', () => {
    const values = { repo: '/code/vsr', name: 'fix-1', home: '/home/me' };
    expect(worktreePlace('{repo}.wingman/{name}', values)).toBe('/code/vsr.wingman/fix-1');
    expect(worktreePlace('~/worktrees/{repoName}/{name}', values)).toBe('/home/me/worktrees/vsr/fix-1');
    expect(worktreePlace('wt/{name}', values)).toBe('/code/wt/fix-1');
    expect(worktreeBranch('wingman/{name}', values)).toBe('wingman/fix-1');
    expect(() => worktreePlace('{root}/{name}', values)).toThrowError('worktrees.place has an unknown placeholder {root}; use {repo}, {repoName} or {name}.');
    expect(setupArgv('npm ci && npm run build')).toEqual(['sh', '-c', 'npm ci && npm run build']);
    expect(setupArgv(['npm', 'ci'])).toEqual(['npm', 'ci']);
  });
});

describe('planWorktree', () => {
  const main = { path: '/code/vsr', head: 'a'.repeat(40), branch: 'main', bare: false, detached: false };
  const base: WorktreePlanInput = { repo: '/code/vsr', worktrees: [main], target: '/code/vsr.wingman/a', branch: 'wingman/a', branchExists: false, targetState: 'missing', baseGiven: false };

  it('creates a new branch, or checks out an existing branch no worktree holds', () => {
    expect(planWorktree(base)).toEqual({ kind: 'create', newBranch: true });
    expect(planWorktree({ ...base, targetState: 'empty' })).toEqual({ kind: 'create', newBranch: true });
    expect(planWorktree({ ...base, branchExists: true })).toEqual({ kind: 'create', newBranch: false });
  });

  it('continues in a worktree an earlier kill kept at the same place on the same branch', () => {
    expect(planWorktree({ ...base, branchExists: true, targetState: 'not_empty', worktrees: [main, { ...main, path: '/code/vsr.wingman/a', branch: 'wingman/a' }] })).toEqual({ kind: 'reuse' });
  });

  it.each([
    ['a branch checked out elsewhere', { branch: 'main', branchExists: true }, 'Branch main is already checked out in /code/vsr; pick another --branch or session name.'],
    ['a place inside the repository', { target: '/code/vsr/.wt/a' }, 'The worktree place /code/vsr/.wt/a lies inside the repository /code/vsr; set worktrees.place to a folder outside it.'],
    ['a place that is not empty', { targetState: 'not_empty' }, 'The worktree place /code/vsr.wingman/a already exists and is not empty; remove it or pick another session name.'],
    ['a place that is a file', { targetState: 'file' }, 'The worktree place /code/vsr.wingman/a is a file; remove it or pick another session name.'],
    ['--base for a branch that exists', { branchExists: true, baseGiven: true }, 'Branch wingman/a already exists; --base only applies to a new branch.'],
    ['a place that is a worktree on another branch', { targetState: 'not_empty', worktrees: [main, { ...main, path: '/code/vsr.wingman/a', branch: 'other' }] }, '/code/vsr.wingman/a is already a worktree of /code/vsr on branch other; pick another session name or remove it (git worktree remove).'],
    ['a place that is a detached worktree', { targetState: 'not_empty', worktrees: [main, { ...main, path: '/code/vsr.wingman/a', branch: undefined, detached: true }] }, '/code/vsr.wingman/a is already a worktree of /code/vsr on a detached HEAD; pick another session name or remove it (git worktree remove).'],
  ] as const)('refuses %s', (_what, change, message) => {
    expect(() => planWorktree({ ...base, ...change } as WorktreePlanInput)).toThrowError(message);
  });
});

describe('planFinish', () => {
  const nothing = { uncommitted: [], unmerged: 0 };
  const dirty = { uncommitted: ['a.txt'], unmerged: 0 };
  const committed = { uncommitted: [], unmerged: 2 };

  it('plain kill removes only a worktree and branch that hold nothing, and never a branch wingman did not make', () => {
    expect(planFinish(nothing, 'keep', true)).toEqual({ removeWorktree: true, force: false, deleteBranch: true });
    expect(planFinish(nothing, 'keep', false)).toEqual({ removeWorktree: true, force: false, deleteBranch: false });
    expect(planFinish(dirty, 'keep', true)).toEqual({ removeWorktree: false, force: false, deleteBranch: false });
    expect(planFinish(committed, 'keep', true)).toEqual({ removeWorktree: false, force: false, deleteBranch: false });
  });

  it('--remove-worktree removes a clean worktree and keeps a branch with unmerged commits', () => {
    expect(planFinish(committed, 'remove', true)).toEqual({ removeWorktree: true, force: false, deleteBranch: false });
    expect(planFinish(nothing, 'remove', true)).toEqual({ removeWorktree: true, force: false, deleteBranch: true });
    expect(planFinish(dirty, 'remove', true)).toEqual({ removeWorktree: false, force: false, deleteBranch: false });
  });

  it('--force discards everything of its own', () => {
    expect(planFinish({ uncommitted: ['a'], unmerged: 3 }, 'discard', true)).toEqual({ removeWorktree: true, force: true, deleteBranch: true });
    expect(planFinish({ uncommitted: ['a'], unmerged: 3 }, 'discard', false)).toEqual({ removeWorktree: true, force: true, deleteBranch: false });
  });

  it('refuses --remove-worktree over uncommitted changes, naming them', () => {
    const worktree: SessionWorktree = { repo: '/r', path: '/r.wingman/a', branch: 'wingman/a', base: 'main', baseCommit: 'a'.repeat(40), ownsBranch: true };
    expect(finishRefusal('a', worktree, { uncommitted: ['x.txt', 'y.txt', 'z.txt', 'w.txt'], unmerged: 0 }, 'remove')).toBe("Session 'a' was not stopped: its worktree /r.wingman/a has 4 uncommitted changes (x.txt, y.txt, z.txt, …1 more). Commit them, or kill with --force to discard them.");
    expect(finishRefusal('a', worktree, dirty, 'keep')).toBeUndefined();
    expect(finishRefusal('a', worktree, committed, 'remove')).toBeUndefined();
  });

  it('says what became of the worktree and branch', () => {
    const at = { path: '/r.wingman/a', branch: 'wingman/a' };
    expect(formatWorktreeOutcome({ ...at, removed: false, branchDeleted: false, work: { uncommitted: ['n.txt'], unmerged: 1 } })).toBe('Kept its worktree /r.wingman/a on branch wingman/a (1 uncommitted change (n.txt), 1 unmerged commit); spawn it again with --worktree to continue there.');
    expect(formatWorktreeOutcome({ ...at, removed: true, branchDeleted: true, work: nothing })).toBe('Its worktree held no changes: removed /r.wingman/a and branch wingman/a.');
    expect(formatWorktreeOutcome({ ...at, removed: true, branchDeleted: false, work: committed })).toBe('Removed its worktree /r.wingman/a; kept branch wingman/a (2 unmerged commits).');
    expect(formatWorktreeOutcome({ ...at, removed: true, branchDeleted: true, work: { uncommitted: ['n.txt'], unmerged: 2 } })).toBe('Discarded its worktree /r.wingman/a and branch wingman/a (1 uncommitted change (n.txt), 2 unmerged commits).');
    expect(formatWorktreeOutcome({ ...at, removed: true, branchDeleted: false, work: dirty })).toBe('Discarded its worktree /r.wingman/a (1 uncommitted change (a.txt)); branch wingman/a stays (wingman did not make it).');
    expect(formatWorktreeOutcome({ ...at, removed: false, branchDeleted: false, work: nothing, failure: 'locked' })).toBe('Kept its worktree /r.wingman/a on branch wingman/a (no changes): git could not remove it: locked');
  });
});

describe('selectIncludedFiles', () => {
  const ignored = ['.env', '.env.local', 'node_modules/x/index.js', 'docs/.env', 'build/out.js', 'secrets/dev/key.pem', 'debug.log'];

  it('copies the ignored files .worktreeinclude names, in gitignore syntax (negation, anchors, directories)', () => {
    const include = '# secrets\n.env*\n!.env.local\n/docs/.env\nsecrets/\n';
    expect(selectIncludedFiles(include, ignored)).toEqual(['.env', 'docs/.env', 'secrets/dev/key.pem']);
    expect(selectIncludedFiles('', ignored)).toEqual([]);
    expect(selectIncludedFiles('*.log\r\n', ignored)).toEqual(['debug.log']);
  });

  it('never copies what git does not ignore, since only ignored paths are offered', () => {
    expect(selectIncludedFiles('*\n', ['.env'])).toEqual(['.env']);
    expect(selectIncludedFiles('*\n', ['dir/'])).toEqual([]);
  });
});

describe('session records', () => {
  const record = { name: 'a', agent: 'claude', workdir: '/r', tmuxSession: 'a', createdAt: '2026-01-01T00:00:00.000Z', lastActivityAt: '2026-01-01T00:00:00.000Z', state: 'idle' };

  it('load without a worktree (older registries) and with one', () => {
    expect(sessionRecordSchema.parse(record).worktree).toBeUndefined();
    const worktree = { repo: '/r', path: '/r.wingman/a', branch: 'wingman/a', base: 'main', baseCommit: 'b'.repeat(40), ownsBranch: true };
    expect(sessionRecordSchema.parse({ ...record, worktree }).worktree).toEqual(worktree);
    expect(sessionRecordSchema.safeParse({ ...record, worktree: { ...worktree, baseCommit: 'main' } }).success).toBe(false);
  });
});
