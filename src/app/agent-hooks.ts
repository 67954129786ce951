import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildHookSettings, buildMcpConfig, writeSessionHookSettings, writeSessionMcpConfig } from '../agents/claude-code/hook-settings.js';
import type { HookTransport } from '../agents/claude-code/hook-transport.js';
import type { WingmanPaths } from '../adapters/store/wingman-paths.js';
import { storeError } from '../adapters/store/store-errors.js';

export interface PreparedHooks {
  settingsFile: string;
  /** `--mcp-config` for the `mcp` transport: starts wingman's MCP hook server with the session. */
  mcpConfigFile?: string;
  transport: HookTransport;
  /** Set on the tmux session; Claude passes it on to every hook it runs. */
  env: Record<string, string>;
  secret: string;
  eventsFile: string;
}

/** A hook program shipped in this package: beside this module when built, else in dist/. */
function resolveHookProgram(file: string): string {
  const built = fileURLToPath(new URL(`../hook/${file}`, import.meta.url));
  if (existsSync(built)) return built;
  return fileURLToPath(new URL(`../../dist/src/hook/${file}`, import.meta.url));
}

/** The forwarder Claude Code starts per event (`command` transport, and SessionStart/SessionEnd always). */
export const resolveForwarderPath = (): string => resolveHookProgram('hook-forwarder.js');
/** The MCP hook server Claude Code starts once per session (`mcp` transport). */
export const resolveMcpServerPath = (): string => resolveHookProgram('hook-mcp-server.js');

export function sessionDir(paths: WingmanPaths, name: string): string {
  return path.join(paths.sessionsDir, name);
}

export function eventsFileFor(paths: WingmanPaths, name: string): string {
  return path.join(sessionDir(paths, name), 'events.jsonl');
}

/** Written by the MCP hook server once Claude Code has listed its tools, i.e. connected it. */
export function mcpReadyFileFor(paths: WingmanPaths, name: string): string {
  return path.join(sessionDir(paths, name), 'mcp-ready');
}

/**
 * Waits (bounded) until the session's MCP hook server is connected. 2.1.197 draws its input box
 * before its MCP servers are up and does not wait for them, so hooks of a prompt typed at once
 * would fail (the dialog still works, the phone hears of it from the screen, late).
 */
export async function waitForMcpReady(paths: WingmanPaths, name: string, timeoutMs: number, pollMs = 50): Promise<boolean> {
  const file = mcpReadyFileFor(paths, name);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (existsSync(file)) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/**
 * Per-session hook wiring: a `--settings` file (never the user's own settings) that routes every
 * event to wingman, through the MCP hook server (`mcp`, with an `--mcp-config` that starts it) or
 * the forwarder (`command`), and carries the session's start-up settings; a fresh secret that
 * authenticates this session's hooks to wingman; and an events log that starts empty so a reused
 * name never inherits old events.
 */
export async function prepareSessionHooks(paths: WingmanPaths, name: string, startupSettings: object = {}, transport: HookTransport = 'command'): Promise<PreparedHooks> {
  const dir = sessionDir(paths, name);
  const eventsFile = eventsFileFor(paths, name);
  try {
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    await Promise.all([fs.rm(eventsFile, { force: true }), fs.rm(`${eventsFile}.1`, { force: true }), fs.rm(mcpReadyFileFor(paths, name), { force: true })]);
  } catch (error) {
    throw storeError(`Cannot create the state directory ${dir}`, error);
  }
  const hookSettings = buildHookSettings({ nodeBinary: process.execPath, forwarderPath: resolveForwarderPath(), transport });
  const settingsFile = await writeSessionHookSettings(dir, { ...startupSettings, ...hookSettings });
  const mcpConfigFile = transport === 'mcp' ? await writeSessionMcpConfig(dir, buildMcpConfig({ nodeBinary: process.execPath, serverPath: resolveMcpServerPath() })) : undefined;
  const secret = randomBytes(24).toString('base64url');
  return {
    settingsFile,
    transport,
    ...(mcpConfigFile ? { mcpConfigFile } : {}),
    secret,
    eventsFile,
    env: {
      WINGMAN_SESSION: name,
      WINGMAN_HOOK_SECRET: secret,
      WINGMAN_HOOK_SOCKET: paths.hookSocket,
      WINGMAN_EVENTS_FILE: eventsFile,
      ...(transport === 'mcp' ? { WINGMAN_MCP_READY_FILE: mcpReadyFileFor(paths, name) } : {}),
    },
  };
}
