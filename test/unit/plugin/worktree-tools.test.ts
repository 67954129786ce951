import { describe, expect, it } from 'vitest';
import { createWingmanTools } from '../../../src/plugin/plugin-tools.js';
import type { Wingman } from '../../../src/app/create-wingman.js';
import { WingmanError } from '../../../src/core/errors.js';
import type { KillOptions, SpawnRequest } from '../../../src/app/session-service.js';

const worktree = { repo: '/code/vsr', path: '/code/vsr.wingman/fix', branch: 'wingman/fix', base: 'main', baseCommit: 'a'.repeat(40), ownsBranch: true };
const session = { name: 'fix', agent: 'claude' as const, workdir: worktree.path, tmuxSession: 'fix', createdAt: '2026-11-24T09:00:00.000Z', lastActivityAt: '2026-11-24T09:00:00.000Z', state: 'idle' as const, worktree };

function tools(kill: (name: string, options: KillOptions) => Promise<unknown>) {
  const spawned: SpawnRequest[] = [];
  const engine = async () => ({
    sessions: {
      spawn: async (request: SpawnRequest) => {
        spawned.push(request);
        return { action: 'spawned', trust: 'accepted', session };
      },
      kill,
    },
  }) as unknown as Wingman;
  const byName = Object.fromEntries(createWingmanTools(engine).map((tool) => [tool.name, tool]));
  return { byName, spawned };
}

const text = (result: { content: Array<{ type: string; text?: string }> }) => result.content.map((part) => part.text).join('');

describe('agent tools and worktrees', () => {
  it('wingman_spawn takes worktree, branch and base and says which branch the session works on', async () => {
    const { byName, spawned } = tools(async () => ({}));
    expect(Object.keys((byName.wingman_spawn!.parameters as { properties: object }).properties)).toEqual(['name', 'workdir', 'task', 'mode', 'worktree', 'branch', 'base']);
    const result = await byName.wingman_spawn!.execute('call', { name: 'fix', workdir: '/code/vsr', worktree: true, branch: 'fix/date' });
    expect(spawned[0]).toMatchObject({ name: 'fix', workdir: '/code/vsr', worktree: true, branch: 'fix/date' });
    expect(text(result)).toBe("✓ Session 'fix' started in /code/vsr.wingman/fix on branch wingman/fix (a worktree of /code/vsr from main). It is ready for a prompt.");
    expect(result.details).toMatchObject({ worktree });
  });

  it('wingman_kill passes removeWorktree / force and relays what became of the worktree, or the refusal', async () => {
    const seen: KillOptions[] = [];
    const { byName } = tools(async (_name, options) => {
      seen.push(options);
      if (options.worktree === 'remove') throw new WingmanError('worktree_refused', "Session 'fix' was not stopped: its worktree /code/vsr.wingman/fix has 1 uncommitted change (a.txt). Commit them, or kill with --force to discard them.");
      return { ...session, state: 'exited', worktreeOutcome: { path: worktree.path, branch: worktree.branch, removed: false, branchDeleted: false, work: { uncommitted: ['a.txt'], unmerged: 0 } } };
    });
    const refused = await byName.wingman_kill!.execute('call', { name: 'fix', removeWorktree: true });
    expect(text(refused)).toBe("Session 'fix' was not stopped: its worktree /code/vsr.wingman/fix has 1 uncommitted change (a.txt). Commit them, or kill with --force to discard them.");
    expect(refused.details).toEqual({ error: 'worktree_refused' });
    const kept = await byName.wingman_kill!.execute('call', { name: 'fix' });
    expect(text(kept)).toBe("⏹️ Session 'fix' was stopped and removed. Kept its worktree /code/vsr.wingman/fix on branch wingman/fix (1 uncommitted change (a.txt)); spawn it again with --worktree to continue there.");
    await byName.wingman_kill!.execute('call', { name: 'fix', force: true });
    expect(seen.map((options) => options.worktree)).toEqual(['remove', 'keep', 'discard']);
  });
});
