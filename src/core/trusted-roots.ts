import path from 'node:path';

/** True when `dir` is one of `roots` or lies below one (both already absolute and real). */
export function isUnderTrustedRoot(dir: string, roots: readonly string[]): boolean {
  return roots.some((root) => {
    const relative = path.relative(root, dir);
    return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
  });
}
