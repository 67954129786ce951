import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWingmanHarness, type WingmanHarness } from './support/wingman-harness.js';
import { startMonitor, type RunningMonitor } from './support/monitor-process.js';
import { stepsPlan } from '../../src/demo/fake-api-scenarios.js';

const exists = (file: string) => fs.access(file).then(() => true, () => false);
const PLAN_MODE = /plan mode on/;

interface ToolResult {
  text: string;
  isError: boolean;
}

/** The tool results of the requests Claude sent the fake API from `from` on. */
function toolResultsSince(h: WingmanHarness, from: number): ToolResult[] {
  return h.api.requests.slice(from).flatMap((request) => {
    const messages = ((request.body ?? {}) as { messages?: Array<{ role?: string; content?: unknown }> }).messages ?? [];
    const last = [...messages].reverse().find((message) => message.role === 'user');
    const blocks = Array.isArray(last?.content) ? (last.content as Array<Record<string, unknown>>) : [];
    return blocks.filter((block) => block.type === 'tool_result').map((block) => ({
      text: typeof block.content === 'string' ? block.content : JSON.stringify(block.content ?? ''),
      isError: block.is_error === true,
    }));
  });
}

/** Waits for Claude's next request to carry a tool result with `reason` in it: the model got it. */
async function reasonReachesModel(h: WingmanHarness, from: number, reason: string): Promise<ToolResult> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const found = toolResultsSince(h, from).find((result) => result.text.includes(reason));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no tool_result with "${reason}" reached the API; got ${JSON.stringify(toolResultsSince(h, from))}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('plans and deny with a reason, with the real Claude Code binary', () => {
  let h: WingmanHarness;
  let monitor: RunningMonitor | undefined;
  let dir: string;

  beforeAll(async () => {
    h = await createWingmanHarness({ trustedProjects: true });
    dir = await h.makeWorkdir('plans');
    expect((await h.wingman(['spawn', '--session', 'planner', '--workdir', dir, '--mode', 'plan'])).exitCode).toBe(0);
    monitor = await startMonitor(h);
  });

  afterAll(async () => {
    await monitor?.stop();
    await h?.close();
  });

  const waitingPlan = (session: string) => h.waitForStatus(session, (status) => status.state === 'waiting_approval' && status.pendingPrompt?.tool === 'ExitPlanMode' && status.pendingPrompt.options.length > 0);
  /** Idle, and in plan mode (`mode`) or out of it (undefined), as the footer says. */
  const idleIn = async (session: string, mode: RegExp | undefined) => {
    await h.waitForStatus(session, (status) => status.state === 'idle');
    const screen = await h.waitForScreen(session, (text) => /for shortcuts|mode on/.test(text));
    if (mode) expect(screen).toMatch(mode);
    else expect(screen).not.toMatch(PLAN_MODE);
  };

  it('the plan notice shows the first lines and "…"; plan NAME gives the whole plan in messages that fit', async () => {
    const plan = stepsPlan(60);
    const lines = plan.split('\n');
    await h.wingman(['send', 'planner', 'PLANSTEPS 60']);
    const [printed, id] = await monitor!.waitFor(/📋 Session 'planner' has a plan to approve \[(\w+)\]\n[\s\S]*?Reply: approve planner · deny planner because … · plan planner/);
    // The console channel indents the lines of a notice by four spaces.
    const notice = printed.replaceAll('\n    ', '\n');
    expect(notice).toContain(lines.slice(0, 15).join('\n'));
    expect(notice).toContain(`${lines[14]}\n…\nReply:`);
    expect(notice).not.toContain(lines[15]);

    const shown = await h.wingman(['plan', 'planner', '--json']);
    expect(shown.exitCode).toBe(0);
    const messages = JSON.parse(shown.stdout) as string[];
    expect(messages.length).toBe(2);
    messages.forEach((message, index) => {
      expect(message.startsWith(`📋 Plan of session 'planner' [${id}] (${index + 1}/2)\n`)).toBe(true);
      expect(message.length).toBeLessThan(4000);
    });
    const text = messages.join('\n');
    for (const line of lines.filter(Boolean)) expect(text).toContain(line);
  });

  it('a plan denied with a reason (through the hook) is feedback: Claude reads it and keeps planning', async () => {
    const from = h.api.requests.length;
    const reason = 'split step 7 in two and keep the old API';
    const denied = await h.wingman(['deny', 'planner', '--reason', reason]);
    expect(denied).toMatchObject({ exitCode: 0, stdout: `✗ Session 'planner' denied; Claude was told: "${reason}"` });
    expect((await reasonReachesModel(h, from, reason)).isError).toBe(true);
    await idleIn('planner', PLAN_MODE);
  });

  it('approve: Claude leaves plan mode and goes on', async () => {
    await h.wingman(['send', 'planner', 'PLAN Create hello.txt\\nRun the tests']);
    await monitor!.waitFor(/has a plan to approve \[\w+\]\n\s*Create hello\.txt\n\s*Run the tests\n/);
    const from = h.api.requests.length;
    expect(await h.wingman(['approve', 'planner'])).toMatchObject({ exitCode: 0, stdout: "✓ Session 'planner' approved (once)" });
    await h.waitForStatus('planner', (status) => status.state === 'idle' && toolResultsSince(h, from).some((result) => !result.isError));
    await idleIn('planner', undefined);
  });

  it('deny with a reason reaches the model through the hook (monitor running): a Bash call', async () => {
    const from = h.api.requests.length;
    await h.wingman(['send', 'planner', 'RUNTOOL npm install > by-hook.txt']);
    await monitor!.waitFor(/Bash\(npm install > by-hook\.txt\)/);
    const reason = 'use pnpm, not npm';
    expect(await h.wingman(['deny', 'planner', '--reason', reason])).toMatchObject({ exitCode: 0, stdout: `✗ Session 'planner' denied; Claude was told: "${reason}"` });
    expect((await reasonReachesModel(h, from, reason)).isError).toBe(true);
    await h.waitForStatus('planner', (status) => status.state === 'idle');
    expect(await exists(path.join(dir, 'by-hook.txt'))).toBe(false);
    const audit = (await fs.readFile(path.join(h.home, 'audit.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(audit).toEqual(expect.arrayContaining([
      expect.objectContaining({ session: 'planner', tool: 'Bash', decision: 'deny', via: 'hook', reason }),
      expect.objectContaining({ session: 'planner', tool: 'ExitPlanMode', decision: 'deny', via: 'hook', reason: 'split step 7 in two and keep the old API' }),
    ]));
  });

  describe('with the monitor stopped, by keys', () => {
    beforeAll(async () => {
      await monitor?.stop();
      monitor = undefined;
    });

    it('deny --reason types the reason into "No, and tell Claude what to do differently"; the model gets it', async () => {
      const from = h.api.requests.length;
      await h.wingman(['send', 'planner', 'RUNTOOL npm install > by-keys.txt']);
      await h.waitForStatus('planner', (status) => status.state === 'waiting_approval' && (status.pendingPrompt?.options.length ?? 0) > 0);
      const reason = 'use pnpm: the lockfile is pnpm-lock.yaml';
      expect(await h.wingman(['deny', 'planner', '--reason', reason])).toMatchObject({ exitCode: 0, stdout: `✗ Session 'planner' denied; Claude was told: "${reason}"` });
      expect((await reasonReachesModel(h, from, reason)).isError).toBe(true);
      await h.waitForStatus('planner', (status) => status.state === 'idle');
      expect(await exists(path.join(dir, 'by-keys.txt'))).toBe(false);
      const audit = await fs.readFile(path.join(h.home, 'audit.jsonl'), 'utf8');
      expect(audit).toContain(`"via":"keys","reason":"${reason}"`);
    });

    it('a dialog with no way to carry a reason ("Exit plan mode?" without a plan) is left alone, and says so', async () => {
      // A session that wrote no plan file: Claude Code then asks "Exit plan mode?" with Yes / No only.
      const other = await h.makeWorkdir('plans-keys');
      expect((await h.wingman(['spawn', '--session', 'keyplan', '--workdir', other, '--mode', 'plan'])).exitCode).toBe(0);
      await h.wingman(['send', 'keyplan', 'EXITPLAN']);
      await waitingPlan('keyplan');
      const refused = await h.wingman(['deny', 'keyplan', '--reason', 'not yet']);
      expect(refused.exitCode).toBe(1);
      expect(refused.stderr).toBe("Session 'keyplan': this ExitPlanMode dialog has no way to tell Claude why; nothing was sent. Deny without a reason (deny keyplan), then tell it what to do.");
      expect((await h.wingman(['status', 'keyplan', '--json'])).stdout).toContain('"waiting_approval"');
      expect(await h.wingman(['deny', 'keyplan'])).toMatchObject({ exitCode: 0, stdout: "✗ Session 'keyplan' denied" });
      await h.waitForStatus('keyplan', (status) => status.state === 'idle');
    });

    it('a plan denied with a reason by keys ("Tell Claude what to change") keeps Claude planning', async () => {
      await h.wingman(['send', 'keyplan', 'PLANSTEPS 5']);
      await waitingPlan('keyplan');
      expect((await h.wingman(['plan', 'keyplan'])).stdout).toContain(stepsPlan(5));
      const from = h.api.requests.length;
      const reason = 'add a step that updates the changelog';
      expect(await h.wingman(['deny', 'keyplan', '--reason', reason])).toMatchObject({ exitCode: 0, stdout: `✗ Session 'keyplan' denied; Claude was told: "${reason}"` });
      expect((await reasonReachesModel(h, from, reason)).isError).toBe(true);
      await idleIn('keyplan', PLAN_MODE);
    });
  });
});
