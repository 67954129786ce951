import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_ROOT = path.resolve(BENCH_DIR, '..');
/** The build under test: dist/src, or BENCH_DIST (set by --dist) to compare another build. */
export const distDir = (): string => (process.env.BENCH_DIST ? path.resolve(process.env.BENCH_DIST) : path.join(REPO_ROOT, 'dist', 'src'));
export const forwarderPath = (): string => path.join(distDir(), 'hook', 'hook-forwarder.js');
export const mcpServerPath = (): string => path.join(distDir(), 'hook', 'hook-mcp-server.js');
export const FAKE_AGENT = path.join(BENCH_DIR, 'fake-agent.mjs');
export const BASELINE_SCRIPT = path.join(BENCH_DIR, 'baseline-monitor.sh');
/** The real Claude Code: the dev dependency, or BENCH_CLAUDE_BIN (set by --claude-bin) to measure another release. */
export const claudeBin = (): string => (process.env.BENCH_CLAUDE_BIN ? path.resolve(process.env.BENCH_CLAUDE_BIN) : path.join(REPO_ROOT, 'node_modules', '.bin', 'claude'));

/** The monitor host and the forwarder run from dist/: refuse to measure a missing or stale build. */
export function checkBuild(): string[] {
  if (process.env.BENCH_DIST) return [];
  const needed = ['app/monitor.js', 'app/create-wingman.js', 'hook/hook-forwarder.js', 'hook/hook-mcp-server.js', 'app/approval-desk.js', 'app/session-service.js'];
  const missing = needed.filter((file) => !fs.existsSync(path.join(distDir(), file)));
  if (missing.length > 0) throw new Error(`Build first (npx tsc -p .): missing dist/src/${missing.join(', dist/src/')}`);
  const stale: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
        const built = path.join(distDir(), path.relative(path.join(REPO_ROOT, 'src'), full)).replace(/\.ts$/, '.js');
        if (!fs.existsSync(built) || fs.statSync(built).mtimeMs < fs.statSync(full).mtimeMs) stale.push(path.relative(REPO_ROOT, full));
      }
    }
  };
  walk(path.join(REPO_ROOT, 'src'));
  return stale;
}
