import { describe, expect, it } from 'vitest';
import {
  OPENCLAW_DESCRIPTION_MAX,
  OPENCLAW_TITLE_MAX,
  approvalRoutingConfigured,
  openClawApprovalText,
  parseOpenClawApprove,
  raisesOpenClawApproval,
  wingmanDecision,
  withdrawalDecision,
} from '../../../../src/core/approvals/openclaw-approval.js';
import type { PendingApproval } from '../../../../src/core/approvals/approval-types.js';

const approval = (over: Partial<PendingApproval> = {}): PendingApproval => ({
  id: 'k7mq',
  session: 'auth-feature',
  tool: 'Write',
  detail: 'src/auth.ts',
  options: [],
  via: 'hook',
  createdAtMs: 0,
  ...over,
});

describe('OpenClaw plugin approval text', () => {
  it('names the session, the call and wingman’s own answers', () => {
    expect(openClawApprovalText(approval())).toEqual({
      title: 'Claude Code · auth-feature · Write',
      description: "Session 'auth-feature' [k7mq] asks to run:\nWrite(src/auth.ts)\nOr reply: approve auth-feature · always auth-feature · deny auth-feature",
    });
  });

  it('says how long a re-raised prompt has waited', () => {
    expect(openClawApprovalText(approval(), 12 * 60_000).description).toMatch(/^⏰ Still waiting \(12 min\)\. Session 'auth-feature'/);
  });

  it('stays within the gateway’s limits (it refuses longer text) and keeps both ends of a long call', () => {
    const long = approval({ session: 'a'.repeat(64), tool: 'mcp__server__a_very_long_tool_name_that_goes_on', detail: `${'rm -rf ./build && '.repeat(80)}echo 🚀🚀🚀` });
    const text = openClawApprovalText(long, 30 * 60_000);
    expect(text.title.length).toBeLessThanOrEqual(OPENCLAW_TITLE_MAX);
    expect(text.title.endsWith('…')).toBe(true);
    expect(text.description.length).toBeLessThanOrEqual(OPENCLAW_DESCRIPTION_MAX);
    expect(text.description).toContain(`Or reply: approve ${'a'.repeat(64)}`);
    expect(text.description).toContain('mcp__server__a_very_long_tool_name_that_goes_on(rm -rf ./build && ');
    // A cut never splits a surrogate pair.
    expect(() => encodeURIComponent(text.description)).not.toThrow();
  });

  it('raises every permission prompt but a question', () => {
    expect(raisesOpenClawApproval(approval({ tool: 'Bash' }))).toBe(true);
    expect(raisesOpenClawApproval(approval({ tool: 'ExitPlanMode' }))).toBe(true);
    expect(raisesOpenClawApproval(approval({ tool: 'AskUserQuestion' }))).toBe(false);
  });
});

describe('decisions both ways', () => {
  it('maps OpenClaw’s decisions to wingman’s', () => {
    expect(wingmanDecision('allow-once')).toBe('approve');
    expect(wingmanDecision('allow-always')).toBe('always');
    expect(wingmanDecision('deny')).toBe('deny');
  });

  it('withdraws a stale request with what was decided, and as denied when nothing was', () => {
    expect(withdrawalDecision('approve')).toBe('allow-once');
    expect(withdrawalDecision('always')).toBe('allow-always');
    expect(withdrawalDecision('deny')).toBe('deny');
    expect(withdrawalDecision(undefined)).toBe('deny');
  });
});

describe('approvals.plugin routing', () => {
  const target = [{ channel: 'whatsapp', to: '+15551234567' }];
  it('counts only enabled target routing with a target', () => {
    expect(approvalRoutingConfigured({ approvals: { plugin: { enabled: true, mode: 'targets', targets: target } } })).toBe(true);
    expect(approvalRoutingConfigured({ approvals: { plugin: { enabled: true, mode: 'both', targets: target } } })).toBe(true);
  });

  it('is off without config, when disabled, without targets, or in session mode (no chat turn to go back to)', () => {
    expect(approvalRoutingConfigured({})).toBe(false);
    expect(approvalRoutingConfigured({ approvals: {} })).toBe(false);
    expect(approvalRoutingConfigured({ approvals: { plugin: { enabled: false, mode: 'targets', targets: target } } })).toBe(false);
    expect(approvalRoutingConfigured({ approvals: { plugin: { enabled: true, mode: 'targets', targets: [] } } })).toBe(false);
    expect(approvalRoutingConfigured({ approvals: { plugin: { enabled: true, mode: 'session', targets: target } } })).toBe(false);
    expect(approvalRoutingConfigured({ approvals: { plugin: { enabled: true, targets: target } } })).toBe(false);
  });
});

describe("OpenClaw's /approve", () => {
  it('reads /approve <plugin id> <decision> either way round, with OpenClaw’s aliases', () => {
    expect(parseOpenClawApprove('/approve plugin:3f2a allow-once')).toEqual({ id: 'plugin:3f2a', decision: 'allow-once' });
    expect(parseOpenClawApprove('/approve plugin:3f2a always')).toEqual({ id: 'plugin:3f2a', decision: 'allow-always' });
    expect(parseOpenClawApprove('approve deny plugin:3f2a')).toEqual({ id: 'plugin:3f2a', decision: 'deny' });
    expect(parseOpenClawApprove('/APPROVE plugin:3f2a Reject')).toEqual({ id: 'plugin:3f2a', decision: 'deny' });
  });

  it('leaves wingman’s approve NAME [ID] alone', () => {
    expect(parseOpenClawApprove('approve auth-feature')).toBeUndefined();
    expect(parseOpenClawApprove('approve auth-feature k7mq')).toBeUndefined();
    expect(parseOpenClawApprove('approve auth-feature always')).toBeUndefined();
    expect(parseOpenClawApprove('approve deny auth')).toBeUndefined();
    expect(parseOpenClawApprove('/approve plugin:3f2a maybe')).toBeUndefined();
    expect(parseOpenClawApprove('/approve plugin:3f2a')).toBeUndefined();
  });
});
