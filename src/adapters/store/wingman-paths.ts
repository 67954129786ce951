import os from 'node:os';
import path from 'node:path';

/** Where wingman keeps its state: `WINGMAN_HOME`, else `~/.wingman`. */
export function resolveWingmanHome(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.WINGMAN_HOME?.trim();
  return path.resolve(fromEnv ? fromEnv : path.join(os.homedir(), '.wingman'));
}

export interface WingmanPaths {
  home: string;
  config: string;
  registry: string;
  audit: string;
  hookSocket: string;
  sessionsDir: string;
  /** What each Claude Code binary said about itself (version, modes), by path and mtime. */
  claudeBinaries: string;
  /** Claude Code versions outside the tested range the user was already warned about. */
  warnedVersions: string;
}

export function wingmanPaths(home: string): WingmanPaths {
  return {
    home,
    config: path.join(home, 'config.json'),
    registry: path.join(home, 'registry.json'),
    audit: path.join(home, 'audit.jsonl'),
    hookSocket: path.join(home, 'run', 'hooks.sock'),
    sessionsDir: path.join(home, 'sessions'),
    claudeBinaries: path.join(home, 'claude-binaries.json'),
    warnedVersions: path.join(home, 'warned-versions.json'),
  };
}
