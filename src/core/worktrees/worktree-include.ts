import ignore from 'ignore';

/** Claude Code's file (gitignore syntax) at the repository's top: ignored files a worktree needs, like `.env`. */
export const WORKTREE_INCLUDE_FILE = '.worktreeinclude';

/**
 * The files to copy into a new worktree: those git ignores in the checkout (`ignoredPaths`, from
 * `git ls-files --others --ignored --exclude-standard`) that `.worktreeinclude` matches. Only
 * ignored files, so nothing tracked is ever duplicated or overwritten.
 */
export function selectIncludedFiles(includeText: string, ignoredPaths: readonly string[]): string[] {
  const matcher = ignore().add(includeText);
  return ignoredPaths.filter((file) => file !== '' && !file.endsWith('/') && matcher.ignores(file)).sort();
}
