import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildHookSettings, shellQuote, writeSessionHookSettings } from '../../src/agents/claude-code/hook-settings.js';
import { createHookServer, secretsEqual, type HookEventContext, type HookServer, type HookServerOptions } from '../../src/adapters/hooks/hook-server.js';
import { alwaysAllowPermissions, formatPermissionDecision, parseHookEvent, type HookEvent, type PermissionDecision, type PermissionRequestEvent } from '../../src/agents/claude-code/hook-events.js';
import { encodeHookMessage } from '../../src/core/hook-protocol.js';
import { makeTempDir, removeDir } from '../support/temp-dir.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const forwarder = path.join(repoRoot, 'src/hook/hook-forwarder.ts');
const examples = JSON.parse(
  await fs.readFile(path.join(repoRoot, '../shared/claude-screens/hook-examples.json'), 'utf8'),
) as Record<string, { stdin: Record<string, unknown> }>;
const example = (key: string) => structuredClone(examples[key]!.stdin);

const SESSION = 'api-fix';
const OTHER_SESSION = 'docs';
const SECRET = 'correct-horse-battery-staple';

interface Delivered {
  session: string;
  event: HookEvent;
  ctx: HookEventContext;
}

let dir: string;
let socketPath: string;
let eventsFile: string;
let server: HookServer | undefined;
let delivered: Delivered[];
let warnings: string[];
let waiters: Array<() => void>;

beforeEach(async () => {
  dir = await makeTempDir();
  socketPath = path.join(dir, 'run', 'hooks.sock');
  eventsFile = path.join(dir, 'events.jsonl');
  delivered = [];
  warnings = [];
  waiters = [];
});

afterEach(async () => {
  await server?.close();
  server = undefined;
  await removeDir(dir);
});

async function startServer(answer?: (event: HookEvent, ctx: HookEventContext) => void, extra: Partial<HookServerOptions> = {}) {
  server = createHookServer({
    socketPath,
    authenticate: (session, secret) => [SESSION, OTHER_SESSION].includes(session) && secretsEqual(SECRET, secret),
    onEvent: (session, event, ctx) => {
      delivered.push({ session, event, ctx });
      waiters.splice(0).forEach((wake) => wake());
      answer?.(event, ctx);
    },
    logger: { warn: (message) => warnings.push(message) },
    ...extra,
  });
  await server.listen();
  return server;
}

const nextDelivery = () => new Promise<void>((resolve) => waiters.push(resolve));

function runForwarder(stdin: unknown, env: Record<string, string> = {}) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('WINGMAN_')));
  return execa(process.execPath, ['--import', 'tsx', forwarder], {
    cwd: repoRoot,
    input: typeof stdin === 'string' ? stdin : JSON.stringify(stdin),
    env: {
      ...clean,
      WINGMAN_SESSION: SESSION,
      WINGMAN_HOOK_SECRET: SECRET,
      WINGMAN_HOOK_SOCKET: socketPath,
      WINGMAN_EVENTS_FILE: eventsFile,
      ...env,
    },
    extendEnv: false,
    reject: false,
    stripFinalNewline: false,
    timeout: 20_000,
  });
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

// Node + tsx startup alone (best of three: the first run fills tsx's cache); the forwarder's
// own waiting is measured on top of it.
let startupMs = Infinity;
beforeAll(async () => {
  for (let run = 0; run < 3; run += 1) {
    const [, ms] = await timed(() => runForwarder('not json'));
    startupMs = Math.min(startupMs, ms);
  }
});

// A fake server writing raw bytes: how the reply is cut into chunks is not the forwarder's to choose.
async function fakeServer(reply: (socket: net.Socket) => void): Promise<net.Server> {
  await fs.mkdir(path.dirname(socketPath), { recursive: true });
  const fake = net.createServer((socket) => {
    socket.on('error', () => {}); // the forwarder may hang up mid-write: that is what is tested
    socket.once('data', () => reply(socket));
  });
  await new Promise<void>((resolve) => fake.listen(socketPath, resolve));
  return fake;
}

describe('PermissionRequest relay', () => {
  const bash = () => example('PermissionRequest:Bash');
  const webFetch = example('PermissionRequest:WebFetch');

  it.each<[string, Record<string, unknown>, (event: HookEvent) => PermissionDecision]>([
    ['allow', bash(), () => ({ behavior: 'allow' })],
    ['deny', bash(), () => ({ behavior: 'deny', message: 'Denied from phone', interrupt: true })],
    ['always', webFetch, (event) => ({ behavior: 'allow', updatedPermissions: alwaysAllowPermissions(event as PermissionRequestEvent) })],
  ])('relays %s as the exact hook output', async (_, stdin, decide) => {
    await startServer((event, ctx) => setTimeout(() => ctx.respond(decide(event)), 50));
    const result = await runForwarder(stdin);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(formatPermissionDecision(decide(delivered[0]!.event)));
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.session).toBe(SESSION);
    expect(delivered[0]!.event).toEqual(stdin);
    expect(delivered[0]!.ctx.respond({ behavior: 'allow' })).toBe(false); // first answer wins
  });

  it('prints nothing when wingman answers fallback', async () => {
    await startServer((_, ctx) => ctx.respond('fallback'));
    const result = await runForwarder(bash());
    expect([result.exitCode, result.stdout]).toEqual([0, '']);
  });

  it('falls back when the handler throws', async () => {
    await startServer(() => {
      throw new Error('phone unreachable');
    });
    const result = await runForwarder(bash());
    expect([result.exitCode, result.stdout]).toEqual([0, '']);
    expect(warnings.join('\n')).toMatch(/PermissionRequest hook for session "api-fix" failed: phone unreachable/);
  });

  it('exits at once, silently, when no wingman listens', async () => {
    const [missing, missingMs] = await timed(() => runForwarder(bash()));
    expect([missing.exitCode, missing.stdout, missing.stderr]).toEqual([0, '', '']);
    expect(missingMs - startupMs).toBeLessThan(1000);

    // A socket file left by a crashed monitor: ECONNREFUSED rather than ENOENT.
    await leaveStaleSocket(socketPath);
    const [refused, refusedMs] = await timed(() => runForwarder(bash()));
    expect([refused.exitCode, refused.stdout]).toEqual([0, '']);
    expect(refusedMs - startupMs).toBeLessThan(1000);
  });

  it('tells wingman when the hook is killed (Esc / No on the keyboard aborts the turn)', async () => {
    await startServer();
    const hook = runForwarder(bash());
    await nextDelivery();
    const closed = new Promise((resolve) => delivered[0]!.ctx.onClose(resolve));
    hook.kill('SIGTERM');
    expect(await closed).toBe('disconnected');
    await hook;
    expect(delivered[0]!.ctx.respond({ behavior: 'allow' })).toBe(false);
    // Registered after the fact, it still fires.
    expect(await new Promise((resolve) => delivered[0]!.ctx.onClose(resolve))).toBe('disconnected');
  });

  // "Yes" on the keyboard does not kill the hook, and a late answer would still be acted on.
  it.each([
    ['its tool ran', 'PostToolUse:Bash'],
    ['its tool failed', 'PostToolUseFailure'],
    ['the turn ended', 'Stop'],
    ['a new prompt was submitted', 'UserPromptSubmit'],
  ])('retires a waiting prompt once %s, telling the hook to fall back', async (_, later) => {
    await startServer();
    const stdin = later === 'PostToolUseFailure' ? example('PermissionRequest:WebFetch') : bash();
    const hook = runForwarder(stdin);
    await nextDelivery();
    const closed = new Promise((resolve) => delivered[0]!.ctx.onClose(resolve));
    await runForwarder(example(later));
    expect(await closed).toBe('superseded');
    const result = await hook;
    expect([result.exitCode, result.stdout]).toEqual([0, '']);
    expect(delivered[0]!.ctx.respond({ behavior: 'allow', updatedPermissions: [] })).toBe(false);
  });

  it('keeps a prompt while other tools run or other sessions end turns', async () => {
    await startServer();
    const hook = runForwarder(bash());
    await nextDelivery();
    let ended: unknown;
    delivered[0]!.ctx.onClose((reason) => (ended = reason));
    await runForwarder(example('PostToolUse:Read'));
    await runForwarder({ ...example('PostToolUse:Bash'), tool_input: { command: 'ls' } });
    await runForwarder(example('Stop'), { WINGMAN_SESSION: OTHER_SESSION });
    await runForwarder(example('Notification:permission_prompt'));
    expect(delivered).toHaveLength(5);
    expect(ended).toBeUndefined();
    expect(delivered[0]!.ctx.respond({ behavior: 'allow' })).toBe(true);
    expect((await hook).stdout).toBe(formatPermissionDecision({ behavior: 'allow' }));
  });

  it('reads a decision that arrives in pieces, split inside a multi-byte character', async () => {
    const line = Buffer.from(`${JSON.stringify({ type: 'decision', decision: { behavior: 'deny', message: 'Nein — später' } })}\n`);
    const split = line.indexOf(Buffer.from('—')) + 1;
    const fake = await fakeServer((socket) => {
      socket.write(line.subarray(0, split));
      setTimeout(() => socket.end(line.subarray(split)), 50);
    });
    const result = await runForwarder(bash());
    fake.close();
    expect(result.stdout).toBe(formatPermissionDecision({ behavior: 'deny', message: 'Nein — später' }));
  });

  it('prints nothing when the reply line outgrows 1 MB', async () => {
    const fake = await fakeServer((socket) => {
      socket.write(`{"type":"decision","decision":{"behavior":"allow","message":"${'x'.repeat(1024 * 1024)}`);
      socket.end('"}}\n');
    });
    const result = await runForwarder(bash());
    fake.close();
    expect([result.exitCode, result.stdout]).toEqual([0, '']);
  });

  it('gives up after WINGMAN_HOOK_DECISION_TIMEOUT_MS, printing nothing', async () => {
    await startServer();
    const result = await runForwarder(bash(), { WINGMAN_HOOK_DECISION_TIMEOUT_MS: '300' });
    expect([result.exitCode, result.stdout]).toEqual([0, '']);
  });

  it('lets waiting hooks fall back when the server closes', async () => {
    await startServer();
    const hook = runForwarder(bash());
    await nextDelivery();
    const closed = new Promise((resolve) => delivered[0]!.ctx.onClose(resolve));
    await server!.close();
    server = undefined;
    expect(await closed).toBe('disconnected');
    const result = await hook;
    expect([result.exitCode, result.stdout]).toEqual([0, '']);
    await expect(fs.access(socketPath)).rejects.toThrow(/ENOENT/);
  });
});

describe('authentication and bounds', () => {
  it('delivers nothing for a wrong secret and the forwarder falls back', async () => {
    await startServer((_, ctx) => ctx.respond({ behavior: 'allow' }));
    const result = await runForwarder(example('PermissionRequest:Bash'), { WINGMAN_HOOK_SECRET: 'guess' });
    expect([result.exitCode, result.stdout]).toEqual([0, '']);
    expect(delivered).toEqual([]);
    expect(warnings.join('\n')).toMatch(/dropped a PermissionRequest hook for session "api-fix": wrong secret/);
    expect(warnings.join('\n')).not.toContain('guess');
  });

  it('drops malformed and oversized lines without answering', async () => {
    await startServer();
    expect(await exchange('{"type":"hook"}\n')).toBe('');
    expect(await exchange(`${'x'.repeat(1024 * 1024 + 10)}\n`)).toBe('');
    expect(delivered).toEqual([]);
    expect(warnings.join('\n')).toMatch(/dropped a hook connection: Invalid hook message/);
    expect(warnings.join('\n')).toMatch(/Line longer than 1048576 bytes/);
  });

  it('closes connections that never send a line', async () => {
    await startServer(undefined, { idleTimeoutMs: 200 });
    const [reply, ms] = await timed(() => exchange(''));
    expect(reply).toBe('');
    expect(ms).toBeLessThan(2000);
  });

  it('makes the socket 0600 inside a 0700 directory', async () => {
    await fs.mkdir(path.dirname(socketPath), { mode: 0o755 });
    await fs.chmod(path.dirname(socketPath), 0o755);
    await startServer();
    expect((await fs.stat(path.dirname(socketPath))).mode & 0o777).toBe(0o700);
    const stat = await fs.lstat(socketPath);
    expect(stat.isSocket()).toBe(true);
    expect(stat.mode & 0o777).toBe(0o600);
  });

  it('replaces a stale socket but refuses to start beside a live monitor', async () => {
    await leaveStaleSocket(socketPath);
    await startServer();
    const second = createHookServer({ socketPath, authenticate: () => true, onEvent: () => {} });
    await expect(second.listen()).rejects.toThrow(/A wingman monitor is already running/);
    // The first server still works.
    const result = await runForwarder(example('Stop'));
    expect(result.exitCode).toBe(0);
    expect(delivered).toHaveLength(1);
  });

  it('refuses to replace a file that is not a socket', async () => {
    await fs.mkdir(path.dirname(socketPath), { recursive: true });
    await fs.writeFile(socketPath, 'precious');
    const refused = createHookServer({ socketPath, authenticate: () => true, onEvent: () => {} });
    await expect(refused.listen()).rejects.toThrow(/exists and is not a socket/);
    expect(await fs.readFile(socketPath, 'utf8')).toBe('precious');
  });
});

describe('other events', () => {
  it('are acked at once and delivered', async () => {
    await startServer();
    const ack = await exchange(encodeHookMessage({ type: 'hook', session: SESSION, secret: SECRET, event: example('Stop') as never, receivedAt: Date.now() }));
    expect(ack).toBe('{"type":"ack"}\n');

    const result = await runForwarder(example('PreToolUse:Bash'));
    expect([result.exitCode, result.stdout]).toEqual([0, '']);
    expect(delivered.map((entry) => entry.event.hook_event_name)).toEqual(['Stop', 'PreToolUse']);
    expect(delivered[1]!.ctx.respond({ behavior: 'allow' })).toBe(false);
  });

  it('wait at most 300 ms for an ack', async () => {
    await fs.mkdir(path.dirname(socketPath), { recursive: true });
    const silent = net.createServer(() => {}); // accepts, never answers
    await new Promise<void>((resolve) => silent.listen(socketPath, resolve));
    const [result, ms] = await timed(() => runForwarder(example('PostToolUse:Bash')));
    silent.close();
    expect([result.exitCode, result.stdout]).toEqual([0, '']);
    expect(ms - startupMs).toBeLessThan(1000);
  });

  it('never print a decision, even if one arrives', async () => {
    // A fake server answering a decision to a non-permission event.
    const fake = await fakeServer((socket) => socket.end('{"type":"decision","decision":{"behavior":"allow"}}\n'));
    const result = await runForwarder(example('Notification:permission_prompt'));
    fake.close();
    expect([result.exitCode, result.stdout]).toEqual([0, '']);
  });
});

describe('events file', () => {
  it('gets one private line per event, with or without a listening wingman', async () => {
    await runForwarder(example('SessionStart'));
    await startServer();
    await runForwarder(example('UserPromptSubmit'));
    const lines = (await fs.readFile(eventsFile, 'utf8')).trimEnd().split('\n').map((line) => JSON.parse(line) as { at: number; event: unknown });
    expect(lines.map((line) => line.event)).toEqual([example('SessionStart'), example('UserPromptSubmit')]);
    expect(lines.every((line) => Number.isInteger(line.at) && line.at > 1.7e12)).toBe(true);
    expect((await fs.stat(eventsFile)).mode & 0o777).toBe(0o600);
    expect(await fs.readFile(eventsFile, 'utf8')).not.toContain(SECRET);
  });

  it('keeps lines small: big fields are cut, the event still parses', async () => {
    const bigRead = { ...example('PostToolUse:Read'), tool_response: { file: { content: 'r'.repeat(200 * 1024) } } };
    const bigPrompt = { ...example('UserPromptSubmit'), prompt: 'p'.repeat(100 * 1024) };
    await runForwarder(bigRead);
    await runForwarder(bigPrompt);
    const lines = (await fs.readFile(eventsFile, 'utf8')).trimEnd().split('\n');
    expect(lines.every((line) => line.length < 64 * 1024)).toBe(true);
    const [read, prompt] = lines.map((line) => parseHookEvent((JSON.parse(line) as { event: unknown }).event));
    expect(read).toMatchObject({ hook_event_name: 'PostToolUse', tool_input: example('PostToolUse:Read').tool_input, tool_response: { wingmanOmitted: true } });
    expect(prompt).toMatchObject({ hook_event_name: 'UserPromptSubmit', prompt: expect.stringMatching(/^p{4096}…\[truncated by wingman\]$/) });
  });

  it('rotates to .1 past 512 KB', async () => {
    await fs.writeFile(eventsFile, `${'{"old":true}\n'.repeat(45_000)}`, { mode: 0o600 });
    await runForwarder(example('Stop'));
    expect((await fs.stat(`${eventsFile}.1`)).size).toBeGreaterThan(512 * 1024);
    expect((await fs.readFile(eventsFile, 'utf8')).trimEnd().split('\n')).toHaveLength(1);
  });

  it('ignores input over 1 MB or not JSON, silently', async () => {
    await startServer();
    const big = { ...example('Stop'), filler: 'z'.repeat(1024 * 1024) };
    for (const stdin of [big, 'not json', '[1,2]']) {
      const result = await runForwarder(stdin);
      expect([result.exitCode, result.stdout, result.stderr]).toEqual([0, '', '']);
    }
    expect(delivered).toEqual([]);
    await expect(fs.access(eventsFile)).rejects.toThrow(/ENOENT/);
  });
});

describe('hook settings', () => {
  it('registers the forwarder for every event with a shell-safe command', async () => {
    const weird = path.join(dir, `it's "odd" $HOME \`x\` ;&|`);
    await fs.mkdir(weird);
    const script = path.join(weird, 'forwarder.mjs');
    await fs.writeFile(script, 'process.stdout.write(JSON.stringify(process.argv.slice(1)));\n');
    const settings = buildHookSettings({ nodeBinary: process.execPath, forwarderPath: script });

    expect(Object.keys(settings.hooks)).toHaveLength(10);
    expect(settings.hooks.PermissionRequest).toEqual([{ matcher: '*', hooks: [{ type: 'command', command: expect.any(String), timeout: 600 }] }]);
    expect(settings.hooks.Stop).toEqual([{ hooks: [{ type: 'command', command: expect.any(String), timeout: 10 }] }]);
    expect(settings.hooks.PreToolUse[0]!.matcher).toBe('*');
    const command = settings.hooks.PreToolUse[0]!.hooks[0]!.command;
    for (const shell of ['sh', 'bash']) {
      const result = await execa(shell, ['-c', command]);
      expect(JSON.parse(result.stdout)).toEqual([script]);
    }
    expect(() => buildHookSettings({ nodeBinary: 'node', forwarderPath: script })).toThrow(/nodeBinary must be an absolute path/);
  });

  it('quotes anything into one literal word', async () => {
    for (const value of ["a'b", "'", '', 'a b', '$(id)', '\\', 'new\nline', '"']) {
      const result = await execa('sh', ['-c', `printf %s ${shellQuote(value)}`], { stripFinalNewline: false });
      expect(result.stdout).toBe(value);
    }
  });

  it('writes the settings file privately, without secrets', async () => {
    const settings = buildHookSettings({ nodeBinary: process.execPath, forwarderPath: '/opt/wingman/dist/src/hook/hook-forwarder.js' });
    const file = await writeSessionHookSettings(path.join(dir, 'sessions', SESSION), settings);
    expect(file).toBe(path.join(dir, 'sessions', SESSION, 'hook-settings.json'));
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    expect((await fs.stat(path.dirname(file))).mode & 0o777).toBe(0o700);
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toEqual(settings);
    expect(await fs.readFile(file, 'utf8')).not.toMatch(/SECRET|secret/);
  });
});

/** Sends raw bytes as a client and returns whatever comes back before the server closes. */
function exchange(payload: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection(socketPath);
    let reply = '';
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(payload));
    socket.on('data', (data: string) => (reply += data));
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    socket.on('close', () => resolve(reply));
  });
}

/** What a monitor killed with SIGKILL leaves behind: a socket file nobody listens on. */
async function leaveStaleSocket(file: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const script = `require('net').createServer().listen(${JSON.stringify(file)}, () => process.kill(process.pid, 'SIGKILL'))`;
  await execa(process.execPath, ['-e', script], { reject: false });
  expect((await fs.lstat(file)).isSocket()).toBe(true);
}
