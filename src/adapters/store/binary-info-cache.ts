import fs from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import type { ClaudeBinaryInfo } from '../../agents/claude-code/binary-probe.js';

const entrySchema = z.object({
  mtimeMs: z.number(),
  size: z.number(),
  version: z.string().optional(),
  permissionModes: z.array(z.string()).optional(),
});
const cacheSchema = z.object({ binaries: z.record(z.string(), entrySchema) });
type CacheData = z.infer<typeof cacheSchema>;

/**
 * Remembers what a binary said about itself, keyed by its real path and valid while its mtime and
 * size stay the same, so spawn asks `claude --version` once per installed release, not per session.
 * The cache is a convenience: any failure reading or writing it just means probing again.
 */
export function cachedBinaryProbe(file: string, probe: (binary: string) => Promise<ClaudeBinaryInfo>): (binary: string) => Promise<ClaudeBinaryInfo> {
  const memory = new Map<string, { mtimeMs: number; size: number; info: ClaudeBinaryInfo }>();
  return async (binary) => {
    let real: string;
    let stat: { mtimeMs: number; size: number };
    try {
      real = await fs.realpath(binary);
      stat = await fs.stat(real);
    } catch {
      return probe(binary);
    }
    const fresh = (entry: { mtimeMs: number; size: number } | undefined) => entry !== undefined && entry.mtimeMs === stat.mtimeMs && entry.size === stat.size;
    const remembered = memory.get(real);
    if (fresh(remembered)) return remembered!.info;
    const data = await readCache(file);
    const stored = data.binaries[real];
    if (fresh(stored)) {
      const info = { version: stored!.version, permissionModes: stored!.permissionModes };
      memory.set(real, { ...stat, info });
      return info;
    }
    const info = await probe(binary);
    // A version that did not come back may be a slow start; ask again next time rather than keep it.
    if (info.version === undefined) return info;
    memory.set(real, { mtimeMs: stat.mtimeMs, size: stat.size, info });
    data.binaries[real] = { mtimeMs: stat.mtimeMs, size: stat.size, ...info };
    await writeCache(file, data).catch(() => undefined);
    return info;
  };
}

async function readCache(file: string): Promise<CacheData> {
  try {
    const parsed = cacheSchema.safeParse(JSON.parse(await fs.readFile(file, 'utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // absent or unreadable: start afresh
  }
  return { binaries: {} };
}

async function writeCache(file: string, data: CacheData): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await writeFileAtomic(file, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
}
