import type { NameStatusEntry } from '../git/parse-name-status.js';
import type { NumstatEntry } from '../git/parse-numstat.js';

/** `A` added (committed, staged or not yet added alike), `M` modified, `D` deleted, `T` type changed, `R` renamed. */
export type ChangeLetter = 'A' | 'M' | 'D' | 'T' | 'R';

export interface FileChange {
  path: string;
  oldPath?: string | undefined;
  letter: ChangeLetter;
  /** Line counts; `null` for a binary file. */
  added: number | null;
  deleted: number | null;
}

export interface UntrackedFile {
  path: string;
  /** Its line count; `null` when binary. */
  lines: number | null;
}

const LETTER: Record<NameStatusEntry['status'], ChangeLetter> = { A: 'A', C: 'A', D: 'D', M: 'M', R: 'R', T: 'T', U: 'M', X: 'M' };

/**
 * One list of what changed against the base: tracked changes (`git diff BASE`, committed and
 * uncommitted together) with their counts, and files not yet added (`??` in `git status`), sorted by path.
 */
export function mergeFileChanges(numstat: readonly NumstatEntry[], nameStatus: readonly NameStatusEntry[], untracked: readonly UntrackedFile[]): FileChange[] {
  const letters = new Map(nameStatus.map((entry) => [entry.path, LETTER[entry.status]]));
  const changes = new Map<string, FileChange>();
  for (const entry of numstat) {
    changes.set(entry.path, { path: entry.path, ...(entry.oldPath ? { oldPath: entry.oldPath } : {}), letter: letters.get(entry.path) ?? (entry.oldPath ? 'R' : 'M'), added: entry.added, deleted: entry.deleted });
  }
  for (const file of untracked) {
    if (!changes.has(file.path)) changes.set(file.path, { path: file.path, letter: 'A', added: file.lines, deleted: file.lines === null ? null : 0 });
  }
  return [...changes.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export interface ChangeTotals {
  files: number;
  added: number;
  deleted: number;
}

export function totalsOf(changes: readonly FileChange[]): ChangeTotals {
  return changes.reduce((sum, change) => ({ files: sum.files + 1, added: sum.added + (change.added ?? 0), deleted: sum.deleted + (change.deleted ?? 0) }), { files: 0, added: 0, deleted: 0 });
}

/** Lines of a text file as `git diff` counts them (a last line without newline counts); `null` for binary (a NUL in the first 8000 bytes, git's own test). */
export function countLines(content: Buffer): number | null {
  if (content.subarray(0, 8000).includes(0)) return null;
  if (content.length === 0) return 0;
  let lines = 0;
  for (const byte of content) if (byte === 0x0a) lines += 1;
  return content[content.length - 1] === 0x0a ? lines : lines + 1;
}
