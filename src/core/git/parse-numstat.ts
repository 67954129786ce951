/** One file of `git diff --numstat -z`; `null` counts mean a binary file. */
export interface NumstatEntry {
  path: string;
  /** The path before a rename or copy (only with rename detection on). */
  oldPath?: string;
  added: number | null;
  deleted: number | null;
}

/**
 * Parses `git diff --numstat -z`: `ADDED\tDELETED\tPATH\0` per file, or for a rename
 * `ADDED\tDELETED\t\0OLD\0NEW\0`; binary files count `-\t-`.
 */
export function parseNumstat(output: string): NumstatEntry[] {
  const fields = output.split('\0');
  const entries: NumstatEntry[] = [];
  for (let index = 0; index < fields.length; index += 1) {
    const field = fields[index]!;
    if (field === '') continue;
    const match = /^(-|\d+)\t(-|\d+)\t([\s\S]*)$/.exec(field);
    if (!match) continue;
    const added = match[1] === '-' ? null : Number(match[1]);
    const deleted = match[2] === '-' ? null : Number(match[2]);
    if (match[3] !== '') {
      entries.push({ path: match[3]!, added, deleted });
      continue;
    }
    const oldPath = fields[index + 1];
    const path = fields[index + 2];
    index += 2;
    if (!oldPath || !path) break;
    entries.push({ path, oldPath, added, deleted });
  }
  return entries;
}
