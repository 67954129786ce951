import type { SessionRecord } from './session-record.js';

export interface SpawnOutcome {
  action: 'spawned' | 'sent';
  session: SessionRecord;
  trust: 'accepted' | 'waiting' | 'not_asked';
}

export function formatSpawnOutcome(outcome: SpawnOutcome): string {
  const { session } = outcome;
  if (outcome.action === 'sent') return `✓ Session '${session.name}' was already running; the prompt was sent to it.`;
  if (outcome.trust === 'waiting') {
    return `🔐 Session '${session.name}' started in ${session.workdir} and asks whether to trust that folder. Reply: trust ${session.name}`;
  }
  const task = session.lastPrompt === undefined ? ' It is ready for a prompt.' : ' The task was submitted.';
  return `✓ Session '${session.name}' started in ${session.workdir}.${task}`;
}

export function formatSent(session: SessionRecord): string {
  return `✓ Prompt submitted to session '${session.name}'.`;
}

export function formatKilled(session: SessionRecord): string {
  return `⏹️ Session '${session.name}' was stopped and removed.`;
}
