/**
 * Issue 6's benchmark: wingman's monitor against the original shell wingman's 5-second
 * capture-pane polling, at N = 1, 10, 50, 100 fake sessions plus N = 5 real Claude Code sessions;
 * issue 14: real Claude Code side by side with the MCP hook server and the per-event forwarder, and
 * one session through a real OpenClaw gateway and WhatsApp (--no-openclaw to skip it).
 *
 *   npx tsx bench/run-bench.ts            full run (~15 min), writes bench/RESULTS.md + bench/results.json
 *   npx tsx bench/run-bench.ts --smoke    N = 3 fake sessions only, < 60 s (CI)
 *
 * Options: --out DIR (where RESULTS.md and results.json go), --sizes 1,10 (fake N list),
 * --no-real (skip real Claude Code), --real-only, --dist DIR (measure another build's dist/src),
 * --cost-only (idle / working cost and profiles only), --compare FILE --compare-label TEXT (show
 * another run's results.json next to this one's costs), --quiet-wait S (wait up to S seconds before
 * each scenario for other work on the machine to settle; default 240, smoke 0), --label TEXT,
 * --real-sizes 1,5 (which real Claude Code scenarios: 1 = one session, answers only; 5 = N = 5),
 * --claude-env NAME=VALUE (repeatable: extra environment for the real sessions, e.g. a renderer
 * setting), --no-command (real scenarios through the MCP hook server only, no forwarder / polling),
 * --claude-bin PATH (another Claude Code release than the dev dependency), --openclaw-rounds N
 * (prompts answered through OpenClaw; default 8), --pane WxH (the real sessions' window size),
 * --claude-cpu-prof DIR (the real sessions write Bun CPU profiles to DIR; the bench then tells
 * where Claude Code spent each answer's decision → shell time: bench/claude-cpu-profile.ts).
 * Build first (npx tsc -p .): the monitor host and the hook forwarder run from dist/.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { execFileSync } from 'node:child_process';
import { runCleanup, onCleanup } from './lib/cleanup.js';
import { runFakeScenario, type FakeParams, type FakeResult } from './lib/fake-scenario.js';
import { runRealScenario, type RealResult } from './lib/real-scenario.js';
import { runOpenClawScenario, type OpenClawResult } from './lib/openclaw-scenario.js';
import { reportClaudeCpuProfiles } from './claude-cpu-profile.js';
import { BENCH_DIR, checkBuild, forwarderPath, REPO_ROOT } from './lib/paths.js';
import { childCpuPerExec, forwarderStartFloor, loadAverage, makeTmuxShim, waitForQuiet } from './lib/proc.js';
import { renderResults, evaluateTargets, type BenchResults } from './lib/report.js';
import { QUIET_FULL_TICK_MS } from '../src/core/monitor-cadence.js';

/** Idle windows hold two of the monitor's quiet-time tmux listings, so its idle cost is not luck of phase. */
const IDLE_WINDOW_MS = 2 * QUIET_FULL_TICK_MS;

const { values } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    out: { type: 'string' },
    sizes: { type: 'string' },
    'no-real': { type: 'boolean', default: false },
    'real-only': { type: 'boolean', default: false },
    dist: { type: 'string' },
    'quiet-wait': { type: 'string' },
    'cost-only': { type: 'boolean', default: false },
    compare: { type: 'string' },
    'compare-label': { type: 'string' },
    label: { type: 'string' },
    'fake-transport': { type: 'string' },
    'no-openclaw': { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    'openclaw-only': { type: 'boolean', default: false },
    'fake-from': { type: 'string' },
    'real-sizes': { type: 'string' },
    'openclaw-from': { type: 'string' },
    'claude-env': { type: 'string', multiple: true },
    'no-command': { type: 'boolean', default: false },
    'claude-bin': { type: 'string' },
    'openclaw-rounds': { type: 'string' },
    pane: { type: 'string' },
    'claude-cpu-prof': { type: 'string' },
  },
});
/** The fake agents' hook transport: wingman's default (`mcp`), or `command` to measure the forwarder. */
const fakeTransport: 'mcp' | 'command' = values['fake-transport'] === 'command' ? 'command' : 'mcp';
// Another build's dist/src (e.g. an older commit compiled elsewhere) for the monitor and the forwarder.
if (values.dist) process.env.BENCH_DIST = path.resolve(values.dist);
// Another Claude Code release (e.g. the oldest supported one from scripts/install-claude-code.sh).
if (values['claude-bin']) process.env.BENCH_CLAUDE_BIN = path.resolve(values['claude-bin']);

const smoke = values.smoke === true;
const outDir = path.resolve(values.out ?? BENCH_DIR);
const sizes = values.sizes ? values.sizes.split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0) : smoke ? [3] : [1, 10, 50, 100];
const costOnly = values['cost-only'] === true;
const withReal = !smoke && !costOnly && !values['no-real'];
const realOnly = values['real-only'] === true || values['openclaw-only'] === true;
/** Seconds to wait, before each scenario, for other work on the machine to settle (0: don't). */
const quietWaitS = values['quiet-wait'] !== undefined ? Number(values['quiet-wait']) : smoke ? 0 : 240;
/** Real Claude Code scenarios: 1 = one session, answers only; any other N = the full scenario with N sessions (one such N). */
const realSizes = (values['real-sizes'] ?? '1,5').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
/** --claude-env NAME=VALUE (repeatable): extra environment for the real Claude Code sessions. */
const claudeEnv = Object.fromEntries(
  (values['claude-env'] ?? []).map((pair) => {
    const at = pair.indexOf('=');
    if (at <= 0) throw new Error(`--claude-env wants NAME=VALUE, got "${pair}"`);
    return [pair.slice(0, at), pair.slice(at + 1)];
  }),
);
/** --claude-cpu-prof DIR: Bun's profiler in the real Claude Code sessions (BUN_OPTIONS reaches the compiled binary). */
const cpuProfileDir = values['claude-cpu-prof'] ? path.resolve(values['claude-cpu-prof']) : undefined;
if (cpuProfileDir) {
  if (/\s/.test(cpuProfileDir)) throw new Error(`--claude-cpu-prof wants a directory without spaces (BUN_OPTIONS splits on them), got "${cpuProfileDir}"`);
  await fs.mkdir(cpuProfileDir, { recursive: true });
  claudeEnv.BUN_OPTIONS = [claudeEnv.BUN_OPTIONS, `--cpu-prof --cpu-prof-interval=250 --cpu-prof-dir=${cpuProfileDir}`].filter(Boolean).join(' ');
}
const profiling = cpuProfileDir ? { cpuProfileDir } : {};
/** --pane WxH: the real sessions' window size (does the frame Claude Code renders cost time?). */
const paneMatch = values.pane ? /^(\d+)x(\d+)$/.exec(values.pane) : null;
if (values.pane && !paneMatch) throw new Error(`--pane wants WIDTHxHEIGHT, got "${values.pane}"`);
const pane = paneMatch ? { width: Number(paneMatch[1]), height: Number(paneMatch[2]) } : undefined;
const HARD_LIMIT_MS = smoke ? 110_000 : 45 * 60_000 + 6 * quietWaitS * 1000;

const log = (message: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

/** How much each N is asked to do. Full runs: enough samples for a p95; smoke: just enough to prove the plumbing. */
function paramsFor(n: number): FakeParams {
  const base = { n, seed: 6, hooks: 'all' as const, transport: fakeTransport, baselinePollSeconds: 5, promptTimeoutMs: 30_000, baselinePromptTimeoutMs: 60_000, costOnly };
  if (smoke) {
    return { ...base, warmupMs: 1_500, idleMs: 3_000, workMs: 3_000, wingmanPrompts: 3, baselinePrompts: 1, promptRate: 3, baselineIdleMs: 0, profileMs: 0 };
  }
  const perSession = n === 1 ? { wingmanPrompts: 20, baselinePrompts: 10 } : n <= 10 ? { wingmanPrompts: 4, baselinePrompts: 2 } : n <= 50 ? { wingmanPrompts: 2, baselinePrompts: 1 } : { wingmanPrompts: 1, baselinePrompts: 1 };
  return {
    ...base,
    ...perSession,
    warmupMs: 3_000,
    idleMs: IDLE_WINDOW_MS,
    workMs: 15_000,
    promptRate: 1,
    baselineIdleMs: 10_000,
    profileMs: n === Math.max(...sizes) ? 15_000 : 0,
  };
}

async function main(): Promise<number> {
  const stale = checkBuild();
  if (stale.length > 0) log(`warning: dist/ is older than ${stale.length} source file(s) (${stale.slice(0, 3).join(', ')}…); run npx tsc -p . to measure the current code`);
  const started = new Date();
  const git = gitRevision();
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'wmb-'));
  onCleanup('temp dir', () => fs.rm(root, { recursive: true, force: true, maxRetries: 3 }));
  const shims = { monitor: await makeTmuxShim(root, 'monitor'), baseline: await makeTmuxShim(root, 'baseline') };
  const execCost = { tmuxClientMs: childCpuPerExec('tmux', ['-V'], 50), viaShimMs: childCpuPerExec(shims.monitor.binary, ['-V'], 50) };
  await fs.writeFile(shims.monitor.counter, ''); // those 50 were ours, not the monitor's
  const hookStartFloorMs = forwarderStartFloor(forwarderPath(), root, smoke ? 3 : 10);
  const loadBefore = loadAverage();
  log(`root ${root}; sizes ${sizes.join(', ')}${withReal ? ` + real Claude Code N=${realSizes.join(', ')}` : ''}; load average ${loadBefore.join(' ')}`);

  const quiet: Record<string, { waitedS: number; busyPct: number }> = {};
  const settle = async (label: string) => {
    if (quietWaitS > 0) quiet[label] = await waitForQuiet(quietWaitS * 1000, 40, log);
  };
  const fake: FakeResult[] = [];
  if (values['fake-from']) {
    // The fake scenarios of an earlier run (its fake-results.json), e.g. after a real scenario failed.
    fake.push(...(JSON.parse(await fs.readFile(path.resolve(values['fake-from']), 'utf8')) as FakeResult[]));
    log(`fake results from ${values['fake-from']}: N = ${fake.map((result) => result.n).join(', ')}`);
  } else if (!realOnly) {
    for (const n of sizes) {
      await settle(`fake-${n}`);
      log(`fake agents, N=${n}`);
      fake.push(await runFakeScenario(root, paramsFor(n), shims, log));
    }
    await fs.mkdir(outDir, { recursive: true });
    await fs.writeFile(path.join(outDir, 'fake-results.json'), `${JSON.stringify(fake)}\n`);
  }
  // Real Claude Code, side by side: the MCP hook server (the default), then the forwarder per event on
  // a fresh set of sessions, then 5 s polling on those.
  let real: RealResult | undefined;
  let realCommand: RealResult | undefined;
  let realOne: RealResult | undefined;
  let realOneCommand: RealResult | undefined;
  if ((withReal || realOnly) && !values['openclaw-only']) {
    // A scenario that fails is reported and left out; the others' results are still written.
    const attempt = (what: string, run: () => Promise<RealResult>) =>
      run().catch((error: unknown) => {
        log(`  ${what}: failed: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      });
    for (const size of realSizes) {
      // --quick: a plumbing check of the real scenarios (at most 2 sessions, 1–2 rounds each, short windows).
      // N = 1 measures answers only: 20 prompts one after another, no idle / working windows.
      const realParams =
        size === 1
          ? values.quick
            ? { n: 1, rounds: 2, baselineRounds: 1, idleMs: 1_000, workMs: 0, baselineIdleMs: 0, seed: 7, answersOnly: true }
            : { n: 1, rounds: 20, baselineRounds: 20, idleMs: 1_000, workMs: 0, baselineIdleMs: 0, seed: 7, answersOnly: true }
          : values.quick
            ? { n: Math.min(size, 2), rounds: 1, baselineRounds: 1, idleMs: 5_000, workMs: 2_000, baselineIdleMs: 2_000, seed: 6 }
            : { n: size, rounds: 4, baselineRounds: 2, idleMs: IDLE_WINDOW_MS, workMs: 5_000, baselineIdleMs: 10_000, seed: 6 };
      await settle(`real-${size}-mcp`);
      log(`real Claude Code, N=${realParams.n}, MCP hook server`);
      const mcp = await attempt(`real N=${size} (mcp)`, () => runRealScenario(root, { ...realParams, claudeEnv, pane, ...profiling, transport: 'mcp', baseline: false }, shims, log));
      let command: RealResult | undefined;
      if (!values['no-command']) {
        await settle(`real-${size}-command`);
        log(`real Claude Code, N=${realParams.n}, hook forwarder + polling baseline`);
        command = await attempt(`real N=${size} (command)`, () => runRealScenario(root, { ...realParams, claudeEnv, pane, ...profiling, transport: 'command', baseline: true }, shims, log));
      }
      if (size === 1) [realOne, realOneCommand] = [mcp, command];
      else [real, realCommand] = [mcp, command];
    }
    if (cpuProfileDir) log(`Claude Code's CPU profiles (${cpuProfileDir}/answer-work.txt):\n${await reportClaudeCpuProfiles(cpuProfileDir)}`);
  }
  let openclaw: OpenClawResult | undefined;
  if (values['openclaw-from']) {
    // The OpenClaw row of an earlier run's results.json.
    openclaw = (JSON.parse(await fs.readFile(path.resolve(values['openclaw-from']), 'utf8')) as BenchResults).openclaw;
    log(`OpenClaw row from ${values['openclaw-from']}${openclaw ? '' : ': none there'}`);
  } else if ((withReal || realOnly || values['openclaw-only']) && !values['no-openclaw']) {
    await settle('openclaw');
    log('real Claude Code through a real OpenClaw gateway and WhatsApp (fake socket)');
    openclaw = await runOpenClawScenario(root, { rounds: values['openclaw-rounds'] ? Number(values['openclaw-rounds']) : values.quick ? 2 : 8 }, log).catch((error: unknown) => {
      log(`  openclaw: failed: ${error instanceof Error ? error.message.split('\n').slice(0, 25).join('\n') : String(error)}`);
      return undefined;
    });
  }

  const results: BenchResults = {
    meta: {
      startedAt: started.toISOString(),
      finishedAt: new Date().toISOString(),
      durationS: Math.round((Date.now() - started.getTime()) / 1000),
      mode: smoke ? 'smoke' : 'full',
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '?', memGB: Math.round(os.totalmem() / 1024 ** 3), node: process.version, tmux: tmuxVersion(), platform: `${os.type()} ${os.release()}` },
      loadAverageBefore: loadBefore,
      loadAverageAfter: loadAverage(),
      staleSources: stale,
      dist: values.dist ? path.resolve(values.dist) : 'dist/src',
      execCost,
      hookStartFloorMs,
      ...(values.label ? { label: values.label } : {}),
      machineBeforeScenario: quiet,
      git,
    },
    fake,
    ...(real ? { real } : {}),
    ...(realCommand ? { realCommand } : {}),
    ...(realOne ? { realOne } : {}),
    ...(realOneCommand ? { realOneCommand } : {}),
    ...(openclaw ? { openclaw } : {}),
    targets: [],
  };
  if (values.compare) {
    const other = JSON.parse(await fs.readFile(path.resolve(values.compare), 'utf8')) as BenchResults;
    results.compare = { label: values['compare-label'] ?? other.meta.label ?? other.meta.git, fake: other.fake };
  }
  results.targets = evaluateTargets(results);
  await fs.mkdir(outDir, { recursive: true });
  await fs.writeFile(path.join(outDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  await fs.writeFile(path.join(outDir, 'RESULTS.md'), renderResults(results));
  log(`wrote ${path.join(outDir, 'RESULTS.md')} and results.json (${results.meta.durationS} s)`);
  const broken = [...fake.map((result) => result.wingman.prompts), ...[real, realCommand, realOne, realOneCommand].flatMap((result) => (result ? [result.wingman.prompts] : []))].filter((phase) => phase.missed > 0 || phase.answeredTwice > 0);
  return broken.length > 0 ? 1 : 0;
}

function tmuxVersion(): string {
  try {
    return execFileSync('tmux', ['-V'], { encoding: 'utf8' }).trim();
  } catch {
    return '?';
  }
}

function gitRevision(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim() ? ' (src modified)' : '';
    return `${head}${dirty}`;
  } catch {
    return '?';
  }
}

const hardLimit = setTimeout(() => {
  log(`hard time limit (${HARD_LIMIT_MS / 1000} s) reached; cleaning up`);
  void runCleanup().finally(() => process.exit(3));
}, HARD_LIMIT_MS);

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    log(`${signal}: cleaning up`);
    void runCleanup().finally(() => process.exit(130));
  });
}

main()
  .then(async (code) => {
    await runCleanup();
    clearTimeout(hardLimit);
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await runCleanup();
    clearTimeout(hardLimit);
    process.exit(2);
  });
