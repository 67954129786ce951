import fs from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { WingmanError } from '../../core/errors.js';
import { HOOK_EVENT_NAMES, type HookEventName } from './hook-events.js';
import type { HookTransport } from './hook-transport.js';
import { MCP_HOOK_SERVER_NAME, MCP_HOOK_TOOL, mcpHookToolInput } from './mcp-hook-input.js';

/**
 * The `claude --settings FILE` content that routes every hook event to wingman: through the
 * forwarder (`command` transport), or as `mcp_tool` calls on wingman's MCP hook server (`mcp`).
 * It holds no secret: the secret, socket and session name reach the forwarder and the server
 * through the tmux session's environment, which Claude passes on to its hooks and MCP servers.
 */

export interface HookCommand {
  type: 'command';
  command: string;
  /** Seconds. */
  timeout: number;
}

/** Calls a tool on an MCP server the session already has connected: no process per event. */
export interface HookMcpTool {
  type: 'mcp_tool';
  server: string;
  tool: string;
  input: Record<string, string>;
  /** Seconds. */
  timeout: number;
}

export interface HookMatcherGroup {
  matcher?: string;
  hooks: Array<HookCommand | HookMcpTool>;
}

export interface ClaudeHookSettings {
  hooks: Record<HookEventName, HookMatcherGroup[]>;
}

/** Claude's own default; the forwarder gives up at 590 s so it exits cleanly first. */
export const PERMISSION_HOOK_TIMEOUT_S = 600;
export const EVENT_HOOK_TIMEOUT_S = 10;
/** These two events take no matcher. */
const WITHOUT_MATCHER: ReadonlySet<HookEventName> = new Set(['UserPromptSubmit', 'Stop']);

export const HOOK_SETTINGS_FILE = 'hook-settings.json';
export const MCP_CONFIG_FILE = 'mcp-config.json';

/**
 * Events that keep the forwarder under the `mcp` transport: SessionStart fires before Claude Code
 * has started its MCP servers (2.1.332 starts them after the input box is drawn), and SessionEnd
 * as it shuts them down. Each fires once per session, so its process start costs nothing that matters.
 */
export const FORWARDER_ONLY_EVENTS: ReadonlySet<HookEventName> = new Set(['SessionStart', 'SessionEnd']);

/** POSIX single-quoting: the result is one literal word for sh and bash, whatever the input. */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

export function buildHookSettings(options: { nodeBinary: string; forwarderPath: string; transport?: HookTransport }): ClaudeHookSettings {
  const { transport = 'command', ...paths } = options;
  for (const [label, value] of Object.entries(paths)) {
    if (!path.isAbsolute(value) || value.includes('\0')) {
      throw new WingmanError('invalid_input', `${label} must be an absolute path, got ${JSON.stringify(value)}.`);
    }
  }
  // Claude runs the command through sh; `exec` makes node the process Claude kills when the
  // user answers in the terminal, so wingman's server sees the connection close.
  const command = `exec ${shellQuote(options.nodeBinary)} ${shellQuote(options.forwarderPath)}`;
  const hooks = {} as Record<HookEventName, HookMatcherGroup[]>;
  for (const event of HOOK_EVENT_NAMES) {
    const timeout = event === 'PermissionRequest' ? PERMISSION_HOOK_TIMEOUT_S : EVENT_HOOK_TIMEOUT_S;
    // No `onFailure`: its default, `continue`, is what a PermissionRequest needs when the server
    // fails (the dialog takes the answer); `block` would deny every prompt while wingman is down.
    const hook: HookCommand | HookMcpTool =
      transport === 'mcp' && !FORWARDER_ONLY_EVENTS.has(event)
        ? { type: 'mcp_tool', server: MCP_HOOK_SERVER_NAME, tool: MCP_HOOK_TOOL, input: mcpHookToolInput(event), timeout }
        : { type: 'command', command, timeout };
    const group: HookMatcherGroup = { hooks: [hook] };
    hooks[event] = [WITHOUT_MATCHER.has(event) ? group : { matcher: '*', ...group }];
  }
  return { hooks };
}

/**
 * The MCP hook server lives as long as its session and does little, so it trades throughput it does
 * not need for memory: a small young generation (node sizes it for throughput, 16 MB semi-spaces),
 * no optimising compiler (--lite-mode: the per-event work is JSON and a socket write) and one V8
 * worker thread. About 4 MB less private memory than plain node (bench/RESULTS.md); a call costs
 * ≈ 1–2 ms either way.
 */
export const MCP_SERVER_NODE_FLAGS = ['--max-semi-space-size=1', '--lite-mode', '--v8-pool-size=1'];

export interface ClaudeMcpConfig {
  mcpServers: Record<string, { type: 'stdio'; command: string; args: string[] }>;
}

/**
 * The `claude --mcp-config FILE` content that starts wingman's MCP hook server for the session. Like
 * the settings it holds no secret: Claude Code starts stdio servers with its own environment, which
 * carries the session's WINGMAN_* variables from tmux.
 */
export function buildMcpConfig(options: { nodeBinary: string; serverPath: string }): ClaudeMcpConfig {
  for (const [label, value] of Object.entries(options)) {
    if (!path.isAbsolute(value) || value.includes('\0')) {
      throw new WingmanError('invalid_input', `${label} must be an absolute path, got ${JSON.stringify(value)}.`);
    }
  }
  return { mcpServers: { [MCP_HOOK_SERVER_NAME]: { type: 'stdio', command: options.nodeBinary, args: [...MCP_SERVER_NODE_FLAGS, options.serverPath] } } };
}

/** Writes the settings as `dir/hook-settings.json` (0600, dir 0700) and returns its path. */
export async function writeSessionHookSettings(dir: string, content: object): Promise<string> {
  return writePrivateJson(dir, HOOK_SETTINGS_FILE, content, 'hook settings');
}

/** Writes the MCP config as `dir/mcp-config.json` (0600, dir 0700) and returns its path. */
export async function writeSessionMcpConfig(dir: string, content: ClaudeMcpConfig): Promise<string> {
  return writePrivateJson(dir, MCP_CONFIG_FILE, content, 'MCP config');
}

async function writePrivateJson(dir: string, name: string, content: object, what: string): Promise<string> {
  const file = path.join(dir, name);
  try {
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    await writeFileAtomic(file, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  } catch (error) {
    throw new WingmanError('store_failed', `Could not write the ${what} ${file}: ${String(error)}`, { cause: error });
  }
  return file;
}
