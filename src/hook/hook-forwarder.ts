/**
 * Claude Code runs this for every hook event. It logs the event, hands it to wingman's hook
 * server and, for a PermissionRequest, prints the decision wingman relays from the phone.
 *
 * Rules, because Claude reads our exit code and stdout: never exit non-zero, never print
 * anything but a decision, and when wingman is unreachable exit at once so the normal dialog
 * is not delayed. Only node builtins and two small modules that import nothing heavier
 * (events-file.ts, line-buffer.ts) are imported, as start-up is paid on every tool call; the
 * wire format mirrors src/core/hook-protocol.ts.
 */
import net from 'node:net';
import { LineBuffer, MAX_LINE_BYTES } from '../core/line-buffer.js';
import { appendHookEvent } from './events-file.js';

const MAX_STDIN_BYTES = 1024 * 1024;
const ACK_WAIT_MS = 300;
const DEFAULT_DECISION_TIMEOUT_MS = 590_000;
const STDIN_TIMEOUT_MS = 10_000;
const PARENT_CHECK_MS = 1000;

let finished = false;

function finish(output?: string): void {
  if (finished) return;
  finished = true;
  if (output) process.stdout.write(output, () => process.exit(0));
  else process.exit(0);
}

process.on('uncaughtException', () => finish());
process.stdout.on('error', () => process.exit(0));

type Json = Record<string, unknown>;

function decisionTimeoutMs(): number {
  const value = Number(process.env.WINGMAN_HOOK_DECISION_TIMEOUT_MS);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_DECISION_TIMEOUT_MS;
}

function isDecision(value: unknown): value is Json {
  if (typeof value !== 'object' || value === null) return false;
  const behavior = (value as Json).behavior;
  return behavior === 'allow' || behavior === 'deny';
}

function relay(socketPath: string, line: string, isPermission: boolean): void {
  setTimeout(() => finish(), isPermission ? decisionTimeoutMs() : ACK_WAIT_MS);
  if (isPermission) {
    // If Claude dies without killing us, stop holding the prompt open in wingman.
    const parent = process.ppid;
    setInterval(() => process.ppid !== parent && finish(), PARENT_CHECK_MS).unref();
  }
  const socket = net.createConnection(socketPath);
  socket.on('error', () => finish());
  socket.on('close', () => finish());
  socket.on('connect', () => socket.write(line));
  const replies = new LineBuffer();
  socket.on('data', (data: Buffer) => {
    let reply: string | undefined;
    try {
      reply = replies.shift(data);
    } catch {
      return finish(); // a reply line over the cap
    }
    if (reply === undefined) return;
    let message: Json | undefined;
    try {
      message = JSON.parse(reply) as Json;
    } catch {
      return finish();
    }
    if (isPermission && message?.type === 'decision' && isDecision(message.decision)) {
      // Same bytes as formatPermissionDecision(): the server already validated the decision.
      return finish(JSON.stringify({ hookSpecificOutput: { hookEventName: 'PermissionRequest', decision: message.decision } }));
    }
    finish(); // ack, fallback, or anything unexpected
  });
}

function onInput(raw: Buffer): void {
  const receivedAt = Date.now();
  let event: unknown;
  try {
    event = JSON.parse(raw.toString('utf8'));
  } catch {
    return finish();
  }
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return finish();
  const record = event as Json;
  appendHookEvent(process.env.WINGMAN_EVENTS_FILE, record, receivedAt, Math.round(performance.timeOrigin));

  const session = process.env.WINGMAN_SESSION;
  const secret = process.env.WINGMAN_HOOK_SECRET;
  const socketPath = process.env.WINGMAN_HOOK_SOCKET;
  if (!session || !secret || !socketPath) return finish();
  const line = `${JSON.stringify({ type: 'hook', session, secret, event: record, receivedAt })}\n`;
  if (Buffer.byteLength(line, 'utf8') > MAX_LINE_BYTES) return finish();
  relay(socketPath, line, record.hook_event_name === 'PermissionRequest');
}

function main(): void {
  const chunks: Buffer[] = [];
  let size = 0;
  const stdinTimer = setTimeout(() => finish(), STDIN_TIMEOUT_MS);
  process.stdin.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_STDIN_BYTES) return finish();
    chunks.push(chunk);
  });
  process.stdin.on('error', () => finish());
  process.stdin.on('end', () => {
    clearTimeout(stdinTimer);
    if (!finished) onInput(Buffer.concat(chunks));
  });
}

main();
