import { describe, expect, it } from 'vitest';
import { parseWorktreeList } from '../../../../src/core/git/parse-worktree-list.js';
import { parseNumstat } from '../../../../src/core/git/parse-numstat.js';
import { parseNameStatus } from '../../../../src/core/git/parse-name-status.js';
import { parseStatus, uncommittedEntries } from '../../../../src/core/git/parse-status.js';

// Outputs captured from git 2.39 on a repository with a linked, a detached-and-locked and a moved worktree.
const HEAD = '3ab5577c041176010d2b9ae29d60fec2aba1dbfe';
const LIST = [
  `worktree /tmp/r`, `HEAD ${HEAD}`, 'branch refs/heads/main', '',
  `worktree /tmp/det`, `HEAD ${HEAD}`, 'detached', 'locked on usb', '',
  `worktree /tmp/r.wingman/x`, `HEAD ${HEAD}`, 'branch refs/heads/wingman/x', '',
  `worktree /tmp/gone`, `HEAD ${HEAD}`, 'branch refs/heads/old', 'locked', 'prunable gitdir file points to non-existent location', '',
  '',
].join('\n');

describe('parseWorktreeList', () => {
  it('reads the main checkout first, then each linked worktree with its branch, detached, locked and prunable marks', () => {
    expect(parseWorktreeList(LIST)).toEqual([
      { path: '/tmp/r', head: HEAD, branch: 'main', bare: false, detached: false },
      { path: '/tmp/det', head: HEAD, bare: false, detached: true, locked: 'on usb' },
      { path: '/tmp/r.wingman/x', head: HEAD, branch: 'wingman/x', bare: false, detached: false },
      { path: '/tmp/gone', head: HEAD, branch: 'old', bare: false, detached: false, locked: true, prunable: 'gitdir file points to non-existent location' },
    ]);
  });

  it('reads the -z form the same way, paths with spaces and newlines included', () => {
    const z = `worktree /tmp/my repo\0HEAD ${HEAD}\0branch refs/heads/main\0\0worktree /tmp/odd\nname\0HEAD ${HEAD}\0detached\0\0`;
    expect(parseWorktreeList(z)).toEqual([
      { path: '/tmp/my repo', head: HEAD, branch: 'main', bare: false, detached: false },
      { path: '/tmp/odd\nname', head: HEAD, bare: false, detached: true },
    ]);
  });

  it('reads a bare main repository and ignores attributes it does not know', () => {
    expect(parseWorktreeList('worktree /srv/repo.git\nbare\n\nworktree /srv/wt\nHEAD abc\nbranch refs/heads/x\nfuture-flag yes\n')).toEqual([
      { path: '/srv/repo.git', bare: true, detached: false },
      { path: '/srv/wt', head: 'abc', branch: 'x', bare: false, detached: false },
    ]);
    expect(parseWorktreeList('')).toEqual([]);
    expect(parseWorktreeList('HEAD abc\n')).toEqual([]);
  });
});

describe('parseNumstat', () => {
  it('reads counts, binary files and renames (-z)', () => {
    const output = '2\t0\ta.txt\0-\t-\tbin.dat\x000\t0\t\0old.txt\0new name.txt\0';
    expect(parseNumstat(output)).toEqual([
      { path: 'a.txt', added: 2, deleted: 0 },
      { path: 'bin.dat', added: null, deleted: null },
      { path: 'new name.txt', oldPath: 'old.txt', added: 0, deleted: 0 },
    ]);
  });

  it('reads the --no-renames form, and nothing from an empty diff', () => {
    expect(parseNumstat('2\t0\ta.txt\x00-\t-\tbin.dat\x001\t0\tnew name.txt\x000\t1\told.txt\0')).toEqual([
      { path: 'a.txt', added: 2, deleted: 0 },
      { path: 'bin.dat', added: null, deleted: null },
      { path: 'new name.txt', added: 1, deleted: 0 },
      { path: 'old.txt', added: 0, deleted: 1 },
    ]);
    expect(parseNumstat('')).toEqual([]);
  });

  it('keeps tabs inside a path and survives a truncated rename', () => {
    expect(parseNumstat('1\t1\twith\ttab.txt\0')).toEqual([{ path: 'with\ttab.txt', added: 1, deleted: 1 }]);
    expect(parseNumstat('1\t1\t\0only-old\0')).toEqual([]);
  });
});

describe('parseNameStatus', () => {
  it('reads letters, and renames with their source (-z)', () => {
    expect(parseNameStatus('M\0a.txt\0M\0bin.dat\0R100\0old.txt\0new name.txt\0A\0n.txt\0D\0gone.txt\0T\0link\0')).toEqual([
      { status: 'M', path: 'a.txt' },
      { status: 'M', path: 'bin.dat' },
      { status: 'R', path: 'new name.txt', oldPath: 'old.txt' },
      { status: 'A', path: 'n.txt' },
      { status: 'D', path: 'gone.txt' },
      { status: 'T', path: 'link' },
    ]);
    expect(parseNameStatus('')).toEqual([]);
  });
});

describe('parseStatus', () => {
  const output = 'MM a.txt\0 M bin.dat\0R  new name.txt\0old.txt\0?? d/z.txt\0?? un tracked.txt\0!! node_modules/\0';

  it('reads XY, the path, a rename source, untracked and ignored entries (-z)', () => {
    expect(parseStatus(output)).toEqual([
      { index: 'M', worktree: 'M', path: 'a.txt' },
      { index: ' ', worktree: 'M', path: 'bin.dat' },
      { index: 'R', worktree: ' ', path: 'new name.txt', origPath: 'old.txt' },
      { index: '?', worktree: '?', path: 'd/z.txt' },
      { index: '?', worktree: '?', path: 'un tracked.txt' },
      { index: '!', worktree: '!', path: 'node_modules/' },
    ]);
  });

  it('counts everything but ignored files as uncommitted work', () => {
    expect(uncommittedEntries(parseStatus(output)).map((entry) => entry.path)).toEqual(['a.txt', 'bin.dat', 'new name.txt', 'd/z.txt', 'un tracked.txt']);
    expect(parseStatus('')).toEqual([]);
  });
});
