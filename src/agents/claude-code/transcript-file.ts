import fs from 'node:fs/promises';
import os from 'node:os';
import { readTranscriptText, type TranscriptSummary } from './transcript.js';
import { resolveTranscriptPath } from './transcript-path.js';

/**
 * Reads the tail of a session transcript. A transcript grows for the whole session and 2.1.332
 * writes bookkeeping lines of 40 KB and more, so the read starts small and widens only until
 * the latest prompt is in it; an unchanged file (same size and mtime) is not read again.
 */
export const FIRST_TAIL_BYTES = 64 * 1024;
export const MAX_TAIL_BYTES = 1024 * 1024;
const CACHED_FILES = 256;

const cache = new Map<string, { stamp: string; summary: TranscriptSummary }>();

async function readTail(handle: fs.FileHandle, size: number, bytes: number): Promise<string> {
  const start = Math.max(0, size - bytes);
  const buffer = Buffer.alloc(size - start);
  await handle.read(buffer, 0, buffer.length, start);
  const text = buffer.toString('utf8');
  return start > 0 ? text.slice(text.indexOf('\n') + 1) : text; // the first line is cut
}

/** The summary of a transcript file; undefined when it does not exist (yet) or cannot be read. */
export async function readTranscriptSummary(file: string): Promise<TranscriptSummary | undefined> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return undefined;
    const stamp = `${stat.size}:${stat.mtimeMs}`;
    const cached = cache.get(file);
    if (cached?.stamp === stamp) return cached.summary;
    let summary: TranscriptSummary;
    for (let bytes = FIRST_TAIL_BYTES; ; bytes *= 4) {
      summary = readTranscriptText(await readTail(handle, stat.size, bytes));
      if (summary.lastPrompt !== undefined || bytes >= stat.size || bytes >= MAX_TAIL_BYTES) break;
    }
    cache.delete(file);
    cache.set(file, { stamp, summary });
    if (cache.size > CACHED_FILES) cache.delete(cache.keys().next().value!);
    return summary;
  } catch {
    return undefined; // status is best effort: a transcript being rotated or removed is no error
  } finally {
    await handle.close();
  }
}

export interface SessionTranscriptSource {
  /** `transcript_path` of the latest hook event, if any. */
  hookPath?: string | undefined;
  /** The environment the session was launched with. */
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  sessionId?: string | undefined;
}

/** A session's transcript summary, from the hook's path or the one computed from its launch. */
export async function readSessionTranscript(source: SessionTranscriptSource): Promise<TranscriptSummary | undefined> {
  const file = resolveTranscriptPath(source.hookPath, { env: source.env, homedir: os.homedir(), cwd: source.cwd, sessionId: source.sessionId });
  return file === undefined ? undefined : readTranscriptSummary(file);
}
