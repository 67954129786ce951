import { describe, expect, it } from 'vitest';
import {
  CHAT_MESSAGE_LIMIT, chunkPlan, formatPlanMessages, formatPlanRequest, normalizePlan, PLAN_PREVIEW_LINES, planPreview,
} from '../../../../src/core/approvals/format-plan.js';
import { formatAnswered, formatApprovalRequest } from '../../../../src/core/approvals/format-approval.js';
import type { PendingApproval } from '../../../../src/core/approvals/approval-types.js';

/** OpenClaw's default outgoing chunk (channels.whatsapp.textChunkLimit): no message may reach it. */
const OPENCLAW_CHUNK = 4000;

const steps = (count: number, width = 60) =>
  Array.from({ length: count }, (_, index) => `${index + 1}. ${'Step text '.repeat(20)}`.slice(0, width).trimEnd()).join('\n');

describe('the ExitPlanMode notification', () => {
  it('shows a short plan whole, with the id and the three replies', () => {
    expect(formatPlanRequest('web', 'k3xz', 'Create hello.txt\nRun the tests')).toBe(
      ["📋 Session 'web' has a plan to approve [k3xz]", 'Create hello.txt', 'Run the tests', 'Reply: approve web · deny web because … · plan web'].join('\n'),
    );
  });

  it('shows the first 15 lines of a long plan, then "…"', () => {
    const text = formatPlanRequest('web', 'k3xz', steps(40));
    const lines = text.split('\n');
    expect(lines).toHaveLength(1 + PLAN_PREVIEW_LINES + 2);
    expect(lines[1]).toMatch(/^1\. /);
    expect(lines[PLAN_PREVIEW_LINES]).toMatch(/^15\. /);
    expect(lines.at(-2)).toBe('…');
    expect(lines.at(-1)).toBe('Reply: approve web · deny web because … · plan web');
  });

  it('stays short when the lines are long: 15 lines of 400 characters are cut at the preview budget', () => {
    const text = formatPlanRequest('web', 'k3xz', Array.from({ length: 15 }, () => 'x'.repeat(400)).join('\n'));
    expect(text.length).toBeLessThan(1700);
    expect(text).toContain('…\nReply:');
  });

  it('drops blank lines around the plan and keeps one blank line between paragraphs', () => {
    expect(normalizePlan('\r\n\r\n# Plan  \r\n\r\n\r\n\r\n1. a\t\n\n')).toBe('# Plan\n\n1. a');
    expect(planPreview('a\n\n\n\nb')).toEqual({ text: 'a\n\nb', truncated: false });
  });

  it('is what the desk sends for a pending plan; other prompts keep their own notice', () => {
    const base: PendingApproval = { id: 'k3xz', session: 'web', tool: 'ExitPlanMode', detail: 'Create hello.txt', options: [], via: 'hook', createdAtMs: 0 };
    expect(formatApprovalRequest({ ...base, plan: 'Create hello.txt' })).toMatch(/^📋 Session 'web' has a plan to approve \[k3xz\]/);
    expect(formatApprovalRequest(base)).toMatch(/^🔒 Session 'web' needs approval \[k3xz\]\n```\nExitPlanMode\(Create hello\.txt\)/);
  });
});

describe('plan NAME: the whole plan in messages that fit WhatsApp', () => {
  it('a short plan is one message without a (1/1) marker, the replies under it', () => {
    expect(formatPlanMessages('web', 'k3xz', '# Plan\n\n1. Create hello.txt')).toEqual([
      "📋 Plan of session 'web' [k3xz]\n# Plan\n\n1. Create hello.txt\nReply: approve web · deny web because …",
    ]);
  });

  it('a long plan is numbered (1/3)…(3/3), each message below the limit, the replies only under the last', () => {
    const plan = Array.from({ length: 12 }, (_, section) => `## Part ${section + 1}\n${steps(12, 70)}`).join('\n\n');
    const messages = formatPlanMessages('web', 'k3xz', plan);
    expect(messages.length).toBeGreaterThan(1);
    messages.forEach((message, index) => {
      expect(message.length).toBeLessThanOrEqual(CHAT_MESSAGE_LIMIT);
      expect(message.startsWith(`📋 Plan of session 'web' [k3xz] (${index + 1}/${messages.length})\n`)).toBe(true);
      expect(message.includes('Reply:')).toBe(index === messages.length - 1);
    });
    // Nothing lost, nothing repeated, cut only between paragraphs.
    const bodies = messages.map((message) => message.split('\n').slice(1).filter((line) => !line.startsWith('Reply:')).join('\n'));
    expect(bodies.join('\n\n')).toBe(normalizePlan(plan));
    for (const body of bodies) expect(body.startsWith('## Part ')).toBe(true);
  });

  it('stays below OpenClaw\'s chunk limit with a longer session name and an id', () => {
    const messages = formatPlanMessages('a-rather-long-session-name-for-a-phone', 'abcd', steps(400, 120));
    for (const message of messages) expect(message.length).toBeLessThan(OPENCLAW_CHUNK);
  });

  it('a paragraph longer than a message is cut between lines', () => {
    const plan = steps(100, 80);
    const chunks = chunkPlan(plan, 1000);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(1000);
    expect(chunks.join('\n')).toBe(plan);
    for (const chunk of chunks) expect(chunk).toMatch(/^\d+\. Step/);
  });

  it('a single line longer than a message is cut at a space, and only there', () => {
    const line = Array.from({ length: 400 }, (_, index) => `word${index}`).join(' ');
    const chunks = chunkPlan(line, 500);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(500);
    expect(chunks.join(' ')).toBe(line);
    for (const chunk of chunks) expect(chunk).toMatch(/^word\d+( word\d+)*$/);
  });

  it('an unbroken line longer than a message is cut where it must be', () => {
    const chunks = chunkPlan('x'.repeat(1200), 500);
    expect(chunks.map((chunk) => chunk.length)).toEqual([500, 500, 200]);
  });

  it('says so for an empty plan, and leaves the id out when none is known', () => {
    expect(formatPlanMessages('web', undefined, '  \n ')).toEqual(["📋 Plan of session 'web'\n(the plan is empty)\nReply: approve web · deny web because …"]);
  });

  it.each([[80], [160], [3500]])('every message fits within %i characters when asked to', (limit) => {
    const messages = formatPlanMessages('web', 'k3xz', steps(200, 75), Math.max(limit, 400));
    for (const message of messages) expect(message.length).toBeLessThanOrEqual(Math.max(limit, 400));
  });
});

describe('replies that show a deny\'s reason', () => {
  it('says what Claude was told', () => {
    expect(formatAnswered('web', 'deny', undefined, 'use pnpm, not npm')).toBe(`✗ Session 'web' denied; Claude was told: "use pnpm, not npm"`);
    expect(formatAnswered('web', 'deny')).toBe("✗ Session 'web' denied");
  });

  it('keeps a long or multi-line reason on one short line', () => {
    const text = formatAnswered('web', 'deny', undefined, `first line\nsecond ${'x'.repeat(500)}`);
    expect(text).not.toContain('\n');
    expect(text.length).toBeLessThan(400);
    expect(text).toMatch(/first line second x+…"$/);
  });
});
