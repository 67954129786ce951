import type { Wingman } from './create-wingman.js';
import type { Monitor } from './monitor.js';
import { answerByKeys } from './cli-approvals.js';
import { AuditLog, type AuditEntry } from '../adapters/store/audit-log.js';
import type { ApprovalDecision } from '../core/approvals/approval-types.js';
import { formatSpawnOutcome } from '../core/format-replies.js';
import { formatDashboard, formatSessionStatus } from '../core/format-status.js';
import { parseSessionName } from '../core/session-name.js';

/** What the chat handlers need from wingman, and nothing more. */
export interface ChatEngine {
  answer(session: string, decision: ApprovalDecision, id: string | undefined, by: string): Promise<{ ok: boolean; text: string }>;
  trust(session: string): Promise<string>;
  dashboard(): Promise<string>;
  status(session: string): Promise<string>;
  audit(entry: AuditEntry): Promise<void>;
}

/** Answers go through the monitor (it holds the waiting hooks and notified ids) when it runs. */
export function createChatEngine(wingman: Wingman, monitor: () => Monitor | undefined): ChatEngine {
  const audit = new AuditLog(wingman.paths.audit);
  return {
    async answer(session, decision, id, by) {
      const name = parseSessionName(session);
      await wingman.sessions.requireKnown(name);
      const running = monitor();
      if (running) return running.desk.answer(name, decision, id, by);
      return answerByKeys(wingman, name, decision, by);
    },
    async trust(session) {
      return formatSpawnOutcome(await wingman.sessions.trust(session));
    },
    async dashboard() {
      const statuses = (await wingman.sessions.list()).map((view) => view.status);
      return formatDashboard(statuses, Date.now());
    },
    async status(session) {
      return formatSessionStatus((await wingman.sessions.get(session)).status, Date.now());
    },
    audit: (entry) => audit.append(entry),
  };
}
