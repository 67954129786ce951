import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeHookContext } from '../../support/hook-context.js';
import { ApprovalDesk, type DeskEvent } from '../../../src/app/approval-desk.js';
import type { AuditEntry } from '../../../src/adapters/store/audit-log.js';
import type { TmuxClient } from '../../../src/adapters/tmux/tmux-client.js';
import { parseHookEvent, type PermissionRequestEvent } from '../../../src/agents/claude-code/hook-events.js';
import { detectClaudeScreen } from '../../../src/agents/claude-code/screen/claude-screen.js';
import { OPENCLAW_APPROVER, OpenClawApprovalBridge, type PluginApprovalGateway, type PluginApprovalRequest } from '../../../src/plugin/openclaw-approvals.js';
import type { OpenClawDecision } from '../../../src/core/approvals/openclaw-approval.js';

const shared = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/claude-screens');
const examples = JSON.parse(readFileSync(path.join(shared, 'hook-examples.json'), 'utf8')) as Record<string, { stdin: unknown }>;
const bashDialog = readFileSync(path.join(shared, 'permission-bash.txt'), 'utf8');
const permissionEvent = parseHookEvent(examples['PermissionRequest:Bash']!.stdin) as PermissionRequestEvent;

/** A gateway that records requests; tests decide, expire or let requests be resolved. */
function fakeGateway(options: { noRoute?: boolean } = {}) {
  const requests: PluginApprovalRequest[] = [];
  const resolved: Array<{ id: string; decision: OpenClawDecision }> = [];
  const waiting = new Map<string, (decision: OpenClawDecision | null) => void>();
  let connects = 0;
  const gateway: PluginApprovalGateway = {
    async request(params) {
      requests.push(params);
      const id = `plugin:${requests.length}`;
      return options.noRoute ? { id, decision: null } : { id, status: 'accepted', deliveryRoute: 'forwarder' } as never;
    },
    waitDecision: (id) => new Promise((resolve) => waiting.set(id, (decision) => resolve({ id, decision, ...(decision === null ? { terminalReason: 'timeout' } : {}) }))),
    async resolve(id, decision) {
      resolved.push({ id, decision });
      waiting.get(id)?.(decision);
      waiting.delete(id);
      return { ok: true };
    },
    async close() {},
  };
  const settle = async (id: string, decision: OpenClawDecision | null) => {
    await until(() => waiting.has(id));
    const answer = waiting.get(id)!;
    waiting.delete(id);
    answer(decision);
  };
  return { gateway, requests, resolved, settle, connect: async () => ((connects += 1), gateway), connects: () => connects };
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i += 1) await new Promise((resolve) => setImmediate(resolve));
  if (!check()) throw new Error('condition never held');
}

let sent: string[];
let audit: AuditEntry[];
let ids: number;
let now: number;

const hookContext = () => fakeHookContext(now);

function setup(options: { routing?: boolean; noRoute?: boolean } = {}) {
  const desk = new ApprovalDesk({
    tmux: { capturePane: async () => bashDialog, sendKeys: async () => {} } as unknown as TmuxClient,
    channel: { name: 'test', send: async (text) => void sent.push(text) },
    audit: { append: async (entry: AuditEntry) => void audit.push(entry) } as never,
    detectScreen: detectClaudeScreen,
    now: () => now,
    newId: () => `id${++ids}`,
  });
  const gw = fakeGateway(options);
  const warnings: string[] = [];
  const bridge = new OpenClawApprovalBridge({
    desk,
    answer: (session, decision, id, by) => desk.answer(session, decision, id, by),
    gateway: gw.connect,
    routing: () => options.routing ?? true,
    notify: async (text) => void sent.push(text),
    logger: { warn: (message) => warnings.push(message) },
    pluginId: 'claude-code-wingman',
    agentId: 'main',
    now: () => now,
  });
  bridge.start();
  return { desk, bridge, gw, warnings };
}

beforeEach(() => {
  sent = [];
  audit = [];
  ids = 0;
  now = 1_000;
});

describe('ApprovalDesk events', () => {
  it('tells listeners when a prompt is put to the user and when it settles, and who settled it', async () => {
    const desk = new ApprovalDesk({
      tmux: { capturePane: async () => bashDialog } as unknown as TmuxClient,
      channel: { name: 'test', send: async () => {} },
      audit: { append: async () => {} } as never,
      detectScreen: detectClaudeScreen,
      newId: () => `id${++ids}`,
    });
    const events: DeskEvent[] = [];
    const unlisten = desk.listen((event) => events.push(event));
    desk.listen(() => {
      throw new Error('a broken observer');
    });
    const first = hookContext();
    await desk.openFromHook('s', 's', permissionEvent, first.ctx);
    await desk.answer('s', 'deny', undefined, 'chat:+1');
    const second = hookContext();
    await desk.openFromHook('s', 's', permissionEvent, second.ctx);
    second.end('superseded');
    await new Promise((resolve) => setImmediate(resolve));
    const third = hookContext();
    await desk.openFromHook('t', 't', permissionEvent, third.ctx);
    desk.drop('t');
    unlisten();
    desk.drop('t');
    expect(events.map((event) => (event.type === 'opened' ? `opened ${event.approval.id}` : `settled ${event.approval.id} by ${event.by} ${event.decision ?? '-'}`))).toEqual([
      'opened id1',
      'settled id1 by chat:+1 deny',
      'opened id2',
      'settled id2 by terminal -',
      'opened id3',
      'settled id3 by exited -',
    ]);
  });
});

describe('OpenClaw approval bridge', () => {
  it('raises the prompt as a plugin approval within the gateway’s limits', async () => {
    const { desk, gw } = setup();
    await desk.openFromHook('build', 'build', permissionEvent, hookContext().ctx);
    await until(() => gw.requests.length === 1);
    expect(gw.requests[0]).toEqual({
      pluginId: 'claude-code-wingman',
      title: 'Claude Code · build · Bash',
      description: "Session 'build' [id1] asks to run:\nBash(echo hello-from-tool > proof.txt)\nOr reply: approve build · always build · deny build",
      severity: 'warning',
      toolName: 'Bash',
      allowedDecisions: ['allow-once', 'allow-always', 'deny'],
      timeoutMs: 600_000,
      twoPhase: true,
      agentId: 'main',
    });
  });

  it('👍 (allow-once) answers the hook through the desk, audited as OpenClaw’s, and tells the phone', async () => {
    const { desk, gw } = setup();
    const hook = hookContext();
    await desk.openFromHook('build', 'build', permissionEvent, hook.ctx);
    await gw.settle('plugin:1', 'allow-once');
    await until(() => hook.answers.length === 1 && sent.length === 2);
    expect(hook.answers).toEqual([{ behavior: 'allow' }]);
    expect(audit.map((entry) => `${entry.decision} by ${entry.by}`)).toEqual([`approve by ${OPENCLAW_APPROVER}`]);
    expect(sent.at(-1)).toBe("✓ Session 'build' approved (once)");
    expect(gw.resolved).toEqual([]);
  });

  it('♾️ (allow-always) is wingman’s always: Claude’s suggested rule goes back to Claude Code', async () => {
    const { desk, gw } = setup();
    const hook = hookContext();
    await desk.openFromHook('build', 'build', permissionEvent, hook.ctx);
    await gw.settle('plugin:1', 'allow-always');
    await until(() => hook.answers.length === 1);
    expect(hook.answers).toEqual([{ behavior: 'allow', updatedPermissions: [{ type: 'addDirectories', directories: ['/srv/catproj'], destination: 'session' }] }]);
  });

  it('👎 denies', async () => {
    const { desk, gw } = setup();
    const hook = hookContext();
    await desk.openFromHook('build', 'build', permissionEvent, hook.ctx);
    await gw.settle('plugin:1', 'deny');
    await until(() => hook.answers.length === 1 && sent.length === 2);
    expect(hook.answers[0]).toMatchObject({ behavior: 'deny' });
    expect(sent.at(-1)).toBe("✗ Session 'build' denied");
  });

  it('an answer from chat wins: the OpenClaw request is resolved with that decision and its late decision ignored', async () => {
    const { desk, gw, bridge } = setup();
    const hook = hookContext();
    await desk.openFromHook('build', 'build', permissionEvent, hook.ctx);
    await until(() => gw.requests.length === 1);
    await until(() => bridge.owns('plugin:1'));
    expect(await desk.answer('build', 'approve', undefined, 'chat:+15551234567')).toMatchObject({ ok: true });
    await until(() => gw.resolved.length === 1);
    expect(gw.resolved).toEqual([{ id: 'plugin:1', decision: 'allow-once' }]);
    expect(bridge.owns('plugin:1')).toBe(false);
    expect(hook.answers).toEqual([{ behavior: 'allow' }]);
    expect(audit.map((entry) => entry.by)).toEqual(['chat:+15551234567']);
  });

  it('a prompt answered in the terminal is withdrawn as denied (it can no longer be approved from the phone)', async () => {
    const { desk, gw } = setup();
    const hook = hookContext();
    await desk.openFromHook('build', 'build', permissionEvent, hook.ctx);
    await until(() => gw.requests.length === 1);
    await new Promise((resolve) => setImmediate(resolve));
    hook.end('superseded');
    await until(() => gw.resolved.length === 1);
    expect(gw.resolved).toEqual([{ id: 'plugin:1', decision: 'deny' }]);
    expect(hook.answers).toEqual([]);
  });

  it('re-raises a prompt still waiting when OpenClaw’s request expires, saying how long it waited', async () => {
    const { desk, gw } = setup();
    await desk.openFromHook('build', 'build', permissionEvent, hookContext().ctx);
    now += 10 * 60_000;
    await gw.settle('plugin:1', null);
    await until(() => gw.requests.length === 2);
    expect(gw.requests[1]!.description).toMatch(/^⏰ Still waiting \(10 min\)\. Session 'build' \[id1\]/);
    // ...and not once it is answered.
    await desk.answer('build', 'deny', undefined, 'cli');
    await until(() => gw.resolved.length === 1);
    expect(gw.resolved).toEqual([{ id: 'plugin:2', decision: 'deny' }]);
  });

  it('without routing, nothing is raised and the desk works alone', async () => {
    const { desk, gw } = setup({ routing: false });
    const hook = hookContext();
    await desk.openFromHook('build', 'build', permissionEvent, hook.ctx);
    await desk.answer('build', 'approve', undefined, 'chat:+1');
    expect(gw.connects()).toBe(0);
    expect(gw.requests).toEqual([]);
    expect(sent).toEqual(["🔒 Session 'build' needs approval [id1]\n```\nBash(echo hello-from-tool > proof.txt)\n```\n\n↳ Write proof file\nReply: approve build · always build · deny build"]);
  });

  it('when OpenClaw has no route after all, it says so once in the log and keeps the text notification', async () => {
    const { desk, gw, warnings } = setup({ noRoute: true });
    await desk.openFromHook('a', 'a', permissionEvent, hookContext().ctx);
    await desk.openFromHook('b', 'b', permissionEvent, hookContext().ctx);
    await until(() => gw.requests.length === 2);
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings).toEqual(['wingman: OpenClaw had no route for a plugin approval (approvals.plugin); prompts keep their text notification.']);
    expect(sent.filter((text) => text.startsWith('🔒'))).toHaveLength(2);
  });

  it('does not raise questions, and a gateway that cannot connect only costs a log line', async () => {
    const { desk, gw } = setup();
    const ask = parseHookEvent(examples['PermissionRequest:AskUserQuestion']!.stdin) as PermissionRequestEvent;
    await desk.openFromHook('q', 'q', ask, hookContext().ctx);
    await new Promise((resolve) => setImmediate(resolve));
    expect(gw.requests).toEqual([]);

    const warnings: string[] = [];
    const broken = new OpenClawApprovalBridge({
      desk,
      answer: (session, decision, id, by) => desk.answer(session, decision, id, by),
      gateway: async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:18789');
      },
      routing: () => true,
      notify: async () => {},
      logger: { warn: (message) => warnings.push(message) },
      pluginId: 'claude-code-wingman',
    });
    broken.start();
    await desk.openFromHook('c', 'c', permissionEvent, hookContext().ctx);
    await until(() => warnings.length === 1);
    expect(warnings).toEqual(["wingman: OpenClaw approval for 'c': connect ECONNREFUSED 127.0.0.1:18789"]);
    await broken.stop();
  });
});
