import { describe, expect, it } from 'vitest';
import { ALL_SESSION_MODES, CONFIG_MODE_NAMES, SESSION_MODES, sessionModeFromConfig } from '../../../src/core/session-mode.js';

describe('session modes', () => {
  it('offers four modes to spawn, manual first; bypass only through the config', () => {
    expect(SESSION_MODES).toEqual(['manual', 'auto', 'plan', 'accept-edits']);
    expect(ALL_SESSION_MODES).toEqual([...SESSION_MODES, 'bypass-permissions']);
  });

  it("reads a config value in wingman's words or Claude Code's", () => {
    for (const mode of ALL_SESSION_MODES) expect(sessionModeFromConfig(mode)).toBe(mode);
    expect(sessionModeFromConfig('default')).toBe('manual');
    expect(sessionModeFromConfig('acceptEdits')).toBe('accept-edits');
    expect(sessionModeFromConfig('bypassPermissions')).toBe('bypass-permissions');
    for (const name of CONFIG_MODE_NAMES) expect(sessionModeFromConfig(name)).toBeDefined();
  });

  it('knows nothing else', () => {
    for (const name of ['', 'yolo', 'Manual', 'dontAsk', 'accept_edits', 'constructor', 'toString']) expect(sessionModeFromConfig(name)).toBeUndefined();
  });
});
