/**
 * Captures real Claude Code screens as test fixtures:
 *
 *   npm run capture-screens -- --claude VERSION [--only NAME,...] [--list]
 *
 * Drives the real `claude` of VERSION (the dev dependency when VERSION is NEWEST_TESTED, else the
 * copy scripts/install-claude-code.sh installs) in a private tmux server against the bundled fake
 * Messages API with an isolated HOME, launched as wingman launches it, through every scenario in
 * scripts/capture-screens/scenarios.ts. Writes test/fixtures/claude-screens/VERSION/:
 *   NAME.txt        tmux capture-pane -p
 *   NAME.ansi.txt   tmux capture-pane -p -e (same moment)
 *   expected.json   NAME → the reading the scenario means (state, prompt, input, apiError, resume id)
 *   meta.json       version, date, sizes, and per capture its scenario, size, mode and warnings
 * --only takes scenario or fixture names (`permission-bash` = all its sizes), either with a size
 * suffix for one size (`permission-bash-w80`); the other fixtures of the directory are kept. A full run removes
 * fixtures no scenario wrote, except those of scenarios that failed this time. Exit status 1 when
 * a scenario failed (the others still run), 2 for usage errors.
 * Options: --bin PATH (another claude binary, e.g. one already installed), --out DIR.
 */
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { execa } from 'execa';
import { TmuxClient } from '../src/adapters/tmux/tmux-client.js';
import { NEWEST_TESTED, parseClaudeVersion } from '../src/agents/claude-code/versions.js';
import { startFakeMessagesApi, type FakeMessagesApi } from '../src/demo/fake-messages-api.js';
import type { ExpectedReading } from './capture-screens/expected.js';
import { eraOf, scenarios, type Scenario, type ScenarioRun } from './capture-screens/scenarios.js';
import { squash } from './capture-screens/screen-anchors.js';
import { CaptureError, CaptureSession, sizeSuffix, type Size, type Snapshot } from './capture-screens/session.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_OUT = path.join(REPO_ROOT, 'test', 'fixtures', 'claude-screens');
/** Tried first so URLs and error texts in the fixtures stay the same between runs; any free port otherwise. */
const PREFERRED_API_PORT = 47830;
const SCENARIO_TIMEOUT_MS = 180_000;

interface Kept {
  name: string;
  scenario: string;
  size: Size;
  mode: string;
  renderer: string;
  snap: Snapshot;
  expected: ExpectedReading;
  warnings: string[];
}

interface CaptureMeta {
  scenario: string;
  width: number;
  height: number;
  mode: string;
  renderer: string;
  capturedAt: string;
  warnings?: string[];
}

interface MetaFile {
  version: string;
  claudeVersionOutput: string;
  tmux: string;
  date: string;
  widths: number[];
  captures: Record<string, CaptureMeta>;
}

function usage(message?: string): never {
  if (message) process.stderr.write(`capture-screens: ${message}\n`);
  process.stderr.write('usage: npm run capture-screens -- --claude VERSION [--only NAME,...] [--list] [--bin PATH] [--out DIR]\n');
  process.exit(2);
}

async function resolveBinary(version: string, bin: string | undefined): Promise<string> {
  if (bin) return path.resolve(bin);
  if (version === NEWEST_TESTED) return path.join(REPO_ROOT, 'node_modules', '.bin', 'claude');
  const result = await execa('bash', [path.join(REPO_ROOT, 'scripts', 'install-claude-code.sh'), version], { stderr: 'inherit', stdin: 'ignore' });
  return String(result.stdout).trim().split('\n').at(-1) ?? '';
}

async function startApi(): Promise<FakeMessagesApi> {
  try {
    return await startFakeMessagesApi({ port: PREFERRED_API_PORT });
  } catch {
    return startFakeMessagesApi();
  }
}

/** A loopback port with nothing listening on it (bound, then closed). */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** One run per version at a time: the fixed work directory is shared by its scenarios. */
async function lock(root: string): Promise<() => Promise<void>> {
  await fs.mkdir(root, { recursive: true });
  const file = path.join(root, 'capture.lock');
  const holder = Number(await fs.readFile(file, 'utf8').catch(() => '0'));
  if (holder > 0 && holder !== process.pid) {
    let alive = true;
    try {
      process.kill(holder, 0);
    } catch {
      alive = false;
    }
    if (alive) throw new Error(`another capture-screens run (pid ${holder}) uses ${root}`);
  }
  await fs.writeFile(file, String(process.pid));
  return () => fs.rm(root, { recursive: true, force: true, maxRetries: 5 });
}

/** Which scenario/size pairs `--only` selects. */
function selected(list: Scenario[], only: string[] | undefined): Array<{ scenario: Scenario; size: Size }> {
  const pairs = list.flatMap((scenario) => scenario.sizes.map((size) => ({ scenario, size })));
  if (!only) return pairs;
  const unknown = only.filter((name) => !pairs.some(({ scenario, size }) => matches(scenario, size, name)));
  if (unknown.length > 0) usage(`unknown scenario or fixture: ${unknown.join(', ')} (see --list)`);
  return pairs.filter(({ scenario, size }) => only.some((name) => matches(scenario, size, name)));
}

function matches(scenario: Scenario, size: Size, name: string): boolean {
  if (name === scenario.name || scenario.captures.includes(name)) return true;
  return [scenario.name, ...scenario.captures].some((base) => `${base}${sizeSuffix(size)}` === name);
}

/** Loose checks that the expected text is on screen (across wrapping): a miss means expected.json needs a look. */
function sanityWarnings(plain: string, expected: ExpectedReading): string[] {
  const screen = squash(plain);
  const missing = (text: string): boolean => text !== '' && !screen.includes(squash(text));
  const warnings: string[] = [];
  if (expected.prompt) {
    if (missing(expected.prompt.detail)) warnings.push(`detail not on screen: ${JSON.stringify(expected.prompt.detail)}`);
    for (const option of expected.prompt.options) {
      if (missing(option.label)) warnings.push(`option label not on screen: ${JSON.stringify(option.label)}`);
    }
  }
  if (expected.input && missing(expected.input)) warnings.push(`input not on screen: ${JSON.stringify(expected.input)}`);
  if (expected.resumeSessionId && missing(expected.resumeSessionId)) warnings.push('resume id not on screen');
  return warnings;
}

async function readJson<T>(file: string, fallback: T): Promise<T> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as T;
  } catch {
    return fallback;
  }
}

const sortKeys = <T>(record: Record<string, T>): Record<string, T> =>
  Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      claude: { type: 'string' },
      only: { type: 'string' },
      list: { type: 'boolean', default: false },
      bin: { type: 'string' },
      out: { type: 'string' },
    },
    strict: true,
  });
  const list = scenarios();
  if (values.list) {
    for (const scenario of list) {
      const names = scenario.captures.flatMap((base) => scenario.sizes.map((size) => `${base}${sizeSuffix(size)}`));
      process.stdout.write(`${scenario.name.padEnd(22)} ${names.join(' ')}\n`);
    }
    return;
  }
  const version = values.claude?.trim();
  if (!version || !/^\d+\.\d+\.\d+$/.test(version)) usage('--claude VERSION is required (e.g. 2.1.332)');
  const only = values.only?.split(',').map((name) => name.trim()).filter(Boolean);
  const pairs = selected(list, only);

  const binary = await resolveBinary(version, values.bin);
  if (!existsSync(binary)) throw new Error(`no claude binary at ${binary}`);
  const versionOutput = String((await execa(binary, ['--version'], { stdin: 'ignore' })).stdout).trim();
  if (parseClaudeVersion(versionOutput) !== version) throw new Error(`${binary} reports "${versionOutput}", not ${version}`);
  const tmuxVersion = String((await execa('tmux', ['-V'])).stdout).trim();

  const outDir = path.join(values.out ? path.resolve(values.out) : DEFAULT_OUT, version);
  const root = path.join(await fs.realpath(os.tmpdir()), `claude-screens-${version}`);
  const unlock = await lock(root);
  const api = await startApi();
  const socket = `capture-screens-${process.pid}`;
  const tmux = new TmuxClient({ socket });
  const era = eraOf(version);
  const refusedPort = await closedPort();
  const kept: Kept[] = [];
  const failures: Array<{ label: string; message: string; screen: string }> = [];
  const skipped: string[] = [];
  const ran = new Set<string>();

  const cleanup = async (): Promise<void> => {
    await tmux.killServer().catch(() => undefined);
    // tmux leaves its socket file behind.
    const socketDir = path.join(process.env.TMUX_TMPDIR ?? '/tmp', `tmux-${process.getuid?.() ?? 0}`);
    await fs.rm(path.join(socketDir, socket), { force: true });
    await api.close().catch(() => undefined);
    await unlock();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void cleanup().finally(() => process.exit(130));
    });
  }

  process.stderr.write(`capture-screens: Claude Code ${version} (${binary}), fake API ${api.url}, tmux -L ${socket}, ${pairs.length} runs\n`);
  try {
    for (const { scenario, size } of pairs) {
      const label = `${scenario.name}${sizeSuffix(size)}`;
      const reason = scenario.unsupported?.(era);
      if (reason) {
        skipped.push(`${label}: ${reason}`);
        process.stderr.write(`  - ${label}: skipped (${reason})\n`);
        continue;
      }
      ran.add(scenario.name);
      const sessions: CaptureSession[] = [];
      const started = Date.now();
      const keptBefore = kept.length;
      const run: ScenarioRun = {
        version, era, size,
        apiHost: new URL(api.url).host,
        closedPort: refusedPort,
        apiReceived: (prompt) => api.requests.some((request) => request.hasTools && request.lastUserText === prompt),
        async open(options) {
          const session = new CaptureSession(
            { version, binary, root, apiUrl: api.url, tmux, socket },
            { label: sessions.length === 0 ? label : `${label}-${sessions.length}`, size, mode: options.mode ?? 'default', ...options },
          );
          sessions.push(session);
          await session.start();
          return session;
        },
        keep(base, snap, expected) {
          const name = `${base}${sizeSuffix(size)}`;
          const session = sessions.at(-1);
          kept.push({
            name, scenario: scenario.name, size, mode: session?.options.mode ?? 'default', renderer: session?.renderer ?? '',
            snap, expected, warnings: sanityWarnings(snap.plain, expected),
          });
        },
      };
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          scenario.run(run),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error(`scenario took longer than ${SCENARIO_TIMEOUT_MS / 1000} s`)), SCENARIO_TIMEOUT_MS);
          }),
        ]);
        const names = kept.slice(keptBefore).map((k) => k.name);
        process.stderr.write(`  ✓ ${label} (${((Date.now() - started) / 1000).toFixed(1)} s): ${names.join(', ')}\n`);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const screen = error instanceof CaptureError ? error.screen : await (sessions.at(-1)?.screen() ?? Promise.resolve(''));
        failures.push({ label, message, screen });
        process.stderr.write(`  ✗ ${label}: ${message}\n    last screen:\n${screen.replace(/\s+$/, '').split('\n').map((line) => `    | ${line}`).join('\n')}\n`);
      } finally {
        clearTimeout(timer);
        for (const session of sessions) await session.close();
      }
    }
  } finally {
    await cleanup();
  }

  // ── Write the fixtures ──
  await fs.mkdir(outDir, { recursive: true });
  const expectedFile = path.join(outDir, 'expected.json');
  const metaFile = path.join(outDir, 'meta.json');
  const oldExpected = await readJson<Record<string, ExpectedReading>>(expectedFile, {});
  const oldMeta = await readJson<Partial<MetaFile>>(metaFile, {});
  const failedScenarios = new Set(failures.map((f) => f.label.replace(/-w\d+$/, '')));
  const expected: Record<string, ExpectedReading> = {};
  const captures: Record<string, CaptureMeta> = {};
  for (const [name, reading] of Object.entries(oldExpected)) {
    const scenario = oldMeta.captures?.[name]?.scenario;
    // Kept: everything on an --only run; on a full run only what a failed scenario did not redo.
    const keep = only ? true : scenario !== undefined && failedScenarios.has(scenario);
    if (!keep) continue;
    expected[name] = reading;
    const meta = oldMeta.captures?.[name];
    if (meta) captures[name] = meta;
  }
  const now = new Date().toISOString();
  for (const shot of kept) {
    await fs.writeFile(path.join(outDir, `${shot.name}.txt`), shot.snap.plain);
    await fs.writeFile(path.join(outDir, `${shot.name}.ansi.txt`), shot.snap.ansi);
    expected[shot.name] = shot.expected;
    captures[shot.name] = {
      scenario: shot.scenario, width: shot.size.width, height: shot.size.height, mode: shot.mode, renderer: shot.renderer, capturedAt: now,
      ...(shot.warnings.length > 0 ? { warnings: shot.warnings } : {}),
    };
  }
  // Files of fixtures no longer listed go.
  for (const file of await fs.readdir(outDir)) {
    const name = file.replace(/(\.ansi)?\.txt$/, '');
    if (file.endsWith('.txt') && !(name in expected)) await fs.rm(path.join(outDir, file));
  }
  await fs.writeFile(expectedFile, `${JSON.stringify(sortKeys(expected), null, 2)}\n`);
  const widths = [...new Set(Object.values(captures).map((c) => c.width))].sort((a, b) => a - b);
  const meta: MetaFile = { version, claudeVersionOutput: versionOutput, tmux: tmuxVersion, date: now, widths, captures: sortKeys(captures) };
  await fs.writeFile(metaFile, `${JSON.stringify(meta, null, 2)}\n`);

  process.stderr.write(`\ncapture-screens: wrote ${kept.length} fixtures to ${path.relative(REPO_ROOT, outDir) || outDir}\n`);
  for (const shot of kept.filter((k) => k.warnings.length > 0)) process.stderr.write(`  ! ${shot.name}: ${shot.warnings.join('; ')}\n`);
  for (const line of skipped) process.stderr.write(`  - skipped ${line}\n`);
  if (failures.length > 0) {
    process.stderr.write(`  ✗ ${failures.length} failed: ${failures.map((f) => `${f.label} (${f.message})`).join('; ')}\n`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`capture-screens failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 1;
});
