import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NEWEST_TESTED } from '../../src/agents/claude-code/versions.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The Claude Code version the end-to-end tests drive: `WINGMAN_E2E_CLAUDE_VERSION` (e.g. the oldest
 * supported, in CI), else the newest tested, which is the dev dependency.
 */
export const E2E_CLAUDE_VERSION = process.env.WINGMAN_E2E_CLAUDE_VERSION?.trim() || NEWEST_TESTED;

function resolveBinary(version: string): string {
  if (version === NEWEST_TESTED) return path.join(REPO_ROOT, 'node_modules', '.bin', 'claude');
  // Installs into the cache outside the checkout once; later calls only check the version.
  const output = execFileSync('bash', [path.join(REPO_ROOT, 'scripts', 'install-claude-code.sh'), version], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return output.trim().split('\n').at(-1) ?? '';
}

/** Absolute path of the `claude` binary of E2E_CLAUDE_VERSION. */
export const E2E_CLAUDE_BIN = resolveBinary(E2E_CLAUDE_VERSION);
