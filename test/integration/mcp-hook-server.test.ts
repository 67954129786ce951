import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHookServer, secretsEqual, type HookEventContext, type HookServer, type PromptEndReason } from '../../src/adapters/hooks/hook-server.js';
import { formatPermissionDecision, type HookEvent, type HookEventName, type PermissionDecision } from '../../src/agents/claude-code/hook-events.js';
import { MCP_HOOK_TOOL, mcpHookToolInput } from '../../src/agents/claude-code/mcp-hook-input.js';
import { hookPayloads, type Payload } from '../support/claude-fixtures.js';
import { interpolateMcpHookInput } from '../support/claude-interpolation.js';
import { makeTempDir, removeDir } from '../support/temp-dir.js';

/**
 * The MCP hook server (src/hook/hook-mcp-server.ts) as Claude Code runs it, a stdio child driven by
 * the MCP SDK's own client, against wingman's real hook server on a unix socket.
 */
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const serverScript = path.join(repoRoot, 'src/hook/hook-mcp-server.ts');
const SESSION = 'api-fix';
const SECRET = 'correct-horse-battery-staple';
const payload = (event: string, index = 0): Payload => structuredClone(hookPayloads('2.1.332')[event]![index]!);

let dir: string;
let socketPath: string;
let eventsFile: string;
let hookServer: HookServer | undefined;
let client: Client | undefined;
let transport: StdioClientTransport | undefined;
let delivered: Array<{ session: string; event: HookEvent; ctx: HookEventContext }>;
let channels: Array<[string, boolean]>;
let warnings: string[];

beforeEach(async () => {
  dir = await makeTempDir();
  socketPath = path.join(dir, 'run', 'hooks.sock');
  eventsFile = path.join(dir, 'events.jsonl');
  delivered = [];
  channels = [];
  warnings = [];
});

afterEach(async () => {
  await client?.close().catch(() => undefined);
  client = undefined;
  await hookServer?.close();
  hookServer = undefined;
  await removeDir(dir);
});

async function startWingman(answer?: (event: HookEvent, ctx: HookEventContext) => void, secret = SECRET): Promise<HookServer> {
  hookServer = createHookServer({
    socketPath,
    authenticate: (session, given) => session === SESSION && secretsEqual(secret, given),
    onEvent: (session, event, ctx) => {
      delivered.push({ session, event, ctx });
      answer?.(event, ctx);
    },
    onChannel: (session, attached) => channels.push([session, attached]),
    logger: { warn: (message) => warnings.push(message) },
  });
  await hookServer.listen();
  return hookServer;
}

async function startMcpServer(env: Record<string, string> = {}): Promise<Client> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key, value]) => !key.startsWith('WINGMAN_') && value !== undefined)) as Record<string, string>;
  transport = new StdioClientTransport({
    command: process.execPath,
    args: ['--import', 'tsx', serverScript],
    cwd: repoRoot,
    env: { ...clean, WINGMAN_SESSION: SESSION, WINGMAN_HOOK_SECRET: SECRET, WINGMAN_HOOK_SOCKET: socketPath, WINGMAN_EVENTS_FILE: eventsFile, ...env },
    stderr: 'pipe',
  });
  client = new Client({ name: 'claude-code-stand-in', version: '1' });
  await client.connect(transport);
  return client;
}

/** The call Claude Code makes for `event`: the hook's input template, interpolated from the event. */
function hookCall(event: Payload, options: { signal?: AbortSignal } = {}): Promise<CallToolResult> {
  const args = interpolateMcpHookInput(mcpHookToolInput(event.hook_event_name as HookEventName), event) as Record<string, unknown>;
  return client!.callTool({ name: MCP_HOOK_TOOL, arguments: args }, undefined, { signal: options.signal, timeout: 60_000 }) as Promise<CallToolResult>;
}

/** The lines of the events log: events, and the decisions the server handed Claude Code. */
async function loggedLines(): Promise<Array<{ at: number; requestAt?: number; event?: { hook_event_name: string }; decision?: Record<string, unknown> }>> {
  const text = await fs.readFile(eventsFile, 'utf8').catch(() => '');
  return text.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as { at: number });
}

const textOf = (result: CallToolResult): string => result.content.map((block) => (block.type === 'text' ? block.text : `[${block.type}]`)).join('\n');

async function until<T>(probe: () => T | undefined, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('the model is never offered the tool', () => {
  it('lists no tools, and refuses any name but the hook tool', async () => {
    await startWingman();
    const ready = path.join(dir, 'mcp-ready');
    await startMcpServer({ WINGMAN_MCP_READY_FILE: ready });
    expect(await fs.stat(ready).catch(() => undefined)).toBeUndefined();
    expect((await client!.listTools()).tools).toEqual([]);
    // Listing its tools is Claude Code's last step in connecting it: spawn waits for this marker.
    expect((await fs.stat(ready)).mode & 0o777).toBe(0o600);
    const result = (await client!.callTool({ name: 'approve', arguments: {} })) as CallToolResult;
    expect(result.isError).toBe(true);
    expect(delivered).toEqual([]);
  });
});

/** Inodes of the sockets a process has open, and of every socket in LISTEN state on the machine (TCP, UDP, v4 and v6). */
async function listeningInodes(pid: number): Promise<{ own: Set<string>; listening: Set<string> }> {
  const own = new Set<string>();
  for (const fd of await fs.readdir(`/proc/${pid}/fd`)) {
    const target = await fs.readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
    const match = /^socket:\[(\d+)\]$/.exec(target);
    if (match) own.add(match[1]!);
  }
  const listening = new Set<string>();
  for (const table of ['tcp', 'tcp6', 'udp', 'udp6']) {
    const text = await fs.readFile(`/proc/net/${table}`, 'utf8').catch(() => '');
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      // st 0A = LISTEN for TCP; a bound UDP socket is 07 and counts too.
      if (fields.length > 9 && (fields[3] === '0A' || table.startsWith('udp'))) listening.add(fields[9]!);
    }
  }
  return { own, listening };
}

describe('the security property', () => {
  it('no port: the server listens on nothing and reaches wingman only over the 0600 socket in a 0700 directory', async () => {
    await startWingman((_, ctx) => ctx.respond('fallback'));
    await startMcpServer();
    await hookCall(payload('PermissionRequest')); // the channel is open now
    const { own, listening } = await listeningInodes(transport!.pid!);
    expect([...own].filter((inode) => listening.has(inode))).toEqual([]);
    expect((await fs.stat(socketPath)).mode & 0o777).toBe(0o600);
    expect((await fs.stat(path.dirname(socketPath))).mode & 0o777).toBe(0o700);
    expect(channels).toEqual([[SESSION, true]]);
  });
});

describe('PermissionRequest over the channel', () => {
  it.each<[string, PermissionDecision]>([
    ['allow', { behavior: 'allow' }],
    ['deny', { behavior: 'deny', message: 'Denied from phone', interrupt: true }],
  ])('relays %s as the exact hook output', async (_, decision) => {
    await startWingman((event, ctx) => {
      if (event.hook_event_name === 'PermissionRequest') setTimeout(() => ctx.respond(decision), 20);
    });
    await startMcpServer();
    const result = await hookCall(payload('PermissionRequest'));
    expect(textOf(result)).toBe(formatPermissionDecision(decision));
    expect(result.isError).toBeFalsy();
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.session).toBe(SESSION);
    expect(delivered[0]!.event).toMatchObject({ hook_event_name: 'PermissionRequest', tool_name: payload('PermissionRequest').tool_name, tool_input: payload('PermissionRequest').tool_input });
    // The log records what the hook answered, stamped just before the result went back.
    const [request, handedOver, ...rest] = await loggedLines();
    expect(rest).toEqual([]);
    expect(request!.event?.hook_event_name).toBe('PermissionRequest');
    expect(handedOver).toEqual({ at: expect.any(Number), requestAt: request!.at, decision: { hook_event_name: 'PermissionRequest', tool_name: payload('PermissionRequest').tool_name, behavior: decision.behavior } });
    expect(handedOver!.at).toBeGreaterThanOrEqual(request!.at + 20);
  });

  it('returns no output for a fallback, so the dialog takes the answer', async () => {
    await startWingman((_, ctx) => ctx.respond('fallback'));
    await startMcpServer();
    const result = await hookCall(payload('PermissionRequest'));
    expect(result.content).toEqual([]);
    expect(result.isError).toBeFalsy();
    expect((await loggedLines()).map((line) => line.event?.hook_event_name ?? 'decision')).toEqual(['PermissionRequest']);
  });

  it('returns no output at once when wingman is not running, and never an error', async () => {
    await startMcpServer();
    const started = performance.now();
    const result = await hookCall(payload('PermissionRequest'));
    expect(result).toMatchObject({ content: [] });
    expect(result.isError).toBeFalsy();
    expect(performance.now() - started).toBeLessThan(2_000);
    expect((await loggedLines()).filter((line) => line.decision)).toEqual([]);
  });

  it('returns no output at once for a wrong secret, and wingman drops the event', async () => {
    await startWingman(undefined, 'another-secret-entirely');
    await startMcpServer();
    const result = await hookCall(payload('PermissionRequest'));
    expect(result.content).toEqual([]);
    expect(delivered).toEqual([]);
    expect(warnings.join('\n')).toMatch(/wrong secret/);
  });

  it('ends the prompt in wingman when Claude Code gives up on the call (answered in the terminal)', async () => {
    const ended: PromptEndReason[] = [];
    await startWingman((_, ctx) => ctx.onClose((reason) => ended.push(reason)));
    await startMcpServer();
    const abort = new AbortController();
    const call = hookCall(payload('PermissionRequest'), { signal: abort.signal }).catch((error: Error) => error);
    await until(() => delivered[0]);
    abort.abort();
    expect(await call).toBeInstanceOf(Error);
    expect(await until(() => ended[0])).toBe('disconnected');
    expect(delivered[0]!.ctx.respond({ behavior: 'allow' })).toBe(false);
  });

  it('ends the prompt when the MCP server dies, and wingman hears the channel close', async () => {
    const ended: PromptEndReason[] = [];
    await startWingman((_, ctx) => ctx.onClose((reason) => ended.push(reason)));
    await startMcpServer();
    void hookCall(payload('PermissionRequest')).catch(() => undefined);
    await until(() => delivered[0]);
    expect(channels).toEqual([[SESSION, true]]);
    process.kill(transport!.pid!, 'SIGKILL');
    expect(await until(() => ended[0])).toBe('disconnected');
    await until(() => (channels.length === 2 ? true : undefined));
    expect(channels[1]).toEqual([SESSION, false]);
  });

  it('supersedes a prompt whose tool ran (answered in the terminal), over the same channel', async () => {
    const ended: PromptEndReason[] = [];
    await startWingman((event, ctx) => {
      if (event.hook_event_name === 'PermissionRequest') ctx.onClose((reason) => ended.push(reason));
    });
    await startMcpServer();
    const request = payload('PermissionRequest');
    const call = hookCall(request);
    await until(() => delivered[0]);
    const post = payload('PostToolUse');
    await hookCall({ ...post, tool_name: request.tool_name, tool_input: request.tool_input });
    expect((await call).content).toEqual([]);
    expect(ended).toEqual(['superseded']);
  });

  it('answers two waiting prompts of one session independently', async () => {
    await startWingman();
    await startMcpServer();
    const first = hookCall(payload('PermissionRequest'));
    const second = hookCall({ ...payload('PermissionRequest'), tool_input: { command: 'echo second' } });
    await until(() => (delivered.length === 2 ? true : undefined));
    const [a, b] = delivered;
    const secondCtx = (b!.event as { tool_input: { command?: string } }).tool_input.command === 'echo second' ? b! : a!;
    const firstCtx = secondCtx === a ? b! : a!;
    secondCtx.ctx.respond({ behavior: 'deny', message: 'no' });
    expect(textOf(await second)).toBe(formatPermissionDecision({ behavior: 'deny', message: 'no' }));
    firstCtx.ctx.respond({ behavior: 'allow' });
    expect(textOf(await first)).toBe(formatPermissionDecision({ behavior: 'allow' }));
  });
});

describe('plain events over the channel', () => {
  it('returns at once, delivers in order and logs each event for status', async () => {
    await startWingman();
    await startMcpServer();
    const names = ['UserPromptSubmit', 'PreToolUse', 'PostToolUse', 'Notification', 'Stop'];
    for (const name of names) expect((await hookCall(payload(name))).content).toEqual([]);
    await until(() => (delivered.length === names.length ? true : undefined));
    expect(delivered.map((item) => item.event.hook_event_name)).toEqual(names);
    const logged = (await fs.readFile(eventsFile, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { at: number; event: { hook_event_name: string } });
    expect(logged.map((line) => line.event.hook_event_name)).toEqual(names);
    expect(channels).toEqual([[SESSION, true]]); // one connection for all of them
  });

  it('opens the channel again after wingman restarts', async () => {
    await startWingman();
    await startMcpServer();
    await hookCall(payload('UserPromptSubmit'));
    await until(() => delivered[0]);
    await hookServer!.close();
    await startWingman((_, ctx) => ctx.respond({ behavior: 'allow' }));
    // A call that still meets the old, closed connection falls back to the dialog; the next reconnects.
    let text = textOf(await hookCall(payload('PermissionRequest')));
    if (text === '') text = textOf(await hookCall(payload('PermissionRequest')));
    expect(text).toBe(formatPermissionDecision({ behavior: 'allow' }));
    expect(channels.filter(([, attached]) => attached)).toHaveLength(2); // once to each server
  });

  it('logs the event even while wingman is down', async () => {
    await startMcpServer();
    await hookCall(payload('UserPromptSubmit'));
    expect(await fs.readFile(eventsFile, 'utf8')).toContain('"UserPromptSubmit"');
  });
});
