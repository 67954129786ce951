import type { SessionRecord } from './session-record.js';

export interface SpawnOutcome {
  action: 'spawned' | 'sent';
  session: SessionRecord;
  trust: 'accepted' | 'waiting' | 'not_asked';
  /** `.worktreeinclude` files copied into a new worktree. */
  copied?: string[] | undefined;
}

/** ` on branch wingman/a (a worktree of /code/vsr from main; copied .env)`, for a session with a worktree. */
function worktreeNote(outcome: SpawnOutcome): string {
  const worktree = outcome.session.worktree;
  if (!worktree) return '';
  const copied = outcome.copied && outcome.copied.length > 0 ? `; copied ${outcome.copied.slice(0, 3).join(', ')}${outcome.copied.length > 3 ? ` and ${outcome.copied.length - 3} more` : ''}` : '';
  return ` on branch ${worktree.branch} (a worktree of ${worktree.repo} from ${worktree.base}${copied})`;
}

export function formatSpawnOutcome(outcome: SpawnOutcome): string {
  const { session } = outcome;
  if (outcome.action === 'sent') return `✓ Session '${session.name}' was already running; the prompt was sent to it.`;
  if (outcome.trust === 'waiting') {
    return `🔐 Session '${session.name}' started in ${session.workdir}${worktreeNote(outcome)} and asks whether to trust that folder. Reply: trust ${session.name}`;
  }
  const task = session.lastPrompt === undefined ? ' It is ready for a prompt.' : ' The task was submitted.';
  return `✓ Session '${session.name}' started in ${session.workdir}${worktreeNote(outcome)}.${task}`;
}

export function formatSent(session: SessionRecord): string {
  return `✓ Prompt submitted to session '${session.name}'.`;
}

export function formatKilled(session: SessionRecord): string {
  return `⏹️ Session '${session.name}' was stopped and removed.`;
}
