import fs from 'node:fs/promises';
import { WingmanError } from '../../core/errors.js';
import { wingmanConfigSchema, type WingmanConfig } from '../../core/config-schema.js';
import { formatZodIssues } from '../../core/zod-errors.js';
import { invalidPolicyRules } from '../../core/approvals/policy.js';

/**
 * Reads `config.json` (absent = defaults) and applies the environment overrides
 * `WINGMAN_CLAUDE_BIN` and `WINGMAN_TMUX_SOCKET`. A broken file is an error, not a silent default:
 * running with the wrong claude binary or tmux server would be worse than stopping.
 */
export async function loadConfig(file: string, env: NodeJS.ProcessEnv = process.env): Promise<WingmanConfig> {
  let raw: unknown = {};
  try {
    raw = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      const reason = error instanceof SyntaxError ? `not valid JSON (${error.message})` : (error as Error).message;
      throw new WingmanError('config_invalid', `Config file ${file} is ${reason}.`, { cause: error });
    }
  }
  return resolveConfig(raw, env, file);
}

export function resolveConfig(raw: unknown, env: NodeJS.ProcessEnv = process.env, source = 'config'): WingmanConfig {
  const parsed = wingmanConfigSchema.safeParse(raw);
  if (!parsed.success) {
    throw new WingmanError('config_invalid', `Invalid ${source}: ${formatZodIssues(parsed.error)}`, { cause: parsed.error });
  }
  const config = parsed.data;
  const policies = [config.policies, ...Object.values(config.policies.sessions)];
  const broken = policies.flatMap((policy) => invalidPolicyRules(policy));
  if (broken.length > 0) {
    throw new WingmanError('config_invalid', `Invalid ${source}: policies: rules must look like Tool or Tool(pattern): ${broken.join(', ')}`);
  }
  if (env.WINGMAN_CLAUDE_BIN?.trim()) config.claude.bin = env.WINGMAN_CLAUDE_BIN.trim();
  if (env.WINGMAN_TMUX_SOCKET?.trim()) config.tmux.socket = env.WINGMAN_TMUX_SOCKET.trim();
  return config;
}
