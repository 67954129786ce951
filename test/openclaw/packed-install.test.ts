import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHelp } from '../../src/core/chat/format-help.js';
import { OWNER, OpenClawHarness, PLUGIN_ID, REPO_ROOT, type CliResult } from './support/openclaw-harness.js';
import { installPackedPlugin, listFiles, packPlugin } from './support/packed-plugin.js';

const TOOLS = ['wingman_spawn', 'wingman_send', 'wingman_status', 'wingman_capture', 'wingman_tail', 'wingman_diff', 'wingman_stop', 'wingman_kill'];
/** The monitor's start-up notice goes to the owner too, at a moment of its own. */
const notStartupNotice = (text: string) => !text.startsWith('🛩️ wingman monitor started');

/**
 * The package installed as a user installs it: `npm pack` of this tree, then `openclaw plugins
 * install ./claude-code-wingman-*.tgz` into an isolated OpenClaw HOME with the real WhatsApp
 * channel (only Baileys' socket is fake). The plugin then runs from OpenClaw's copy of the tarball,
 * never from this checkout, so a file missing from package.json `files` (or a dependency missing
 * from `dependencies`) fails here. One gateway start.
 */
describe('claude-code-wingman installed from its npm tarball', () => {
  let oc: OpenClawHarness;
  let tarball: string;
  let install: CliResult;
  /** Where OpenClaw unpacked the tarball. */
  let installedDir: string;

  beforeAll(async () => {
    oc = await OpenClawHarness.create();
    const whatsapp = await oc.setUpWhatsApp();
    tarball = await packPlugin(oc.root);
    install = await installPackedPlugin(oc, tarball);
    installedDir = path.join(oc.home, '.openclaw', 'extensions', PLUGIN_ID);
    console.info(`[openclaw] install whatsapp: ${whatsapp.durationMs} ms; install ${path.basename(tarball)}: ${install.durationMs} ms`);
  });

  afterAll(async () => {
    await oc?.close();
  });

  it('`openclaw plugins install <tarball>` unpacks it into OpenClaw\'s extensions and enables it, without linking the checkout', async () => {
    expect(path.basename(tarball)).toMatch(/^claude-code-wingman-\d+\.\d+\.\d+\.tgz$/);
    expect(install.stdout + install.stderr).not.toMatch(/failed during load|conflicting child rows/);
    expect(existsSync(path.join(installedDir, 'openclaw.plugin.json'))).toBe(true);
    const config = await oc.readConfig();
    expect(config.plugins.entries[PLUGIN_ID].enabled).toBe(true);
    expect(config.plugins.load?.paths ?? []).not.toContain(REPO_ROOT);
  });

  it('the installed copy holds what package.json `files` ships (build, manifest, both skill copies) and no sources or tests', async () => {
    const files = await listFiles(installedDir, new Set(['node_modules', '.openclaw']));
    expect(files).toEqual(expect.arrayContaining(['package.json', 'openclaw.plugin.json', 'README.md', 'dist/src/plugin/index.js', 'dist/src/cli/main.js', 'skills/claude-code-wingman/SKILL.md', 'plugin-skills/claude-code-wingman/SKILL.md']));
    expect(files.filter((file) => !/^(dist|skills|plugin-skills)\//.test(file))).toEqual(['README.md', 'openclaw.plugin.json', 'package.json']);
    expect(files.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))).toEqual([]);
    // Only runtime dependencies: the pinned Claude Code dev dependency (hundreds of MB) stays out.
    expect(existsSync(path.join(installedDir, 'node_modules', '@anthropic-ai', 'claude-code'))).toBe(false);
  });

  it('`plugins inspect --runtime --json` loads it from the installed copy with its command, tools, service and hook', async () => {
    const { json } = await oc.inspectPlugin(PLUGIN_ID);
    expect(json.plugin).toMatchObject({ id: PLUGIN_ID, status: 'loaded', enabled: true, imported: true, commands: ['wingman'], services: ['wingman-monitor'] });
    expect(await fs.realpath(json.plugin.rootDir)).toBe(await fs.realpath(installedDir));
    expect(json.plugin.source.startsWith(json.plugin.rootDir)).toBe(true);
    expect(json.plugin.error).toBeUndefined();
    expect(json.plugin.toolNames).toEqual(TOOLS);
    expect(json.plugin.dependencyStatus?.missing).toEqual([]);
    expect(json.typedHooks.map((hook) => hook.name)).toEqual(['before_dispatch']);
    expect(json.diagnostics.filter((diagnostic) => diagnostic.level === 'error')).toEqual([]);
  });

  it("the plugin's skill comes with it: listed by `skills info`, ready with tmux on PATH and visible to the model", async () => {
    const result = await oc.openclaw(['skills', 'info', PLUGIN_ID, '--json']);
    expect(result.exitCode, result.stderr).toBe(0);
    const skill = JSON.parse(result.stdout.slice(result.stdout.indexOf('{'))) as { filePath: string; eligible: boolean; modelVisible: boolean; requirements: { bins: string[] }; missing: { bins: string[] } };
    expect(await fs.realpath(skill.filePath)).toBe(await fs.realpath(path.join(installedDir, 'plugin-skills', PLUGIN_ID, 'SKILL.md')));
    expect(skill).toMatchObject({ eligible: true, modelVisible: true, requirements: { bins: ['tmux'] }, missing: { bins: [] } });
  });

  it("the gateway loads the installed plugin and the owner's WhatsApp `sessions` and `help` get wingman's replies", async () => {
    const listeningMs = await oc.startGateway({ timeoutMs: 180_000 });
    console.info(`[openclaw] gateway until WhatsApp listened: ${listeningMs} ms`);
    const sessions = await oc.inject(OWNER, 'sessions');
    expect((await oc.waitForReply(sessions, { match: notStartupNotice })).text).toMatch(/^(Total:|No sessions\.)/);
    expect(await oc.waitForProcessed(sessions)).toMatchObject({ outcome: 'completed', reason: 'before_dispatch_handled' });
    expect((await oc.ask(OWNER, 'help', { match: notStartupNotice })).text).toBe(formatHelp());
  }, 300_000);
});
