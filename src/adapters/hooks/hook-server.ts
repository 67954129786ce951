import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { WingmanError } from '../../core/errors.js';
import type { HookEvent, PermissionDecision, PermissionRequestEvent } from '../../agents/claude-code/hook-events.js';
import {
  decodeAttachMessage,
  decodeChannelMessage,
  decodeHookMessage,
  decodeOtherHookMessage,
  encodeChannelReply,
  encodeServerMessage,
  hookMessageFromChannel,
  LineBuffer,
  otherHookMessageFromChannel,
  type AttachMessage,
  type ChannelHookLine,
  type HookMessage,
  type OtherHookMessage,
  type ServerMessage,
} from '../../core/hook-protocol.js';
import { parseControlRequest, type ControlReply, type ControlRequest } from '../../core/control-protocol.js';

export interface HookServerLogger {
  warn(message: string): void;
}

/**
 * Why a PermissionRequest can no longer be answered from the phone:
 * - `disconnected`: the hook process is gone. Esc / "No" on the keyboard aborts the turn and
 *   Claude kills the hook; also the hook's timeout, Claude exiting, or this server closing.
 * - `superseded`: later events show the dialog was answered in the terminal (its tool ran, or
 *   the turn ended). Needed because "Yes" on the keyboard does NOT kill the hook in Claude Code
 *   2.1.197, and a late answer is still acted on: updatedPermissions get saved and
 *   `interrupt: true` aborts the running tool. The hook is told to fall back.
 */
export type PromptEndReason = 'disconnected' | 'superseded';

export interface HookEventContext {
  /** Epoch ms when the forwarder read the event from Claude. */
  readonly receivedAt: number;
  /**
   * PermissionRequest only: answer the waiting hook. The first answer wins; returns false if the
   * prompt has ended or was answered (always false for other events, which are acked at once).
   * Throws WingmanError('invalid_input') for a malformed decision, leaving the hook waiting.
   * Between "Yes" on the keyboard and the tool finishing nothing tells wingman the dialog is
   * gone: check the screen before relaying `updatedPermissions` or `interrupt`.
   */
  respond(answer: PermissionDecision | 'fallback'): boolean;
  /** PermissionRequest only: `cb` runs once if the prompt ends before respond() (see PromptEndReason). */
  onClose(cb: (reason: PromptEndReason) => void): void;
}

export interface HookServerOptions {
  socketPath: string;
  /** Use secretsEqual() to compare, so timing does not leak the secret. May look the secret up (async). */
  authenticate(session: string, secret: string): boolean | Promise<boolean>;
  onEvent(session: string, event: HookEvent, ctx: HookEventContext): void | Promise<void>;
  /** Requests from wingman's CLI (`approve NAME`, `pending`); without it they are refused. */
  onControl?(request: ControlRequest): Promise<ControlReply>;
  logger?: HookServerLogger;
  maxConnections?: number;
  /** How long a connection may take to send its line (and a plain event to be acked). */
  idleTimeoutMs?: number;
  /** Upper bound on holding a PermissionRequest open; the forwarder gives up at 590 s. */
  maxPermissionWaitMs?: number;
  /** A session's MCP hook server attached (true) or its connection closed (false). */
  onChannel?(session: string, attached: boolean): void;
}

export interface HookServer {
  listen(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Where a PermissionRequest's answer goes: the forwarder's own connection (closed by the answer), or
 * one call on an MCP hook server's long-lived channel.
 */
interface PromptLink {
  readonly gone: boolean;
  send(message: ServerMessage): void;
  onGone(cb: () => void): void;
}

function socketLink(socket: net.Socket): PromptLink {
  return {
    get gone() {
      return socket.destroyed;
    },
    send: (message) => socket.end(encodeServerMessage(message)),
    onGone: (cb) => socket.once('close', cb),
  };
}

interface PendingPrompt {
  agentId: string | undefined;
  tool: string;
  receivedAt: number;
  supersede(): void;
}

/** Events after which no dialog of the same agent can still be open. */
const TURN_ENDS: ReadonlySet<string> = new Set(['UserPromptSubmit', 'Stop', 'StopFailure']);

/** Claude sends the same tool_input object to PermissionRequest and PostToolUse, so key order matches. */
const toolKey = (event: { tool_name: string; tool_input: unknown }): string => JSON.stringify([event.tool_name, event.tool_input]);

/** Room for the NUL on macOS (104); Linux allows 108. */
const MAX_SOCKET_PATH_BYTES = 103;

/** Constant-time string comparison; hashing first hides the length too. */
export function secretsEqual(expected: string, given: string): boolean {
  const digest = (value: string) => crypto.createHash('sha256').update(value, 'utf8').digest();
  return crypto.timingSafeEqual(digest(expected), digest(given)) && expected.length > 0;
}

const errorCode = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | undefined)?.code;
const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function createHookServer(options: HookServerOptions): HookServer {
  const { socketPath } = options;
  const logger = options.logger ?? { warn: (message: string) => console.warn(message) };
  const idleTimeoutMs = options.idleTimeoutMs ?? 5000;
  const maxPermissionWaitMs = options.maxPermissionWaitMs ?? 600_000;
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;

  function deliver(message: HookMessage, ctx: HookEventContext, onFailure: () => void): void {
    const failed = (error: unknown) => {
      logger.warn(`wingman: handling a ${message.event.hook_event_name} hook for session "${message.session}" failed: ${describe(error)}`);
      onFailure();
    };
    try {
      Promise.resolve(options.onEvent(message.session, message.event, ctx)).catch(failed);
    } catch (error) {
      failed(error);
    }
  }

  /** Waiting PermissionRequests per session, so later events can retire them. */
  const pendingBySession = new Map<string, Set<PendingPrompt>>();

  function openPrompt(link: PromptLink, message: HookMessage): HookEventContext {
    const event = message.event as PermissionRequestEvent;
    let state: 'pending' | 'answered' | 'ended' = 'pending';
    let endReason: PromptEndReason = 'disconnected';
    const callbacks: Array<(reason: PromptEndReason) => void> = [];
    const prompt: PendingPrompt = {
      agentId: event.agent_id,
      tool: toolKey(event),
      receivedAt: message.receivedAt,
      supersede: () => end('superseded'),
    };
    const prompts = pendingBySession.get(message.session) ?? new Set<PendingPrompt>();
    pendingBySession.set(message.session, prompts.add(prompt));

    function forget(): void {
      prompts.delete(prompt);
      if (prompts.size === 0 && pendingBySession.get(message.session) === prompts) pendingBySession.delete(message.session);
    }
    function end(reason: PromptEndReason): void {
      if (state !== 'pending') return;
      state = 'ended';
      endReason = reason;
      forget();
      if (reason === 'superseded' && !link.gone) link.send({ type: 'fallback' });
      for (const cb of callbacks.splice(0)) notify(cb, reason);
    }
    link.onGone(() => end('disconnected'));

    return {
      receivedAt: message.receivedAt,
      respond(answer) {
        if (state !== 'pending' || link.gone) return false;
        const reply: ServerMessage = answer === 'fallback' ? { type: 'fallback' } : { type: 'decision', decision: answer };
        encodeServerMessage(reply); // throws for a malformed decision, leaving the prompt pending
        state = 'answered';
        forget();
        link.send(reply);
        return true;
      },
      onClose(cb) {
        if (state === 'pending') callbacks.push(cb);
        else if (state === 'ended') queueMicrotask(() => notify(cb, endReason));
      },
    };
  }

  function notify(cb: (reason: PromptEndReason) => void, reason: PromptEndReason): void {
    try {
      cb(reason);
    } catch (error) {
      logger.warn(`wingman: a hook onClose callback failed: ${describe(error)}`);
    }
  }

  /** Retires prompts this event proves were answered in the terminal. */
  function retireAnswered(session: string, event: HookEvent, receivedAt: number): void {
    const prompts = pendingBySession.get(session);
    if (!prompts) return;
    const name = event.hook_event_name;
    const ranTool = name === 'PostToolUse' || name === 'PostToolUseFailure' ? toolKey(event) : undefined;
    for (const prompt of [...prompts]) {
      if (receivedAt < prompt.receivedAt) continue; // read late, happened earlier
      const ended =
        name === 'SessionEnd' ||
        name === 'SessionStart' ||
        (TURN_ENDS.has(name) && prompt.agentId === event.agent_id) ||
        (ranTool !== undefined && prompt.tool === ranTool);
      if (ended) prompt.supersede();
    }
  }

  async function authentic(message: { session: string; secret: string; event?: { hook_event_name: string } }): Promise<boolean> {
    let ok = false;
    try {
      ok = await options.authenticate(message.session, message.secret);
    } catch (error) {
      logger.warn(`wingman: hook authentication failed: ${describe(error)}`);
    }
    const what = message.event ? `a ${message.event.hook_event_name} hook` : 'an MCP hook server';
    if (!ok) logger.warn(`wingman: dropped ${what} for session "${message.session}": wrong secret.`);
    return ok;
  }

  const plainContext = (receivedAt: number): HookEventContext => ({ receivedAt, respond: () => false, onClose: () => {} });

  function answerControl(socket: net.Socket, line: string): void {
    const reply = (value: ControlReply) => socket.end(`${JSON.stringify(value)}\n`);
    let request: ControlRequest;
    try {
      request = parseControlRequest(JSON.parse(line));
    } catch (error) {
      reply({ type: 'control-result', ok: false, text: describe(error) });
      return;
    }
    if (!options.onControl) {
      reply({ type: 'control-result', ok: false, text: 'This wingman process does not take commands.' });
      return;
    }
    socket.setTimeout(30_000);
    options.onControl(request).then(reply, (error: unknown) => reply({ type: 'control-result', ok: false, text: describe(error) }));
  }

  /** One authenticated event, from a forwarder's connection or a channel: plain ones are delivered, a PermissionRequest waits on `link`. */
  function handle(message: HookMessage, link: () => PromptLink, ack: () => void): void {
    retireAnswered(message.session, message.event, message.receivedAt);
    if (message.event.hook_event_name !== 'PermissionRequest') {
      ack(); // before onEvent, so Claude never waits on wingman
      deliver(message, plainContext(message.receivedAt), () => {});
      return;
    }
    const ctx = openPrompt(link(), message);
    deliver(message, ctx, () => ctx.respond('fallback'));
  }

  function accept(socket: net.Socket, line: string, lines: LineBuffer): void {
    if (line.startsWith('{"type":"control"')) {
      answerControl(socket, line);
      return;
    }
    if (line.startsWith('{"type":"attach"')) {
      openChannel(socket, line, lines);
      return;
    }
    let message: HookMessage;
    try {
      message = decodeHookMessage(line);
    } catch (error) {
      // An event wingman does not read (a newer Claude Code's): acked without a word, like any event.
      const other = decodeOtherHookMessage(line);
      if (!other) logger.warn(`wingman: dropped a hook connection: ${describe(error)}`);
      if (!other) socket.destroy();
      else void authentic(other).then((ok) => (ok ? socket.end(encodeServerMessage({ type: 'ack' })) : socket.destroy()));
      return;
    }
    void authentic(message).then((ok) => {
      if (!ok) socket.destroy();
      else if (!socket.destroyed) acceptHook(socket, message); // the forwarder may have given up meanwhile
    });
  }

  function acceptHook(socket: net.Socket, message: HookMessage): void {
    handle(
      message,
      () => {
        socket.setTimeout(maxPermissionWaitMs); // nothing flows while waiting, so idle = total wait
        return socketLink(socket);
      },
      () => socket.end(encodeServerMessage({ type: 'ack' })),
    );
  }

  /**
   * An MCP hook server's connection: authenticated once by its attach line, then one line per event
   * for as long as the session runs. A bad line closes the channel (its prompts fall back to the
   * dialog); a PermissionRequest's answer is a `reply` line with the call's id.
   */
  function openChannel(socket: net.Socket, line: string, lines: LineBuffer): void {
    let attach: AttachMessage;
    try {
      attach = decodeAttachMessage(line);
    } catch (error) {
      logger.warn(`wingman: dropped a hook connection: ${describe(error)}`);
      socket.destroy();
      return;
    }
    socket.pause(); // lines sent while the secret is looked up wait in the socket
    void authentic(attach).then((ok) => {
      if (!ok) socket.destroy();
      else if (!socket.destroyed) runChannel(socket, attach, lines);
    });
  }

  function runChannel(socket: net.Socket, attach: AttachMessage, lines: LineBuffer): void {
    socket.setTimeout(0); // quiet for as long as Claude is
    const calls = new Map<number, { gone: boolean; cancel(): void }>();
    const session = attach.session;
    options.onChannel?.(session, true);
    socket.once('close', () => {
      for (const call of calls.values()) call.cancel();
      calls.clear();
      options.onChannel?.(session, false);
    });

    const callLink = (id: number): PromptLink => {
      const waiting: Array<() => void> = [];
      let timer: NodeJS.Timeout | undefined;
      const call = {
        gone: false,
        cancel() {
          if (call.gone) return;
          call.gone = true;
          calls.delete(id);
          clearTimeout(timer);
          for (const cb of waiting.splice(0)) cb();
        },
      };
      calls.set(id, call);
      timer = setTimeout(() => {
        if (!socket.destroyed) socket.write(encodeChannelReply({ type: 'reply', id, message: { type: 'fallback' } }));
        call.cancel();
      }, maxPermissionWaitMs);
      timer.unref();
      return {
        get gone() {
          return call.gone || socket.destroyed;
        },
        send(message) {
          if (call.gone || socket.destroyed) return;
          socket.write(encodeChannelReply({ type: 'reply', id, message }));
          call.gone = true; // answered: nothing more goes to this call
          calls.delete(id);
          clearTimeout(timer);
        },
        onGone: (cb) => waiting.push(cb),
      };
    };

    const onLine = (text: string): boolean => {
      let message: ReturnType<typeof decodeChannelMessage>;
      try {
        message = decodeChannelMessage(text);
      } catch (error) {
        logger.warn(`wingman: closed the MCP hook channel of session "${session}": ${describe(error)}`);
        socket.destroy();
        return false;
      }
      if (message.type === 'cancel') {
        calls.get(message.id)?.cancel();
        return true;
      }
      if (calls.has(message.id)) {
        logger.warn(`wingman: closed the MCP hook channel of session "${session}": call ${message.id} sent twice.`);
        socket.destroy();
        return false;
      }
      channelEvent(socket, attach, message, callLink);
      return true;
    };
    // Lines that came in the same chunk as the attach, then every later chunk.
    socket.removeAllListeners('data');
    socket.on('data', (chunk: Buffer) => {
      let texts: string[];
      try {
        texts = lines.push(chunk);
      } catch (error) {
        logger.warn(`wingman: closed the MCP hook channel of session "${session}": ${describe(error)}`);
        socket.destroy();
        return;
      }
      for (const text of texts) if (!onLine(text)) return;
    });
    for (const text of lines.drain()) if (!onLine(text)) return;
    socket.resume();
  }

  function channelEvent(socket: net.Socket, attach: AttachMessage, line: ChannelHookLine, callLink: (id: number) => PromptLink): void {
    let message: HookMessage;
    try {
      message = hookMessageFromChannel(attach, line);
    } catch (error) {
      // An event wingman does not read is dropped without a word; a malformed one is logged. Either
      // way a waiting call is told to leave the answer to the dialog (a plain event ignores it).
      const other: OtherHookMessage | undefined = otherHookMessageFromChannel(attach, line);
      if (!other) logger.warn(`wingman: dropped a hook event of session "${attach.session}": ${describe(error)}`);
      socket.write(encodeChannelReply({ type: 'reply', id: line.id, message: { type: 'fallback' } }));
      return;
    }
    handle(message, () => callLink(line.id), () => {});
  }

  function onConnection(socket: net.Socket): void {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {}); // a killed forwarder; 'close' follows
    socket.setTimeout(idleTimeoutMs, () => socket.destroy());
    const lines = new LineBuffer();
    let accepted = false;
    socket.on('data', (chunk: Buffer) => {
      if (accepted) return; // one message per connection (a channel takes over 'data')
      let line: string | undefined;
      try {
        line = lines.shift(chunk);
      } catch (error) {
        logger.warn(`wingman: dropped a hook connection: ${describe(error)}`);
        socket.destroy();
        return;
      }
      if (line === undefined) return;
      accepted = true;
      accept(socket, line, lines);
    });
  }

  return {
    async listen() {
      if (server) throw new WingmanError('invalid_input', 'The hook server is already listening.');
      if (Buffer.byteLength(socketPath) > MAX_SOCKET_PATH_BYTES) {
        throw new WingmanError(
          'invalid_input',
          `The hook socket path ${socketPath} is too long for a unix socket (over ${MAX_SOCKET_PATH_BYTES} bytes); use a shorter WINGMAN_HOME.`,
        );
      }
      await ensurePrivateDir(path.dirname(socketPath));
      await removeStaleSocket(socketPath);
      const listening = net.createServer(onConnection);
      listening.maxConnections = options.maxConnections ?? 1024; // each MCP hook server holds one
      await new Promise<void>((resolve, reject) => {
        listening.once('error', reject);
        listening.listen(socketPath, () => {
          listening.off('error', reject);
          resolve();
        });
      }).catch((error: unknown) => {
        if (errorCode(error) === 'EADDRINUSE') throw alreadyRunning(socketPath);
        throw new WingmanError('store_failed', `Could not listen on ${socketPath}: ${describe(error)}`, { cause: error });
      });
      listening.on('error', (error) => logger.warn(`wingman: hook server error: ${describe(error)}`));
      server = listening;
      await fs.chmod(socketPath, 0o600);
    },

    async close() {
      const closing = server;
      if (!closing) return;
      server = undefined;
      // Waiting forwarders see the close and let Claude's own dialog take the answer.
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => closing.close(() => resolve()));
    },
  };
}

function alreadyRunning(socketPath: string): WingmanError {
  return new WingmanError(
    'store_failed',
    `A wingman monitor is already running (it is listening on ${socketPath}). Stop it before starting another.`,
  );
}

async function ensurePrivateDir(dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const stat = await fs.stat(dir);
  if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) {
    throw new WingmanError('store_failed', `The hook socket directory ${dir} belongs to another user.`);
  }
  if ((stat.mode & 0o777) !== 0o700) await fs.chmod(dir, 0o700);
}

/** A socket file nobody answers on is left over from a crash; a live one means another monitor. */
async function removeStaleSocket(socketPath: string): Promise<void> {
  let stat;
  try {
    stat = await fs.lstat(socketPath);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return;
    throw error;
  }
  if (!stat.isSocket()) {
    throw new WingmanError('store_failed', `${socketPath} exists and is not a socket; move it away and try again.`);
  }
  if (await answers(socketPath)) throw alreadyRunning(socketPath);
  await fs.rm(socketPath, { force: true });
}

function answers(socketPath: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const probe = net.createConnection(socketPath);
    const done = (live: boolean) => {
      probe.destroy();
      resolve(live);
    };
    probe.setTimeout(1000, () => done(true)); // accepted but silent still means someone is there
    probe.once('connect', () => done(true));
    probe.once('error', (error) => {
      const code = errorCode(error);
      if (code === 'ECONNREFUSED' || code === 'ENOENT') done(false);
      else reject(new WingmanError('store_failed', `Could not check the hook socket ${socketPath}: ${describe(error)}`, { cause: error }));
    });
  });
}
