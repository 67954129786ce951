import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWingmanHarness, E2E_CLAUDE_VERSION, type WingmanHarness } from './support/wingman-harness.js';
import { startMonitor, type RunningMonitor } from './support/monitor-process.js';
import { NEWEST_TESTED, OLDEST_SUPPORTED } from '../../src/agents/claude-code/versions.js';

interface DoctorJson {
  ok: boolean;
  checks: Array<{ name: string; status: string; message: string }>;
}

/** `wingman doctor` against the real Claude Code binary under test, real tmux and a real monitor. */
describe('wingman doctor', () => {
  let h: WingmanHarness;
  let monitor: RunningMonitor | undefined;

  beforeAll(async () => {
    h = await createWingmanHarness();
    await fs.chmod(h.home, 0o700); // as wingman creates it
  });

  afterAll(async () => {
    await monitor?.stop();
    await h?.close();
  });

  it('a good setup: every line ✓, the version named against the tested range, exit 0', async () => {
    monitor = await startMonitor(h);
    const result = await h.wingman(['doctor']);
    expect(result.exitCode).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^✓ tmux \d+\.\d+/);
    expect(lines[1]).toBe(`✓ Claude Code ${E2E_CLAUDE_VERSION} (${h.env.WINGMAN_CLAUDE_BIN}): tested (${OLDEST_SUPPORTED}–${NEWEST_TESTED}).`);
    expect(lines[2]).toBe(`✓ State directory ${h.home} (0700, yours, writable)`);
    expect(lines[3]).toBe(`✓ Hook socket ${path.join(h.home, 'run', 'hooks.sock')} (0600 in a 0700 dir): a monitor answers.`);

    const json = JSON.parse((await h.wingman(['doctor', '--json'])).stdout) as DoctorJson;
    expect(json.ok).toBe(true);
    expect(json.checks.map((check) => [check.name, check.status])).toEqual([['tmux', 'ok'], ['claude', 'ok'], ['state-dir', 'ok'], ['hook-socket', 'ok']]);
  });

  it('without a monitor: a warning that says how to start one, still exit 0', async () => {
    await monitor?.stop();
    monitor = undefined;
    const result = await h.wingman(['doctor']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^⚠ (No monitor is running|Hook socket .* is left from a monitor that stopped).*wingman monitor/m);
  });

  it('a missing Claude Code binary: ✗ with the fix, exit 1, the other checks still reported', async () => {
    const missing = path.join(h.root, 'no-such-dir', 'claude');
    const result = await h.wingman(['doctor'], { WINGMAN_CLAUDE_BIN: missing });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain(`✗ Claude Code was not found ("${missing}"). Install it (npm install -g @anthropic-ai/claude-code) or set WINGMAN_CLAUDE_BIN / claude.bin in the wingman config.`);
    expect(result.stdout).toMatch(/^✓ tmux /m);
    expect(result.stdout).toMatch(/^✓ State directory /m);
    const json = JSON.parse((await h.wingman(['doctor', '--json'], { WINGMAN_CLAUDE_BIN: missing })).stdout) as DoctorJson;
    expect(json.ok).toBe(false);
    expect(json.checks.find((check) => check.name === 'claude')?.status).toBe('fail');
  });
});
