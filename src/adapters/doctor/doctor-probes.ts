import { constants } from 'node:fs';
import fs from 'node:fs/promises';
import { execa } from 'execa';
import { sendControl } from '../hooks/control-client.js';
import { isWingmanError } from '../../core/errors.js';
import type { PathFacts } from '../../core/doctor/doctor-checks.js';

/** `tmux -V` of the tmux wingman runs; `found: false` when there is none to run. */
export async function probeTmux(binary = 'tmux'): Promise<{ found: false } | { found: true; version: string | undefined }> {
  try {
    const result = await execa(binary, ['-V'], { stdin: 'ignore', timeout: 10_000, reject: false });
    if (result.failed && (result.code === 'ENOENT' || result.exitCode === undefined)) return { found: false };
    const version = String(result.stdout).trim();
    return { found: true, version: version || undefined };
  } catch {
    return { found: false };
  }
}

const ownedByUser = (uid: number) => (typeof process.getuid === 'function' ? uid === process.getuid() : undefined);

/** Existence, type, owner, permission bits and (for directories) writability; never throws. */
export async function probePath(target: string): Promise<PathFacts> {
  let stat;
  try {
    stat = await fs.stat(target);
  } catch {
    return { exists: false };
  }
  const writable = stat.isDirectory() ? await fs.access(target, constants.W_OK | constants.X_OK).then(() => true, () => false) : undefined;
  return { exists: true, isDirectory: stat.isDirectory(), ownedByUser: ownedByUser(stat.uid), mode: stat.mode & 0o777, writable };
}

/** The hook socket file itself (lstat: a symlink there is not wingman's socket). */
export async function probeSocketFile(socketPath: string): Promise<{ exists: boolean; isSocket?: boolean; mode?: number; ownedByUser?: boolean | undefined }> {
  try {
    const stat = await fs.lstat(socketPath);
    return { exists: true, isSocket: stat.isSocket(), mode: stat.mode & 0o777, ownedByUser: ownedByUser(stat.uid) };
  } catch {
    return { exists: false };
  }
}

/**
 * Whether a monitor answers on the socket: a harmless `pending` request, as `wingman pending`
 * sends. `absent` when nothing listens (no file, or a file left by a monitor that stopped);
 * `silent` when the connection is taken but no reply comes.
 */
export async function probeMonitor(socketPath: string, timeoutMs = 3000): Promise<'answering' | 'absent' | 'silent'> {
  try {
    const reply = await sendControl(socketPath, { type: 'control', action: 'pending', by: 'doctor' }, timeoutMs);
    return reply ? 'answering' : 'absent';
  } catch (error) {
    return isWingmanError(error) && error.code === 'timeout' ? 'silent' : 'absent';
  }
}
