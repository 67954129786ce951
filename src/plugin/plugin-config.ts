import path from 'node:path';
import { z } from 'zod';
import { WingmanError } from '../core/errors.js';
import { formatZodIssues } from '../core/zod-errors.js';
import type { WingmanConfig } from '../core/config-schema.js';
import type { ApprovalPolicy } from '../core/approvals/policy.js';
import { invalidPolicyRules } from '../core/approvals/policy.js';

/** `plugins.entries.claude-code-wingman.config`; mirrors openclaw.plugin.json's configSchema. */
export const pluginConfigSchema = z
  .object({
    stateDir: z.string().min(1).optional(),
    tmuxSocket: z.string().min(1).optional(),
    claudeCommand: z.string().min(1).optional(),
    claudeArgs: z.array(z.string()).optional(),
    trustedRoots: z.array(z.string().min(1)).optional(),
    pollIntervalMs: z.number().int().min(250).default(1_000),
    reminderIntervalMs: z.number().int().min(10_000).default(120_000),
    notifyChannel: z.string().min(1).optional(),
    notifyTo: z.string().min(1).optional(),
    policies: z.object({ allow: z.array(z.string()).default([]), deny: z.array(z.string()).default([]) }).strict().optional(),
  })
  .strict();

export interface ResolvedPluginConfig {
  home: string | undefined;
  /** The plugin's settings laid over wingman's own config file (which still supplies the rest, e.g. claude.env). */
  applyTo(base: WingmanConfig): WingmanConfig;
  pollIntervalMs: number;
  reminderIntervalMs: number;
  notifyChannel: string | undefined;
  notifyTo: string | undefined;
  policy: ApprovalPolicy | undefined;
}

/** Validates the plugin's config with messages that name the field; no phone numbers are kept here. */
export function resolvePluginConfig(raw: unknown): ResolvedPluginConfig {
  const parsed = pluginConfigSchema.safeParse(raw ?? {});
  if (!parsed.success) throw new WingmanError('config_invalid', `Invalid claude-code-wingman plugin config: ${formatZodIssues(parsed.error)}`);
  const config = parsed.data;
  const policy = config.policies && (config.policies.allow.length > 0 || config.policies.deny.length > 0) ? config.policies : undefined;
  const broken = policy ? invalidPolicyRules(policy) : [];
  if (broken.length > 0) throw new WingmanError('config_invalid', `Invalid claude-code-wingman plugin config: policies: rules must look like Tool or Tool(pattern): ${broken.join(', ')}`);
  const applyTo = (base: WingmanConfig): WingmanConfig => ({
    ...base,
    claude: { ...base.claude, ...(config.claudeCommand ? { bin: config.claudeCommand } : {}), ...(config.claudeArgs ? { args: config.claudeArgs } : {}) },
    tmux: { ...base.tmux, ...(config.tmuxSocket ? { socket: config.tmuxSocket } : {}) },
    trustedRoots: config.trustedRoots ?? base.trustedRoots,
  });
  return {
    home: config.stateDir ? path.resolve(config.stateDir) : undefined,
    applyTo,
    pollIntervalMs: config.pollIntervalMs,
    reminderIntervalMs: config.reminderIntervalMs,
    notifyChannel: config.notifyChannel,
    notifyTo: config.notifyTo,
    policy,
  };
}
