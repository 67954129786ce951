import fs from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { storeError } from './store-errors.js';

/** Submitting a prompt takes a few seconds at most; a holder that died leaves a lock this old. */
const STALE_MS = 30_000;
/** Long enough to wait behind several submissions to the same session. */
const RETRIES = { retries: 400, minTimeout: 25, maxTimeout: 250, factor: 1.2 };

/**
 * Serialises work on one session across processes (CLI commands, the monitor, the plugin), so two
 * of them never type into the same terminal at once. Within a process, a p-queue does the same.
 */
export async function withSessionLock<T>(dir: string, session: string, task: () => Promise<T>): Promise<T> {
  const target = path.join(dir, `${session}.input`);
  let release: () => Promise<void>;
  try {
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    release = await lockfile.lock(target, { realpath: false, stale: STALE_MS, retries: RETRIES });
  } catch (error) {
    throw storeError(`Cannot lock session '${session}' for input`, error);
  }
  try {
    return await task();
  } finally {
    await release().catch(() => undefined);
  }
}
