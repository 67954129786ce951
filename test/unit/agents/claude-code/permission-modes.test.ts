import { describe, expect, it } from 'vitest';
import { checkModeSupported, parsePermissionModeChoices, PERMISSION_MODE_FLAGS } from '../../../../src/agents/claude-code/permission-modes.js';
import { ALL_SESSION_MODES } from '../../../../src/core/session-mode.js';

// `claude --help`, the lines around --permission-mode, as each release prints them.
const HELP_2_1_197 = `  --output-format <format>              Output format (only works with --print):
                                        "stream-json")
  --permission-mode <mode>              Permission mode to use for the session
                                        (choices: "acceptEdits", "auto",
                                        "bypassPermissions", "default",
                                        "dontAsk", "plan")
  --plugin-dir <path>                   Load a plugin from a directory or .zip
`;
const HELP_2_1_332 = `  --permission-mode <mode>              Permission mode to use for the session
                                        (choices: "acceptEdits", "auto",
                                        "bypassPermissions", "manual",
                                        "dontAsk", "plan")
  --permission-prompts <target>         Who answers permission prompts with
                                        --print: "host" (the SDK host or
                                        (choices: "host", "none", default:
                                        "host")
`;

describe('PERMISSION_MODE_FLAGS', () => {
  it('maps every wingman mode to the flag both tested releases take', () => {
    expect(PERMISSION_MODE_FLAGS).toEqual({ manual: 'default', auto: 'auto', plan: 'plan', 'accept-edits': 'acceptEdits', 'bypass-permissions': 'bypassPermissions' });
    expect(Object.keys(PERMISSION_MODE_FLAGS).sort()).toEqual([...ALL_SESSION_MODES].sort());
  });
});

describe('parsePermissionModeChoices', () => {
  it('reads the wrapped choices of 2.1.197 and 2.1.332', () => {
    expect(parsePermissionModeChoices(HELP_2_1_197)).toEqual(['acceptEdits', 'auto', 'bypassPermissions', 'default', 'dontAsk', 'plan']);
    expect(parsePermissionModeChoices(HELP_2_1_332)).toEqual(['acceptEdits', 'auto', 'bypassPermissions', 'manual', 'dontAsk', 'plan']);
  });

  it("never takes the next option's choices", () => {
    const help = `  --permission-mode <mode>              Permission mode to use for the session\n  --permission-prompts <target>         (choices: "host", "none")\n`;
    expect(parsePermissionModeChoices(help)).toBeUndefined();
  });

  it('is undefined without the option or without a list', () => {
    expect(parsePermissionModeChoices('')).toBeUndefined();
    expect(parsePermissionModeChoices('Usage: claude [options]\n  --model <model>  (choices: "a")\n')).toBeUndefined();
    expect(parsePermissionModeChoices('  --permission-mode <mode>  (choices: )\n')).toBeUndefined();
  });
});

describe('checkModeSupported', () => {
  const v197 = { version: '2.1.197', permissionModes: parsePermissionModeChoices(HELP_2_1_197) };
  const v332 = { version: '2.1.332', permissionModes: parsePermissionModeChoices(HELP_2_1_332) };

  it('accepts every mode on both tested releases (2.1.332 lists manual for default)', () => {
    for (const mode of ALL_SESSION_MODES) {
      expect(() => checkModeSupported(mode, v197)).not.toThrow();
      expect(() => checkModeSupported(mode, v332)).not.toThrow();
    }
  });

  it('refuses a mode the binary lacks in one line naming the version and the modes it has', () => {
    const old = { version: '2.0.10', permissionModes: ['acceptEdits', 'bypassPermissions', 'default', 'plan'] };
    expect(() => checkModeSupported('auto', old)).toThrowError('Claude Code 2.0.10 has no auto mode; use --mode manual, plan or accept-edits, or update Claude Code.');
    expect(() => checkModeSupported('plan', { permissionModes: ['default'] })).toThrowError('This Claude Code has no plan mode; use --mode manual, or update Claude Code.');
    expect(() => checkModeSupported('manual', { permissionModes: ['plan'] })).toThrowError(/has no manual mode; use --mode plan, or update/);
  });

  it('lets the flag through when the choices are unknown', () => {
    expect(() => checkModeSupported('auto', {})).not.toThrow();
    expect(() => checkModeSupported('auto', { version: '9.9.9' })).not.toThrow();
  });
});
