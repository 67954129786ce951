import { describe, expect, it } from 'vitest';
import { checkAnswer } from '../../../../src/core/approvals/match-answer.js';
import { describeRememberedRules, hookDecisionFor, keyAnswerFor } from '../../../../src/core/approvals/answer-plan.js';
import { evaluatePolicy, invalidPolicyRules, policyForSession, ruleMatches } from '../../../../src/core/approvals/policy.js';
import { formatAnswered, formatApprovalRequest } from '../../../../src/core/approvals/format-approval.js';
import type { PendingApproval } from '../../../../src/core/approvals/approval-types.js';

const pending: PendingApproval = { id: 'k3f9', session: 'vsr-bugfix', tool: 'Bash', detail: 'rm -rf ./build && npm run build', options: [], via: 'hook', createdAtMs: 0 };
const threeOptions = [
  { key: '1', label: 'Yes', kind: 'yes' as const },
  { key: '2', label: 'Yes, and always allow', kind: 'always' as const },
  { key: '3', label: 'No', kind: 'no' as const },
];

describe('checkAnswer', () => {
  it('answers the notified prompt without an id, or with its id (any case)', () => {
    expect(checkAnswer('vsr-bugfix', undefined, pending, 'k3f9')).toEqual({ ok: true, approval: pending });
    expect(checkAnswer('vsr-bugfix', 'K3F9', pending, undefined)).toEqual({ ok: true, approval: pending });
  });

  it('refuses when nothing is pending', () => {
    expect(checkAnswer('vsr-bugfix', undefined, undefined, 'k3f9')).toEqual({ ok: false, message: "Session 'vsr-bugfix' has no prompt waiting for an answer." });
  });

  it('refuses a stale id and says what is pending now', () => {
    const result = checkAnswer('vsr-bugfix', 'aaaa', pending, 'k3f9');
    expect(result).toEqual({ ok: false, message: "Prompt aaaa of session 'vsr-bugfix' is no longer pending; nothing was answered. Pending now: Bash(rm -rf ./build && npm run build) [k3f9]. To answer it: approve vsr-bugfix k3f9" });
  });

  it('refuses a plain answer when the user was told about another prompt since their last answer', () => {
    const result = checkAnswer('vsr-bugfix', undefined, pending, 'k3f9', 2);
    expect(result).toEqual({ ok: false, message: "Session 'vsr-bugfix' asked 2 times since your last answer; nothing was answered. Pending now: Bash(rm -rf ./build && npm run build) [k3f9]. To answer it: approve vsr-bugfix k3f9" });
    expect(checkAnswer('vsr-bugfix', 'k3f9', pending, 'k3f9', 2).ok).toBe(true);
  });

  it('refuses a plain answer when the prompt changed since the last notification', () => {
    const result = checkAnswer('vsr-bugfix', undefined, pending, 'old1');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/changed since you were notified; nothing was answered/);
  });
});

describe('answer plans', () => {
  it('maps decisions to hook answers', () => {
    const rule = { type: 'addRules' as const, rules: [{ toolName: 'Bash', ruleContent: 'npm run build:*' }], behavior: 'allow' as const, destination: 'localSettings' as const };
    expect(hookDecisionFor('approve', [])).toEqual({ behavior: 'allow' });
    expect(hookDecisionFor('deny', [])).toEqual({ behavior: 'deny', message: 'The user denied this from wingman.' });
    expect(hookDecisionFor('always', [rule])).toEqual({ behavior: 'allow', updatedPermissions: [rule] });
    expect(hookDecisionFor('always', [])).toHaveProperty('error');
    expect(describeRememberedRules([rule])).toBe('Bash(npm run build:*)');
  });

  it('chooses keys by what the options say, never by position; Esc denies', () => {
    expect(keyAnswerFor('approve', threeOptions)).toEqual({ kind: 'choose', index: 0 });
    expect(keyAnswerFor('always', threeOptions)).toEqual({ kind: 'choose', index: 1 });
    expect(keyAnswerFor('deny', threeOptions)).toEqual({ kind: 'escape' });
    const twoOptions = [threeOptions[0]!, { key: '2', label: 'No', kind: 'no' as const }];
    expect(keyAnswerFor('always', twoOptions)).toEqual({ error: "This prompt has no 'always' option; answer approve or deny." });
    expect(keyAnswerFor('deny', twoOptions)).toEqual({ kind: 'escape' });
    // 2.1.332: "No" listed first, and unnumbered: the index follows the label, not a number.
    const noFirst = [{ key: '', label: 'No', kind: 'no' as const, selected: true }, { key: '', label: 'Yes', kind: 'yes' as const, selected: false }];
    expect(keyAnswerFor('approve', noFirst)).toEqual({ kind: 'choose', index: 1 });
  });
});

describe('auto-approve policy', () => {
  const policy = { allow: ['Bash(npm test*)', 'Read(*)', 'Grep'], deny: ['Bash(rm -rf*)', 'Bash(*sudo*)'] };

  it.each([
    ['Bash', 'npm test -- --watch', { decision: 'allow', rule: 'Bash(npm test*)' }],
    ['Read', '/etc/hosts', { decision: 'allow', rule: 'Read(*)' }],
    ['Grep', 'anything', { decision: 'allow', rule: 'Grep' }],
    ['Bash', 'rm -rf ./build', { decision: 'deny', rule: 'Bash(rm -rf*)' }],
    ['Bash', 'npm test && sudo reboot', { decision: 'deny', rule: 'Bash(*sudo*)' }],
    ['Bash', 'npm run build', undefined],
    ['Write', 'a.txt', undefined],
  ])('%s(%s) → %j (deny rules win)', (tool, detail, verdict) => {
    expect(evaluatePolicy(policy, tool, detail)).toEqual(verdict);
  });

  it('adds per-session rules to the global ones, and is off when there are none', () => {
    const config = { allow: ['Read(*)'], deny: [], sessions: { docs: { allow: ['Bash(npm test*)'], deny: ['Write(*)'] } } };
    expect(policyForSession(config, 'docs')).toEqual({ allow: ['Read(*)', 'Bash(npm test*)'], deny: ['Write(*)'] });
    expect(policyForSession(config, 'other')).toEqual({ allow: ['Read(*)'], deny: [] });
    expect(policyForSession({ allow: [], deny: [] }, 'x')).toBeUndefined();
    expect(evaluatePolicy(policyForSession(config, 'other'), 'Bash', 'npm test')).toBeUndefined();
  });

  it('is off without a policy and reports malformed rules', () => {
    expect(evaluatePolicy(undefined, 'Bash', 'rm -rf /')).toBeUndefined();
    expect(invalidPolicyRules({ allow: ['Bash(ok*)', 'bad rule('], deny: [] })).toEqual(['bad rule(']);
    expect(ruleMatches('Bash(npm test)', 'Bash', 'npm test; rm -rf /')).toBe(false);
  });
});

describe('phone texts', () => {
  it('formats the request and the replies as the product describes them', () => {
    expect(formatApprovalRequest(pending)).toBe("🔒 Session 'vsr-bugfix' needs approval [k3f9]\n```\nBash(rm -rf ./build && npm run build)\n```\n\nReply: approve vsr-bugfix · always vsr-bugfix · deny vsr-bugfix");
    expect(formatAnswered('vsr-bugfix', 'approve')).toBe("✓ Session 'vsr-bugfix' approved (once)");
    expect(formatAnswered('vsr-bugfix', 'always', 'Bash(npm run build:*)')).toBe("✓ Session 'vsr-bugfix' approved (always: `Bash(npm run build:*)`)");
    expect(formatAnswered('vsr-bugfix', 'deny')).toBe("✗ Session 'vsr-bugfix' denied");
  });

  it('offers always only where it can be honoured', () => {
    expect(formatApprovalRequest({ ...pending, via: 'screen', options: [threeOptions[0]!, threeOptions[2]!] })).toContain('Reply: approve vsr-bugfix · deny vsr-bugfix');
  });
});
