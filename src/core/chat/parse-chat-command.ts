import type { ApprovalDecision } from '../approvals/approval-types.js';

/** A chat message wingman answers itself, before the assistant's model sees it. */
export type ChatCommand =
  | { kind: 'answer'; decision: ApprovalDecision; session: string; id?: string | undefined }
  | { kind: 'trust'; session: string }
  | { kind: 'sessions' }
  | { kind: 'status'; session: string };

export type ChatParse = { ok: true; command: ChatCommand } | { ok: false; reason: string } | undefined;

const VERBS = new Set(['approve', 'always', 'deny', 'trust', 'sessions', 'status']);

/**
 * `approve NAME [ID]`, `always NAME [ID]`, `deny NAME [ID]`, `trust NAME`, `sessions`, `status`,
 * `status NAME`: case-insensitive, extra spaces and a leading slash tolerated. Anything else is
 * `undefined` and goes to the assistant untouched. A known verb with the wrong arguments gets a
 * usage reply instead of reaching the model (`ok: false`); session names are checked later, where
 * the error can name the rule.
 */
export function parseChatCommand(text: string): ChatParse {
  const words = text.trim().replace(/^\/+/, '').split(/\s+/).filter(Boolean);
  const verb = words[0]?.toLowerCase();
  if (!verb || !VERBS.has(verb)) return undefined;
  const args = words.slice(1);
  switch (verb) {
    case 'sessions':
      return args.length === 0 ? { ok: true, command: { kind: 'sessions' } } : undefined;
    case 'status':
      if (args.length === 0) return { ok: true, command: { kind: 'sessions' } };
      return args.length === 1 ? { ok: true, command: { kind: 'status', session: args[0]! } } : undefined;
    case 'trust':
      return args.length === 1 ? { ok: true, command: { kind: 'trust', session: args[0]! } } : { ok: false, reason: 'Usage: trust NAME' };
    default: {
      const decision = verb as ApprovalDecision;
      if (args.length < 1 || args.length > 2) return { ok: false, reason: `Usage: ${decision} NAME [ID]` };
      return { ok: true, command: { kind: 'answer', decision, session: args[0]!, id: args[1]?.toLowerCase() } };
    }
  }
}

/** Only these change anything; they are the owner's alone. */
export function requiresOwner(command: ChatCommand): boolean {
  return command.kind === 'answer' || command.kind === 'trust';
}
