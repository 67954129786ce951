import type { Wingman } from './create-wingman.js';
import type { Monitor } from './monitor.js';
import { answerByKeys } from './cli-approvals.js';
import { AuditLog, type AuditEntry } from '../adapters/store/audit-log.js';
import type { ApprovalDecision } from '../core/approvals/approval-types.js';
import { formatSpawnOutcome } from '../core/format-replies.js';
import { formatDashboard, formatSessionStatus } from '../core/format-status.js';
import { parseSessionName } from '../core/session-name.js';
import { answerQuestion } from './steering/answer-question.js';
import { showPlan } from './steering/show-plan.js';
import { stopTurn } from './steering/stop-turn.js';
import { tellSession } from './steering/tell-session.js';
import { tailSession } from './steering/tail-session.js';
import { diffSession } from './steering/diff-session.js';

export interface EngineReply {
  ok: boolean;
  text: string;
}

/**
 * What the chat handlers, the CLI and the agent tools ask of wingman: one engine, so an answer
 * typed on the phone, in a terminal or relayed by the assistant takes the same path.
 */
export interface ChatEngine {
  /** approve / always / deny; a deny's `reason` goes to Claude as what to do instead. */
  decide(session: string, decision: ApprovalDecision, id: string | undefined, by: string, reason?: string): Promise<EngineReply>;
  /** Answers the question a session asks (AskUserQuestion): `2`, `Blue`, `1 3`, `other: free text`. */
  answer(session: string, choices: string, id: string | undefined, by: string): Promise<EngineReply>;
  /** The whole plan a session asks to approve, split into messages that fit a phone's chat. */
  plan(session: string): Promise<string[]>;
  /** Interrupts the running turn (Esc), verified: the session reads idle afterwards. */
  stop(session: string, by: string): Promise<EngineReply>;
  /** Submits a follow-up prompt directly, verified like `wingman send`. */
  tell(session: string, prompt: string, by: string): Promise<EngineReply>;
  /** The last `lines` meaningful lines of the session's output, cleaned for a phone. */
  tail(session: string, lines: number): Promise<string>;
  /** What the session changed (its worktree against its base). */
  diff(session: string): Promise<string>;
  trust(session: string): Promise<string>;
  dashboard(): Promise<string>;
  status(session: string): Promise<string>;
  /** Whether `name` is a session wingman knows (an everyday verb before it is then a command). */
  isKnownSession(name: string): Promise<boolean>;
  audit(entry: AuditEntry): Promise<void>;
}

/** Answers go through the monitor (it holds the waiting hooks and notified ids) when it runs. */
export function createChatEngine(wingman: Wingman, monitor: () => Monitor | undefined): ChatEngine {
  const audit = new AuditLog(wingman.paths.audit);
  const known = async (session: string) => {
    const name = parseSessionName(session);
    await wingman.sessions.requireKnown(name);
    return name;
  };
  return {
    async decide(session, decision, id, by, reason) {
      const name = await known(session);
      const running = monitor();
      if (running) return running.desk.answer(name, decision, id, by, reason);
      return answerByKeys(wingman, name, decision, by, reason);
    },
    async answer(session, choices, id, by) {
      return answerQuestion({ wingman, monitor: monitor(), session: await known(session), choices, id, by });
    },
    async plan(session) {
      return showPlan({ wingman, monitor: monitor(), session: await known(session) });
    },
    async stop(session, by) {
      return stopTurn({ wingman, session: await known(session), by });
    },
    async tell(session, prompt, by) {
      return tellSession({ wingman, session: await known(session), prompt, by });
    },
    async tail(session, lines) {
      return tailSession({ wingman, session: await known(session), lines });
    },
    async diff(session) {
      return diffSession({ wingman, session: await known(session) });
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
    async isKnownSession(name) {
      try {
        await wingman.sessions.requireKnown(parseSessionName(name));
        return true;
      } catch {
        return false;
      }
    },
    audit: (entry) => audit.append(entry),
  };
}
