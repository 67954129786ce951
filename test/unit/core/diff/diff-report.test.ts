import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countLines, mergeFileChanges, totalsOf, type FileChange } from '../../../../src/core/diff/file-changes.js';
import { splitPatch } from '../../../../src/core/diff/split-patch.js';
import { formatDiffHeader, formatDiffStat, formatPhoneDiff, PHONE_MESSAGE_BUDGET, type DiffReport } from '../../../../src/core/diff/format-diff.js';

// `git diff --no-color --no-renames --src-prefix=a/ --dst-prefix=b/ HEAD` from git 2.39 (a tab ends a name with a space).
const PATCH = [
  'diff --git a/a.txt b/a.txt', 'index 422c2b7..de98044 100644', '--- a/a.txt', '+++ b/a.txt', '@@ -1,2 +1,3 @@', ' a', ' b', '+c',
  'diff --git a/bin.dat b/bin.dat', 'index badc806..d479089 100644', 'Binary files a/bin.dat and b/bin.dat differ',
  'diff --git a/gone.txt b/gone.txt', 'deleted file mode 100644', 'index 286c5f5..0000000', '--- a/gone.txt', '+++ /dev/null', '@@ -1 +0,0 @@', '-gone',
  'diff --git a/sp ace.txt b/sp ace.txt', 'old mode 100644', 'new mode 100755', 'index 587be6b..b77b4eb', '--- a/sp ace.txt\t', '+++ b/sp ace.txt\t', '@@ -1 +1,2 @@', ' x', '+y',
  'diff --git "a/\\303\\251.txt" "b/\\303\\251.txt"', 'index c600332..d0bfd01 100644', '--- "a/\\303\\251.txt"', '+++ "b/\\303\\251.txt"', '@@ -1 +1,2 @@', ' é', '+z',
  'diff --git a/mode only.sh b/mode only.sh', 'old mode 100644', 'new mode 100755',
  '',
].join('\n');

describe('splitPatch', () => {
  it('gives each file its hunks without the headers, binary files marked, odd names read right', () => {
    expect(splitPatch(PATCH)).toEqual([
      { path: 'a.txt', hunks: ['@@ -1,2 +1,3 @@', ' a', ' b', '+c'], binary: false },
      { path: 'bin.dat', hunks: [], binary: true },
      { path: 'gone.txt', hunks: ['@@ -1 +0,0 @@', '-gone'], binary: false },
      { path: 'sp ace.txt', hunks: ['@@ -1 +1,2 @@', ' x', '+y'], binary: false },
      { path: 'é.txt', hunks: ['@@ -1 +1,2 @@', ' é', '+z'], binary: false },
      { path: 'mode only.sh', hunks: [], binary: false },
    ]);
  });

  it('reads the patch of a file not yet added (git diff --no-index /dev/null FILE)', () => {
    const patch = 'diff --git a/n.txt b/n.txt\nnew file mode 100644\nindex 0000000..3e75765\n--- /dev/null\n+++ b/n.txt\n@@ -0,0 +1 @@\n+new\n';
    expect(splitPatch(patch)).toEqual([{ path: 'n.txt', hunks: ['@@ -0,0 +1 @@', '+new'], binary: false }]);
    expect(splitPatch('')).toEqual([]);
  });
});

describe('mergeFileChanges', () => {
  it('joins counts and letters of tracked changes with files not yet added, sorted by path', () => {
    const changes = mergeFileChanges(
      [{ path: 'b.txt', added: 2, deleted: 1 }, { path: 'img.png', added: null, deleted: null }, { path: 'gone.txt', added: 0, deleted: 3 }, { path: 'new.txt', oldPath: 'old.txt', added: 0, deleted: 0 }],
      [{ status: 'M', path: 'b.txt' }, { status: 'A', path: 'img.png' }, { status: 'D', path: 'gone.txt' }, { status: 'R', path: 'new.txt', oldPath: 'old.txt' }],
      [{ path: 'a-new.txt', lines: 4 }, { path: 'blob.bin', lines: null }, { path: 'b.txt', lines: 9 }],
    );
    expect(changes).toEqual([
      { path: 'a-new.txt', letter: 'A', added: 4, deleted: 0 },
      { path: 'b.txt', letter: 'M', added: 2, deleted: 1 },
      { path: 'blob.bin', letter: 'A', added: null, deleted: null },
      { path: 'gone.txt', letter: 'D', added: 0, deleted: 3 },
      { path: 'img.png', letter: 'A', added: null, deleted: null },
      { path: 'new.txt', oldPath: 'old.txt', letter: 'R', added: 0, deleted: 0 },
    ]);
    expect(totalsOf(changes)).toEqual({ files: 6, added: 6, deleted: 4 });
  });

  it('counts lines as git does, and calls a file with a NUL binary', () => {
    expect(countLines(Buffer.from(''))).toBe(0);
    expect(countLines(Buffer.from('one\ntwo\n'))).toBe(2);
    expect(countLines(Buffer.from('one\ntwo'))).toBe(2);
    expect(countLines(Buffer.from('a\0b'))).toBeNull();
  });
});

const change = (path: string, added = 1, deleted = 0, letter: FileChange['letter'] = 'M'): FileChange => ({ path, letter, added, deleted });
const report = (changes: FileChange[], extra: Partial<DiffReport> = {}): DiffReport => ({
  session: 'alpha', directory: '/r.wingman/alpha', branch: 'wingman/alpha', worktree: true, base: { label: 'main', commit: '1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d' }, changes, ...extra,
});

describe('formatDiffHeader / formatDiffStat', () => {
  it('names the branch and base for a worktree, the directory otherwise, and says when nothing changed', () => {
    expect(formatDiffHeader(report([change('a.txt', 2, 1), change('b.txt', 3, 0, 'A')]))).toBe("📝 Session 'alpha': 2 files changed (+5 −1) on wingman/alpha against main (1a2b3c4)");
    expect(formatDiffHeader(report([], { worktree: false, directory: '/code/app', branch: 'main', base: { label: 'HEAD', commit: 'ffffffffffffffffffffffffffffffffffffffff' } }))).toBe("📝 Session 'alpha' has changed nothing in /code/app (main) against HEAD (fffffff).");
    expect(formatDiffHeader(report([change('x')], { base: { label: '1a2b3c4', commit: '1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d' } }))).toBe("📝 Session 'alpha': 1 file changed (+1 −0) on wingman/alpha against 1a2b3c4");
  });

  it('lists every file with its letter and counts; binary files and renames read plainly', () => {
    const text = formatDiffStat(report([change('a.txt', 2, 1), { path: 'img.png', letter: 'A', added: null, deleted: null }, { path: 'new.txt', oldPath: 'old.txt', letter: 'R', added: 0, deleted: 0 }]));
    expect(text.split('\n').slice(1)).toEqual(['M a.txt  +2 −1', 'A img.png  binary', 'R old.txt → new.txt  +0 −0']);
  });
});

describe('formatPhoneDiff', () => {
  it('shows the files, then each patch excerpt', () => {
    const text = formatPhoneDiff(report([change('a.txt', 1, 0), { path: 'bin.dat', letter: 'M', added: null, deleted: null }]), splitPatch(PATCH));
    expect(text).toBe([
      "📝 Session 'alpha': 2 files changed (+1 −0) on wingman/alpha against main (1a2b3c4)",
      // Names and patch lines verbatim (a `-  x` line is no bullet, `__init__.py` not bold).
      '```',
      'M a.txt  +1 −0',
      'M bin.dat  binary',
      '',
      '▸ a.txt',
      '@@ -1,2 +1,3 @@', ' a', ' b', '+c',
      '▸ bin.dat',
      '  (binary)',
      '```',
    ].join('\n'));
  });

  it('cuts long files to a few lines, and long lines to the width of a phone', () => {
    const hunks = ['@@ -0,0 +1,30 @@', ...Array.from({ length: 30 }, (_, i) => `+line ${i} ${'x'.repeat(i === 0 ? 200 : 1)}`)];
    const text = formatPhoneDiff(report([change('long.txt', 30, 0, 'A')]), [{ path: 'long.txt', hunks, binary: false }]);
    const lines = text.split('\n');
    expect(lines).toContain('  …19 more lines');
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(100);
    expect(lines.find((line) => line.startsWith('+line 0'))).toMatch(/…$/);
  });

  it('stops at one message with …N more files, and lists at most 12 files', () => {
    const changes = Array.from({ length: 40 }, (_, i) => change(`src/file-${String(i).padStart(2, '0')}.ts`, 12, 0));
    const chunks = changes.map((c) => ({ path: c.path, hunks: ['@@ -0,0 +1,12 @@', ...Array.from({ length: 12 }, (_, i) => `+const value${i} = ${'"some text that takes room"'};`)], binary: false }));
    const text = formatPhoneDiff(report(changes), chunks);
    expect(text.length).toBeLessThanOrEqual(PHONE_MESSAGE_BUDGET);
    const lines = text.split('\n');
    expect(lines.filter((line) => /^M src\/file-/.test(line))).toHaveLength(12);
    expect(lines[14]).toBe('…28 more files');
    const shown = lines.filter((line) => line.startsWith('▸ ')).length;
    expect(shown).toBeGreaterThan(1);
    expect(lines.at(-1)).toBe(`…${40 - shown} more files`);
  });

  it('never goes over the budget and always accounts for every file', () => {
    const arbitraryChange = fc.record({ path: fc.stringMatching(/^[a-z][a-z0-9/_.-]{0,60}$/), added: fc.nat(500), deleted: fc.nat(500) });
    fc.assert(
      fc.property(fc.uniqueArray(arbitraryChange, { selector: (c) => c.path, minLength: 1, maxLength: 60 }), fc.integer({ min: 600, max: 5000 }), fc.nat(40), (raw, budget, hunkLines) => {
        const changes = raw.map((c) => change(c.path, c.added, c.deleted)).sort((a, b) => (a.path < b.path ? -1 : 1));
        const chunks = changes.map((c) => ({ path: c.path, hunks: ['@@ -1 +1 @@', ...Array.from({ length: hunkLines }, (_, i) => `+${'y'.repeat((i * 37) % 150)}`)], binary: false }));
        const text = formatPhoneDiff(report(changes), chunks, budget);
        expect(text.length).toBeLessThanOrEqual(Math.max(budget, 1700));
        const shown = text.split('\n').filter((line) => line.startsWith('▸ ')).length;
        if (shown < changes.length) expect(text.split('\n').at(-1)).toBe(`…${changes.length - shown} more file${changes.length - shown === 1 ? '' : 's'}`);
      }),
      { numRuns: 200 },
    );
  });

  it('says only that nothing changed when nothing did', () => {
    expect(formatPhoneDiff(report([]), [])).toBe("📝 Session 'alpha' has changed nothing on wingman/alpha against main (1a2b3c4).");
  });
});
