import { describe, expect, it } from 'vitest';
import { chooseHookTransport, MCP_TOOL_HOOKS_SINCE } from '../../../../src/agents/claude-code/hook-transport.js';
import { buildHookSettings, buildMcpConfig, FORWARDER_ONLY_EVENTS, MCP_SERVER_NODE_FLAGS } from '../../../../src/agents/claude-code/hook-settings.js';
import { HOOK_EVENT_NAMES } from '../../../../src/agents/claude-code/hook-events.js';
import { MCP_HOOK_SERVER_NAME, MCP_HOOK_TOOL, mcpHookToolInput } from '../../../../src/agents/claude-code/mcp-hook-input.js';
import { buildClaudeLaunch } from '../../../../src/agents/claude-code/launch.js';
import { resolveConfig } from '../../../../src/adapters/store/config-file.js';
import { OLDEST_SUPPORTED, NEWEST_TESTED } from '../../../../src/agents/claude-code/versions.js';

const paths = { nodeBinary: '/usr/bin/node', forwarderPath: '/opt/wingman/hook-forwarder.js' };

describe('chooseHookTransport', () => {
  it('picks the MCP hook server from the first release with mcp_tool hooks, the forwarder before it', () => {
    expect(chooseHookTransport('auto', NEWEST_TESTED)).toBe('mcp');
    expect(chooseHookTransport('auto', OLDEST_SUPPORTED)).toBe('mcp');
    expect(chooseHookTransport('auto', MCP_TOOL_HOOKS_SINCE)).toBe('mcp');
    expect(chooseHookTransport('auto', '2.1.117')).toBe('command');
    expect(chooseHookTransport('auto', '2.0.99')).toBe('command');
  });

  it('keeps the forwarder when the version cannot be read, and obeys an explicit setting', () => {
    expect(chooseHookTransport('auto', undefined)).toBe('command');
    expect(chooseHookTransport('command', NEWEST_TESTED)).toBe('command');
    expect(chooseHookTransport('mcp', '2.1.117')).toBe('mcp');
  });
});

describe('buildHookSettings with the mcp transport', () => {
  const settings = buildHookSettings({ ...paths, transport: 'mcp' });

  it('calls the MCP hook server for every event but SessionStart and SessionEnd', () => {
    for (const event of HOOK_EVENT_NAMES) {
      const [hook] = settings.hooks[event][0]!.hooks;
      if (FORWARDER_ONLY_EVENTS.has(event)) expect(hook).toMatchObject({ type: 'command' });
      else expect(hook).toEqual({ type: 'mcp_tool', server: MCP_HOOK_SERVER_NAME, tool: MCP_HOOK_TOOL, input: mcpHookToolInput(event), timeout: event === 'PermissionRequest' ? 600 : 10 });
    }
    expect([...FORWARDER_ONLY_EVENTS].sort()).toEqual(['SessionEnd', 'SessionStart']);
  });

  it('never sets onFailure: "block" would deny every prompt while wingman is down', () => {
    expect(JSON.stringify(settings)).not.toContain('onFailure');
  });

  it('keeps the matchers of the command transport', () => {
    const command = buildHookSettings(paths);
    for (const event of HOOK_EVENT_NAMES) expect(settings.hooks[event][0]!.matcher).toBe(command.hooks[event][0]!.matcher);
  });

  it('is the command transport by default', () => {
    expect(buildHookSettings(paths)).toEqual(buildHookSettings({ ...paths, transport: 'command' }));
    expect(JSON.stringify(buildHookSettings(paths))).not.toContain('mcp_tool');
  });
});

describe('buildMcpConfig', () => {
  it('starts the shipped server with node and its memory-saving flags, and holds no secret', () => {
    const config = buildMcpConfig({ nodeBinary: '/usr/bin/node', serverPath: '/opt/wingman/hook-mcp-server.js' });
    expect(config).toEqual({ mcpServers: { [MCP_HOOK_SERVER_NAME]: { type: 'stdio', command: '/usr/bin/node', args: [...MCP_SERVER_NODE_FLAGS, '/opt/wingman/hook-mcp-server.js'] } } });
    expect(JSON.stringify(config)).not.toMatch(/SECRET|env/);
  });

  it('refuses relative paths', () => {
    expect(() => buildMcpConfig({ nodeBinary: 'node', serverPath: '/x.js' })).toThrow(/absolute/);
  });
});

describe('buildClaudeLaunch with an MCP config', () => {
  it('adds --mcp-config after the settings, leaving the user’s own servers in place (no --strict-mcp-config)', () => {
    const config = resolveConfig({}, {});
    const command = buildClaudeLaunch(config, '/bin/claude', { sessionId: '0b7c5f9e-2f3c-4a51-9a8e-1f2d3c4b5a69', settingsFile: '/s.json', mcpConfigFile: '/m.json' }).command;
    expect(command.slice(-4)).toEqual(['--settings', '/s.json', '--mcp-config', '/m.json']);
    expect(command).not.toContain('--strict-mcp-config');
  });
});
