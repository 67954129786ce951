import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { PLUGIN_ID, REPO_ROOT, requirePluginBuild, type CliResult, type OpenClawHarness } from './openclaw-harness.js';

/**
 * This package as a user gets it: `npm pack` of the working tree (only what package.json `files`
 * lists, with the dist/ that is built now; --ignore-scripts so `prepare` does not rebuild it) into
 * `destination`. Resolves with the tarball's path.
 */
export async function packPlugin(destination: string): Promise<string> {
  requirePluginBuild();
  const { stdout } = await execa('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', destination], { cwd: REPO_ROOT, timeout: 60_000 });
  const [report] = JSON.parse(stdout) as Array<{ filename: string }>;
  const tarball = path.join(destination, report!.filename);
  if (!existsSync(tarball)) throw new Error(`npm pack reported ${report!.filename} but ${tarball} is missing`);
  return tarball;
}

/**
 * `openclaw plugins install ./claude-code-wingman-*.tgz --accept-capabilities --force` (a local
 * archive is refused without --force, as outside ClawHub review), its npm dependencies from the
 * npm cache the install script filled, then our config as installPlugin() sets it.
 */
export async function installPackedPlugin(oc: OpenClawHarness, tarball: string, pluginConfig: Record<string, unknown> = {}): Promise<CliResult> {
  const result = await oc.openclaw(['plugins', 'install', tarball, '--accept-capabilities', '--force'], {
    timeoutMs: 240_000,
    env: { npm_config_cache: oc.install.npmCache, npm_config_prefer_offline: 'true' },
  });
  if (result.exitCode !== 0) throw new Error(`openclaw plugins install ${tarball} failed (${result.exitCode}):\n${result.stdout}\n${result.stderr}`);
  await oc.updateConfig((config) => {
    const entry = (config.plugins.entries[PLUGIN_ID] ??= {});
    entry.config = { ...oc.defaultPluginConfig(), ...entry.config, ...pluginConfig };
  });
  return result;
}

/** Every file under `dir`, relative, sorted (skipping `skip` directory names). */
export async function listFiles(dir: string, skip: ReadonlySet<string> = new Set()): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.split(path.sep).some((part) => skip.has(part)))
    .sort();
}
