import { compareVersions } from './versions.js';

/**
 * How a session's hook events reach wingman:
 * - `mcp`: Claude Code calls a tool on wingman's MCP hook server, which it starts once per session
 *   (`"type": "mcp_tool"` hooks): no process starts per event.
 * - `command`: Claude Code starts the hook forwarder (`node hook-forwarder.js`) for every event.
 * Both relay to the same 0600 unix socket with the session's secret.
 */
export const HOOK_TRANSPORTS = ['mcp', 'command'] as const;
export type HookTransport = (typeof HOOK_TRANSPORTS)[number];
export const HOOK_TRANSPORT_SETTINGS = ['auto', ...HOOK_TRANSPORTS] as const;
export type HookTransportSetting = (typeof HOOK_TRANSPORT_SETTINGS)[number];

/** The first Claude Code release with `mcp_tool` hooks. */
export const MCP_TOOL_HOOKS_SINCE = '2.1.118';

/** `auto`: the MCP hook server where the release has `mcp_tool` hooks; the forwarder otherwise, and for an unreadable version. */
export function chooseHookTransport(setting: HookTransportSetting, version: string | undefined): HookTransport {
  if (setting !== 'auto') return setting;
  if (version === undefined) return 'command';
  return compareVersions(version, MCP_TOOL_HOOKS_SINCE) >= 0 ? 'mcp' : 'command';
}
