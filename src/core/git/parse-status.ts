/** One entry of `git status --porcelain=v1 -z`. */
export interface StatusEntry {
  /** X: the index against HEAD (`' '` unchanged, `?` untracked, `!` ignored). */
  index: string;
  /** Y: the work tree against the index. */
  worktree: string;
  path: string;
  /** The source of a rename or copy in the index. */
  origPath?: string;
}

/**
 * Parses `git status --porcelain=v1 -z`: `XY PATH\0` per entry; a rename or copy (`R`/`C` in X or
 * Y) is followed by its source path: `XY NEW\0OLD\0`.
 */
export function parseStatus(output: string): StatusEntry[] {
  const fields = output.split('\0');
  const entries: StatusEntry[] = [];
  for (let index = 0; index < fields.length; index += 1) {
    const field = fields[index]!;
    if (field.length < 4 || field[2] !== ' ') continue;
    const entry: StatusEntry = { index: field[0]!, worktree: field[1]!, path: field.slice(3) };
    if (/[RC]/.test(entry.index) || /[RC]/.test(entry.worktree)) {
      const origPath = fields[index + 1];
      index += 1;
      if (origPath !== undefined) entry.origPath = origPath;
    }
    entries.push(entry);
  }
  return entries;
}

export const isUntracked = (entry: StatusEntry): boolean => entry.index === '?';
export const isIgnored = (entry: StatusEntry): boolean => entry.index === '!';

/** Uncommitted work: anything staged, modified or untracked (ignored files are not work). */
export function uncommittedEntries(entries: readonly StatusEntry[]): StatusEntry[] {
  return entries.filter((entry) => !isIgnored(entry));
}
