import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const json = (file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8'));

/** package.json, openclaw.plugin.json and the two copies of the skill describe one package; they must agree. */
describe('package metadata', () => {
  const pkg = json('package.json');
  const manifest = json('openclaw.plugin.json');
  const skills = ['skills/claude-code-wingman/SKILL.md', 'plugin-skills/claude-code-wingman/SKILL.md'];
  const frontmatters = skills.map((file) => readFileSync(path.join(root, file), 'utf8').split('\n---\n')[0] ?? '');

  it('agree on name and version', () => {
    expect(manifest.id).toBe(pkg.name);
    expect(manifest.version).toBe(pkg.version);
    for (const frontmatter of frontmatters) {
      expect(frontmatter).toMatch(new RegExp(`^name: ${pkg.name}$`, 'm'));
      expect(frontmatter).toMatch(new RegExp(`^version: ${pkg.version.replaceAll('.', '\\.')}$`, 'm'));
    }
  });

  it('ship the plugin copy of the skill through the manifest, and both copies in the tarball', () => {
    expect(manifest.skills).toEqual(['./plugin-skills']);
    expect(pkg.files).toEqual(expect.arrayContaining(['dist', 'openclaw.plugin.json', 'skills', 'plugin-skills']));
    // No SKILL.md at the root: `openclaw skills install <checkout>` would copy the whole checkout.
    expect(existsSync(path.join(root, 'SKILL.md'))).toBe(false);
  });

  it('declare the wingman bin, openclaw as an optional peer, and the plugin entry', () => {
    expect(pkg.bin).toEqual({ wingman: 'dist/src/cli/main.js' });
    expect(pkg.peerDependencies.openclaw).toBeDefined();
    expect(pkg.peerDependenciesMeta.openclaw.optional).toBe(true);
    expect(pkg.openclaw.extensions).toEqual(['./dist/src/plugin/index.js']);
    expect(manifest.configSchema.additionalProperties).toBe(false);
  });

  it('pins Claude Code for reproducible end-to-end tests', () => {
    expect(pkg.devDependencies['@anthropic-ai/claude-code']).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('tested Claude Code versions', () => {
  it('the dev dependency is the newest tested release declared in versions.ts', async () => {
    const { NEWEST_TESTED, OLDEST_SUPPORTED, compareVersions } = await import('../../src/agents/claude-code/versions.js');
    expect(json('package.json').devDependencies['@anthropic-ai/claude-code']).toBe(NEWEST_TESTED);
    expect(compareVersions(OLDEST_SUPPORTED, NEWEST_TESTED)).toBeLessThan(0);
  });

  it('keeps screen fixtures for every tested release', async () => {
    const { TESTED_VERSIONS } = await import('../../src/agents/claude-code/versions.js');
    for (const version of TESTED_VERSIONS) expect(readFileSync(path.join(root, 'test/fixtures/claude-screens', version, 'expected.json'), 'utf8')).toContain('"state"');
  });
});
