/**
 * The session's events.jsonl (`{at, event}` per line, and `{at, requestAt, decision}` for a decision
 * the MCP hook server returned), which `wingman status` reads. Written by the
 * hook forwarder and the MCP hook server as each event arrives; only node builtins are imported
 * (the forwarder's start-up is paid on every tool call).
 */
import fs from 'node:fs';

const EVENTS_FILE_ROTATE_BYTES = 512 * 1024;
const EVENTS_LINE_MAX_CHARS = 64 * 1024;
const EVENTS_FIELD_MAX_CHARS = 4 * 1024;

type Json = Record<string, unknown>;

/** Status only needs what happened, not file contents: big fields are cut so lines stay small. */
function slim(event: Json): Json {
  const copy: Json = {};
  for (const [key, value] of Object.entries(event)) {
    const size = JSON.stringify(value)?.length ?? 0;
    if (size <= EVENTS_FIELD_MAX_CHARS) copy[key] = value;
    else if (typeof value === 'string') copy[key] = `${value.slice(0, EVENTS_FIELD_MAX_CHARS)}…[truncated by wingman]`;
    else copy[key] = { wingmanOmitted: true, bytes: size };
  }
  return copy;
}

/**
 * Appends one event; best effort (status matters less than the relay), never throws. `startedAt`
 * (the forwarder's process start) lets the benchmark see how long the start-up took.
 */
export function appendHookEvent(file: string | undefined, event: Json, at = Date.now(), startedAt?: number): void {
  if (!file) return;
  const started = startedAt === undefined ? {} : { startedAt };
  let line = `${JSON.stringify({ at, ...started, event })}\n`;
  if (line.length > EVENTS_LINE_MAX_CHARS) line = `${JSON.stringify({ at, ...started, event: slim(event) })}\n`;
  appendLine(file, line);
}

/** What the MCP hook server handed Claude Code for a PermissionRequest (the events log records what the hook did). */
export interface HookDecisionRecord {
  hook_event_name: 'PermissionRequest';
  tool_name?: string;
  tool_use_id?: string;
  behavior: 'allow' | 'deny';
}

/**
 * Appends `{at, requestAt, decision}` when a decision goes back to Claude Code: the log then shows
 * what the hook answered, and the benchmark times Claude Code's own work from it. `requestAt` is
 * the `at` of the PermissionRequest line it answers. Readers of events skip it (it has no `event`).
 */
export function appendHookDecision(file: string | undefined, decision: HookDecisionRecord, requestAt: number, at = Date.now()): void {
  if (file) appendLine(file, `${JSON.stringify({ at, requestAt, decision })}\n`);
}

function appendLine(file: string, line: string): void {
  try {
    try {
      if (fs.statSync(file).size > EVENTS_FILE_ROTATE_BYTES) fs.renameSync(file, `${file}.1`);
    } catch {
      // Missing file, or another writer rotated it first.
    }
    const { O_WRONLY, O_APPEND, O_CREAT, O_NOFOLLOW } = fs.constants;
    const fd = fs.openSync(file, O_WRONLY | O_APPEND | O_CREAT | (O_NOFOLLOW ?? 0), 0o600);
    try {
      fs.writeSync(fd, line);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Status is best effort; the relay matters more.
  }
}

/** Creates the (empty, 0600) marker that tells wingman the session's MCP hook server is connected. */
export function markReady(file: string | undefined): void {
  if (!file) return;
  try {
    fs.closeSync(fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_CREAT | (fs.constants.O_NOFOLLOW ?? 0), 0o600));
  } catch {
    // Only spawn waits for it, and only for a while.
  }
}
