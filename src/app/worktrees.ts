import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { WingmanError } from '../core/errors.js';
import type { WorktreeConfig } from '../core/config-schema.js';
import type { SessionWorktree } from '../core/session-record.js';
import { uncommittedEntries } from '../core/git/parse-status.js';
import { planWorktree, type TargetState } from '../core/worktrees/worktree-plan.js';
import { setupArgv, worktreeBranch, worktreePlace, worktreeSettingsFor, type WorktreeSettings } from '../core/worktrees/worktree-settings.js';
import { selectIncludedFiles, WORKTREE_INCLUDE_FILE } from '../core/worktrees/worktree-include.js';
import { planFinish, type WorktreeFinish, type WorktreeOutcome, type WorktreeWork } from '../core/worktrees/finish-plan.js';
import type { GitClient } from '../adapters/git/git-client.js';

export interface WorktreeDeps {
  git: GitClient;
  config: WorktreeConfig;
  /** For `~/` in worktrees.place. */
  home?: string | undefined;
}

/** What spawn was told about worktrees (`--worktree`/`--no-worktree`, `--branch`, `--base`). */
export interface WorktreeRequest {
  worktree?: boolean | undefined;
  branch?: string | undefined;
  base?: string | undefined;
}

export interface PreparedWorktree {
  worktree: SessionWorktree;
  /** Where the session starts: the same folder inside the worktree as the work directory was in its checkout. */
  workdir: string;
  /** Made now (false: an earlier kill kept it and the session continues there). */
  created: boolean;
  /** Its branch was made now too (so undoing the worktree deletes it). */
  newBranch: boolean;
  /** Files `.worktreeinclude` brought over, relative to the worktree. */
  copied: string[];
}

/** The settings for `workdir`, with `worktrees.roots` resolved to real paths (roots that do not exist are skipped). */
export async function settingsFor(config: WorktreeConfig, workdir: string): Promise<WorktreeSettings> {
  const roots = await Promise.all(Object.entries(config.roots).map(async ([root, settings]) => [await fs.realpath(expandHome(root)).catch(() => undefined), settings] as const));
  return worktreeSettingsFor(config, workdir, roots.filter((entry): entry is [string, (typeof entry)[1]] => entry[0] !== undefined));
}

/** Whether spawn makes a worktree: the flag, else `--branch`/`--base` given, else the config for that folder. */
export async function wantsWorktree(config: WorktreeConfig, workdir: string, request: WorktreeRequest): Promise<boolean> {
  const named = request.branch !== undefined || request.base !== undefined;
  if (request.worktree === false && named) throw new WingmanError('invalid_input', '--branch and --base make a worktree; drop --no-worktree or them.');
  if (request.worktree !== undefined) return request.worktree;
  return named || (await settingsFor(config, workdir)).enabled;
}

/**
 * Makes (or reopens) the session's worktree: checks everything first and refuses with nothing
 * created; then `git worktree add`, the `.worktreeinclude` copies and the setup command. A
 * failure after `git worktree add` removes what was made.
 */
export async function prepareWorktree(deps: WorktreeDeps, name: string, workdir: string, request: WorktreeRequest): Promise<PreparedWorktree> {
  const { git } = deps;
  const top = await git.topLevel(workdir);
  if (!top) throw new WingmanError('worktree_refused', `Work directory ${workdir} is not in a git repository; --worktree needs one.`);
  let worktrees = await git.worktrees(top);
  if (worktrees.some((entry) => entry.prunable)) {
    await git.pruneWorktrees(top); // their folders are gone: free their places and branches
    worktrees = await git.worktrees(top);
  }
  const repo = await fs.realpath(worktrees[0]?.path ?? top).catch(() => top);
  const settings = await settingsFor(deps.config, workdir);
  const values = { repo, name, home: deps.home ?? os.homedir() };
  const place = worktreePlace(settings.place, values);
  const ownBranch = worktreeBranch(settings.branch, values);
  const branch = request.branch?.trim() || ownBranch;
  if (!(await git.isValidBranchName(top, branch))) throw new WingmanError('worktree_refused', `${JSON.stringify(branch)} is not a valid git branch name.`);

  const base = request.base?.trim() || (await git.currentBranch(top)) || 'HEAD';
  const baseCommit = await git.resolveCommit(top, base);
  if (!baseCommit) {
    if (request.base !== undefined) throw new WingmanError('worktree_refused', `--base ${base} names no commit in ${repo}.`);
    throw new WingmanError('worktree_refused', `${repo} has no commit yet; commit once, then spawn with --worktree.`);
  }
  const branchExists = await git.branchExists(top, branch);
  const plan = planWorktree({ repo, worktrees, target: place, branch, branchExists, targetState: await targetState(place), baseGiven: request.base !== undefined });
  const newBranch = plan.kind === 'create' && plan.newBranch;
  // An existing branch is measured from where it left its base, not from where the base is now.
  const forkPoint = newBranch ? baseCommit : ((await git.mergeBase(top, branch, baseCommit)) ?? baseCommit);
  const worktree: SessionWorktree = { repo, path: place, branch, base, baseCommit: forkPoint, ownsBranch: newBranch || branch === ownBranch };
  const inside = path.join(place, path.relative(top, workdir));
  const startIn = async () => ((await isDirectory(inside)) ? inside : place);
  if (plan.kind === 'reuse') return { worktree, workdir: await startIn(), created: false, newBranch: false, copied: [] };

  await git.addWorktree(top, place, branch, newBranch ? baseCommit : undefined);
  try {
    const copied = await copyIncludedFiles(git, top, place);
    if (settings.setup !== undefined) await runSetup(settings.setup, settings.setupTimeoutMs, place, { WINGMAN_SESSION: name, WINGMAN_WORKTREE: place, WINGMAN_REPO: repo, WINGMAN_BRANCH: branch });
    return { worktree, workdir: await startIn(), created: true, newBranch, copied };
  } catch (error) {
    await discardNew(git, worktree, newBranch);
    if (error instanceof WingmanError) throw new WingmanError(error.code, `${error.message} The new worktree was removed.`, { cause: error });
    throw error;
  }
}

/** Undoes a worktree made by this spawn (nothing in it is anyone's work yet). */
export async function discardNew(git: GitClient, worktree: SessionWorktree, newBranch: boolean): Promise<void> {
  await git.removeWorktree(worktree.repo, worktree.path, true).catch(() => fs.rm(worktree.path, { recursive: true, force: true }).then(() => git.pruneWorktrees(worktree.repo)));
  if (newBranch) await git.deleteBranch(worktree.repo, worktree.branch).catch(() => undefined);
}

/**
 * Copies the files `.worktreeinclude` names that git ignores in `from` (the checkout spawn was
 * given) to the same paths in the new worktree: regular files and symlinks, never over a file
 * already there, never outside the worktree.
 */
export async function copyIncludedFiles(git: GitClient, from: string, to: string): Promise<string[]> {
  const include = await fs.readFile(path.join(from, WORKTREE_INCLUDE_FILE), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw new WingmanError('worktree_refused', `Cannot read ${path.join(from, WORKTREE_INCLUDE_FILE)}: ${error.message}`);
  });
  if (include === undefined) return [];
  const copied: string[] = [];
  for (const file of selectIncludedFiles(include, await git.ignoredFiles(from))) {
    const source = path.join(from, file);
    const target = path.resolve(to, file);
    if (path.relative(to, target).startsWith('..')) continue;
    const info = await fs.lstat(source).catch(() => undefined);
    if (!info || (!info.isFile() && !info.isSymbolicLink())) continue;
    await fs.mkdir(path.dirname(target), { recursive: true });
    try {
      if (info.isSymbolicLink()) await fs.symlink(await fs.readlink(source), target);
      else await fs.copyFile(source, target, fs.constants.COPYFILE_EXCL);
      copied.push(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new WingmanError('worktree_refused', `Cannot copy ${file} into ${to}: ${(error as Error).message}`, { cause: error });
    }
  }
  return copied;
}

/** Runs the configured setup command in the new worktree; a failure names the command, its exit and its last output line. */
async function runSetup(setup: NonNullable<WorktreeSettings['setup']>, timeoutMs: number, cwd: string, env: Record<string, string>): Promise<void> {
  const [command, ...args] = setupArgv(setup);
  const shown = typeof setup === 'string' ? setup : setup.join(' ');
  const result = await execa(command!, args, { cwd, env, stdin: 'ignore', all: true, reject: false, timeout: timeoutMs });
  if (result.exitCode === 0 && !result.failed) return;
  const last = String(result.all ?? '').trim().split('\n').filter((line) => line.trim() !== '').at(-1);
  const why = result.timedOut ? `took longer than ${Math.round(timeoutMs / 1000)} s` : result.exitCode === undefined ? (result.shortMessage ?? 'could not start') : `exit ${result.exitCode}`;
  throw new WingmanError('setup_failed', `The setup command (${shown}) failed in ${cwd} (${why})${last ? `: ${last.slice(0, 200)}` : ''}.`);
}

/** Uncommitted changes and unmerged commits of a session's worktree (none when its folder is gone). */
export async function inspectWork(git: GitClient, worktree: SessionWorktree): Promise<WorktreeWork & { present: boolean }> {
  const present = await isDirectory(worktree.path);
  const uncommitted = present ? uncommittedEntries(await git.status(worktree.path)).map((entry) => entry.path) : [];
  const base = (await git.resolveCommit(worktree.repo, worktree.base)) ?? worktree.baseCommit;
  const unmerged = (await git.branchExists(worktree.repo, worktree.branch)) ? await git.countCommits(worktree.repo, base, `refs/heads/${worktree.branch}`) : 0;
  return { uncommitted, unmerged, present };
}

/** Applies the kill plan to a stopped session's worktree and says what became of it. */
export async function finishWorktree(git: GitClient, worktree: SessionWorktree, finish: WorktreeFinish): Promise<WorktreeOutcome> {
  const { present, ...work } = await inspectWork(git, worktree);
  const plan = planFinish(work, finish, worktree.ownsBranch);
  const outcome: WorktreeOutcome = { path: worktree.path, branch: worktree.branch, removed: false, branchDeleted: false, work };
  if (!plan.removeWorktree) return outcome;
  try {
    if (present) await git.removeWorktree(worktree.repo, worktree.path, plan.force);
    else await git.pruneWorktrees(worktree.repo);
    outcome.removed = true;
    if (plan.deleteBranch && (await git.branchExists(worktree.repo, worktree.branch))) {
      await git.deleteBranch(worktree.repo, worktree.branch);
      outcome.branchDeleted = true;
    }
  } catch (error) {
    outcome.failure = error instanceof Error ? error.message : String(error);
  }
  return outcome;
}

/**
 * Puts back a worktree whose folder was removed while its session was away (resume), from its
 * branch; refuses when the branch is gone too.
 */
export async function restoreWorktree(git: GitClient, name: string, worktree: SessionWorktree): Promise<boolean> {
  if (await isDirectory(worktree.path)) return false;
  if (!(await git.branchExists(worktree.repo, worktree.branch))) {
    throw new WingmanError('worktree_refused', `Session '${name}': its worktree ${worktree.path} and branch ${worktree.branch} are gone; start it again with spawn --worktree.`);
  }
  await git.pruneWorktrees(worktree.repo);
  await git.addWorktree(worktree.repo, worktree.path, worktree.branch, undefined);
  return true;
}

/** Whether each worktree has uncommitted changes (for list, dashboard and status); unknown when git cannot tell. */
export async function dirtyWorktrees(git: GitClient, worktrees: ReadonlyArray<SessionWorktree | undefined>): Promise<Array<boolean | undefined>> {
  return Promise.all(worktrees.map(async (worktree) => {
    if (!worktree || !(await isDirectory(worktree.path))) return undefined;
    return git.status(worktree.path).then((entries) => uncommittedEntries(entries).length > 0, () => undefined);
  }));
}

async function targetState(place: string): Promise<TargetState> {
  const info = await fs.stat(place).catch(() => undefined);
  if (!info) return 'missing';
  if (!info.isDirectory()) return 'file';
  return (await fs.readdir(place)).length === 0 ? 'empty' : 'not_empty';
}

async function isDirectory(dir: string): Promise<boolean> {
  return fs.stat(dir).then((info) => info.isDirectory(), () => false);
}

function expandHome(root: string): string {
  return root === '~' ? os.homedir() : root.startsWith('~/') ? path.join(os.homedir(), root.slice(2)) : root;
}
