/** `git diff --name-status` letters: added, copied, deleted, modified, renamed, type changed, unmerged, unknown. */
export type NameStatusLetter = 'A' | 'C' | 'D' | 'M' | 'R' | 'T' | 'U' | 'X';

export interface NameStatusEntry {
  status: NameStatusLetter;
  path: string;
  /** The source of a rename or copy. */
  oldPath?: string;
}

const LETTERS = new Set<string>(['A', 'C', 'D', 'M', 'R', 'T', 'U', 'X']);

/** Parses `git diff --name-status -z`: `M\0PATH\0`, or `R100\0OLD\0NEW\0` for a rename or copy. */
export function parseNameStatus(output: string): NameStatusEntry[] {
  const fields = output.split('\0');
  const entries: NameStatusEntry[] = [];
  for (let index = 0; index < fields.length; index += 1) {
    const field = fields[index]!;
    if (field === '') continue;
    const letter = field[0]!;
    if (!LETTERS.has(letter)) continue;
    const status = letter as NameStatusLetter;
    if (status === 'R' || status === 'C') {
      const oldPath = fields[index + 1];
      const path = fields[index + 2];
      index += 2;
      if (!oldPath || !path) break;
      entries.push({ status, path, oldPath });
      continue;
    }
    const path = fields[index + 1];
    index += 1;
    if (!path) break;
    entries.push({ status, path });
  }
  return entries;
}
