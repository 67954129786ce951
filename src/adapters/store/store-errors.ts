import { WingmanError } from '../../core/errors.js';

/** A file-system failure in the state directory, said plainly: full disk and read-only are the usual two. */
export function storeError(what: string, cause: unknown): WingmanError {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  const reason =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? 'the disk is full'
      : code === 'EROFS' || code === 'EACCES' || code === 'EPERM'
        ? 'the state directory is not writable'
        : ((cause as Error | undefined)?.message ?? String(cause));
  return new WingmanError('store_failed', `${what}: ${reason}.`, { cause });
}
