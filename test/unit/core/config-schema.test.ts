import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../src/adapters/store/config-file.js';

describe('resolveConfig', () => {
  it('fills every default from an empty object', () => {
    const config = resolveConfig({}, {});
    expect(config.claude).toEqual({ bin: 'claude', args: [], env: {}, permissionMode: 'manual', renderer: 'default', hookTransport: 'auto' });
    expect(config.tmux).toEqual({ width: 200, height: 50 });
    expect(config.submit).toEqual({ enterRetries: 3, confirmTimeoutMs: 5000 });
    expect(config.trustedRoots).toEqual([]);
    expect(config.policies).toEqual({ allow: [], deny: [], sessions: {} });
  });

  it("takes claude.permissionMode in wingman's words or Claude Code's, and an explicit renderer", () => {
    const mode = (permissionMode: string) => resolveConfig({ claude: { permissionMode } }, {}).claude.permissionMode;
    expect(mode('auto')).toBe('auto');
    expect(mode('accept-edits')).toBe('accept-edits');
    expect(mode('acceptEdits')).toBe('accept-edits');
    expect(mode('default')).toBe('manual');
    expect(mode('plan')).toBe('plan');
    expect(mode('bypassPermissions')).toBe('bypass-permissions');
    expect(resolveConfig({ claude: { renderer: 'inline' } }, {}).claude.renderer).toBe('inline');
    expect(() => resolveConfig({ claude: { renderer: 'alternate' } }, {})).toThrowError(/claude\.renderer/);
  });

  it('applies WINGMAN_CLAUDE_BIN and WINGMAN_TMUX_SOCKET over the file', () => {
    const config = resolveConfig({ claude: { bin: 'from-file' } }, { WINGMAN_CLAUDE_BIN: '/opt/claude', WINGMAN_TMUX_SOCKET: 'private' });
    expect(config.claude.bin).toBe('/opt/claude');
    expect(config.tmux.socket).toBe('private');
  });

  it('names the field and the problem for bad values', () => {
    expect(() => resolveConfig({ claude: { args: 'x' } }, {})).toThrowError(/Invalid config: claude\.args: /);
    expect(() => resolveConfig({ tmux: { width: 5 } }, {})).toThrowError(/tmux\.width/);
    expect(() => resolveConfig({ bogus: 1 }, {})).toThrowError(/Unrecognized key/i);
    expect(() => resolveConfig({ claude: { permissionMode: 'yolo' } }, {})).toThrowError(/claude\.permissionMode/);
    expect(() => resolveConfig({ policies: { allow: ['Bash(npm test*'] } }, {})).toThrowError('Invalid config: policies: rules must look like Tool or Tool(pattern): Bash(npm test*');
  });
});
