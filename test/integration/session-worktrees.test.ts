import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeRegistry } from '../support/fake-registry.js';
import { SessionService } from '../../src/app/session-service.js';
import { GitClient } from '../../src/adapters/git/git-client.js';
import { resolveConfig } from '../../src/adapters/store/config-file.js';
import type { NewSessionOptions, TmuxClient, TmuxSessionInfo } from '../../src/adapters/tmux/tmux-client.js';
import type { SessionRegistry } from '../../src/adapters/store/session-registry.js';
import type { ClaudeScreenReading } from '../../src/agents/claude-code/screen/claude-screen.js';
import { formatSessionTable } from '../../src/core/format-session-list.js';
import { formatSpawnOutcome } from '../../src/core/format-replies.js';
import { formatSessionStatus } from '../../src/core/format-status.js';
import { makeTempDir, removeDir } from '../support/temp-dir.js';
import { createChatEngine } from '../../src/app/chat-engine.js';
import { createWingmanTools } from '../../src/plugin/plugin-tools.js';
import type { Wingman } from '../../src/app/create-wingman.js';
import { branches, exists, git, makeRepo, worktreePaths, writeFiles } from '../support/git-repo.js';

/** The tmux calls spawn, list and kill make; every session reads idle. Claude Code itself is not needed here. */
function fakeTmux() {
  const launched: NewSessionOptions[] = [];
  const live = new Map<string, TmuxSessionInfo>();
  return {
    launched,
    live,
    hasSession: async (name: string) => live.has(name),
    getUserOption: async () => undefined,
    killSession: async (name: string) => void live.delete(name),
    newSession: async (options: NewSessionOptions) => {
      launched.push(options);
      live.set(options.name, { name: options.name, panePid: -1, currentCommand: 'claude', paneDead: false, paneDeadStatus: undefined, activityMs: 0, outputMs: 0, createdMs: 0, wingmanName: undefined, workdir: options.cwd, claudeSessionId: undefined });
    },
    capturePane: async () => 'screen',
    capturePanes: async () => new Map<string, string>(),
    listSessions: async () => [...live.values()],
  };
}

let root: string;
let repo: string;

function setup(config: Record<string, unknown> = {}, bin = process.execPath) {
  const tmux = fakeTmux();
  const registry = fakeRegistry();
  const service = new SessionService({
    config: resolveConfig({ claude: { bin }, ...config }, {}),
    tmux: tmux as unknown as TmuxClient,
    registry: registry as unknown as SessionRegistry,
    detectScreen: () => ({ state: 'idle' }) as ClaudeScreenReading,
    probeClaude: async () => ({ version: '2.1.332', permissionModes: ['acceptEdits', 'auto', 'bypassPermissions', 'manual', 'dontAsk', 'plan'] }),
    sleep: async () => {},
    git: new GitClient(),
  });
  return { service, tmux, registry };
}

beforeEach(async () => {
  root = await makeTempDir('wingman-sessions-');
  repo = await makeRepo(path.join(root, 'app'));
});

afterEach(async () => {
  await removeDir(root);
});

describe('SessionService with worktrees (real git, fake tmux)', () => {
  it('spawn --worktree starts Claude Code in the new worktree and records repo, branch, base and path', async () => {
    const { service, tmux } = setup();
    const outcome = await service.spawn({ name: 'alpha', workdir: repo, worktree: true });
    const place = `${repo}.wingman/alpha`;
    expect(tmux.launched[0]!.cwd).toBe(place);
    expect(outcome.session.workdir).toBe(place);
    expect(outcome.session.worktree).toEqual({ repo, path: place, branch: 'wingman/alpha', base: 'main', baseCommit: await git(repo, 'rev-parse', 'HEAD'), ownsBranch: true });
    expect(formatSpawnOutcome(outcome)).toBe(`✓ Session 'alpha' started in ${place} on branch wingman/alpha (a worktree of ${repo} from main). It is ready for a prompt.`);
  });

  it('without --worktree, works in the directory itself as before; a folder set up for worktrees gets one unless --no-worktree', async () => {
    const plain = setup();
    const outcome = await plain.service.spawn({ name: 'plain', workdir: repo });
    expect(outcome.session.worktree).toBeUndefined();
    expect(plain.tmux.launched[0]!.cwd).toBe(repo);
    expect(formatSpawnOutcome(outcome)).toBe(`✓ Session 'plain' started in ${repo}. It is ready for a prompt.`);

    const rooted = setup({ worktrees: { roots: { [root]: { enabled: true } } } });
    expect((await rooted.service.spawn({ name: 'auto', workdir: repo })).session.worktree?.branch).toBe('wingman/auto');
    expect((await rooted.service.spawn({ name: 'off', workdir: repo, worktree: false })).session.worktree).toBeUndefined();
    await expect(rooted.service.spawn({ name: 'odd', workdir: repo, worktree: false, branch: 'x' })).rejects.toThrowError('--branch and --base make a worktree; drop --no-worktree or them.');
  });

  it('a refusal starts nothing and records nothing', async () => {
    const { service, tmux, registry } = setup();
    const plain = path.join(root, 'plain');
    await fs.mkdir(plain);
    await expect(service.spawn({ name: 'x', workdir: plain, worktree: true })).rejects.toThrowError(`Work directory ${plain} is not in a git repository; --worktree needs one.`);
    await expect(service.spawn({ name: 'x', workdir: repo, branch: 'main' })).rejects.toThrowError(/Branch main is already checked out in /);
    expect(tmux.launched).toHaveLength(0);
    expect((await registry.read()).sessions).toEqual({});
  });

  it('makes no worktree for a session that could not start (Claude Code missing)', async () => {
    const { service } = setup({}, path.join(root, 'no-such-claude'));
    await expect(service.spawn({ name: 'x', workdir: repo, worktree: true })).rejects.toThrowError(/Claude Code was not found/);
    expect(await worktreePaths(repo)).toEqual([repo]);
    expect(await branches(repo)).toEqual(['main']);
  });

  it('kill keeps a dirty worktree and says so; --remove-worktree over uncommitted work refuses and stops nothing; --force discards', async () => {
    const { service, tmux, registry } = setup();
    const { session } = await service.spawn({ name: 'beta', workdir: repo, worktree: true });
    const place = session.worktree!.path;
    await writeFiles(place, { 'notes.txt': 'work\n' });

    await expect(service.kill('beta', { worktree: 'remove' })).rejects.toThrowError(`Session 'beta' was not stopped: its worktree ${place} has 1 uncommitted change (notes.txt). Commit them, or kill with --force to discard them.`);
    expect(tmux.live.has('beta')).toBe(true);
    expect((await registry.read()).sessions.beta).toBeDefined();

    const killed = await service.kill('beta');
    expect(killed.worktreeOutcome).toMatchObject({ removed: false, work: { uncommitted: ['notes.txt'], unmerged: 0 } });
    expect(tmux.live.has('beta')).toBe(false);
    expect(await exists(path.join(place, 'notes.txt'))).toBe(true);

    // Spawning the same name again continues in the kept worktree; --force then discards it.
    const again = await service.spawn({ name: 'beta', workdir: repo, worktree: true });
    expect(again.session.workdir).toBe(place);
    expect((await service.kill('beta', { worktree: 'discard' })).worktreeOutcome).toMatchObject({ removed: true, branchDeleted: true });
    expect(await exists(place)).toBe(false);
    expect(await branches(repo)).toEqual(['main']);
  });

  it('kill --remove-worktree removes a clean worktree; without a worktree the flags are refused', async () => {
    const { service } = setup();
    const { session } = await service.spawn({ name: 'gamma', workdir: repo, worktree: true });
    await writeFiles(session.worktree!.path, { 'done.txt': 'x\n' });
    await git(session.worktree!.path, 'add', '-A');
    await git(session.worktree!.path, 'commit', '-qm', 'done');
    expect((await service.kill('gamma', { worktree: 'remove' })).worktreeOutcome).toMatchObject({ removed: true, branchDeleted: false, work: { unmerged: 1 } });
    expect(await exists(session.worktree!.path)).toBe(false);
    expect(await branches(repo)).toEqual(['main', 'wingman/gamma']);

    await service.spawn({ name: 'plain', workdir: repo });
    await expect(service.kill('plain', { worktree: 'remove' })).rejects.toThrowError("Session 'plain' has no worktree of its own; kill it without --remove-worktree or --force.");
    expect((await service.kill('plain')).worktreeOutcome).toBeUndefined();
  });

  it('list and status show the branch with * while the worktree has uncommitted changes', async () => {
    const { service } = setup();
    const { session } = await service.spawn({ name: 'delta', workdir: repo, worktree: true });
    await service.spawn({ name: 'plain', workdir: repo });
    let views = await service.list();
    expect(views.find((view) => view.name === 'delta')!.status).toMatchObject({ branch: 'wingman/delta', worktree: session.worktree!.path, dirty: false });
    expect(views.find((view) => view.name === 'plain')!.status.dirty).toBeUndefined();
    await writeFiles(session.worktree!.path, { 'x.txt': 'x\n' });
    views = await service.list();
    const table = formatSessionTable(views, Date.now()).split('\n');
    expect(table[0]).toMatch(/^NAME +STATE +AGE +LAST ACTIVITY +BRANCH +DIRECTORY$/);
    expect(table[1]).toMatch(/ wingman\/delta\* +\//);
    expect(formatSessionStatus(views[0]!.status, Date.now())).toContain(`Branch: wingman/delta* (uncommitted changes) · worktree ${session.worktree!.path}`);
  });

  it('chat diff NAME and the wingman_diff tool: the session changes for the phone, or why there is nothing to diff', async () => {
    const { service } = setup();
    const { session } = await service.spawn({ name: 'zeta', workdir: repo, worktree: true });
    await writeFiles(session.worktree!.path, { 'fresh.txt': 'new\n' });
    const plainDir = path.join(root, 'plain');
    await fs.mkdir(plainDir);
    await service.spawn({ name: 'plain', workdir: plainDir });
    const wingman = { sessions: service, git: new GitClient(), paths: { audit: path.join(root, 'audit.jsonl') } } as unknown as Wingman;
    const engine = createChatEngine(wingman, () => undefined);
    expect((await engine.diff('zeta')).split('\n')).toEqual([
      `📝 Session 'zeta': 1 file changed (+1 −0) on wingman/zeta against main (${session.worktree!.baseCommit.slice(0, 7)})`,
      '```',
      'A fresh.txt  +1 −0',
      '',
      '▸ fresh.txt',
      '@@ -0,0 +1 @@',
      '+new',
      '```',
    ]);
    await expect(engine.diff('plain')).rejects.toThrowError(`Session 'plain' works in ${plainDir}, which is not in a git repository; there is nothing to diff.`);
    await expect(engine.diff('ghost')).rejects.toThrowError("No session named 'ghost'.");

    // The agent tool answers the same text, and a refusal as text the assistant can relay.
    const diffTool = createWingmanTools(async () => wingman).find((tool) => tool.name === 'wingman_diff')!;
    expect(await diffTool.execute('call-1', { name: 'zeta' })).toEqual({ content: [{ type: 'text', text: await engine.diff('zeta') }], details: { name: 'zeta' } });
    expect(await diffTool.execute('call-2', { name: 'plain' })).toEqual({ content: [{ type: 'text', text: `Session 'plain' works in ${plainDir}, which is not in a git repository; there is nothing to diff.` }], details: { error: 'invalid_input' } });
  });

  it('resume restarts in the same worktree, putting it back from its branch if its folder went', async () => {
    const { service, tmux } = setup();
    const { session } = await service.spawn({ name: 'eps', workdir: repo, worktree: true });
    await writeFiles(session.worktree!.path, { 'kept.txt': 'x\n' });
    await git(session.worktree!.path, 'add', '-A');
    await git(session.worktree!.path, 'commit', '-qm', 'kept');
    tmux.live.clear(); // the tmux server went away
    await fs.rm(session.worktree!.path, { recursive: true });
    const resumed = await service.resume('eps');
    expect(tmux.launched.at(-1)!.cwd).toBe(session.worktree!.path);
    expect(resumed.session.worktree).toEqual(session.worktree);
    expect(await fs.readFile(path.join(session.worktree!.path, 'kept.txt'), 'utf8')).toBe('x\n');
  });
});
