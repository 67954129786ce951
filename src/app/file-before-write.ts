import fs from 'node:fs/promises';
import path from 'node:path';

/** Larger files are not read for a notice: it shows only the first changed lines anyway. */
const MAX_READ_BYTES = 256 * 1024;

const inside = (root: string, file: string) => {
  const relative = path.relative(root, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
};

/**
 * For a Write prompt, what the file holds now, so the notice shows the change rather than the
 * whole new content: `null` when the file does not exist yet (a new file), `undefined` when unknown.
 * Only files inside the session's working directory (after symlinks) are read: a notice must not
 * carry lines of a file elsewhere (a key, a dotfile) to the phone. Binary or large files: unknown.
 */
export async function fileBeforeWrite(tool: string, input: Record<string, unknown> | undefined, cwd: string | undefined): Promise<string | null | undefined> {
  const target = input?.file_path;
  if (tool !== 'Write' || typeof target !== 'string' || !cwd) return undefined;
  const file = path.resolve(cwd, target);
  try {
    const [real, root] = await Promise.all([fs.realpath(file), fs.realpath(cwd)]);
    if (!inside(root, real)) return undefined;
    const stat = await fs.stat(real);
    if (!stat.isFile() || stat.size > MAX_READ_BYTES) return undefined;
    const bytes = await fs.readFile(real);
    return bytes.includes(0) ? undefined : bytes.toString('utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? null : undefined;
  }
}
