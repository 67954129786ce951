import path from 'node:path';
import { loadConfig } from '../adapters/store/config-file.js';
import { resolveWingmanHome, wingmanPaths, type WingmanPaths } from '../adapters/store/wingman-paths.js';
import { SessionRegistry, type Logger } from '../adapters/store/session-registry.js';
import { TmuxClient } from '../adapters/tmux/tmux-client.js';
import { detectClaudeScreen, type ClaudeScreenReading } from '../agents/claude-code/screen/claude-screen.js';
import type { WingmanConfig } from '../core/config-schema.js';
import { SessionService } from './session-service.js';
import { eventsFileFor, prepareSessionHooks, waitForMcpReady } from './agent-hooks.js';
import { probeClaudeBinary } from '../agents/claude-code/binary-probe.js';
import { cachedBinaryProbe } from '../adapters/store/binary-info-cache.js';
import { firstWarningFor } from '../adapters/store/warned-versions.js';
import { GitClient } from '../adapters/git/git-client.js';

export interface Wingman {
  config: WingmanConfig;
  paths: WingmanPaths;
  tmux: TmuxClient;
  registry: SessionRegistry;
  sessions: SessionService;
  /** git, for session worktrees and diff. */
  git: GitClient;
  /** The screen reader of the agent CLI the sessions run. */
  detectScreen: (screen: string) => ClaudeScreenReading;
}

export interface CreateWingmanOptions {
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
  /** Overrides the config file (the plugin passes its validated plugin config). */
  config?: WingmanConfig;
}

/** Builds the engine from `WINGMAN_HOME` and its config: the one place adapters are wired. */
export async function createWingman(options: CreateWingmanOptions = {}): Promise<Wingman> {
  const env = options.env ?? process.env;
  const paths = wingmanPaths(resolveWingmanHome(env));
  const config = options.config ?? (await loadConfig(paths.config, env));
  const tmux = new TmuxClient({ socket: config.tmux.socket });
  const registry = new SessionRegistry(paths.registry, options.logger);
  const git = new GitClient();
  const sessions = new SessionService({
    config,
    tmux,
    registry,
    detectScreen: detectClaudeScreen,
    prepareHooks: (name, startupSettings, transport) => prepareSessionHooks(paths, name, startupSettings, transport),
    probeClaude: cachedBinaryProbe(paths.claudeBinaries, probeClaudeBinary),
    firstWarningFor: (version) => firstWarningFor(paths.warnedVersions, version),
    eventsFileFor: (name) => eventsFileFor(paths, name),
    waitForHookServer: (name, timeoutMs) => waitForMcpReady(paths, name, timeoutMs),
    lockDir: path.join(paths.home, 'locks'),
    git,
  });
  return { config, paths, tmux, registry, sessions, git, detectScreen: detectClaudeScreen };
}
