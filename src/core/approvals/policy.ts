import { isMatch } from 'matcher';

/** `Bash(npm test*)`, `Read(*)`, `Edit` (any detail). */
export interface ApprovalPolicy {
  allow: readonly string[];
  deny: readonly string[];
}

export type PolicyVerdict = { decision: 'allow' | 'deny'; rule: string } | undefined;

const RULE = /^([A-Za-z0-9_.:-]+)(?:\((.*)\))?$/s;

/** Whether one rule covers a tool call; the detail pattern is a `*` wildcard over the whole detail. */
export function ruleMatches(rule: string, tool: string, detail: string): boolean {
  const match = RULE.exec(rule.trim());
  if (!match || match[1] !== tool) return false;
  const pattern = match[2];
  return pattern === undefined || isMatch(detail, pattern, { caseSensitive: true });
}

/** Deny rules always win; no matching rule means the user decides. Off when both lists are empty. */
export function evaluatePolicy(policy: ApprovalPolicy | undefined, tool: string, detail: string): PolicyVerdict {
  if (!policy) return undefined;
  const denied = policy.deny.find((rule) => ruleMatches(rule, tool, detail));
  if (denied) return { decision: 'deny', rule: denied };
  const allowed = policy.allow.find((rule) => ruleMatches(rule, tool, detail));
  return allowed ? { decision: 'allow', rule: allowed } : undefined;
}

/** A rule that does not parse is a config error worth reporting, not a silent no-match. */
export function invalidPolicyRules(policy: ApprovalPolicy): string[] {
  return [...policy.allow, ...policy.deny].filter((rule) => !RULE.test(rule.trim()));
}

export interface PolicyConfig extends ApprovalPolicy {
  sessions?: Readonly<Record<string, ApprovalPolicy>>;
}

/** The global rules plus the session's own; undefined (off) when there are none. */
export function policyForSession(config: PolicyConfig | undefined, session: string): ApprovalPolicy | undefined {
  if (!config) return undefined;
  const own = config.sessions?.[session];
  const allow = [...config.allow, ...(own?.allow ?? [])];
  const deny = [...config.deny, ...(own?.deny ?? [])];
  return allow.length > 0 || deny.length > 0 ? { allow, deny } : undefined;
}
