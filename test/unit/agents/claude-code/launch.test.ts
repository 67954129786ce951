import { describe, expect, it } from 'vitest';
import { buildClaudeLaunch } from '../../../../src/agents/claude-code/launch.js';
import { resolveConfig } from '../../../../src/adapters/store/config-file.js';

const ID = '0b7c5f9e-2f3c-4a51-9a8e-1f2d3c4b5a69';

describe('buildClaudeLaunch', () => {
  it('passes the mode as the flag both releases take, manual being `default`', () => {
    const config = resolveConfig({ claude: { args: ['--model', 'sonnet'] } }, {});
    expect(buildClaudeLaunch(config, '/bin/claude', { sessionId: ID, settingsFile: '/s.json' }).command).toEqual([
      '/bin/claude', '--model', 'sonnet', '--permission-mode', 'default', '--session-id', ID, '--settings', '/s.json',
    ]);
    expect(buildClaudeLaunch(config, '/bin/claude', { sessionId: ID, mode: 'accept-edits', resume: true }).command).toEqual([
      '/bin/claude', '--model', 'sonnet', '--permission-mode', 'acceptEdits', '--resume', ID,
    ]);
  });

  it("uses the config's mode unless the session names one", () => {
    const config = resolveConfig({ claude: { permissionMode: 'plan' } }, {});
    expect(buildClaudeLaunch(config, '/bin/claude', { sessionId: ID }).command).toContain('plan');
    expect(buildClaudeLaunch(config, '/bin/claude', { sessionId: ID, mode: 'auto' }).command.slice(1, 3)).toEqual(['--permission-mode', 'auto']);
  });

  it('without a settings file, puts the start-up settings on the command line as JSON', () => {
    const config = resolveConfig({}, {});
    const { command } = buildClaudeLaunch(config, '/bin/claude', { sessionId: ID, startupSettings: { tui: 'fullscreen' } });
    expect(command.slice(-2)).toEqual(['--settings', '{"tui":"fullscreen"}']);
    const withFile = buildClaudeLaunch(config, '/bin/claude', { sessionId: ID, settingsFile: '/s.json', startupSettings: { tui: 'fullscreen' } }).command;
    expect(withFile.slice(-2)).toEqual(['--settings', '/s.json']);
  });

  it('passes claude.env as the environment', () => {
    const config = resolveConfig({ claude: { env: { ANTHROPIC_BASE_URL: 'http://127.0.0.1:9' } } }, {});
    expect(buildClaudeLaunch(config, '/bin/claude', { sessionId: ID }).env).toEqual({ ANTHROPIC_BASE_URL: 'http://127.0.0.1:9' });
  });
});
