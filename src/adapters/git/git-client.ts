import { execa, ExecaError } from 'execa';
import { WingmanError } from '../../core/errors.js';
import { parseWorktreeList, type WorktreeEntry } from '../../core/git/parse-worktree-list.js';
import { parseStatus, type StatusEntry } from '../../core/git/parse-status.js';
import { parseNumstat, type NumstatEntry } from '../../core/git/parse-numstat.js';
import { parseNameStatus, type NameStatusEntry } from '../../core/git/parse-name-status.js';

/** Variables that would point git at another repository than the directory it runs in. */
const REPOSITORY_VARIABLES = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_COMMON_DIR', 'GIT_OBJECT_DIRECTORY', 'GIT_PREFIX', 'GIT_NAMESPACE'];

/** Fixed output whatever the user's git config says (prefixes, colour, external diff tools, quoting). */
const DIFF_FLAGS = ['--no-color', '--no-ext-diff', '--no-textconv', '--no-renames', '--src-prefix=a/', '--dst-prefix=b/'];

/** git's hash of the empty tree: the base of a repository that has no commit yet. */
export const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

interface RunOptions {
  /** Exit codes that are answers, not failures (e.g. 1 for "differs"). */
  ok?: readonly number[];
  timeoutMs?: number;
}

/**
 * git at the edge: every call an argv array (execa, no shell), run in a given directory with the
 * environment cleared of repository overrides, machine formats parsed by src/core/git.
 */
export class GitClient {
  private readonly binary: string;

  constructor(options: { binary?: string } = {}) {
    this.binary = options.binary ?? 'git';
  }

  /** Runs `git ARGS` in `cwd`; returns stdout and the exit code (one of `ok`, else it throws). */
  async run(cwd: string, args: readonly string[], options: RunOptions = {}): Promise<{ stdout: string; exitCode: number }> {
    const env: Record<string, string> = { GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' };
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !REPOSITORY_VARIABLES.includes(key) && !(key in env)) env[key] = value;
    try {
      const result = await execa(this.binary, ['-c', 'core.quotePath=false', ...args], { cwd, env, extendEnv: false, stdin: 'ignore', stripFinalNewline: false, timeout: options.timeoutMs ?? 60_000, reject: false, maxBuffer: 256 * 1024 * 1024 });
      if (result.failed && result.exitCode === undefined) throw result;
      const exitCode = result.exitCode ?? -1;
      if (exitCode !== 0 && !(options.ok ?? []).includes(exitCode)) {
        const reason = String(result.stderr).trim().split('\n').filter((line) => line.trim() !== '').at(-1) ?? `exit ${exitCode}`;
        throw new WingmanError('git_failed', `git ${args[0]} failed in ${cwd}: ${reason.replace(/^(fatal|error): /, '')}`);
      }
      return { stdout: String(result.stdout), exitCode };
    } catch (error) {
      if (error instanceof WingmanError) throw error;
      if (error instanceof ExecaError && (error.code === 'ENOENT' || /ENOENT/.test(error.message))) {
        throw new WingmanError('binary_missing', 'git was not found on PATH; worktrees and diff need it.', { cause: error });
      }
      if (error instanceof ExecaError && error.timedOut) throw new WingmanError('timeout', `git ${args[0]} took too long in ${cwd}.`, { cause: error });
      throw new WingmanError('git_failed', `git ${args[0]} failed in ${cwd}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }

  private async stdout(cwd: string, args: readonly string[]): Promise<string> {
    return (await this.run(cwd, args)).stdout;
  }

  /** The top of the work tree holding `dir`, or undefined when `dir` is in none (not a repository, or a bare one). */
  async topLevel(dir: string): Promise<string | undefined> {
    const { stdout, exitCode } = await this.run(dir, ['rev-parse', '--show-toplevel'], { ok: [128] });
    return exitCode === 0 ? stdout.trim() || undefined : undefined;
  }

  async worktrees(dir: string): Promise<WorktreeEntry[]> {
    return parseWorktreeList(await this.stdout(dir, ['worktree', 'list', '--porcelain']));
  }

  /** Forgets worktrees whose directories are gone, so their branches and places are free again. */
  async pruneWorktrees(dir: string): Promise<void> {
    await this.run(dir, ['worktree', 'prune']);
  }

  /** The commit `ref` names, or undefined when it names none. */
  async resolveCommit(dir: string, ref: string): Promise<string | undefined> {
    const { stdout, exitCode } = await this.run(dir, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], { ok: [1, 128] });
    return exitCode === 0 ? stdout.trim() : undefined;
  }

  /** The branch checked out in `dir`, or undefined when HEAD is detached. */
  async currentBranch(dir: string): Promise<string | undefined> {
    const { stdout, exitCode } = await this.run(dir, ['symbolic-ref', '--short', '--quiet', 'HEAD'], { ok: [1, 128] });
    return exitCode === 0 ? stdout.trim() || undefined : undefined;
  }

  async branchExists(dir: string, branch: string): Promise<boolean> {
    const { exitCode } = await this.run(dir, ['show-ref', '--verify', '--quiet', `refs/heads/${branch}`], { ok: [1] });
    return exitCode === 0;
  }

  /** True when git accepts `branch` as a branch name. */
  async isValidBranchName(dir: string, branch: string): Promise<boolean> {
    if (branch.startsWith('-')) return false;
    const { exitCode } = await this.run(dir, ['check-ref-format', '--branch', branch], { ok: [1, 128] });
    return exitCode === 0;
  }

  /** `git worktree add`: a new branch from `from` (not tracking it, so a push never lands on the base), or an existing branch. */
  async addWorktree(dir: string, place: string, branch: string, from: string | undefined): Promise<void> {
    const args = from === undefined ? ['worktree', 'add', '--', place, branch] : ['worktree', 'add', '--no-track', '-b', branch, '--', place, from];
    await this.run(dir, args, { timeoutMs: 10 * 60_000 });
  }

  async removeWorktree(dir: string, place: string, force: boolean): Promise<void> {
    await this.run(dir, ['worktree', 'remove', ...(force ? ['--force', '--force'] : []), '--', place]);
  }

  async deleteBranch(dir: string, branch: string): Promise<void> {
    await this.run(dir, ['branch', '-D', '--', branch]);
  }

  /** Commits reachable from `tip` but not from `base`. */
  async countCommits(dir: string, base: string, tip: string): Promise<number> {
    return Number((await this.stdout(dir, ['rev-list', '--count', `${base}..${tip}`, '--'])).trim());
  }

  async mergeBase(dir: string, a: string, b: string): Promise<string | undefined> {
    const { stdout, exitCode } = await this.run(dir, ['merge-base', a, b], { ok: [1] });
    return exitCode === 0 ? stdout.trim() : undefined;
  }

  /** Every entry of `git status` (untracked files one by one), limited to `pathspec`. */
  async status(dir: string, pathspec: readonly string[] = []): Promise<StatusEntry[]> {
    return parseStatus(await this.stdout(dir, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames', '--', ...pathspec]));
  }

  /** The work tree (committed, staged and unstaged alike) against `base`. */
  async diffNumstat(dir: string, base: string, pathspec: readonly string[] = []): Promise<NumstatEntry[]> {
    return parseNumstat(await this.stdout(dir, ['diff', '--numstat', '-z', ...DIFF_FLAGS, base, '--', ...pathspec]));
  }

  async diffNameStatus(dir: string, base: string, pathspec: readonly string[] = []): Promise<NameStatusEntry[]> {
    return parseNameStatus(await this.stdout(dir, ['diff', '--name-status', '-z', ...DIFF_FLAGS, base, '--', ...pathspec]));
  }

  async diffPatch(dir: string, base: string, pathspec: readonly string[] = []): Promise<string> {
    return this.stdout(dir, ['diff', ...DIFF_FLAGS, base, '--', ...pathspec]);
  }

  /** The patch of a file not yet added, as a new file. */
  async newFilePatch(dir: string, file: string): Promise<string> {
    return (await this.run(dir, ['diff', '--no-index', ...DIFF_FLAGS, '--', '/dev/null', file], { ok: [1] })).stdout;
  }

  /** Untracked files git ignores, each file listed (inside ignored folders too), relative to `dir`, the work tree's top. */
  async ignoredFiles(dir: string): Promise<string[]> {
    return (await this.stdout(dir, ['ls-files', '-z', '--others', '--ignored', '--exclude-standard'])).split('\0').filter((file) => file !== '');
  }
}
