import path from 'node:path';
import { WingmanError } from '../errors.js';
import type { SetupCommand, WorktreeConfig } from '../config-schema.js';
import { isUnderTrustedRoot } from '../trusted-roots.js';

/** The worktree settings that apply to one work directory. */
export interface WorktreeSettings {
  /** Make a worktree when spawn is told neither `--worktree` nor `--no-worktree`. */
  enabled: boolean;
  place: string;
  branch: string;
  setup?: SetupCommand | undefined;
  setupTimeoutMs: number;
}

type RootSettings = WorktreeConfig['roots'][string];

/**
 * The global settings overlaid with those of every root that holds `workdir`, shorter roots
 * first so the closest root wins. `roots` are [real absolute path, settings] pairs.
 */
export function worktreeSettingsFor(config: WorktreeConfig, workdir: string, roots: ReadonlyArray<readonly [string, RootSettings]>): WorktreeSettings {
  const settings: WorktreeSettings = { enabled: config.enabled, place: config.place, branch: config.branch, setup: config.setup, setupTimeoutMs: config.setupTimeoutMs };
  const holding = roots.filter(([root]) => isUnderTrustedRoot(workdir, [root])).sort(([a], [b]) => a.length - b.length);
  for (const [, root] of holding) {
    if (root.enabled !== undefined) settings.enabled = root.enabled;
    if (root.place !== undefined) settings.place = root.place;
    if (root.branch !== undefined) settings.branch = root.branch;
    if (root.setup !== undefined) settings.setup = root.setup;
  }
  return settings;
}

export interface TemplateValues {
  /** The main checkout's absolute path. */
  repo: string;
  /** The session name. */
  name: string;
  /** For a leading `~/`. */
  home: string;
}

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

/** Fills `{repo}`, `{repoName}` and `{name}`; refuses any other placeholder, naming the setting. */
export function fillTemplate(template: string, values: TemplateValues, setting: string): string {
  const known: Record<string, string> = { repo: values.repo, repoName: path.basename(values.repo), name: values.name };
  return template.replace(PLACEHOLDER, (whole, key: string) => {
    const value = known[key];
    if (value === undefined) throw new WingmanError('config_invalid', `${setting} has an unknown placeholder ${whole}; use {repo}, {repoName} or {name}.`);
    return value;
  });
}

/** Where a session's worktree goes: `place` filled in; `~/` is the home directory, a relative place sits beside the repository. */
export function worktreePlace(place: string, values: TemplateValues): string {
  const filled = fillTemplate(place, values, 'worktrees.place');
  const expanded = filled === '~' ? values.home : filled.startsWith('~/') ? path.join(values.home, filled.slice(2)) : filled;
  return path.resolve(path.dirname(values.repo), expanded);
}

/** The branch a session's worktree gets: `branch` filled in. */
export function worktreeBranch(branch: string, values: TemplateValues): string {
  return fillTemplate(branch, values, 'worktrees.branch');
}

/** The setup command as argv: a shell line runs under `sh -c`. */
export function setupArgv(setup: SetupCommand): string[] {
  return typeof setup === 'string' ? ['sh', '-c', setup] : [...setup];
}
