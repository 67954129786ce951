import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { startFakeMessagesApi } from '../../src/demo/fake-messages-api.js';
import { claudeEnv, createClaudeHome } from '../../src/agents/claude-code/isolated-home.js';
import { createWingman } from '../../src/app/create-wingman.js';
import { detectClaudeScreen } from '../../src/agents/claude-code/screen/claude-screen.js';
import { OpenClawHarness, OWNER, REPO_ROOT, jidOf } from '../../test/openclaw/support/openclaw-harness.js';
import { onCleanup } from './cleanup.js';
import { claudeBin } from './paths.js';
import { now, sleep } from './proc.js';
import { PromptTracker, recordHookTimes, type PhaseStats } from './prompt-tracker.js';
import { DialogWatcher, seqOf } from './real-scenario.js';
import { eventsFileFor } from '../../src/app/agent-hooks.js';

/**
 * The latency a user feels: one real Claude Code session (MCP hook server), wingman's monitor running
 * as our plugin's service inside a real OpenClaw gateway, the real @openclaw/whatsapp channel with
 * only Baileys' socket faked (test/openclaw/support). Notification = dialog drawn → the fake socket's
 * sendMessage of the approval notice; answer = the owner's `approve NAME` emitted by the fake socket
 * as messages.upsert (its inbox is polled every 100 ms; that wait is left out) → the tool starts.
 */
export interface OpenClawResult {
  kind: 'openclaw';
  claudeVersion: string;
  openclawVersion: string;
  rounds: number;
  prompts: PhaseStats;
  /** Answer measured from the inbox file instead (includes the fake socket's 100 ms polling). */
  answerFromInboxMs?: PhaseStats['answerMs'];
  gatewayStartMs: number;
  notes: string[];
}

const API_KEY = 'sk-ant-api03-wingman-bench-key-000000000000000000000';

export async function runOpenClawScenario(root: string, params: { rounds: number }, log: (message: string) => void): Promise<OpenClawResult> {
  const dir = path.join(root, 'openclaw');
  const claudeHome = path.join(dir, 'claude-home');
  await fsp.mkdir(claudeHome, { recursive: true });
  const api = await startFakeMessagesApi();
  const removeApi = onCleanup('fake Messages API (openclaw)', () => api.close());
  await createClaudeHome(claudeHome, { apiKey: API_KEY });
  const oc = await OpenClawHarness.create();
  const removeOc = onCleanup('OpenClaw gateway', () => oc.close());
  const notes: string[] = [];
  try {
    const projects = path.join(dir, 'projects');
    await fsp.mkdir(projects, { recursive: true });
    // wingman's own config in the plugin's stateDir supplies what the plugin config does not (claude.env).
    await fsp.writeFile(
      path.join(oc.wingmanHome, 'config.json'),
      JSON.stringify({ claude: { env: { ...claudeEnv({ home: claudeHome, apiUrl: api.url, apiKey: API_KEY }), CLAUDE_CODE_MAX_RETRIES: '1' }, hookTransport: 'mcp' }, trustedRoots: [projects], startupTimeoutMs: 90_000 }, null, 2),
    );
    log('  openclaw: installing WhatsApp and the plugin');
    await oc.setUpWhatsApp({ allowFrom: [OWNER] });
    await oc.installPlugin(await stagePlugin(dir), { trustedRoots: [projects] });
    const env = { ...process.env, WINGMAN_HOME: oc.wingmanHome, WINGMAN_TMUX_SOCKET: oc.tmuxSocket, WINGMAN_CLAUDE_BIN: claudeBin() };
    const wingman = await createWingman({ env, logger: { warn: log } });
    const name = 'phone';
    const workdir = path.join(projects, name);
    await fsp.mkdir(workdir, { recursive: true });
    log('  openclaw: spawning a Claude Code session, starting the gateway');
    await wingman.sessions.spawn({ name, workdir });
    const watcher = new DialogWatcher(path.join(dir, 'pane-output'));
    await wingman.tmux.run(['pipe-pane', '-t', `=${name}:`, '-o', `exec cat >> '${watcher.file}'`]);
    const poll = setInterval(() => watcher.poll(), 5);
    const removePoll = onCleanup('openclaw dialog watcher', () => clearInterval(poll));
    const gatewayStartMs = await oc.startGateway({ timeoutMs: 240_000 });
    await oc.waitForSent((message) => message.text.startsWith('🛩️ wingman monitor started'), { timeoutMs: 90_000, what: 'the monitor-started notice' });
    // The first inbound message after start-up can be retried by OpenClaw's WhatsApp monitor: warm it up.
    await oc.ask(OWNER, 'sessions', { timeoutMs: 90_000 });

    const tracker = new PromptTracker();
    const inboxAnswers: number[] = [];
    for (let round = 0; round < params.rounds; round += 1) {
      const seq = `oc${round}`;
      const record = tracker.add(seq, name);
      const file = path.join(workdir, `t-${seq}.txt`);
      watcher.arm((t) => (record.drawnAt = t));
      const before = (await oc.sent()).length;
      record.sentAt = now();
      await wingman.sessions.send(name, `RUNTOOL date +%s%3N >> t-${seq}.txt`);
      const notice = await oc.waitForSent((message) => message.jid === jidOf(OWNER) && message.text.includes('needs approval') && message.text.includes(`t-${seq}.txt`), { after: before, timeoutMs: 30_000, what: `the notice for ${seq}` }).catch((error: Error) => {
        notes.push(error.message.split('\n')[0]!);
        return undefined;
      });
      if (notice) {
        tracker.notified(seq, notice.t, notice.text);
        // As in the real scenario: the owner answers with the dialog on screen.
        const drawnBy = Date.now() + 3_000;
        while (record.drawnAt === undefined && Date.now() < drawnBy) await sleep(5);
        const injected = await oc.inject(OWNER, `approve ${name}`);
        const upsert = await waitForUpsert(oc.fakeWaDir, injected.id, 10_000);
        record.replyAt = upsert ?? injected.injectedAt;
        if (upsert === undefined) notes.push(`${seq}: no messages.upsert seen for the reply; answer measured from the inbox file`);
        const deadline = Date.now() + 40_000;
        while (!fs.existsSync(file) && Date.now() < deadline) await sleep(20);
        if (fs.existsSync(file)) {
          const lines = fs.readFileSync(file, 'utf8').trim().split('\n').filter(Boolean);
          record.toolStartedAt = Number(lines[0]);
          record.answers = lines.length;
          inboxAnswers.push(record.toolStartedAt - injected.injectedAt);
        }
      }
      await waitIdle(wingman.tmux, name, 30_000);
      await sleep(1_000);
    }
    clearInterval(poll);
    removePoll();
    // The MCP hook server's lines in the session's events log split the answer: socket → decision
    // handed to Claude Code (OpenClaw, our plugin, wingman) and decision → the tool (Claude Code).
    await recordHookTimes(tracker, eventsFileFor(wingman.paths, name), seqOf);
    const inbox = tracker.result();
    let claudeVersion = '?';
    try {
      claudeVersion = execFileSync(claudeBin(), ['--version'], { encoding: 'utf8', timeout: 30_000, env: { ...process.env, HOME: claudeHome } }).trim();
    } catch {
      // '?'
    }
    const { summarise } = await import('./stats.js');
    const { roundSummary } = await import('./measure.js');
    return { kind: 'openclaw', claudeVersion, openclawVersion: oc.install.openclawVersion, rounds: params.rounds, prompts: inbox, answerFromInboxMs: roundSummary(summarise(inboxAnswers)), gatewayStartMs, notes };
  } finally {
    await oc.close().catch(() => undefined);
    removeOc();
    await api.close().catch(() => undefined);
    removeApi();
    await fsp.rm(dir, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
  }
}

/**
 * The package as OpenClaw installs it. A checkout whose node_modules is a symlink (a git worktree
 * sharing another's) fails OpenClaw's dependency boundary scan, so the package files are copied and
 * node_modules hard-linked (same file system, no extra space) into a directory of its own.
 */
export async function stagePlugin(dir: string): Promise<string> {
  const modules = path.join(REPO_ROOT, 'node_modules');
  if (!(await fsp.lstat(modules)).isSymbolicLink()) return REPO_ROOT;
  const stage = path.join(dir, 'plugin');
  await fsp.mkdir(stage, { recursive: true });
  const { files = [] } = JSON.parse(await fsp.readFile(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { files?: string[] };
  for (const entry of ['package.json', ...files]) {
    if (fs.existsSync(path.join(REPO_ROOT, entry))) await fsp.cp(path.join(REPO_ROOT, entry), path.join(stage, entry), { recursive: true });
  }
  execFileSync('cp', ['-al', `${await fsp.realpath(modules)}/.`, path.join(stage, 'node_modules')]);
  return stage;
}

/** When the fake socket emitted the injected message into OpenClaw (calls.jsonl), epoch ms. */
async function waitForUpsert(fakeWaDir: string, id: string, timeoutMs: number): Promise<number | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const text = await fsp.readFile(path.join(fakeWaDir, 'calls.jsonl'), 'utf8').catch(() => '');
    for (const line of text.split('\n')) {
      if (!line.includes(id)) continue;
      try {
        return (JSON.parse(line) as { t: number }).t;
      } catch {
        // a line being written
      }
    }
    await sleep(20);
  }
  return undefined;
}

async function waitIdle(tmux: { capturePane(name: string): Promise<string> }, name: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (detectClaudeScreen(await tmux.capturePane(name).catch(() => '')).state === 'idle') return;
    await sleep(250);
  }
}
