import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mcpReadyFileFor, prepareSessionHooks, waitForMcpReady } from '../../../src/app/agent-hooks.js';
import { wingmanPaths, type WingmanPaths } from '../../../src/adapters/store/wingman-paths.js';
import { MCP_HOOK_SERVER_NAME } from '../../../src/agents/claude-code/mcp-hook-input.js';
import { makeTempDir, removeDir } from '../../support/temp-dir.js';

let dir: string;
let paths: WingmanPaths;

beforeEach(async () => {
  dir = await makeTempDir();
  paths = wingmanPaths(dir);
});
afterEach(() => removeDir(dir));

describe('prepareSessionHooks', () => {
  it('mcp: writes an --mcp-config beside the settings (0600) and names the ready marker, with no secret in either file', async () => {
    const hooks = await prepareSessionHooks(paths, 'api-fix', {}, 'mcp');
    expect(hooks.transport).toBe('mcp');
    const config = JSON.parse(await fs.readFile(hooks.mcpConfigFile!, 'utf8')) as { mcpServers: Record<string, { args: string[] }> };
    expect(config.mcpServers[MCP_HOOK_SERVER_NAME]!.args.at(-1)).toMatch(/hook-mcp-server\.js$/);
    expect((await fs.stat(hooks.mcpConfigFile!)).mode & 0o777).toBe(0o600);
    expect(hooks.env.WINGMAN_MCP_READY_FILE).toBe(mcpReadyFileFor(paths, 'api-fix'));
    for (const file of [hooks.settingsFile, hooks.mcpConfigFile!]) expect(await fs.readFile(file, 'utf8')).not.toContain(hooks.secret);
    expect(await fs.readFile(hooks.settingsFile, 'utf8')).toContain('"mcp_tool"');
  });

  it('command: no MCP config, no marker, no mcp_tool hook', async () => {
    const hooks = await prepareSessionHooks(paths, 'api-fix', {}, 'command');
    expect(hooks.mcpConfigFile).toBeUndefined();
    expect(hooks.env.WINGMAN_MCP_READY_FILE).toBeUndefined();
    expect(await fs.readFile(hooks.settingsFile, 'utf8')).not.toContain('mcp_tool');
  });

  it('a relaunch starts without the last run’s ready marker', async () => {
    await prepareSessionHooks(paths, 'api-fix', {}, 'mcp');
    await fs.writeFile(mcpReadyFileFor(paths, 'api-fix'), '');
    await prepareSessionHooks(paths, 'api-fix', {}, 'mcp');
    expect(await waitForMcpReady(paths, 'api-fix', 0)).toBe(false);
  });
});

describe('waitForMcpReady', () => {
  it('returns true once the marker appears, false when the time is up', async () => {
    await fs.mkdir(path.dirname(mcpReadyFileFor(paths, 's')), { recursive: true });
    expect(await waitForMcpReady(paths, 's', 30, 10)).toBe(false);
    setTimeout(() => void fs.writeFile(mcpReadyFileFor(paths, 's'), ''), 20);
    expect(await waitForMcpReady(paths, 's', 2_000, 10)).toBe(true);
  });
});
