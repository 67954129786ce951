import { realpathSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenClawHarness, PLUGIN_ENTRY, PLUGIN_ID, REPO_ROOT, type CliResult } from './support/openclaw-harness.js';

/**
 * The real OpenClaw loader (openclaw@2026.9.6 under Node 24) links this working tree as a plugin
 * and imports dist/src/plugin/index.js: catches manifest, contract, dependency and loader-gate
 * errors that the unit tests' recorded api cannot.
 */
describe('OpenClaw loads claude-code-wingman from the working tree', () => {
  let oc: OpenClawHarness;
  let install: CliResult;

  beforeAll(async () => {
    oc = await OpenClawHarness.create();
    install = await oc.installPlugin(REPO_ROOT);
  });

  afterAll(async () => {
    await oc?.close();
  });

  it('`plugins install -l <repo> --force --accept-capabilities` links the checkout and enables it', async () => {
    expect(install.exitCode).toBe(0);
    expect(install.stdout + install.stderr).toContain(`Linked plugin path: ${REPO_ROOT}`);
    expect(install.stdout + install.stderr).not.toMatch(/failed during load|conflicting child rows/);
    const config = await oc.readConfig();
    expect(config.plugins.load.paths).toEqual([REPO_ROOT]);
    expect(config.plugins.entries[PLUGIN_ID].enabled).toBe(true);
  });

  // Runs with plugins.entries.claude-code-wingman.config set (stateDir, tmuxSocket, claudeCommand),
  // so OpenClaw also checks that config against openclaw.plugin.json's configSchema.
  it('`plugins inspect --runtime --json` imports it and lists our command, tools, service and hook', async () => {
    const { json } = await oc.inspectPlugin(PLUGIN_ID);
    expect(json.plugin).toMatchObject({
      id: PLUGIN_ID,
      status: 'loaded',
      enabled: true,
      imported: true,
      source: PLUGIN_ENTRY,
      rootDir: REPO_ROOT,
      commands: ['wingman'],
      services: ['wingman-monitor'],
    });
    expect(json.plugin.error).toBeUndefined();
    expect(json.plugin.toolNames).toEqual(['wingman_spawn', 'wingman_send', 'wingman_status', 'wingman_capture', 'wingman_tail', 'wingman_diff', 'wingman_stop', 'wingman_kill']);
    expect(json.plugin.dependencyStatus?.missing).toEqual([]);
    expect(json.commands).toEqual(['wingman']);
    expect(json.services).toEqual(['wingman-monitor']);
    expect(json.tools.flatMap((tool) => tool.names)).toEqual(['wingman_spawn', 'wingman_send', 'wingman_status', 'wingman_capture', 'wingman_tail', 'wingman_diff', 'wingman_stop', 'wingman_kill']);
    expect(json.typedHooks.map((hook) => hook.name)).toEqual(['before_dispatch']);
    expect(json.customHooks).toEqual([]);
    expect(json.diagnostics.filter((diagnostic) => diagnostic.level === 'error')).toEqual([]);
  });

  it("ships its skill through the manifest's `skills`: `skills info` finds the plugin copy, ready with tmux on PATH", async () => {
    const result = await oc.openclaw(['skills', 'info', PLUGIN_ID, '--json']);
    expect(result.exitCode, result.stderr).toBe(0);
    const skill = JSON.parse(result.stdout.slice(result.stdout.indexOf('{'))) as { filePath: string; eligible: boolean; modelVisible: boolean; missing: { bins: string[] } };
    // filePath is OpenClaw's link to it under $HOME/.openclaw/plugin-skills/.
    expect(realpathSync(skill.filePath)).toBe(`${REPO_ROOT}/plugin-skills/${PLUGIN_ID}/SKILL.md`);
    expect(skill).toMatchObject({ eligible: true, modelVisible: true, missing: { bins: [] } });
  });
});
