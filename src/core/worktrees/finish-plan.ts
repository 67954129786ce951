import type { SessionWorktree } from '../session-record.js';

/** What `kill` is told to do with a session's worktree: plain, `--remove-worktree`, `--force`. */
export type WorktreeFinish = 'keep' | 'remove' | 'discard';

/** The work a worktree holds that exists nowhere else. */
export interface WorktreeWork {
  /** Paths with uncommitted changes: staged, modified or new (not ignored). */
  uncommitted: readonly string[];
  /** Commits on the branch that its base does not have. */
  unmerged: number;
}

export interface FinishPlan {
  removeWorktree: boolean;
  /** Remove even with uncommitted changes (`git worktree remove --force`). */
  force: boolean;
  deleteBranch: boolean;
}

const hasWork = (work: WorktreeWork) => work.uncommitted.length > 0 || work.unmerged > 0;

/**
 * Nothing is lost unless asked: plain kill removes a worktree (and the branch wingman made) only
 * when they hold nothing; `remove` removes a worktree without uncommitted changes and keeps a
 * branch with unmerged commits; `discard` removes both whatever they hold. A branch wingman did
 * not make is never deleted.
 */
export function planFinish(work: WorktreeWork, finish: WorktreeFinish, ownsBranch: boolean): FinishPlan {
  if (finish === 'discard') return { removeWorktree: true, force: true, deleteBranch: ownsBranch };
  if (finish === 'remove') {
    const clean = work.uncommitted.length === 0;
    return { removeWorktree: clean, force: false, deleteBranch: clean && ownsBranch && work.unmerged === 0 };
  }
  const empty = !hasWork(work);
  return { removeWorktree: empty, force: false, deleteBranch: empty && ownsBranch };
}

/** Why `kill --remove-worktree` stops nothing: the worktree has uncommitted changes. */
export function finishRefusal(name: string, worktree: SessionWorktree, work: WorktreeWork, finish: WorktreeFinish): string | undefined {
  if (finish !== 'remove' || work.uncommitted.length === 0) return undefined;
  return `Session '${name}' was not stopped: its worktree ${worktree.path} has ${describeUncommitted(work.uncommitted)}. Commit them, or kill with --force to discard them.`;
}

/** What became of a session's worktree when it was killed. */
export interface WorktreeOutcome {
  path: string;
  branch: string;
  removed: boolean;
  branchDeleted: boolean;
  work: WorktreeWork;
  /** Why git could not remove it, when it was meant to go. */
  failure?: string | undefined;
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** `2 uncommitted changes (a.txt, b.txt)`, naming at most three. */
export function describeUncommitted(paths: readonly string[]): string {
  const shown = paths.slice(0, 3).join(', ');
  const more = paths.length > 3 ? `, …${paths.length - 3} more` : '';
  return `${plural(paths.length, 'uncommitted change')} (${shown}${more})`;
}

export function describeWork(work: WorktreeWork): string {
  const parts = [
    work.uncommitted.length > 0 ? describeUncommitted(work.uncommitted) : undefined,
    work.unmerged > 0 ? plural(work.unmerged, 'unmerged commit') : undefined,
  ].filter((part) => part !== undefined);
  return parts.length > 0 ? parts.join(', ') : 'no changes';
}

/** One sentence for the kill reply (CLI, chat, agent tool). */
export function formatWorktreeOutcome(outcome: WorktreeOutcome): string {
  const { path, branch, work } = outcome;
  if (outcome.failure) return `Kept its worktree ${path} on branch ${branch} (${describeWork(work)}): git could not remove it: ${outcome.failure}`;
  if (!outcome.removed) return `Kept its worktree ${path} on branch ${branch} (${describeWork(work)}); spawn it again with --worktree to continue there.`;
  if (outcome.branchDeleted) {
    return hasWork(work) ? `Discarded its worktree ${path} and branch ${branch} (${describeWork(work)}).` : `Its worktree held no changes: removed ${path} and branch ${branch}.`;
  }
  const removed = work.uncommitted.length > 0 ? `Discarded its worktree ${path} (${describeUncommitted(work.uncommitted)})` : `Removed its worktree ${path}`;
  const kept = work.unmerged > 0 ? `kept branch ${branch} (${plural(work.unmerged, 'unmerged commit')})` : `branch ${branch} stays (wingman did not make it)`;
  return `${removed}; ${kept}.`;
}
