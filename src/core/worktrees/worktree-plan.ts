import path from 'node:path';
import { WingmanError } from '../errors.js';
import type { WorktreeEntry } from '../git/parse-worktree-list.js';
import { isUnderTrustedRoot } from '../trusted-roots.js';

/** What is at the place a new worktree should go. */
export type TargetState = 'missing' | 'empty' | 'not_empty' | 'file';

export interface WorktreePlanInput {
  /** The main checkout (first entry of `git worktree list`). */
  repo: string;
  worktrees: readonly WorktreeEntry[];
  target: string;
  branch: string;
  branchExists: boolean;
  targetState: TargetState;
  /** `--base` was given (it only makes sense for a new branch). */
  baseGiven: boolean;
}

export type WorktreePlan =
  /** `git worktree add`: a new branch from the base, or an existing branch not checked out anywhere. */
  | { kind: 'create'; newBranch: boolean }
  /** The place already is a worktree on this branch (kept by an earlier kill): continue there. */
  | { kind: 'reuse' };

const same = (a: string, b: string) => path.resolve(a) === path.resolve(b);

/**
 * Decides how a session gets its worktree, or refuses (nothing created) with the reason and what
 * to do: a place inside the repository, a branch checked out elsewhere, a place already in use.
 */
export function planWorktree(input: WorktreePlanInput): WorktreePlan {
  const { repo, target, branch } = input;
  if (isUnderTrustedRoot(target, [repo])) {
    throw new WingmanError('worktree_refused', `The worktree place ${target} lies inside the repository ${repo}; set worktrees.place to a folder outside it.`);
  }
  const atTarget = input.worktrees.find((entry) => same(entry.path, target));
  const elsewhere = input.worktrees.find((entry) => entry.branch === branch && !same(entry.path, target));
  if (elsewhere) {
    throw new WingmanError('worktree_refused', `Branch ${branch} is already checked out in ${elsewhere.path}; pick another --branch or session name.`);
  }
  if (atTarget) {
    if (atTarget.branch !== branch) {
      const what = atTarget.branch ? `branch ${atTarget.branch}` : 'a detached HEAD';
      throw new WingmanError('worktree_refused', `${target} is already a worktree of ${repo} on ${what}; pick another session name or remove it (git worktree remove).`);
    }
    if (input.baseGiven) throw new WingmanError('worktree_refused', `Branch ${branch} already exists (in ${target}); --base only applies to a new branch.`);
    return { kind: 'reuse' };
  }
  if (input.targetState === 'file') throw new WingmanError('worktree_refused', `The worktree place ${target} is a file; remove it or pick another session name.`);
  if (input.targetState === 'not_empty') throw new WingmanError('worktree_refused', `The worktree place ${target} already exists and is not empty; remove it or pick another session name.`);
  if (input.branchExists && input.baseGiven) throw new WingmanError('worktree_refused', `Branch ${branch} already exists; --base only applies to a new branch.`);
  return { kind: 'create', newBranch: !input.branchExists };
}
