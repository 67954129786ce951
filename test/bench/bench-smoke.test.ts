import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface PhaseStats {
  prompts: number;
  drawn: number;
  notified: number;
  toolStarted: number;
  missed: number;
  answeredTwice: number;
  notificationMs: { count: number; p50: number | null };
  answerMs: { count: number; p50: number | null };
}

interface SmokeResults {
  meta: { mode: string };
  fake: Array<{
    n: number;
    params: { transport: string };
    wingman: { prompts: PhaseStats; idle: { cpuTotalPct: number | null; tmuxPerSec: number }; mcpServers?: { servers: number; cpuPctMax: number | null; ussMB: { max: number | null } } };
    baseline: { prompts: PhaseStats };
  }>;
  targets: Array<{ target: string; pass: boolean | null }>;
}

/**
 * The benchmark's smoke mode (issue 6): 3 fake Claude Code sessions in real tmux, wingman's real
 * monitor and the 5-second polling baseline, every prompt relayed and answered exactly once.
 * Needs the build (dist/) and tmux; writes its results to a temp dir, never to bench/.
 */
describe('benchmark smoke run (N = 3)', () => {
  let out: string;
  let run: { exitCode: number | undefined; stdout: string; stderr: string };
  let results: SmokeResults;

  beforeAll(async () => {
    out = await fs.mkdtemp(path.join(os.tmpdir(), 'wingman-bench-smoke-'));
    const before = await fs.stat(path.join(REPO_ROOT, 'bench', 'RESULTS.md')).then((stat) => stat.mtimeMs, () => undefined);
    const result = await execa(process.execPath, ['--import', 'tsx', 'bench/run-bench.ts', '--smoke', '--out', out], {
      cwd: REPO_ROOT,
      reject: false,
      timeout: 110_000,
      stdin: 'ignore',
    });
    run = { exitCode: result.exitCode, stdout: String(result.stdout), stderr: String(result.stderr) };
    const after = await fs.stat(path.join(REPO_ROOT, 'bench', 'RESULTS.md')).then((stat) => stat.mtimeMs, () => undefined);
    expect(after, 'the smoke run must not overwrite bench/RESULTS.md').toBe(before);
    results = JSON.parse(await fs.readFile(path.join(out, 'results.json'), 'utf8')) as SmokeResults;
  }, 120_000);

  afterAll(async () => {
    if (out) await fs.rm(out, { recursive: true, force: true });
  });

  it('finishes by itself and writes RESULTS.md and results.json to the chosen directory', async () => {
    expect(run.exitCode, run.stderr).toBe(0);
    expect(results.meta.mode).toBe('smoke');
    const markdown = await fs.readFile(path.join(out, 'RESULTS.md'), 'utf8');
    expect(markdown).toContain('| N sessions |');
    expect(markdown).toMatch(/\| 3 fake, MCP hook server \|/);
    expect(markdown).toContain('## Targets');
  });

  it('wingman relays every prompt once: 0 missed, 0 answered twice', () => {
    const [fake] = results.fake;
    expect(fake?.n).toBe(3);
    const prompts = fake!.wingman.prompts;
    expect(prompts.prompts).toBeGreaterThan(0);
    expect(prompts).toMatchObject({ missed: 0, answeredTwice: 0 });
    expect(prompts.drawn).toBe(prompts.prompts);
    expect(prompts.notified).toBe(prompts.prompts);
    expect(prompts.toolStarted).toBe(prompts.prompts);
    expect(prompts.notificationMs.count).toBe(prompts.prompts);
    expect(prompts.answerMs.count).toBe(prompts.prompts);
  });

  it('the polling baseline is measured on the same sessions, also without double answers', () => {
    const baseline = results.fake[0]!.baseline.prompts;
    expect(baseline.prompts).toBeGreaterThan(0);
    expect(baseline.answeredTwice).toBe(0);
    expect(baseline.notificationMs.count).toBeGreaterThan(0);
  });

  it("runs the fake agents' hooks through wingman's MCP hook server (the default transport) and measures the servers", () => {
    const [fake] = results.fake;
    expect(fake!.params.transport).toBe('mcp');
    expect(fake!.wingman.mcpServers?.servers).toBe(3);
    expect(fake!.wingman.mcpServers?.ussMB.max).toBeGreaterThan(0);
    expect(fake!.wingman.mcpServers?.cpuPctMax).not.toBeNull();
  });

  it('reports the monitor cost and the targets', () => {
    const idle = results.fake[0]!.wingman.idle;
    expect(idle.cpuTotalPct).not.toBeNull();
    expect(idle.tmuxPerSec).toBeGreaterThanOrEqual(0);
    expect(results.targets.find((target) => target.target.startsWith('0 prompts missed'))?.pass).toBe(true);
  });
});
