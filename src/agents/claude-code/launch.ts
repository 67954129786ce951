import path from 'node:path';
import which from 'which';
import { WingmanError } from '../../core/errors.js';
import type { WingmanConfig } from '../../core/config-schema.js';

export interface AgentLaunch {
  command: string[];
  env: Record<string, string>;
}

export interface ClaudeLaunchOptions {
  sessionId: string;
  /** A `--settings` file with this session's hooks; never the user's own settings. */
  settingsFile?: string | undefined;
  /** `claude --resume ID` instead of a fresh session. */
  resume?: boolean;
}

/** Resolves the configured Claude Code executable, with an error that says how to fix it. */
export async function resolveClaudeBinary(bin: string, searchPath = process.env.PATH): Promise<string> {
  const found = await which(bin, { nothrow: true, path: searchPath });
  if (found) return path.resolve(found);
  throw new WingmanError(
    'binary_missing',
    `Claude Code was not found ("${bin}"). Install it (npm install -g @anthropic-ai/claude-code) or set WINGMAN_CLAUDE_BIN / claude.bin in the wingman config.`,
  );
}

export function buildClaudeLaunch(config: WingmanConfig, binary: string, options: ClaudeLaunchOptions): AgentLaunch {
  const command = [binary, ...config.claude.args, '--permission-mode', config.claude.permissionMode];
  command.push(...(options.resume ? ['--resume', options.sessionId] : ['--session-id', options.sessionId]));
  if (options.settingsFile) command.push('--settings', options.settingsFile);
  return { command, env: { ...config.claude.env } };
}
