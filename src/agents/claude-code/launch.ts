import path from 'node:path';
import which from 'which';
import { WingmanError } from '../../core/errors.js';
import type { WingmanConfig } from '../../core/config-schema.js';
import type { SessionMode } from '../../core/session-mode.js';
import { PERMISSION_MODE_FLAGS } from './permission-modes.js';

export interface AgentLaunch {
  command: string[];
  env: Record<string, string>;
}

export interface ClaudeLaunchOptions {
  sessionId: string;
  /** A `--settings` file with this session's hooks and start-up settings; never the user's own settings. */
  settingsFile?: string | undefined;
  /** `--mcp-config` that starts wingman's MCP hook server; added to the user's own MCP servers, never replacing them. */
  mcpConfigFile?: string | undefined;
  /** Without a settings file, these start-up settings go on the command line as JSON. */
  startupSettings?: object | undefined;
  /** `claude --resume ID` instead of a fresh session. */
  resume?: boolean;
  /** Defaults to the config's `claude.permissionMode`. */
  mode?: SessionMode | undefined;
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
  const command = [binary, ...config.claude.args, '--permission-mode', PERMISSION_MODE_FLAGS[options.mode ?? config.claude.permissionMode]];
  command.push(...(options.resume ? ['--resume', options.sessionId] : ['--session-id', options.sessionId]));
  const settings = options.settingsFile ?? (options.startupSettings ? JSON.stringify(options.startupSettings) : undefined);
  if (settings) command.push('--settings', settings);
  if (options.mcpConfigFile) command.push('--mcp-config', options.mcpConfigFile);
  return { command, env: { ...config.claude.env } };
}
