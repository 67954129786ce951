#!/usr/bin/env node
// Runs the e2e project against one tested Claude Code release: `oldest` or `newest` (from
// src/agents/claude-code/versions.ts, the one place they are declared) or an explicit VERSION.
// Usage: node scripts/run-e2e-on.mjs oldest|newest|VERSION [vitest args...]  (after npm run build)
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { OLDEST_SUPPORTED, NEWEST_TESTED } = await import(path.join(root, 'dist/src/agents/claude-code/versions.js'));
const [which = 'oldest', ...rest] = process.argv.slice(2);
const version = which === 'oldest' ? OLDEST_SUPPORTED : which === 'newest' ? NEWEST_TESTED : which;
if (!/^\d+\.\d+\.\d+$/.test(version)) {
  console.error(`usage: run-e2e-on.mjs oldest|newest|VERSION (got ${JSON.stringify(which)})`);
  process.exit(2);
}
const install = spawnSync('bash', [path.join(root, 'scripts/install-claude-code.sh'), version], { stdio: ['ignore', 'ignore', 'inherit'] });
if (install.status !== 0) process.exit(install.status ?? 1);
console.log(`e2e against Claude Code ${version}`);
const run = spawnSync(path.join(root, 'node_modules/.bin/vitest'), ['run', '--project', 'e2e', ...rest], {
  stdio: 'inherit',
  env: { ...process.env, WINGMAN_E2E_CLAUDE_VERSION: version },
});
process.exit(run.status ?? 1);
