import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWingmanHarness, E2E_CLAUDE_VERSION, parseJson, type StatusJson, type WingmanHarness } from './support/wingman-harness.js';
import { resolveRenderer } from '../../src/agents/claude-code/startup-settings.js';

type Status = StatusJson & { permissionMode?: string; claudeVersion?: string; renderer?: string };

/**
 * Start-up that does not depend on luck: a Claude HOME set up like a long-time user's (first
 * started before 2.1.332, a default mode and an inline-renderer preference in their own
 * settings) still starts straight at the input box in the renderer wingman chose, with no offer
 * on screen, and the user's settings file is left as it was.
 */
describe('start-up: no offers, the chosen renderer, the chosen mode', () => {
  let h: WingmanHarness;
  let userSettings: string;
  const USER_SETTINGS = `${JSON.stringify({ permissions: { defaultMode: 'acceptEdits' }, env: { CLAUDE_CODE_DISABLE_ALTERNATE_SCREEN: '1' } }, null, 2)}\n`;
  const expectedRenderer = resolveRenderer('default', E2E_CLAUDE_VERSION);

  beforeAll(async () => {
    h = await createWingmanHarness({ trustedProjects: true });
    const claudeHome = path.join(h.root, 'claude-home');
    const stateFile = path.join(claudeHome, '.claude.json');
    const state = JSON.parse(await fs.readFile(stateFile, 'utf8')) as Record<string, unknown>;
    // Without firstStartVersion, 2.1.332 counts this as an install older than itself.
    await fs.writeFile(stateFile, JSON.stringify({ ...state, firstStartTime: '2026-01-05T09:00:00.000Z' }, null, 2));
    userSettings = path.join(claudeHome, '.claude', 'settings.json');
    await fs.writeFile(userSettings, USER_SETTINGS);
  });

  afterAll(async () => {
    await h?.close();
  });

  const alternateScreen = async (session: string) => (await h.tmux.run(['display-message', '-p', '-t', `=${session}:`, '#{alternate_on}'])).trim();

  it('manual by default: input box first, renderer pinned, mode and version recorded, a prompt goes in', async () => {
    const workdir = await h.makeWorkdir('plain');
    const spawned = await h.wingman(['spawn', '--session', 'plain', '--workdir', workdir]);
    expect(spawned.exitCode, spawned.stderr).toBe(0);
    expect(spawned.stderr).toBe(''); // a tested release: no version warning
    const idle = await h.waitForStatus('plain', (status) => status.state === 'idle');
    expect(idle).toMatchObject({ permissionMode: 'manual', claudeVersion: E2E_CLAUDE_VERSION, renderer: expectedRenderer });

    // The offers take a moment after the input box appears; give them that moment.
    await new Promise((resolve) => setTimeout(resolve, 4000));
    const screen = await h.tmux.capturePane('plain');
    expect(screen).not.toMatch(/Try the new fullscreen renderer|Make auto mode your default|How is Claude doing/);
    expect(await alternateScreen('plain')).toBe(expectedRenderer === 'fullscreen' ? '1' : '0');

    expect((await h.wingman(['send', 'plain', 'hello from wingman'])).exitCode).toBe(0);
    await h.waitForScreen('plain', (text) => text.includes('Echo: hello from wingman'));
    await h.waitForStatus('plain', (status) => status.state === 'idle');

    const text = (await h.wingman(['status', 'plain'])).stdout;
    expect(text).toContain(`Mode: manual · Claude Code ${E2E_CLAUDE_VERSION} (${expectedRenderer})`);
    const listed = parseJson<Array<{ name: string; permissionMode?: string; claudeVersion?: string; renderer?: string }>>(await h.wingman(['list', '--json']));
    expect(listed[0]).toMatchObject({ name: 'plain', permissionMode: 'manual', claudeVersion: E2E_CLAUDE_VERSION, renderer: expectedRenderer });
    // The user's own values stay, nothing of wingman's is written there (Claude Code itself moves
    // the seeded `autoUpdates: false` into env.DISABLE_AUTOUPDATER, which is not wingman's doing).
    const after = JSON.parse(await fs.readFile(userSettings, 'utf8')) as Record<string, Record<string, unknown>>;
    expect(after).toMatchObject(JSON.parse(USER_SETTINGS) as object);
    expect(Object.keys(after).sort()).toEqual(['env', 'permissions']);
    expect(Object.keys(after.env!).filter((key) => key !== 'DISABLE_AUTOUPDATER')).toEqual(['CLAUDE_CODE_DISABLE_ALTERNATE_SCREEN']);
    await h.wingman(['kill', 'plain']);
  });

  it('--mode plan starts in plan mode; an unknown mode is a usage error', async () => {
    const workdir = await h.makeWorkdir('planned');
    expect((await h.wingman(['spawn', '--session', 'planned', '--workdir', workdir, '--mode', 'plan'])).exitCode).toBe(0);
    const status = await h.waitForStatus('planned', (found) => found.state === 'idle');
    expect((status as Status).permissionMode).toBe('plan');
    await h.waitForScreen('planned', (screen) => /plan mode on/.test(screen));
    await h.wingman(['kill', 'planned']);

    const bad = await h.wingman(['spawn', '--session', 'bad', '--workdir', workdir, '--mode', 'yolo']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain("argument 'yolo' is invalid. Allowed choices are manual, auto, plan, accept-edits.");
  });
});
