import { totalsOf, type FileChange } from './file-changes.js';
import type { PatchChunk } from './split-patch.js';
import { codeBlock } from '../notify/phone-markdown.js';

/** What a session changed, as `wingman diff` and chat `diff NAME` report it. */
export interface DiffReport {
  session: string;
  /** The session's directory (its worktree for a worktree session). */
  directory: string;
  /** The branch checked out there, if any. */
  branch?: string | undefined;
  /** True when the session has a worktree of its own. */
  worktree: boolean;
  /** What it is compared against: as named (`main`, `HEAD`) and as a commit. */
  base: { label: string; commit: string };
  changes: FileChange[];
}

/** A phone chat message: the whole reply stays under this many characters. */
export const PHONE_MESSAGE_BUDGET = 3000;
const LIST_MAX = 12;
const HUNK_LINES_PER_FILE = 12;
const LINE_WIDTH = 100;

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
const shortCommit = (commit: string) => commit.slice(0, 7);

function where(report: DiffReport): string {
  if (report.worktree && report.branch) return `on ${report.branch}`;
  return report.branch ? `in ${report.directory} (${report.branch})` : `in ${report.directory}`;
}

function against(report: DiffReport): string {
  const short = shortCommit(report.base.commit);
  return report.base.label === short ? `against ${short}` : `against ${report.base.label} (${short})`;
}

export function formatCounts(change: Pick<FileChange, 'added' | 'deleted'>): string {
  return change.added === null || change.deleted === null ? 'binary' : `+${change.added} −${change.deleted}`;
}

export function formatChangeLine(change: FileChange): string {
  const name = change.oldPath ? `${change.oldPath} → ${change.path}` : change.path;
  return `${change.letter} ${name}  ${formatCounts(change)}`;
}

/** `📝 Session 'a': 2 files changed (+3 −1) on wingman/a against main (1a2b3c4)`, or that nothing changed. */
export function formatDiffHeader(report: DiffReport): string {
  if (report.changes.length === 0) return `📝 Session '${report.session}' has changed nothing ${where(report)} ${against(report)}.`;
  const totals = totalsOf(report.changes);
  return `📝 Session '${report.session}': ${plural(totals.files, 'file')} changed (+${totals.added} −${totals.deleted}) ${where(report)} ${against(report)}`;
}

/** `wingman diff NAME --stat`: the header and every file with its counts. */
export function formatDiffStat(report: DiffReport): string {
  return [formatDiffHeader(report), ...report.changes.map(formatChangeLine)].join('\n');
}

/** What the code block's fences add to a message. */
const FENCES_LENGTH = codeBlock([]).join('\n').length + 1;

const cut = (line: string) => (line.length > LINE_WIDTH ? `${line.slice(0, LINE_WIDTH - 1)}…` : line);

function excerptOf(chunk: PatchChunk | undefined, change: FileChange): string[] {
  const title = `▸ ${change.path}`;
  if (!chunk || chunk.binary || chunk.hunks.length === 0) return [title, chunk?.binary || change.added === null ? '  (binary)' : '  (no text change)'];
  const shown = chunk.hunks.slice(0, HUNK_LINES_PER_FILE).map(cut);
  const rest = chunk.hunks.length - shown.length;
  return [title, ...shown, ...(rest > 0 ? [`  …${plural(rest, 'more line')}`] : [])];
}

/**
 * The reply for the phone: header, the files with their counts, then as much of each file's patch
 * as fits one message (a few lines a file), and `…N more files` for what did not fit.
 */
export function formatPhoneDiff(report: DiffReport, chunks: readonly PatchChunk[], budget = PHONE_MESSAGE_BUDGET): string {
  const header = formatDiffHeader(report);
  if (report.changes.length === 0) return header;
  // File names and patch lines go verbatim into one code block (phone-markdown.ts): a `-  x` line
  // would be a bullet and `__init__.py` bold otherwise.
  const lines: string[] = [];
  const listed = report.changes.slice(0, LIST_MAX);
  lines.push(...listed.map((change) => cut(formatChangeLine(change))));
  if (report.changes.length > listed.length) lines.push(`…${plural(report.changes.length - listed.length, 'more file')}`);
  const byPath = new Map(chunks.map((chunk) => [chunk.path, chunk]));
  const tail = (count: number) => `…${plural(count, 'more file')}`;
  let used = header.length + 1 + FENCES_LENGTH + lines.join('\n').length + 1;
  const excerpt: string[] = [];
  let shownFiles = 0;
  for (const change of report.changes) {
    const block = excerptOf(byPath.get(change.path), change);
    const remainingAfter = report.changes.length - shownFiles - 1;
    const reserve = remainingAfter > 0 ? tail(remainingAfter).length + 1 : 0;
    const size = block.join('\n').length + 1;
    if (used + size + reserve > budget) {
      // Part of this file still fits: its first lines beat nothing at all.
      const room = budget - used - tail(report.changes.length - shownFiles).length - 1;
      const partial: string[] = [];
      let length = 0;
      for (const line of block) {
        if (length + line.length + 1 > room - 4) break;
        partial.push(line);
        length += line.length + 1;
      }
      if (partial.length > 1) {
        excerpt.push(...partial, '  …');
        shownFiles += 1;
      }
      break;
    }
    excerpt.push(...block);
    used += size;
    shownFiles += 1;
  }
  if (excerpt.length > 0) lines.push('', ...excerpt);
  const after = shownFiles < report.changes.length ? [tail(report.changes.length - shownFiles)] : [];
  return [header, ...codeBlock(lines), ...after].join('\n').trimEnd();
}
