import fs from 'node:fs/promises';
import path from 'node:path';
import which from 'which';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_CLAUDE_BIN } from '../support/claude-binary.js';
import { OpenClawHarness, REPO_ROOT, type CliResult } from './support/openclaw-harness.js';
import { listFiles } from './support/packed-plugin.js';

const SKILL = 'claude-code-wingman';
const SKILL_DIR = path.join(REPO_ROOT, 'skills', SKILL);

/** The parts of `openclaw skills info NAME --json` the tests read (OpenClaw 2026.9.6). */
interface SkillInfo {
  name: string;
  source: string;
  filePath: string;
  emoji?: string;
  eligible: boolean;
  modelVisible: boolean;
  requirements: { bins: string[]; anyBins: string[] };
  missing: { bins: string[]; anyBins: string[]; os: string[] };
  install: Array<{ id: string; kind: string; label: string; bins: string[] }>;
}

/** `openclaw skills check --json`. */
interface SkillsCheck {
  eligible: string[];
  modelVisible: string[];
  missingRequirements: Array<{ name: string; missing: { bins: string[] } }>;
}

/**
 * The skill installed alone, as a new user would (`openclaw skills install ./skills/claude-code-wingman`
 * into an isolated OpenClaw HOME, no plugin), then OpenClaw's own verdict on it with and without
 * `wingman` and `claude` on PATH. No gateway: `skills info`/`check` fall back to the local
 * inventory when no local gateway answers. Each `openclaw` call takes 3–4 s.
 */
describe('the skill installed on its own', () => {
  let oc: OpenClawHarness;
  let install: CliResult;
  /** PATH dirs holding only what their names say, so no other `claude` on the machine counts. */
  let tmuxDir: string;
  let wingmanDir: string;
  let claudeDir: string;
  const pathOf = (...dirs: string[]) => [path.dirname(oc.install.nodeBin), ...dirs].join(path.delimiter);
  const info = async (...dirs: string[]): Promise<SkillInfo> => {
    const result = await oc.openclaw(['skills', 'info', SKILL, '--json'], { env: { PATH: pathOf(...dirs) } });
    expect(result.exitCode, result.stderr).toBe(0);
    return JSON.parse(result.stdout.slice(result.stdout.indexOf('{'))) as SkillInfo;
  };
  /** What a user reads (the issue quoted its "✓ Ready"). */
  const infoText = async (...dirs: string[]): Promise<string> => (await oc.openclaw(['skills', 'info', SKILL], { env: { PATH: pathOf(...dirs) } })).stdout;
  const check = async (...dirs: string[]): Promise<SkillsCheck> => {
    const result = await oc.openclaw(['skills', 'check', '--json'], { env: { PATH: pathOf(...dirs) } });
    expect(result.exitCode, result.stderr).toBe(0);
    return JSON.parse(result.stdout.slice(result.stdout.indexOf('{'))) as SkillsCheck;
  };
  const workspaceSkills = () => path.join(oc.home, '.openclaw', 'workspace', 'skills');

  beforeAll(async () => {
    oc = await OpenClawHarness.create();
    tmuxDir = path.join(oc.root, 'bin-tmux');
    wingmanDir = path.join(oc.root, 'bin-wingman');
    claudeDir = path.join(oc.root, 'bin-claude');
    await Promise.all([tmuxDir, wingmanDir, claudeDir].map((dir) => fs.mkdir(dir)));
    await fs.symlink(await which('tmux'), path.join(tmuxDir, 'tmux'));
    await fs.symlink(E2E_CLAUDE_BIN, path.join(claudeDir, 'claude'));
    // What npm's bin link gives a user: `wingman` running this checkout's CLI.
    await fs.writeFile(path.join(wingmanDir, 'wingman'), `#!/bin/sh\nexec node ${JSON.stringify(path.join(REPO_ROOT, 'dist', 'src', 'cli', 'main.js'))} "$@"\n`, { mode: 0o755 });
    install = await oc.openclaw(['skills', 'install', SKILL_DIR], { env: { PATH: pathOf(tmuxDir) } });
  });

  afterAll(async () => {
    await oc?.close();
  });

  it('`openclaw skills install ./skills/claude-code-wingman` copies the skill folder and nothing else', async () => {
    expect(install.exitCode, install.stdout + install.stderr).toBe(0);
    const installed = path.join(workspaceSkills(), SKILL);
    expect(install.stdout).toContain(`Installed ${SKILL} from path -> ${installed}`);
    // .openclaw/ is OpenClaw's own record of where the skill came from.
    expect(await listFiles(installed, new Set(['.openclaw']))).toEqual(['SKILL.md']);
    expect(await fs.readFile(path.join(installed, 'SKILL.md'), 'utf8')).toBe(await fs.readFile(path.join(SKILL_DIR, 'SKILL.md'), 'utf8'));
  });

  it('the checkout itself is no skill: installing it is refused instead of copying the repository', async () => {
    const result = await oc.openclaw(['skills', 'install', REPO_ROOT, '--as', 'whole-checkout'], { env: { PATH: pathOf(tmuxDir) } });
    console.info(`[openclaw] skills install <checkout>: ${(result.stdout + result.stderr).trim()}`);
    expect(result.exitCode).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(/SKILL\.md/);
    expect(await fs.readdir(workspaceSkills())).toEqual([SKILL]);
  });

  it('without wingman and claude on PATH, `skills info` names both as missing and offers to install wingman', async () => {
    // One call at a time: OpenClaw processes sharing a state database can trip over each other.
    const json = await info(tmuxDir);
    const text = await infoText(tmuxDir);
    expect(json).toMatchObject({ name: SKILL, source: 'openclaw-workspace', emoji: '🛩️', eligible: false, modelVisible: false });
    expect(json.requirements.bins).toEqual(['wingman', 'claude', 'tmux']);
    expect(json.missing.bins).toEqual(['wingman', 'claude']);
    expect(json.install).toEqual([{ id: 'node', kind: 'node', label: 'Install claude-code-wingman (npm)', bins: ['wingman'] }]);
    expect(text).toContain('Binaries: ✗ wingman, ✗ claude, ✓ tmux');
    expect(text).not.toContain('Ready');
  });

  it('with wingman but no claude, it still is not ready', async () => {
    const json = await info(tmuxDir, wingmanDir);
    expect(json).toMatchObject({ eligible: false, modelVisible: false });
    expect(json.missing.bins).toEqual(['claude']);
  });

  it('with wingman, claude and tmux on PATH, it is ready and visible to the model', async () => {
    const json = await info(tmuxDir, wingmanDir, claudeDir);
    const text = await infoText(tmuxDir, wingmanDir, claudeDir);
    expect(json).toMatchObject({ eligible: true, modelVisible: true });
    expect(json.missing.bins).toEqual([]);
    expect(text).toContain(`🛩️ ${SKILL} ✓ Ready`);
  });

  it('`skills check` agrees: missing requirements without wingman, ready with it', async () => {
    const without = await check(tmuxDir, claudeDir);
    const withAll = await check(tmuxDir, wingmanDir, claudeDir);
    expect(without.eligible).not.toContain(SKILL);
    expect(without.missingRequirements.find((skill) => skill.name === SKILL)?.missing.bins).toEqual(['wingman']);
    expect(withAll.eligible).toContain(SKILL);
    expect(withAll.modelVisible).toContain(SKILL);
    expect(withAll.missingRequirements.map((skill) => skill.name)).not.toContain(SKILL);
  });
});
