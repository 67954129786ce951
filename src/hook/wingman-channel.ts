import net from 'node:net';
import type { ServerMessage } from '../core/hook-protocol.js';
import { LineBuffer, MAX_LINE_BYTES } from '../core/line-buffer.js';

/**
 * The MCP hook server's one connection to wingman's hook socket (the channel in
 * src/core/hook-protocol.ts): opened at start-up or on the next event, authenticated by its attach line, kept for
 * the session, and opened again on the next event after wingman restarts. While wingman cannot be
 * reached every question is answered at once with undefined, so Claude Code's dialog takes the
 * answer; plain events are then dropped (the events file still has them).
 */
export interface WingmanChannelOptions {
  socketPath: string;
  session: string;
  secret: string;
  /** Longest wait for a PermissionRequest's answer; Claude Code's own hook timeout is 600 s. */
  decisionTimeoutMs: number;
  /** Bytes per line, newline included (the hook server's cap). */
  maxLineBytes?: number;
}

interface Waiting {
  /** The connection the question went out on: its close answers it. */
  socket: net.Socket;
  resolve(message: ServerMessage | undefined): void;
}

/** One protocol line, or undefined when it would be longer than the hook server takes. */
function lineOf(message: Record<string, unknown>, maxBytes = MAX_LINE_BYTES): string | undefined {
  const line = `${JSON.stringify(message)}\n`;
  return Buffer.byteLength(line, 'utf8') > maxBytes ? undefined : line;
}

export class WingmanChannel {
  private socket: net.Socket | undefined;
  private nextId = 1;
  private readonly waiting = new Map<number, Waiting>();

  constructor(private readonly options: WingmanChannelOptions) {}

  /** Connects now, so the first prompt does not wait for it (no harm if wingman is down: the next event tries again). */
  open(): void {
    this.connection();
  }

  /** Hands wingman a plain event; nothing comes back. */
  notify(event: Record<string, unknown>, receivedAt: number): void {
    this.send({ type: 'hook', id: this.nextId++, event, receivedAt });
  }

  /**
   * Hands wingman a PermissionRequest and waits for its answer: undefined when wingman cannot be
   * reached, closes the channel, or the timeout passes, and when `signal` aborts (Claude gave up on
   * the call: the dialog was answered in the terminal); wingman is then told to stop waiting.
   */
  ask(event: Record<string, unknown>, receivedAt: number, signal?: AbortSignal): Promise<ServerMessage | undefined> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const done = (message: ServerMessage | undefined) => {
        if (!this.waiting.delete(id)) return;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        resolve(message);
      };
      const giveUp = () => {
        if (!this.waiting.has(id)) return;
        this.write({ type: 'cancel', id });
        done(undefined);
      };
      const onAbort = () => giveUp();
      if (signal?.aborted) return resolve(undefined);
      const line = lineOf({ type: 'hook', id, event, receivedAt }, this.options.maxLineBytes);
      if (line === undefined) return resolve(undefined); // too big for the hook server
      const socket = this.connection();
      this.waiting.set(id, { socket, resolve: done });
      signal?.addEventListener('abort', onAbort, { once: true });
      timer = setTimeout(giveUp, this.options.decisionTimeoutMs);
      socket.write(line);
    });
  }

  /** Questions still waiting for wingman. */
  get pending(): number {
    return this.waiting.size;
  }

  close(): void {
    this.socket?.destroy();
  }

  private send(message: Record<string, unknown>): void {
    const line = lineOf(message, this.options.maxLineBytes);
    if (line !== undefined) this.connection().write(line);
  }

  /** On the open connection only: a cancel for a closed one has nothing left to cancel. */
  private write(message: Record<string, unknown>): void {
    if (this.socket && !this.socket.destroyed) this.socket.write(lineOf(message) ?? '');
  }

  /** The open channel, or a new one (writes made while it connects are sent once it has). */
  private connection(): net.Socket {
    if (this.socket && !this.socket.destroyed) return this.socket;
    const socket = net.createConnection(this.options.socketPath);
    this.socket = socket;
    socket.setNoDelay?.(true);
    socket.write(`${JSON.stringify({ type: 'attach', session: this.options.session, secret: this.options.secret })}\n`);
    const lines = new LineBuffer(this.options.maxLineBytes);
    socket.on('data', (chunk: Buffer) => {
      let replies: string[];
      try {
        replies = lines.push(chunk);
      } catch {
        socket.destroy(); // a line longer than the hook server ever sends
        return;
      }
      for (const line of replies) this.onReply(line);
    });
    socket.on('error', () => {}); // 'close' follows
    socket.on('close', () => {
      if (this.socket === socket) this.socket = undefined;
      // Everything still waiting on this connection goes back to the dialog.
      for (const waiting of [...this.waiting.values()]) if (waiting.socket === socket) waiting.resolve(undefined);
    });
    return socket;
  }

  private onReply(line: string): void {
    let reply: { type?: unknown; id?: unknown; message?: unknown };
    try {
      reply = JSON.parse(line) as typeof reply;
    } catch {
      return;
    }
    if (reply.type !== 'reply' || typeof reply.id !== 'number') return;
    // The hook server checked the message against its schema before sending it.
    this.waiting.get(reply.id)?.resolve(reply.message as ServerMessage);
  }
}
