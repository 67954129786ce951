import type { SessionRecord } from './session-record.js';

export interface LiveTmuxSession {
  name: string;
  paneDead: boolean;
  activityMs: number;
  /** Set on sessions wingman created (tmux user options), so a lost registry can be rebuilt. */
  wingmanName?: string | undefined;
  workdir?: string | undefined;
}

export interface ReconcilePlan {
  /** Sessions whose tmux session or agent process is gone: mark `exited` now. */
  exited: string[];
  /** Sessions exited for longer than the grace period: drop from the registry. */
  remove: string[];
  /** Newer tmux activity to record, by session name. */
  activity: Record<string, string>;
  /** Live wingman sessions the registry does not know (it was lost or moved aside): add them back. */
  adopt: LiveTmuxSession[];
}

/** wingman saves a record just before it creates the tmux session; that moment is not an exit. */
export const LAUNCH_GRACE_MS = 15_000;

/**
 * Compares the registry with what tmux reports. A session is `exited` when its tmux session is
 * gone or its pane is dead (the agent quit; the pane is kept for its last screen); exited
 * sessions stay listed for `graceMs` so the user can still see what happened, then are removed.
 */
export function planReconcile(records: readonly SessionRecord[], live: readonly LiveTmuxSession[], nowMs: number, graceMs: number): ReconcilePlan {
  const byName = new Map(live.map((session) => [session.name, session]));
  const plan: ReconcilePlan = { exited: [], remove: [], activity: {}, adopt: [] };
  const known = new Set(records.flatMap((record) => [record.name, record.tmuxSession]));
  plan.adopt = live.filter((session) => session.wingmanName && session.workdir && !session.paneDead && !known.has(session.wingmanName) && !known.has(session.name));
  for (const record of records) {
    const tmux = byName.get(record.tmuxSession);
    const gone = !tmux || tmux.paneDead;
    if (!tmux && record.state === 'starting' && nowMs - Date.parse(record.lastActivityAt) < LAUNCH_GRACE_MS) continue;
    if (gone && record.state !== 'exited') {
      plan.exited.push(record.name);
      continue;
    }
    if (gone && record.exitedAt && nowMs - Date.parse(record.exitedAt) >= graceMs) {
      plan.remove.push(record.name);
      continue;
    }
    if (tmux && tmux.activityMs > Date.parse(record.lastActivityAt)) {
      plan.activity[record.name] = new Date(tmux.activityMs).toISOString();
    }
  }
  return plan;
}
