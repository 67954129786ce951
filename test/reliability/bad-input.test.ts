import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidSessionName, parseSessionName } from '../../src/core/session-name.js';
import { parsePromptText } from '../../src/core/prompt-text.js';
import { parseHookEvent } from '../../src/agents/claude-code/hook-events.js';
import { parseChatCommand } from '../../src/core/chat/parse-chat-command.js';
import { handleChatMessage } from '../../handlers/chat-message.js';
import { isWingmanError } from '../../src/core/errors.js';
import { detectClaudeScreen } from '../../src/agents/claude-code/screen/claude-screen.js';
import type { ChatEngine } from '../../src/app/chat-engine.js';
import { createPrivateTmux } from '../support/private-tmux.js';
import { makeTempDir, removeDir } from '../support/temp-dir.js';
import { createWingmanHarness, type WingmanHarness } from '../e2e/support/wingman-harness.js';
import { startMonitor, type RunningMonitor } from '../e2e/support/monitor-process.js';

/** Names, prompts and chat text as a hostile or careless sender might write them. */
const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.constantFrom('$(touch pwned)', '`id`', 'a;b', 'a; kill-server', 'x\ny', "it's", '"q"', '-rf', '--help', '=x', 'a:b', 'ÿ', '日本', '🙂', 'a'.repeat(10_000), '\u0000', '\u001b[2J', ';'),
);

const counts = { names: 0, prompts: 0, hookPayloads: 0, chat: 0, tmuxArgs: 0, cli: 0 };

afterAll(() => {
  console.log(`bad inputs tried: ${JSON.stringify(counts)}`);
});

describe('properties of the pure checks (fast-check)', () => {
  it('a session name is either valid or refused with a typed error naming the rule', () => {
    fc.assert(
      fc.property(nasty, (name) => {
        counts.names += 1;
        if (isValidSessionName(name)) return parseSessionName(name) === name;
        try {
          parseSessionName(name);
          return false;
        } catch (error) {
          return isWingmanError(error) && error.code === 'invalid_session_name' && error.message.includes('letters, digits');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a prompt comes out without control characters (but newlines), or is refused clearly', () => {
    fc.assert(
      fc.property(fc.oneof(nasty, fc.string({ unit: 'binary', maxLength: 200 })), (raw) => {
        counts.prompts += 1;
        try {
          const text = parsePromptText(raw);
          return !/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/.test(text) && text.length > 0;
        } catch (error) {
          return isWingmanError(error) && error.code === 'invalid_input';
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a hook payload either parses or is refused with a typed error, never anything else', () => {
    const payload = fc.oneof(
      fc.anything(),
      fc.record({ hook_event_name: fc.constantFrom('PermissionRequest', 'Stop', 'PreToolUse', 'Nope'), session_id: nasty, cwd: nasty, transcript_path: fc.string(), tool_name: nasty, tool_input: fc.dictionary(fc.string(), fc.anything()) }, { requiredKeys: [] }),
    );
    fc.assert(
      fc.property(payload, (json) => {
        counts.hookPayloads += 1;
        try {
          parseHookEvent(json);
          return true;
        } catch (error) {
          return isWingmanError(error) && error.code === 'invalid_input';
        }
      }),
      { numRuns: 500 },
    );
  });

  it('the screen reader never throws on any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 3000 }), (screen) => typeof detectClaudeScreen(screen).state === 'string'), { numRuns: 300 });
  });

  it('chat text that is not a wingman command is never claimed; commands from non-owners change nothing', async () => {
    const calls: string[] = [];
    const engine: ChatEngine = {
      decide: async () => (calls.push('decide'), { ok: true, text: 'x' }),
      answer: async () => (calls.push('answer'), { ok: true, text: 'x' }),
      stop: async () => (calls.push('stop'), { ok: true, text: 'x' }),
      tell: async () => (calls.push('tell'), { ok: true, text: 'x' }),
      trust: async () => (calls.push('trust'), 'x'),
      plan: async () => ['plan'],
      tail: async () => 'tail',
      diff: async () => 'diff',
      dashboard: async () => 'dash',
      status: async () => 'status',
      isKnownSession: async () => true,
      audit: async () => undefined,
    };
    await fc.assert(
      fc.asyncProperty(nasty, fc.boolean(), async (text, isGroup) => {
        counts.chat += 1;
        const reply = await handleChatMessage({ text, senderId: '+1999', senderIsOwner: false, isGroup }, engine);
        if (parseChatCommand(text) === undefined) return reply.handled === false;
        return reply.handled === true;
      }),
      { numRuns: 400 },
    );
    expect(calls).toEqual([]);
  });
});

describe('no argument ever reaches a shell or a second tmux command', () => {
  const tmux = createPrivateTmux();
  let dir: string;

  beforeAll(async () => {
    dir = await makeTempDir();
    await tmux.newSession({ name: 'echo', cwd: dir, command: ['cat'], width: 400, height: 50 });
  });

  afterAll(async () => {
    await tmux.killServer();
    await removeDir(dir);
  });

  it('typed text appears literally, whatever it holds, and no file is ever created', async () => {
    const hostile = ['$(touch pwned)', '`touch pwned`', 'a; touch pwned', 'x;', ';', '\\;', 'kill-server;', "'; touch pwned; '", '"$(touch pwned)"', '> pwned', '| tee pwned'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...hostile), async (text) => {
        counts.tmuxArgs += 1;
        await tmux.sendLiteral('echo', text);
        await tmux.sendKeys('echo', ['Enter']);
        return true;
      }),
      // Every value once for certain (a random draw of 40 skipped one now and then), then random ones.
      { numRuns: 40, examples: hostile.map((text) => [text] as [string]) },
    );
    const deadline = Date.now() + 10_000;
    let screen = '';
    do {
      screen = await tmux.capturePane('echo', { historyLines: 500 });
      if (screen.includes('$(touch pwned)') && screen.includes('kill-server;')) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    } while (Date.now() < deadline);
    expect(screen).toContain('$(touch pwned)');
    expect(screen).toContain('kill-server;');
    expect(await fs.readdir(dir)).toEqual([]);
    expect(await tmux.hasSession('echo')).toBe(true);
  });
});

describe('bad input at the front doors changes nothing', () => {
  let h: WingmanHarness;
  let monitor: RunningMonitor;

  beforeAll(async () => {
    h = await createWingmanHarness({ trustedProjects: true });
    await h.wingman(['spawn', '--session', 'good', '--workdir', await h.makeWorkdir('good')]);
    monitor = await startMonitor(h);
  });

  afterAll(async () => {
    await monitor?.stop();
    await h?.close();
  });

  it('odd session names at the CLI get a clear error, create nothing and run nothing', async () => {
    const names = ['$(touch pwned)', 'a;b', 'x\ny', "it's", '日本', 'a'.repeat(10_000), '-rf', '..', 'a b'];
    for (const name of names) {
      counts.cli += 1;
      for (const args of [['spawn', '--session', name, '--workdir', h.projects], ['send', name, 'hi'], ['approve', name], ['kill', name]]) {
        const result = await h.wingman(args);
        expect(result.exitCode, `${args.join(' ')}`).not.toBe(0);
        expect(result.stderr).toMatch(/Invalid session name|No session named|error: /);
        expect(result.stderr).not.toContain('    at ');
      }
    }
    expect((await h.tmux.listSessions()).map((session) => session.name)).toEqual(['good']);
    expect(await fs.readdir(h.projects)).toEqual(['good']);
  });

  it('prompts with escape sequences and control keys are typed as plain text', async () => {
    const result = await h.wingman(['send', 'good', 'hi \u001b[2J\u0003 $(touch pwned) `id`']);
    expect(result.exitCode).toBe(0);
    // 2.1.332 draws `id` as inline code, without the backticks; the request below has them.
    await h.waitForScreen('good', (screen) => /❯ hi \[2J \$\(touch pwned\) `?id`?/.test(screen) && screen.includes('● Echo: hi [2J'));
    expect(h.api.requests.filter((request) => request.hasTools).map((request) => request.lastUserText)).toContain('hi [2J $(touch pwned) `id`');
    expect(await fs.readdir(path.join(h.projects, 'good'))).toEqual([]);
  });

  it('forged, malformed and oversized hook messages are dropped and change nothing', async () => {
    const socket = path.join(h.home, 'run', 'hooks.sock');
    const send = (line: string) =>
      new Promise<string>((resolve) => {
        const client = net.createConnection(socket);
        let reply = '';
        client.on('connect', () => client.write(line));
        client.on('data', (data) => (reply += data.toString()));
        client.on('close', () => resolve(reply));
        client.on('error', () => resolve(reply));
      });
    const permission = { session_id: 's', cwd: '/', transcript_path: '/t', hook_event_name: 'PermissionRequest', tool_name: 'Bash', tool_input: { command: 'rm -rf /' } };
    counts.hookPayloads += 4;
    expect(await send(`${JSON.stringify({ type: 'hook', session: 'good', secret: 'guessed-secret-000000', event: permission, receivedAt: Date.now() })}\n`)).toBe('');
    expect(await send(`${JSON.stringify({ type: 'hook', session: 'not-ours', secret: 'x'.repeat(24), event: permission, receivedAt: Date.now() })}\n`)).toBe('');
    expect(await send('{"type":"hook", broken json\n')).toBe('');
    expect(await send(`${'x'.repeat(2 * 1024 * 1024)}\n`)).toBe('');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(monitor.output()).not.toContain('needs approval');
    const pending = JSON.parse((await h.wingman(['pending', '--json'])).stdout) as unknown[];
    expect(pending).toEqual([]);
  });
});
