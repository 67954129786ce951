import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { showPlan } from '../../../src/app/steering/show-plan.js';
import type { Wingman } from '../../../src/app/create-wingman.js';
import type { Monitor } from '../../../src/app/monitor.js';
import type { PendingApproval } from '../../../src/core/approvals/approval-types.js';
import { makeTempDir, removeDir } from '../../support/temp-dir.js';

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(() => removeDir(dir));

const plan = Array.from({ length: 30 }, (_, index) => `Step ${index + 1}: ${'do the thing carefully '.repeat(6).trim()}`).join('\n');

function wingman(status: Record<string, unknown>): Wingman {
  const view = { name: 'web', workdir: dir, status: { name: 'web', ...status } };
  return { paths: { sessionsDir: path.join(dir, 'sessions') }, config: { claude: { env: { HOME: dir } } }, sessions: { get: async () => view } } as unknown as Wingman;
}
const monitorWith = (pending: Partial<PendingApproval> | undefined) => ({ desk: { pendingFor: () => pending } }) as unknown as Monitor;

async function hookEvent(event: Record<string, unknown>) {
  const file = path.join(dir, 'sessions', 'web', 'events.jsonl');
  await fs.mkdir(path.dirname(file), { recursive: true });
  const full = { session_id: 'abc', cwd: dir, transcript_path: path.join(dir, 'none.jsonl'), ...event };
  await fs.appendFile(file, `${JSON.stringify({ at: Date.now(), event: full })}\n`);
}

describe('plan NAME', () => {
  it('sends the plan the monitor holds from the hook, whole, in numbered messages with the id', async () => {
    const messages = await showPlan({ wingman: wingman({ state: 'waiting_approval' }), monitor: monitorWith({ id: 'k3xz', tool: 'ExitPlanMode', via: 'hook', plan: plan.repeat(2) }), session: 'web' });
    expect(messages.length).toBeGreaterThan(1);
    expect(messages[0]).toMatch(/^📋 Plan of session 'web' \[k3xz\] \(1\/\d\)\n/);
    expect(messages.at(-1)).toMatch(/Reply: approve web · deny web because …$/);
  });

  it('without a monitor, takes the whole plan from the session’s open PermissionRequest, not the start the screen shows', async () => {
    await hookEvent({ hook_event_name: 'PermissionRequest', tool_name: 'ExitPlanMode', tool_input: { plan } });
    const messages = await showPlan({ wingman: wingman({ state: 'waiting_approval', pendingPrompt: { tool: 'ExitPlanMode', detail: 'Step 1: do', options: [] } }), monitor: undefined, session: 'web' });
    expect(messages.join('\n')).toContain(plan.split('\n').at(-1));
    expect(messages[0]).toMatch(/^📋 Plan of session 'web'( \(1\/\d\))?\n/);
  });

  it('falls back to what the screen shows', async () => {
    const messages = await showPlan({ wingman: wingman({ state: 'waiting_approval', pendingPrompt: { tool: 'ExitPlanMode', detail: 'Create hello.txt\nRun the tests', options: [] } }), monitor: undefined, session: 'web' });
    expect(messages).toEqual(["📋 Plan of session 'web'\nCreate hello.txt\nRun the tests\nReply: approve web · deny web because …"]);
  });

  it('says in one line when no plan waits, or when Claude asks to leave plan mode without one', async () => {
    expect(await showPlan({ wingman: wingman({ state: 'idle' }), monitor: undefined, session: 'web' })).toEqual(["Session 'web' has no plan waiting for approval (it is idle)."]);
    expect(await showPlan({ wingman: wingman({ state: 'waiting_approval', pendingPrompt: { tool: 'Bash', detail: 'ls', options: [] } }), monitor: monitorWith(undefined), session: 'web' })).toEqual([
      "Session 'web' has no plan waiting for approval (it is waiting approval).",
    ]);
    expect(await showPlan({ wingman: wingman({ state: 'waiting_approval', pendingPrompt: { tool: 'ExitPlanMode', detail: 'Claude wants to exit plan mode', options: [] } }), monitor: undefined, session: 'web' })).toEqual([
      "Session 'web' asks to leave plan mode but shows no plan. Reply: approve web · deny web",
    ]);
  });
});
