import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHookServer, secretsEqual, type HookServer } from '../../src/adapters/hooks/hook-server.js';
import { isHookEventName, type HookEvent } from '../../src/agents/claude-code/hook-events.js';
import { readRecentHookEvents } from '../../src/adapters/store/hook-event-log.js';
import { buildHookTimeline } from '../../src/core/status/hook-timeline.js';
import { allHookPayloads, FIXTURE_VERSIONS, type Payload } from '../support/claude-fixtures.js';
import { makeTempDir, removeDir } from '../support/temp-dir.js';

/**
 * Every real hook payload of every tested Claude Code release, through the real forwarder and the
 * real hook server: nothing ever answers Claude with an error, events wingman does not read are
 * acked without a warning and never delivered.
 */
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const forwarder = path.join(repoRoot, 'src/hook/hook-forwarder.ts');
const SESSION = 'payloads';
const SECRET = 'correct-horse-battery-staple';
/** One forwarder run's cap: a hung forwarder fails its own assertion, never the test's clock. */
const FORWARDER_TIMEOUT_MS = 20_000;

let dir: string;
let socketPath: string;
let server: HookServer;
const delivered: HookEvent[] = [];
const warnings: string[] = [];

beforeAll(async () => {
  dir = await makeTempDir();
  socketPath = path.join(dir, 'run', 'hooks.sock');
  server = createHookServer({
    socketPath,
    authenticate: (session, secret) => session === SESSION && secretsEqual(SECRET, secret),
    onEvent: (_session, event, ctx) => {
      delivered.push(event);
      if (event.hook_event_name === 'PermissionRequest') ctx.respond('fallback');
    },
    logger: { warn: (message) => warnings.push(message) },
  });
  await server.listen();
});

afterAll(async () => {
  await server.close();
  await removeDir(dir);
});

function runForwarder(stdin: Payload, eventsFile: string) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('WINGMAN_')));
  return execa(process.execPath, ['--import', 'tsx', forwarder], {
    cwd: repoRoot,
    input: JSON.stringify(stdin),
    env: { ...clean, WINGMAN_SESSION: SESSION, WINGMAN_HOOK_SECRET: SECRET, WINGMAN_HOOK_SOCKET: socketPath, WINGMAN_EVENTS_FILE: eventsFile },
    extendEnv: false,
    reject: false,
    timeout: FORWARDER_TIMEOUT_MS,
  });
}

/** One raw exchange with the server: what it answers, or '' when it hangs up. */
function exchange(line: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection(socketPath);
    let reply = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (reply += chunk));
    socket.on('close', () => resolve(reply));
    socket.on('error', reject);
    socket.on('connect', () => socket.write(line));
  });
}

describe.each(FIXTURE_VERSIONS)('real payloads of Claude Code %s through forwarder and hook server', (version) => {
  const payloads = allHookPayloads(version);
  // Some forty Node + tsx starts in a row: on a loaded 2-core CI machine that alone passed the
  // project's 30 s test timeout, so the budget is what the runs may take, each within its own cap.
  const budgetMs = payloads.length * FORWARDER_TIMEOUT_MS + 10_000;
  it('every one exits 0 with no output, logs the event, and only known events are delivered', async () => {
    const eventsFile = path.join(dir, `events-${version}.jsonl`);
    delivered.length = 0;
    warnings.length = 0;
    for (const payload of payloads) {
      const result = await runForwarder(payload, eventsFile);
      expect({ event: payload.hook_event_name, exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr }).toEqual({ event: payload.hook_event_name, exitCode: 0, stdout: '', stderr: '' });
    }
    expect(warnings).toEqual([]);
    expect(delivered).toEqual(payloads.filter((payload) => isHookEventName(payload.hook_event_name)));
    const logged = (await fs.readFile(eventsFile, 'utf8')).trim().split('\n');
    expect(logged).toHaveLength(payloads.length);
    const timeline = buildHookTimeline(await readRecentHookEvents(eventsFile));
    expect(timeline.lastEvent).toBeDefined();
  }, budgetMs);
});

describe('an event wingman does not read, sent straight to the hook server', () => {
  const messageDisplay = allHookPayloads('2.1.332').find((payload) => payload.hook_event_name === 'MessageDisplay')!;
  const line = (secret: string) => `${JSON.stringify({ type: 'hook', session: SESSION, secret, event: messageDisplay, receivedAt: Date.now() })}\n`;

  it('is acked when authentic', async () => {
    warnings.length = 0;
    expect(await exchange(line(SECRET))).toBe('{"type":"ack"}\n');
    expect(warnings).toEqual([]);
  });

  it('is dropped, with one warning, when the secret is wrong', async () => {
    warnings.length = 0;
    expect(await exchange(line('wrong-secret'))).toBe('');
    expect(warnings).toEqual([`wingman: dropped a MessageDisplay hook for session "${SESSION}": wrong secret.`]);
  });

  it('a garbled event is still dropped with a warning', async () => {
    warnings.length = 0;
    const garbled = `${JSON.stringify({ type: 'hook', session: SESSION, secret: SECRET, event: { hook_event_name: 'message display!', session_id: 's' }, receivedAt: 1 })}\n`;
    expect(await exchange(garbled)).toBe('');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^wingman: dropped a hook connection: Invalid hook message: event/);
  });
});
