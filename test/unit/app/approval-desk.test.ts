import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeHookContext } from '../../support/hook-context.js';
import { ApprovalDesk } from '../../../src/app/approval-desk.js';
import type { AuditEntry } from '../../../src/adapters/store/audit-log.js';
import type { TmuxClient } from '../../../src/adapters/tmux/tmux-client.js';
import { parseHookEvent, type PermissionRequestEvent } from '../../../src/agents/claude-code/hook-events.js';
import { detectClaudeScreen } from '../../../src/agents/claude-code/screen/claude-screen.js';

const shared = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/claude-screens');
const examples = JSON.parse(readFileSync(path.join(shared, 'hook-examples.json'), 'utf8')) as Record<string, { stdin: unknown }>;
const bashDialog = readFileSync(path.join(shared, 'permission-bash.txt'), 'utf8');
const idle = readFileSync(path.join(shared, 'idle-empty-prompt.txt'), 'utf8');
const permissionEvent = parseHookEvent(examples['PermissionRequest:Bash']!.stdin) as PermissionRequestEvent;

let now = 1_000;
let screen = bashDialog;
let keys: string[][] = [];
let sent: string[] = [];
let audit: AuditEntry[] = [];
let ids = 0;

/** Moves a numbered dialog's `❯` by the arrow keys sent, as Claude Code redraws it. */
function moveCursor(current: string, sentKeys: readonly string[]): string {
  const lines = current.split('\n');
  const options = lines.flatMap((line, index) => (/^ (?:❯| ) \d\. /.test(line) ? [index] : []));
  let at = options.findIndex((index) => lines[index]!.startsWith(' ❯'));
  if (at === -1) return current;
  for (const key of sentKeys) at = Math.max(0, Math.min(options.length - 1, at + (key === 'Down' ? 1 : key === 'Up' ? -1 : 0)));
  options.forEach((index, position) => {
    lines[index] = (position === at ? ' ❯' : '  ') + lines[index]!.slice(2);
  });
  return lines.join('\n');
}

function desk(policy?: { allow: string[]; deny: string[] }): ApprovalDesk {
  const tmux = {
    capturePane: async () => screen,
    sendKeys: async (_name: string, k: string[]) => {
      keys.push(k);
      screen = k.includes('Enter') || k.includes('Escape') ? idle : moveCursor(screen, k);
    },
  } as unknown as TmuxClient;
  return new ApprovalDesk({
    tmux,
    channel: { name: 'test', send: async (text) => void sent.push(text) },
    audit: { append: async (entry: AuditEntry) => void audit.push(entry) } as never,
    detectScreen: detectClaudeScreen,
    policy,
    now: () => now,
    newId: () => `id${++ids}`,
  });
}

const hookContext = () => fakeHookContext(now);

beforeEach(() => {
  now = 1_000;
  screen = bashDialog;
  keys = [];
  sent = [];
  audit = [];
  ids = 0;
});

describe('ApprovalDesk', () => {
  it('holds a hook prompt, notifies it once, and answers the hook exactly once', async () => {
    const d = desk();
    const hook = hookContext();
    await d.openFromHook('s', 's', permissionEvent, hook.ctx);
    expect(sent).toEqual(["🔒 Session 's' needs approval [id1]\n```\nBash(echo hello-from-tool > proof.txt)\n```\n\n↳ Write proof file\nReply: approve s · always s · deny s"]);
    expect(await d.answer('s', 'approve', undefined, 'chat:+1')).toEqual({ ok: true, text: "✓ Session 's' approved (once)" });
    expect(hook.answers).toEqual([{ behavior: 'allow' }]);
    expect(await d.answer('s', 'approve', undefined, 'chat:+1')).toEqual({ ok: false, text: "Session 's' has no prompt waiting for an answer." });
    expect(audit.map((entry) => `${entry.decision}/${entry.via}`)).toEqual(['approve/hook', 'refused/hook']);
  });

  it('always passes Claude’s own suggestions back', async () => {
    const d = desk();
    const hook = hookContext();
    await d.openFromHook('s', 's', permissionEvent, hook.ctx);
    const result = await d.answer('s', 'always', 'id1', 'cli');
    expect(result.ok).toBe(true);
    expect(hook.answers).toEqual([{ behavior: 'allow', updatedPermissions: [{ type: 'addDirectories', directories: ['/srv/catproj'], destination: 'session' }] }]);
  });

  it('tells the phone when the prompt was answered in the terminal, and then refuses a late answer', async () => {
    const d = desk();
    const hook = hookContext();
    await d.openFromHook('s', 's', permissionEvent, hook.ctx);
    hook.end('superseded');
    await new Promise((resolve) => setImmediate(resolve));
    expect(sent.at(-1)).toBe("✋ Session 's': `Bash(echo hello-from-tool > proof.txt)` was answered in the terminal [id1]");
    expect((await d.answer('s', 'approve', undefined, 'cli')).ok).toBe(false);
    expect(audit.map((entry) => entry.decision)).toEqual(['answered_in_terminal', 'refused']);
  });

  it('a dialog first seen on screen is the same prompt when its hook arrives: one id, one notice', async () => {
    const d = desk();
    const reading = detectClaudeScreen(bashDialog);
    await d.openFromScreen('s', 's', reading.prompt!);
    const hook = hookContext();
    await d.openFromHook('s', 's', permissionEvent, hook.ctx);
    expect(sent).toHaveLength(1);
    expect(d.pending()).toMatchObject([{ id: 'id1', via: 'hook' }]);
    await d.answer('s', 'deny', 'id1', 'cli');
    expect(hook.answers).toEqual([{ behavior: 'deny', message: 'The user denied this from wingman.' }]);
  });

  it('answers a screen-only prompt with keys from the options shown, and only if it is still on screen', async () => {
    const d = desk();
    await d.openFromScreen('s', 's', detectClaudeScreen(bashDialog).prompt!);
    screen = idle;
    expect(await d.answer('s', 'approve', undefined, 'cli')).toEqual({ ok: false, text: "Session 's' no longer shows that prompt; nothing was sent." });
    expect(keys).toEqual([]);
    screen = bashDialog;
    expect((await d.answer('s', 'always', undefined, 'cli')).ok).toBe(true);
    // The cursor is moved onto "always", seen there, and only then confirmed.
    expect(keys).toEqual([['Down'], ['Enter']]);
    expect(screen).toBe(idle);
  });

  it('a plain answer after two notices (one answered in the terminal) is refused; the id works', async () => {
    const d = desk();
    const first = hookContext();
    await d.openFromHook('s', 's', permissionEvent, first.ctx);
    first.end('disconnected');
    await new Promise((resolve) => setImmediate(resolve));
    const second = hookContext();
    await d.openFromHook('s', 's', { ...permissionEvent, tool_input: { command: 'rm -rf build' } }, second.ctx);
    const plain = await d.answer('s', 'approve', undefined, 'chat');
    expect(plain.ok).toBe(false);
    expect(plain.text).toContain("asked 2 times since your last answer; nothing was answered. Pending now: Bash(rm -rf build) [id2]");
    expect(second.answers).toEqual([]);
    expect((await d.answer('s', 'approve', 'id2', 'chat')).ok).toBe(true);
  });

  it('reminds at the interval while a prompt waits', async () => {
    const d = desk();
    await d.openFromHook('s', 's', permissionEvent, hookContext().ctx);
    now += 119_000;
    await d.remind(120_000);
    expect(sent).toHaveLength(1);
    now += 1_000;
    await d.remind(120_000);
    expect(sent[1]).toMatch(/^⏰ Still waiting \(2 min\): 🔒 Session 's' needs approval \[id1\]/);
    now += 60_000;
    await d.remind(120_000);
    expect(sent).toHaveLength(2);
  });

  it('several prompts waiting at reminder time: one message listing them all', async () => {
    const d = desk();
    await d.openFromHook('a', 'a', permissionEvent, hookContext().ctx);
    now += 30_000;
    await d.openFromHook('b', 'b', { ...permissionEvent, tool_input: { command: 'npm test' } }, hookContext().ctx);
    now += 90_000;
    await d.remind(120_000);
    expect(sent).toHaveLength(3);
    expect(sent[2]).toBe([
      '⏰ 2 sessions still waiting for you:',
      "• 'a' [id1], 2 min: `Bash(echo hello-from-tool > proof.txt)`",
      '  Reply: approve a · always a · deny a',
      "• 'b' [id2], 1 min: `Bash(npm test)`",
      '  Reply: approve b · always b · deny b',
    ].join('\n'));
    // From then on they share a rhythm: the next reminder names both again.
    now += 119_000;
    await d.remind(120_000);
    expect(sent).toHaveLength(3);
    now += 1_000;
    await d.remind(120_000);
    expect(sent[3]).toMatch(/^⏰ 2 sessions still waiting for you:\n• 'a' \[id1\], 4 min: .*\n.*\n• 'b' \[id2\], 3 min: /);
  });

  it('a prompt notified moments before a reminder is left for the next one', async () => {
    const d = desk();
    await d.openFromHook('a', 'a', permissionEvent, hookContext().ctx);
    now += 110_000;
    await d.openFromHook('b', 'b', { ...permissionEvent, tool_input: { command: 'npm test' } }, hookContext().ctx);
    now += 10_000;
    await d.remind(120_000);
    expect(sent[2]).toMatch(/^⏰ Still waiting \(2 min\): 🔒 Session 'a' needs approval \[id1\]/);
    now += 60_000;
    await d.remind(120_000);
    expect(sent).toHaveLength(3);
    now += 50_000;
    await d.remind(120_000);
    expect(sent[3]).toMatch(/^⏰ 2 sessions still waiting for you:\n• 'a' \[id1\], 3 min: .*\n.*\n• 'b' \[id2\], 2 min: /);
  });

  it('an answered prompt is not in the reminder', async () => {
    const d = desk();
    await d.openFromHook('a', 'a', permissionEvent, hookContext().ctx);
    await d.openFromHook('b', 'b', { ...permissionEvent, tool_input: { command: 'npm test' } }, hookContext().ctx);
    await d.answer('a', 'approve', 'id1', 'cli');
    now += 120_000;
    await d.remind(120_000);
    expect(sent.at(-1)).toMatch(/^⏰ Still waiting \(2 min\): 🔒 Session 'b' needs approval \[id2\]\n```\nBash\(npm test\)/);
  });

  it('an edit notice names the file relative to the session and previews the change', async () => {
    const d = desk();
    const editEvent = parseHookEvent(examples['PermissionRequest:Edit']!.stdin) as PermissionRequestEvent;
    await d.openFromHook('s', 's', editEvent, hookContext().ctx);
    expect(sent).toEqual([
      "🔒 Session 's' needs approval [id1]\n```\nEdit(hello.py) +1 −1\n−return \"Hello, \" + name\n+return \"Hi there, \" + name\n```\n\nReply: approve s · always s · deny s",
    ]);
    now += 120_000;
    await d.remind(120_000);
    expect(sent[1]).toContain('Edit(hello.py) +1 −1\n−return');
  });

  it('a write notice shows the change against the file as it is, or says it is a new file', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'wingman-desk-'));
    try {
      await fs.writeFile(path.join(dir, 'notes.txt'), 'one\ntwo\n');
      const writeEvent = parseHookEvent(examples['PermissionRequest:Write']!.stdin) as PermissionRequestEvent;
      const d = desk();
      await d.openFromHook('s', 's', { ...writeEvent, cwd: dir, tool_input: { file_path: path.join(dir, 'notes.txt'), content: 'one\n2\n' } }, hookContext().ctx);
      expect(sent[0]).toContain('\nWrite(notes.txt) +1 −1\n−two\n+2\n```\n\nReply:');
      await d.answer('s', 'approve', 'id1', 'cli');
      await d.openFromHook('s', 's', { ...writeEvent, cwd: dir, tool_input: { file_path: path.join(dir, 'new.txt'), content: 'fresh\n' } }, hookContext().ctx);
      expect(sent.at(-1)).toContain('\nWrite(new.txt) new file, +1\n+fresh\n```\n\nReply:');
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('applies the policy: deny rules win, every automatic decision is audited and announced', async () => {
    const d = desk({ allow: ['Bash(echo *)'], deny: ['Bash(*proof*)'] });
    const hook = hookContext();
    await d.openFromHook('s', 's', permissionEvent, hook.ctx);
    expect(hook.answers).toEqual([{ behavior: 'deny', message: 'The user denied this from wingman.' }]);
    expect(audit).toMatchObject([{ decision: 'deny', by: 'policy:Bash(*proof*)', via: 'hook' }]);
    expect(sent).toEqual(["✗ Session 's' auto-denied `Bash(echo hello-from-tool > proof.txt)` by rule `Bash(*proof*)`"]);
    expect(d.pending()).toEqual([]);
  });

  it('a deny with a reason hands the reason to the hook as its message, and audits and shows it', async () => {
    const d = desk();
    const hook = hookContext();
    await d.openFromHook('s', 's', permissionEvent, hook.ctx);
    expect(await d.answer('s', 'deny', undefined, 'chat:+1', 'use pnpm, not npm')).toEqual({ ok: true, text: `✗ Session 's' denied; Claude was told: "use pnpm, not npm"` });
    expect(hook.answers).toEqual([{ behavior: 'deny', message: 'use pnpm, not npm' }]);
    expect(audit).toMatchObject([{ decision: 'deny', via: 'hook', reason: 'use pnpm, not npm', by: 'chat:+1' }]);
  });

  it('an approve never carries a reason', async () => {
    const d = desk();
    const hook = hookContext();
    await d.openFromHook('s', 's', permissionEvent, hook.ctx);
    await d.answer('s', 'approve', undefined, 'cli', 'ignored');
    expect(hook.answers).toEqual([{ behavior: 'allow' }]);
    expect(audit[0]!.reason).toBeUndefined();
  });

  it('an ExitPlanMode hook is notified with the plan itself, and keeps the whole plan for plan NAME', async () => {
    const d = desk();
    const plan = Array.from({ length: 20 }, (_, index) => `Step ${index + 1}`).join('\n');
    const event = { ...permissionEvent, tool_name: 'ExitPlanMode', tool_input: { plan: `${plan}\n`, planFilePath: '/home/u/.claude/plans/p.md' }, permission_suggestions: [] };
    await d.openFromHook('s', 's', event, hookContext().ctx);
    expect(sent[0]).toBe(["📋 Session 's' has a plan to approve [id1]", ...plan.split('\n').slice(0, 15), '…', 'Reply: approve s · deny s because … · plan s'].join('\n'));
    expect(d.pendingFor('s')).toMatchObject({ tool: 'ExitPlanMode', plan, detail: `${plan}\n` });
  });

  it('approving a plan through the hook hands its input back (a bare allow is ignored for ExitPlanMode) and leaves plan mode for asking', async () => {
    const d = desk();
    const hook = hookContext();
    const input = { plan: 'Step one\n', planFilePath: '/home/u/.claude/plans/p.md' };
    await d.openFromHook('s', 's', { ...permissionEvent, tool_name: 'ExitPlanMode', tool_input: input, permission_suggestions: [] }, hook.ctx);
    expect(await d.answer('s', 'approve', undefined, 'chat:+1')).toEqual({ ok: true, text: "✓ Session 's' approved (once)" });
    expect(hook.answers).toEqual([{ behavior: 'allow', updatedInput: input, updatedPermissions: [{ type: 'setMode', mode: 'default', destination: 'session' }] }]);
  });

  it('a plan dialog seen only on screen is notified with the plan the screen shows', async () => {
    const d = desk();
    await d.openFromScreen('s', 's', { tool: 'ExitPlanMode', detail: 'Create hello.txt\nRun the tests', options: [] });
    await d.openFromScreen('t', 't', { tool: 'ExitPlanMode', detail: 'Claude wants to exit plan mode', options: [] });
    expect(sent[0]).toBe("📋 Session 's' has a plan to approve [id1]\nCreate hello.txt\nRun the tests\nReply: approve s · deny s because … · plan s");
    expect(sent[1]).toMatch(/^🔒 Session 't' needs approval \[id2\]\n```\nExitPlanMode\(Claude wants to exit plan mode\)/);
  });
});
