import fs from 'node:fs/promises';
import os from 'node:os';
import { parseTranscript, type TranscriptEntry } from './transcript.js';
import { resolveTranscriptPath } from './transcript-path.js';
import type { SessionTranscriptSource } from './transcript-file.js';
import { planFromToolInput } from './exit-plan.js';

/** A plan asked for lately sits near the end; 2.1.332's bookkeeping lines can be 40 KB each. */
const TAIL_BYTES = 1024 * 1024;

/** The plan of the latest ExitPlanMode call that has no result yet (still waiting), if any. */
export function openPlanIn(entries: readonly TranscriptEntry[]): string | undefined {
  for (let index = entries.length - 1; index >= 0; index -= 1) {
    const entry = entries[index]!;
    if (entry.kind !== 'tool_use' || entry.tool !== 'ExitPlanMode') continue;
    const answered = entries.slice(index + 1).some((later) => later.kind === 'tool_result' && later.toolUseId === entry.id);
    return answered ? undefined : planFromToolInput(entry.tool, entry.input);
  }
  return undefined;
}

/**
 * The waiting plan as Claude Code's transcript has it, whole (the screen may show only its
 * start): Claude Code writes the assistant's tool call before it asks for permission.
 */
export async function readOpenPlan(source: SessionTranscriptSource): Promise<string | undefined> {
  const file = resolveTranscriptPath(source.hookPath, { env: source.env, homedir: os.homedir(), cwd: source.cwd, sessionId: source.sessionId });
  if (file === undefined) return undefined;
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(file, 'r');
    const { size } = await handle.stat();
    const start = Math.max(0, size - TAIL_BYTES);
    const buffer = Buffer.alloc(size - start);
    await handle.read(buffer, 0, buffer.length, start);
    const lines = buffer.toString('utf8').split('\n');
    if (start > 0) lines.shift(); // cut mid-line
    return openPlanIn(parseTranscript(lines));
  } catch {
    return undefined; // best effort: the screen still shows the plan's start
  } finally {
    await handle?.close();
  }
}
