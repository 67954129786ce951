import fs from 'node:fs/promises';
import { parseHookEventIfKnown } from '../../agents/claude-code/hook-events.js';
import type { TimedHookEvent } from '../../core/status/hook-timeline.js';

/** Enough for hundreds of recent events; older ones no longer change the state. */
const TAIL_BYTES = 256 * 1024;

/**
 * The recent events the hook forwarder appended for one session (`{at, event}` per line).
 * Lines that do not parse, and events wingman does not read, are skipped: the file is written by
 * a process Claude runs, and one bad line must not cost the session its status.
 */
export async function readRecentHookEvents(file: string): Promise<TimedHookEvent[]> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  try {
    const { size } = await handle.stat();
    const start = Math.max(0, size - TAIL_BYTES);
    const buffer = Buffer.alloc(size - start);
    await handle.read(buffer, 0, buffer.length, start);
    const lines = buffer.toString('utf8').split('\n');
    if (start > 0) lines.shift(); // the first line is cut
    const events: TimedHookEvent[] = [];
    for (const line of lines) {
      if (!line.trim()) continue;
      try {
        const { at, event } = JSON.parse(line) as { at?: unknown; event?: unknown };
        // A decision the MCP hook server returned ({at, requestAt, decision}) is not an event.
        if (typeof at !== 'number' || event === undefined) continue;
        const parsed = parseHookEventIfKnown(event);
        if (parsed) events.push({ atMs: at, event: parsed });
      } catch {
        // skipped, see above
      }
    }
    return events;
  } finally {
    await handle.close();
  }
}
