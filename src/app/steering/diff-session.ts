import fs from 'node:fs/promises';
import path from 'node:path';
import type { Wingman } from '../create-wingman.js';
import { WingmanError } from '../../core/errors.js';
import { parseSessionName } from '../../core/session-name.js';
import type { SessionRecord } from '../../core/session-record.js';
import { isUntracked } from '../../core/git/parse-status.js';
import { countLines, mergeFileChanges, type UntrackedFile } from '../../core/diff/file-changes.js';
import { splitPatch } from '../../core/diff/split-patch.js';
import { formatDiffStat, formatPhoneDiff, type DiffReport } from '../../core/diff/format-diff.js';
import { EMPTY_TREE, type GitClient } from '../../adapters/git/git-client.js';

/** `phone`: files and a patch excerpt cut to one message (chat, and the CLI's default); `stat`: every file; `patch`: the whole patch. */
export type DiffView = 'phone' | 'stat' | 'patch';

export interface SessionDiff {
  report: DiffReport;
  /** The unified patch: tracked changes, then each file not yet added as a new file. */
  patch: string;
}

/** Files not yet added are read for their line count up to this size; larger ones count as binary. */
const MAX_COUNTED_BYTES = 16 * 1024 * 1024;
/** A phone excerpt shows a few files, so only the first of many new files get their patch made. */
const PHONE_NEW_FILE_PATCHES = 30;

/**
 * What the session changed: for a worktree session everything on its worktree against where its
 * branch left the base (committed, uncommitted and new files alike); for a session in a folder of
 * the user's own, what is uncommitted there against HEAD. `against` compares with another commit.
 */
export async function collectSessionDiff(git: GitClient, record: SessionRecord, options: { against?: string | undefined; patchFiles?: number } = {}): Promise<SessionDiff> {
  const { worktree } = record;
  const directory = worktree?.path ?? record.workdir;
  if (!(await fs.stat(directory).then((info) => info.isDirectory(), () => false))) {
    throw new WingmanError('workdir_missing', `Session '${record.name}': ${worktree ? 'its worktree' : 'its directory'} ${directory} is gone; there is nothing to diff.`);
  }
  const top = worktree ? directory : await git.topLevel(directory);
  if (!top) throw new WingmanError('invalid_input', `Session '${record.name}' works in ${directory}, which is not in a git repository; there is nothing to diff.`);
  // A session in a folder of a larger checkout owns only that folder's changes.
  const pathspec = worktree || path.resolve(top) === path.resolve(directory) ? [] : [path.relative(top, directory)];

  const label = options.against ?? (worktree ? worktree.base : 'HEAD');
  const commit = await baseCommit(git, top, record, label, options.against !== undefined);
  const [numstat, nameStatus, status, branch] = await Promise.all([
    git.diffNumstat(top, commit, pathspec),
    git.diffNameStatus(top, commit, pathspec),
    git.status(top, pathspec),
    git.currentBranch(top),
  ]);
  const untrackedPaths = status.filter(isUntracked).map((entry) => entry.path);
  const untracked = await Promise.all(untrackedPaths.map(async (file): Promise<UntrackedFile> => ({ path: file, lines: await lineCount(path.join(top, file)) })));
  const changes = mergeFileChanges(numstat, nameStatus, untracked);
  const newPatches = await Promise.all(untrackedPaths.slice(0, options.patchFiles ?? untrackedPaths.length).map((file) => git.newFilePatch(top, file)));
  const patch = [await git.diffPatch(top, commit, pathspec), ...newPatches].join('');
  const report: DiffReport = { session: record.name, directory, branch: branch ?? worktree?.branch, worktree: worktree !== undefined, base: { label, commit }, changes };
  return { report, patch };
}

/** The commit to compare with: `--against`, else where the worktree's branch left its base, else HEAD (the empty tree before any commit). */
async function baseCommit(git: GitClient, top: string, record: SessionRecord, label: string, given: boolean): Promise<string> {
  const resolved = await git.resolveCommit(top, label);
  if (given) {
    if (!resolved) throw new WingmanError('invalid_input', `--against ${label} names no commit in ${top}.`);
    return resolved;
  }
  if (record.worktree) {
    // The base may have moved on (or the session merged it in): compare from where the branch left it.
    return (resolved ? await git.mergeBase(top, 'HEAD', resolved) : undefined) ?? record.worktree.baseCommit;
  }
  return resolved ?? EMPTY_TREE;
}

async function lineCount(file: string): Promise<number | null> {
  const info = await fs.lstat(file).catch(() => undefined);
  if (!info || !info.isFile() || info.size > MAX_COUNTED_BYTES) return info?.isSymbolicLink() ? 1 : null;
  return countLines(await fs.readFile(file));
}

/** The reply for chat `diff NAME` and `wingman diff NAME` (one message for the phone unless `stat` or `patch`). */
export async function diffSession(request: { wingman: Wingman; session: string; view?: DiffView; against?: string | undefined }): Promise<string> {
  const { wingman } = request;
  const record = await wingman.sessions.requireKnown(parseSessionName(request.session));
  const view = request.view ?? 'phone';
  const diff = await collectSessionDiff(wingman.git, record, { against: request.against, ...(view === 'phone' ? { patchFiles: PHONE_NEW_FILE_PATCHES } : {}) });
  if (view === 'stat') return formatDiffStat(diff.report);
  if (view === 'patch') return diff.patch.replace(/\n$/, '') || formatDiffStat(diff.report);
  return formatPhoneDiff(diff.report, splitPatch(diff.patch));
}
