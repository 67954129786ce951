import fs from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';

const fileSchema = z.object({ versions: z.array(z.string()) });

/**
 * Remembers which Claude Code versions the user was already warned about, so a release outside
 * the tested range is pointed out once, not on every spawn. Returns true the first time only.
 * If the file cannot be read or written the warning is shown rather than lost.
 */
export async function firstWarningFor(file: string, version: string): Promise<boolean> {
  let versions: string[] = [];
  try {
    const parsed = fileSchema.safeParse(JSON.parse(await fs.readFile(file, 'utf8')));
    if (parsed.success) versions = parsed.data.versions;
  } catch {
    // absent or unreadable: nothing warned yet
  }
  if (versions.includes(version)) return false;
  try {
    await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    await writeFileAtomic(file, `${JSON.stringify({ versions: [...versions, version] }, null, 2)}\n`, { mode: 0o600 });
  } catch {
    // warn anyway
  }
  return true;
}
