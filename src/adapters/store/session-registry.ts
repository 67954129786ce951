import fs from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import PQueue from 'p-queue';
import writeFileAtomic from 'write-file-atomic';
import { WingmanError } from '../../core/errors.js';
import { emptyRegistry, registrySchema, type RegistryData } from '../../core/session-record.js';
import { formatZodIssues } from '../../core/zod-errors.js';
import { storeError } from './store-errors.js';

export interface Logger {
  warn(message: string): void;
}

/** Locks are held for one read-modify-write; a holder that died leaves a lock this old to be broken. */
const LOCK_STALE_MS = 10_000;
const LOCK_RETRIES = { retries: 200, minTimeout: 5, maxTimeout: 50, factor: 1.3 };

/**
 * The JSON registry of sessions. Every change is a read-modify-write under a cross-process lock
 * (the CLI, the monitor and the plugin may all write) and an in-process queue, written to a temp
 * file and renamed, so concurrent writers never lose an update and a crash never leaves half a file.
 */
export class SessionRegistry {
  private readonly queue = new PQueue({ concurrency: 1 });

  constructor(
    readonly file: string,
    private readonly logger: Logger = { warn: (message) => console.warn(message) },
  ) {}

  /** A snapshot; reading needs no lock because writes are atomic renames. */
  async read(): Promise<RegistryData> {
    return this.load();
  }

  /** Applies `change` to the current data under the lock and persists the result. */
  async update<T>(change: (data: RegistryData) => T | Promise<T>): Promise<T> {
    return this.queue.add(async () => {
      await this.ensureDirectory();
      const release = await this.lock();
      try {
        const data = await this.load();
        const result = await change(data);
        await this.write(data);
        return result;
      } finally {
        await release().catch((error: unknown) => this.logger.warn(`wingman: could not release registry lock: ${String(error)}`));
      }
    }) as Promise<T>;
  }

  private async load(): Promise<RegistryData> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyRegistry();
      throw storeError(`Cannot read the session registry ${this.file}`, error);
    }
    let problem: string;
    try {
      const parsed = registrySchema.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
      problem = formatZodIssues(parsed.error);
    } catch (error) {
      problem = `not valid JSON (${(error as Error).message})`;
    }
    await this.moveAside(problem);
    return emptyRegistry();
  }

  /** A corrupt registry is kept for inspection, never silently overwritten. */
  private async moveAside(problem: string): Promise<void> {
    const aside = `${this.file}.corrupt-${new Date().toISOString().replaceAll(':', '-')}`;
    try {
      await fs.rename(this.file, aside);
      this.logger.warn(`wingman: the session registry was corrupt (${problem}); moved it to ${aside} and started a new one.`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw storeError(`Cannot move the corrupt registry ${this.file} aside`, error);
    }
  }

  private async write(data: RegistryData): Promise<void> {
    try {
      await writeFileAtomic(this.file, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
    } catch (error) {
      throw storeError(`Cannot save the session registry ${this.file}`, error);
    }
  }

  private async ensureDirectory(): Promise<void> {
    try {
      await fs.mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
    } catch (error) {
      throw storeError(`Cannot create the state directory ${path.dirname(this.file)}`, error);
    }
  }

  private async lock(): Promise<() => Promise<void>> {
    try {
      return await lockfile.lock(this.file, { realpath: false, stale: LOCK_STALE_MS, retries: LOCK_RETRIES });
    } catch (error) {
      throw storeError(`Cannot lock the session registry ${this.file}`, error);
    }
  }
}
