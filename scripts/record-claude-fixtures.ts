/**
 * Records the real hook payloads and session transcripts of one Claude Code release into
 * test/fixtures/claude-code/VERSION/ (hook-payloads.json, valid-hook-events.json,
 * transcript-paths.json, transcripts/*.jsonl). The binary runs in a private tmux server against
 * the bundled loopback fake API, in an isolated HOME: nothing secret is recorded.
 *
 *   npx tsx scripts/record-claude-fixtures.ts [--claude VERSION]    (default: the newest tested)
 *
 * Takes about three minutes (one step waits for the 60 s idle notification). Only one Claude
 * Code process runs at a time.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { startFakeMessagesApi } from '../src/demo/fake-messages-api.js';
import { claudeEnv, createClaudeHome } from '../src/agents/claude-code/isolated-home.js';
import { NEWEST_TESTED } from '../src/agents/claude-code/versions.js';
import { TmuxClient } from '../src/adapters/tmux/tmux-client.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const API_KEY = 'sk-ant-api03-wingman-fixture-key-00000000000000000000';
const BOGUS_EVENT = 'WingmanProbeEvent';

type Json = Record<string, unknown>;
interface Logged {
  at: number;
  event: Json;
}

const flag = process.argv.indexOf('--claude');
const version = flag === -1 ? NEWEST_TESTED : (process.argv[flag + 1] ?? '');
if (!/^\d+\.\d+\.\d+$/.test(version)) throw new Error('usage: record-claude-fixtures.ts [--claude VERSION]');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (message: string) => console.error(`[record ${version}] ${message}`);

function claudeBinary(): string {
  if (version === NEWEST_TESTED) return path.join(REPO, 'node_modules', '.bin', 'claude');
  const out = execFileSync('bash', [path.join(REPO, 'scripts', 'install-claude-code.sh'), version], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return out.trim().split('\n').at(-1)!;
}

/** The hook command: appends `{at, event}` for every stdin payload, prints nothing, exits 0. */
const RECORDER = `import fs from 'node:fs';
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', () => {
  const raw = Buffer.concat(chunks).toString('utf8');
  let event;
  try { event = JSON.parse(raw); } catch { event = { unparsed: raw }; }
  fs.appendFileSync(process.argv[2], JSON.stringify({ at: Date.now(), event }) + '\\n');
  process.exit(0);
});
`;

function hookSettings(events: readonly string[], recorder: string, out: string): Json {
  const command = `exec ${JSON.stringify(process.execPath)} ${JSON.stringify(recorder)} ${JSON.stringify(out)}`;
  return { hooks: Object.fromEntries(events.map((event) => [event, [{ hooks: [{ type: 'command', command, timeout: 10 }] }]])) };
}

async function readLog(file: string): Promise<Logged[]> {
  const text = await fs.readFile(file, 'utf8').catch(() => '');
  return text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Logged);
}

async function main(): Promise<void> {
  const binary = claudeBinary();
  const root = path.join(await fs.realpath(os.tmpdir()), `wingman-fixtures-${version}`);
  await fs.rm(root, { recursive: true, force: true });
  const home = path.join(root, 'home');
  // `.`, `_`, `+` and `@` in the work directory show how Claude Code names its project folder.
  const workdir = path.join(root, 'my_proj.v2+x@y');
  const longWorkdir = path.join(root, `${'deep_dir.'.repeat(24)}end`);
  const out = path.join(root, 'hooks.jsonl');
  const recorder = path.join(root, 'record-hook.mjs');
  await fs.mkdir(path.join(workdir, '.claude', 'commands'), { recursive: true });
  await fs.mkdir(path.join(workdir, 'sub'));
  await fs.mkdir(longWorkdir, { recursive: true });
  await fs.writeFile(recorder, RECORDER);
  await fs.writeFile(path.join(workdir, 'notes.txt'), 'draft\n');
  await fs.writeFile(path.join(workdir, 'CLAUDE.md'), 'A fixture project for wingman.\n');
  await fs.writeFile(path.join(workdir, '.claude', 'commands', 'greet.md'), 'Say hello to $ARGUMENTS\n');
  await createClaudeHome(home, { apiKey: API_KEY });
  // Pre-trusted, so every version starts at the input box (its trust dialog is not under study here).
  const stateFile = path.join(home, '.claude.json');
  const state = JSON.parse(await fs.readFile(stateFile, 'utf8')) as Json;
  state.projects = Object.fromEntries([workdir, longWorkdir].map((dir) => [dir, { hasTrustDialogAccepted: true }]));
  await fs.writeFile(stateFile, JSON.stringify(state, null, 2));

  const api = await startFakeMessagesApi();
  const env = { ...claudeEnv({ home, apiUrl: api.url, apiKey: API_KEY }), CLAUDE_CODE_MAX_RETRIES: '1' };
  const tmux = new TmuxClient({ socket: `wingman-record-${process.pid}` });
  const fixtures = path.join(REPO, 'test', 'fixtures', 'claude-code', version);
  await fs.mkdir(path.join(fixtures, 'transcripts'), { recursive: true });

  const screen = (name: string) => tmux.capturePane(name).catch(() => '');
  async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await sleep(150);
    }
  }
  async function launch(name: string, cwd: string, settings: Json): Promise<string> {
    const sessionId = randomUUID();
    const file = path.join(root, `${name}-settings.json`);
    await fs.writeFile(file, JSON.stringify(settings, null, 2));
    await tmux.newSession({ name, cwd, width: 160, height: 45, env, command: [binary, '--permission-mode', 'default', '--session-id', sessionId, '--settings', file] });
    return sessionId;
  }

  try {
    // 1. Which hook events this version knows: its Settings Warning for an unknown one lists them.
    await launch('probe', workdir, hookSettings([BOGUS_EVENT], recorder, path.join(root, 'probe.jsonl')));
    const warning = await waitFor('the settings warning', async () => {
      const text = await screen('probe');
      return /Valid events:[\s\S]*?\n\s*\n/.test(text) ? text : undefined;
    });
    const validEvents = /Valid events:([\s\S]*?)\n\s*\n/.exec(warning)![1]!.split(',').map((name) => name.trim()).filter(Boolean);
    await tmux.killSession('probe');
    log(`knows ${validEvents.length} hook events`);
    await fs.writeFile(
      path.join(fixtures, 'valid-hook-events.json'),
      `${JSON.stringify({ source: `Settings Warning of claude ${version} for a --settings file with a hook for "${BOGUS_EVENT}"`, warning: warning.split('\n').map((l) => l.trimEnd()).filter((l) => /Unknown hook event|values listed above/.test(l)), events: validEvents }, null, 2)}\n`,
    );

    // 2. The main session: hooks for every event this version knows.
    const settings = hookSettings(validEvents, recorder, out);
    const mainId = await launch('main', workdir, settings);
    const events = () => readLog(out);
    const count = async (name: string, where: (e: Json) => boolean = () => true) => (await events()).filter(({ event }) => event.hook_event_name === name && where(event)).length;
    async function waitEvent(name: string, after: number, where: (e: Json) => boolean = () => true, timeoutMs = 30_000): Promise<Json> {
      return waitFor(`${name} #${after + 1}`, async () => (await events()).filter(({ event }) => event.hook_event_name === name && where(event))[after]?.event, timeoutMs);
    }
    const ready = async (name: string) => {
      const text = await screen(name);
      return /\? for shortcuts|mode on/.test(text) && !/esc to interrupt|Do you want|Enter to select|Enter to confirm/.test(text) ? text : undefined;
    };
    await waitFor('the input box', () => ready('main'), 60_000);
    await waitEvent('SessionStart', 0);

    async function send(name: string, text: string, paste = false): Promise<void> {
      const before = await count('UserPromptSubmit');
      const expandsBefore = await count('UserPromptExpansion');
      if (paste) await tmux.pasteText(name, text);
      else await tmux.sendLiteral(name, text);
      await sleep(300);
      for (let attempt = 0; attempt < 4; attempt += 1) {
        await tmux.sendKeys(name, ['Enter']);
        const submitted = await waitFor('submit', async () => ((await count('UserPromptSubmit')) > before || (await count('UserPromptExpansion')) > expandsBefore ? true : undefined), 2500).catch(() => false);
        if (submitted) return;
      }
      if (!text.startsWith('/')) throw new Error(`prompt not submitted: ${text}`);
    }
    /** Runs one prompt to the end of its turn, answering each dialog with `answer` (after `holdMs`). */
    async function turn(text: string, options: { answer?: string[]; holdMs?: number; paste?: boolean; end?: 'Stop' | 'StopFailure' | 'screen' } = {}): Promise<void> {
      log(`prompt: ${text.replaceAll('\n', '\\n')}`);
      const end = options.end ?? 'Stop';
      const ends = end === 'screen' ? 0 : await count(end);
      await send('main', text, options.paste);
      const deadline = Date.now() + 60_000;
      for (;;) {
        if (Date.now() > deadline) throw new Error(`turn did not end: ${text}`);
        if (end !== 'screen' && (await count(end)) > ends) break;
        const shown = await screen('main');
        if (/Do you want|Enter to select|Submit answers/.test(shown) && options.answer) {
          if (options.holdMs) await sleep(options.holdMs);
          await tmux.sendKeys('main', options.answer);
          await sleep(1500);
          if (end === 'screen') break; // a deny fires no hook: the input box coming back ends the turn
          continue;
        }
        await sleep(200);
      }
      await waitFor('the input box', () => ready('main'), 20_000);
    }

    await turn('hello transcript');
    await turn('first line\nsecond line\nthird line', { paste: true });
    // A permission dialog left alone for 8 s: Notification permission_prompt (about 6 s).
    await turn('RUNTOOL echo hello-from-tool > proof.txt', { answer: ['1'], holdMs: 8000 });
    await turn(`RUNTOOL printf ' Tests  8 passed | 2 failed (10)\\n'`, { answer: ['1'] });
    // A failing test run exits non-zero: its summary sits in an error result.
    await turn(`RUNTOOL printf ' Tests  3 passed | 7 failed (10)\\n'; exit 1`, { answer: ['1'] });
    await turn('RUNTOOL ls /nonexistent-wingman-dir', { answer: ['1'] });
    await turn('RUNTOOL touch denied.txt', { answer: ['Escape'], end: 'screen' });
    await turn('EDIT notes.txt draft=>final', { answer: ['1'] });
    await turn('WRITE created.txt made by the fixture', { answer: ['1'] });
    await turn('RUNTOOL cd sub && pwd', { answer: ['1'] }); // CwdChanged; later relative paths resolve in sub/
    await turn('ASK', { answer: ['1'] });
    await turn('/greet the fixture');
    await turn('ERROR500', { end: 'StopFailure' });
    await fs.writeFile(path.join(workdir, '.claude', 'settings.local.json'), '{}\n'); // ConfigChange, if watched
    await turn('after the error');
    log('/compact');
    const compacts = await count('SessionStart', (e) => e.source === 'compact');
    await send('main', '/compact');
    await waitEvent('SessionStart', compacts, (e) => e.source === 'compact', 60_000).catch(() => log('no SessionStart(compact)'));
    await waitFor('the input box', () => ready('main'), 30_000);
    await turn('after compact');
    log('waiting for the idle notification (60 s)');
    await waitEvent('Notification', 0, (e) => e.notification_type === 'idle_prompt', 90_000).catch(() => log('no idle_prompt'));
    await send('main', '/exit');
    await waitEvent('SessionEnd', 0, () => true, 20_000).catch(() => log('no SessionEnd'));
    await sleep(1500);

    // 3. Auto mode: a command it cannot check asks through its own dialog (agent_needs_input).
    const autoId = randomUUID();
    const autoFile = path.join(root, 'auto-settings.json');
    await fs.writeFile(autoFile, JSON.stringify(settings, null, 2));
    await tmux.newSession({ name: 'auto', cwd: workdir, width: 160, height: 45, env, command: [binary, '--permission-mode', 'auto', '--session-id', autoId, '--settings', autoFile] });
    const autoReady = await waitFor('auto mode input box', () => ready('auto'), 30_000).catch(() => undefined);
    if (autoReady) {
      const needs = await count('Notification', (e) => e.notification_type === 'agent_needs_input');
      const stops = await count('Stop');
      await send('auto', 'RUNTOOL npm run build');
      await waitEvent('Notification', needs, (e) => e.notification_type === 'agent_needs_input', 30_000).catch(() => log('no agent_needs_input'));
      for (let index = 0; index < 6 && (await count('Stop')) === stops; index += 1) {
        if (/Enter to|Do you want|❯ No/.test(await screen('auto'))) await tmux.sendKeys('auto', ['Escape']);
        await sleep(2000);
      }
      await waitFor('auto idle', () => ready('auto'), 20_000).catch(() => log('auto mode did not settle'));
      await send('auto', '/exit');
      await sleep(3000);
    } else {
      log(`auto mode did not start: ${(await screen('auto')).trim().split('\n').slice(-5).join(' | ')}`);
    }
    await tmux.killSession('auto').catch(() => undefined);

    // 4. Where transcripts go for a path over 200 characters and for CLAUDE_CONFIG_DIR (print mode, no tmux).
    const printRun = async (cwd: string, extraEnv: Record<string, string>) => {
      const id = randomUUID();
      const file = path.join(root, `print-${id}.json`);
      const printOut = path.join(root, `print-${id}.jsonl`);
      await fs.writeFile(file, JSON.stringify(hookSettings(['SessionStart', 'Stop'], recorder, printOut)));
      // Asynchronously: the fake API answering it runs in this process.
      const result = await execa(binary, ['-p', 'hello from print mode', '--session-id', id, '--settings', file], { cwd, env: { ...env, ...extraEnv }, stdin: 'ignore', reject: false, timeout: 60_000 });
      if (result.exitCode !== 0) log(`print mode exited ${result.exitCode}: ${String(result.stdout)} ${String(result.stderr)}`);
      return { id, printOut };
    };
    const long = await printRun(longWorkdir, {});
    const configDir = path.join(root, 'config-dir');
    await fs.mkdir(configDir);
    await fs.copyFile(stateFile, path.join(configDir, '.claude.json'));
    const custom = await printRun(workdir, { CLAUDE_CONFIG_DIR: configDir });
    const pathOf = async (run: { printOut: string }) => (await readLog(run.printOut)).find(({ event }) => event.hook_event_name === 'SessionStart')?.event.transcript_path;
    const observed = {
      note: `Real transcript paths of claude ${version}, launched with HOME=${home}.`,
      home,
      main: { cwd: workdir, sessionId: mainId, transcriptPath: (await events()).find(({ event }) => event.hook_event_name === 'SessionStart')?.event.transcript_path, projectDirs: await fs.readdir(path.join(home, '.claude', 'projects')) },
      longCwd: { cwd: longWorkdir, sessionId: long.id, transcriptPath: await pathOf(long), written: existsSync(String(await pathOf(long))) },
      claudeConfigDir: { CLAUDE_CONFIG_DIR: configDir, cwd: workdir, sessionId: custom.id, transcriptPath: await pathOf(custom), written: existsSync(String(await pathOf(custom))) },
    };
    await fs.writeFile(path.join(fixtures, 'transcript-paths.json'), `${JSON.stringify(observed, null, 2)}\n`);

    // 5. Save: payloads per event (one per distinct kind), and the transcripts.
    const all = await events();
    const byEvent: Record<string, Json[]> = {};
    const seen = new Set<string>();
    for (const { event } of all) {
      const name = String(event.hook_event_name);
      const kind = [name, event.tool_name, event.notification_type, event.source, event.reason, event.error, event.final, event.trigger, event.permission_mode].join('|');
      if (seen.has(kind)) continue;
      seen.add(kind);
      (byEvent[name] ??= []).push(event);
    }
    await fs.writeFile(path.join(fixtures, 'hook-payloads.json'), `${JSON.stringify(byEvent, null, 2)}\n`);
    const transcripts = new Set(all.map(({ event }) => event.transcript_path).filter((file): file is string => typeof file === 'string'));
    for (const file of transcripts) {
      const id = path.basename(file, '.jsonl');
      const label = id === mainId ? 'main' : id === autoId ? 'auto-mode' : id;
      if (!existsSync(file)) {
        log(`transcript ${label} was not written`);
        continue;
      }
      await fs.copyFile(file, path.join(fixtures, 'transcripts', `${label}.jsonl`));
    }
    log(`events: ${Object.entries(byEvent).map(([name, list]) => `${name}×${list.length}`).join(', ')}`);
    log(`saved to ${path.relative(REPO, fixtures)}`);
  } finally {
    await tmux.killServer().catch(() => undefined);
    await api.close().catch(() => undefined);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
