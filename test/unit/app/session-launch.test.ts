import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { fakeRegistry } from '../../support/fake-registry.js';
import { SessionService, type SessionServiceDeps } from '../../../src/app/session-service.js';
import { resolveConfig } from '../../../src/adapters/store/config-file.js';
import type { NewSessionOptions, TmuxClient, TmuxSessionInfo } from '../../../src/adapters/tmux/tmux-client.js';
import type { SessionRegistry } from '../../../src/adapters/store/session-registry.js';
import type { ClaudeBinaryInfo } from '../../../src/agents/claude-code/binary-probe.js';
import type { ClaudeScreenReading } from '../../../src/agents/claude-code/screen/claude-screen.js';

const MODES_2_1_332 = ['acceptEdits', 'auto', 'bypassPermissions', 'manual', 'dontAsk', 'plan'];

/** Just the tmux calls a spawn makes; every session comes up idle. */
function fakeTmux() {
  const launched: NewSessionOptions[] = [];
  const live = new Map<string, TmuxSessionInfo>();
  const tmux = {
    launched,
    live,
    hasSession: async (name: string) => live.has(name),
    getUserOption: async () => undefined,
    killSession: async (name: string) => void live.delete(name),
    newSession: async (options: NewSessionOptions) => {
      launched.push(options);
      live.set(options.name, { name: options.name, panePid: 1, currentCommand: 'claude', paneDead: false, paneDeadStatus: undefined, activityMs: 0, outputMs: 0, createdMs: 0, wingmanName: undefined, workdir: options.cwd, claudeSessionId: undefined });
    },
    capturePane: async () => 'screen',
    listSessions: async () => [...live.values()],
  };
  return tmux;
}

function setup(options: { probe?: ClaudeBinaryInfo | Error; config?: Record<string, unknown>; hooks?: boolean } = {}) {
  const tmux = fakeTmux();
  const registry = fakeRegistry();
  const settingsSeen: object[] = [];
  const warned = new Set<string>();
  const probe = options.probe ?? { version: '2.1.332', permissionModes: MODES_2_1_332 };
  const deps: SessionServiceDeps = {
    config: resolveConfig({ claude: { bin: process.execPath, ...(options.config ?? {}) } }, {}),
    tmux: tmux as unknown as TmuxClient,
    registry: registry as unknown as SessionRegistry,
    detectScreen: () => ({ state: 'idle' }) as ClaudeScreenReading,
    probeClaude: async () => {
      if (probe instanceof Error) throw probe;
      return probe;
    },
    firstWarningFor: async (version) => !warned.has(version) && Boolean(warned.add(version)),
    sleep: async () => {},
    ...(options.hooks === false
      ? {}
      : {
          prepareHooks: async (_name: string, startupSettings: object) => {
            settingsSeen.push(startupSettings);
            return { settingsFile: '/state/hook-settings.json', env: { WINGMAN_SESSION: 'x' }, secret: 'a-secret-of-24-characters', eventsFile: '/state/events.jsonl' };
          },
        }),
  };
  return { service: new SessionService(deps), tmux, registry, settingsSeen };
}

const workdir = os.tmpdir();
const flagOf = (command: readonly string[]) => command[command.indexOf('--permission-mode') + 1];

describe('SessionService launch: mode, renderer and version', () => {
  it('starts in manual mode by default (--permission-mode default) and records mode, renderer and version', async () => {
    const { service, tmux, settingsSeen } = setup();
    const result = await service.spawn({ name: 'one', workdir });
    expect(flagOf(tmux.launched[0]!.command)).toBe('default');
    expect(result.session).toMatchObject({ permissionMode: 'manual', renderer: 'fullscreen', claudeVersion: '2.1.332' });
    expect(result.warning).toBeUndefined();
    expect(settingsSeen[0]).toMatchObject({ permissions: { defaultMode: 'default' }, tui: 'fullscreen', env: { CLAUDE_CODE_NO_FLICKER: '1', CLAUDE_CODE_DISABLE_ALTERNATE_SCREEN: '0' } });
    expect(tmux.launched[0]!.command.slice(-2)).toEqual(['--settings', '/state/hook-settings.json']);
  });

  it('takes --mode over the config, and the config over manual', async () => {
    const auto = setup();
    expect((await auto.service.spawn({ name: 'a', workdir, mode: 'auto' })).session.permissionMode).toBe('auto');
    expect(flagOf(auto.tmux.launched[0]!.command)).toBe('auto');
    const plan = setup({ config: { permissionMode: 'plan' } });
    expect((await plan.service.spawn({ name: 'p', workdir })).session.permissionMode).toBe('plan');
    expect((await plan.service.spawn({ name: 'e', workdir, mode: 'accept-edits' })).session.permissionMode).toBe('accept-edits');
    expect(flagOf(plan.tmux.launched[1]!.command)).toBe('acceptEdits');
  });

  it("gives 2.1.197 its own inline renderer, and keeps an explicit claude.renderer", async () => {
    const old = setup({ probe: { version: '2.1.197', permissionModes: ['acceptEdits', 'auto', 'bypassPermissions', 'default', 'dontAsk', 'plan'] } });
    expect((await old.service.spawn({ name: 'o', workdir })).session.renderer).toBe('inline');
    expect(old.settingsSeen[0]).toMatchObject({ tui: 'default', env: { CLAUDE_CODE_DISABLE_ALTERNATE_SCREEN: '1' } });
    const inline = setup({ config: { renderer: 'inline' } });
    expect((await inline.service.spawn({ name: 'i', workdir })).session.renderer).toBe('inline');
  });

  it('refuses a mode the binary lacks before starting anything', async () => {
    const { service, tmux, registry } = setup({ probe: { version: '2.0.10', permissionModes: ['acceptEdits', 'bypassPermissions', 'default', 'plan'] } });
    await expect(service.spawn({ name: 'x', workdir, mode: 'auto' })).rejects.toThrowError('Claude Code 2.0.10 has no auto mode; use --mode manual, plan or accept-edits, or update Claude Code.');
    expect(tmux.launched).toHaveLength(0);
    expect((await registry.read()).sessions).toEqual({});
  });

  it('warns once per version outside the tested range, and never refuses', async () => {
    const { service } = setup({ probe: { version: '2.9.0', permissionModes: MODES_2_1_332 } });
    const first = await service.spawn({ name: 'n1', workdir });
    expect(first.action).toBe('spawned');
    expect(first.warning).toMatch(/^Claude Code 2\.9\.0 is newer than wingman is tested with \(2\.1\.197–2\.1\.332\)/);
    expect((await service.spawn({ name: 'n2', workdir })).warning).toBeUndefined();
    expect((await service.spawn({ name: 'n1', workdir, prompt: undefined })).action).toBe('sent');
  });

  it('runs on when the version cannot be read: no version recorded, no warning', async () => {
    const { service } = setup({ probe: new Error('claude --version timed out') });
    const result = await service.spawn({ name: 'q', workdir, mode: 'auto' });
    expect(result.session.claudeVersion).toBeUndefined();
    expect(result.session).toMatchObject({ permissionMode: 'auto', renderer: 'fullscreen' });
    expect(result.warning).toBeUndefined();
  });

  it('without hooks, the start-up settings go on the command line', async () => {
    const { service, tmux } = setup({ hooks: false });
    await service.spawn({ name: 'h', workdir });
    const command = tmux.launched[0]!.command;
    expect(command.at(-2)).toBe('--settings');
    expect(JSON.parse(command.at(-1)!)).toMatchObject({ tui: 'fullscreen', permissions: { defaultMode: 'default' }, spinnerTipsEnabled: false });
  });

  it('resume keeps the mode the session was started with and records the version it runs now', async () => {
    const { service, tmux } = setup();
    await service.spawn({ name: 'r', workdir, mode: 'plan' });
    tmux.live.clear(); // the tmux server went away
    const resumed = await service.resume('r');
    expect(resumed.session).toMatchObject({ permissionMode: 'plan', claudeVersion: '2.1.332' });
    expect(tmux.launched[1]!.command).toEqual(expect.arrayContaining(['--permission-mode', 'plan', '--resume']));
  });
});
