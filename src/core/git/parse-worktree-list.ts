/** One entry of `git worktree list --porcelain`: the main checkout comes first. */
export interface WorktreeEntry {
  path: string;
  /** The commit checked out; absent in a bare repository. */
  head?: string;
  /** The branch checked out, without `refs/heads/`; absent when detached or bare. */
  branch?: string;
  bare: boolean;
  detached: boolean;
  /** `true` or the reason given with `git worktree lock`. */
  locked?: string | true;
  /** Its directory is gone (`git worktree prune` would drop it); `true` or git's reason. */
  prunable?: string | true;
}

/**
 * Parses `git worktree list --porcelain` (one `key value` line per attribute, a blank line between
 * worktrees) or its `-z` form (NUL after each attribute, an extra NUL between worktrees).
 */
export function parseWorktreeList(output: string): WorktreeEntry[] {
  const separator = output.includes('\0') ? '\0' : '\n';
  const entries: WorktreeEntry[] = [];
  let current: WorktreeEntry | undefined;
  for (const field of output.split(separator)) {
    if (field === '') {
      current = undefined;
      continue;
    }
    const space = field.indexOf(' ');
    const key = space === -1 ? field : field.slice(0, space);
    const value = space === -1 ? undefined : field.slice(space + 1);
    if (key === 'worktree') {
      current = { path: value ?? '', bare: false, detached: false };
      entries.push(current);
      continue;
    }
    if (!current) continue; // attributes outside a worktree record: not git's format, ignored
    switch (key) {
      case 'HEAD':
        if (value) current.head = value;
        break;
      case 'branch':
        if (value) current.branch = value.replace(/^refs\/heads\//, '');
        break;
      case 'bare':
        current.bare = true;
        break;
      case 'detached':
        current.detached = true;
        break;
      case 'locked':
        current.locked = value || true;
        break;
      case 'prunable':
        current.prunable = value || true;
        break;
      default:
        break; // a newer git's attribute: not needed here
    }
  }
  return entries;
}
