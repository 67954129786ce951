import type { ApprovalDecision } from '../approvals/approval-types.js';

/** A chat message wingman answers itself, before the assistant's model sees it. */
export type ChatCommand =
  /** `approve|always|deny NAME [ID]`; a deny may carry `because <reason…>` for Claude. */
  | { kind: 'decision'; decision: ApprovalDecision; session: string; id?: string | undefined; reason?: string | undefined }
  /** `answer NAME <choices…>`: the raw choices, matched later against the questions shown. */
  | { kind: 'answer'; session: string; choices: string; id?: string | undefined }
  | { kind: 'plan'; session: string }
  | { kind: 'stop'; session: string }
  | { kind: 'tell'; session: string; prompt: string }
  | { kind: 'tail'; session: string; lines: number }
  | { kind: 'diff'; session: string }
  | { kind: 'trust'; session: string }
  | { kind: 'sessions' }
  | { kind: 'status'; session: string }
  | { kind: 'help' };

/**
 * `looseSession`: the verb is an everyday word (`stop`, `tell`, `tail`, `plan`, `answer`, `diff`), so
 * the message is wingman's only when it names this known session; "stop worrying" or "tell me a
 * joke" still reaches the assistant.
 */
export type ChatParse =
  | { ok: true; command: ChatCommand; looseSession?: string }
  | { ok: false; reason: string; looseSession?: string }
  | undefined;

export const TAIL_DEFAULT_LINES = 15;
export const TAIL_MAX_LINES = 100;

const STRICT_VERBS = new Set(['approve', 'always', 'deny', 'trust', 'sessions', 'status', 'help', 'wingman']);
const LOOSE_VERBS = new Set(['answer', 'plan', 'stop', 'tell', 'tail', 'diff']);

/**
 * Chat commands, case-insensitive, extra spaces and a leading slash tolerated:
 * `approve|always NAME [ID]`, `deny NAME [ID] [because REASON…]`, `answer NAME CHOICE…`,
 * `plan NAME`, `stop NAME`, `tell NAME PROMPT…`, `tail NAME [N]`, `diff NAME`, `trust NAME`,
 * `sessions`, `status [NAME]`, `help` (or `wingman help`; `/help` stays OpenClaw's).
 * Anything else is `undefined` and goes to the assistant untouched. A strict verb with the wrong
 * arguments gets a usage reply instead of reaching the model (`ok: false`); session names are
 * checked later, where the error can name the rule.
 */
export function parseChatCommand(text: string): ChatParse {
  const slashed = /^\s*\//.test(text);
  const message = text.trim().replace(/^\/+/, '');
  const words = message.split(/\s+/).filter(Boolean);
  const verb = words[0]?.toLowerCase();
  if (!verb) return undefined;
  if (LOOSE_VERBS.has(verb)) return parseLoose(verb, message, words.slice(1));
  if (!STRICT_VERBS.has(verb)) return undefined;
  const args = words.slice(1);
  switch (verb) {
    case 'help':
      // `/help` is OpenClaw's own command.
      return args.length === 0 && !slashed ? { ok: true, command: { kind: 'help' } } : undefined;
    case 'wingman':
      return args.length === 1 && args[0]!.toLowerCase() === 'help' ? { ok: true, command: { kind: 'help' } } : undefined;
    case 'sessions':
      return args.length === 0 ? { ok: true, command: { kind: 'sessions' } } : undefined;
    case 'status':
      if (args.length === 0) return { ok: true, command: { kind: 'sessions' } };
      return args.length === 1 ? { ok: true, command: { kind: 'status', session: args[0]! } } : undefined;
    case 'trust':
      return args.length === 1 ? { ok: true, command: { kind: 'trust', session: args[0]! } } : { ok: false, reason: 'Usage: trust NAME' };
    default:
      return parseDecision(verb as ApprovalDecision, message, args);
  }
}

function parseDecision(decision: ApprovalDecision, message: string, args: string[]): ChatParse {
  const usage = decision === 'deny' ? 'Usage: deny NAME [ID] [because REASON]' : `Usage: ${decision} NAME [ID]`;
  const becauseAt = args.findIndex((word) => word.toLowerCase() === 'because');
  if (decision === 'deny' && becauseAt !== -1) {
    const head = args.slice(0, becauseAt);
    const reason = restAfter(message, becauseAt + 2);
    if (head.length < 1 || head.length > 2) return { ok: false, reason: usage };
    if (!reason) return { ok: false, reason: 'Usage: deny NAME [ID] because REASON (the reason is what Claude should do instead)' };
    return { ok: true, command: { kind: 'decision', decision, session: head[0]!, id: head[1]?.toLowerCase(), reason } };
  }
  if (args.length < 1 || args.length > 2) return { ok: false, reason: usage };
  return { ok: true, command: { kind: 'decision', decision, session: args[0]!, id: args[1]?.toLowerCase() } };
}

function parseLoose(verb: string, message: string, args: string[]): ChatParse {
  const session = args[0];
  if (!session) return undefined; // a bare "stop" or "plan" is the assistant's
  const known = (command: ChatCommand): ChatParse => ({ ok: true, command, looseSession: session });
  switch (verb) {
    case 'plan':
      return args.length === 1 ? known({ kind: 'plan', session }) : undefined;
    case 'stop':
      return args.length === 1 ? known({ kind: 'stop', session }) : undefined;
    case 'diff':
      return args.length === 1 ? known({ kind: 'diff', session }) : undefined;
    case 'tail': {
      if (args.length > 2) return undefined;
      if (args.length === 1) return known({ kind: 'tail', session, lines: TAIL_DEFAULT_LINES });
      const lines = /^\d{1,4}$/.test(args[1]!) ? Number(args[1]) : Number.NaN;
      if (!(lines >= 1 && lines <= TAIL_MAX_LINES)) return { ok: false, reason: `Usage: tail NAME [N] (N from 1 to ${TAIL_MAX_LINES})`, looseSession: session };
      return known({ kind: 'tail', session, lines });
    }
    case 'tell': {
      const prompt = restAfter(message, 2);
      return prompt ? known({ kind: 'tell', session, prompt }) : undefined;
    }
    default: {
      // answer NAME [--id ID] CHOICE…
      let rest = restAfter(message, 2);
      let id: string | undefined;
      const idMatch = /^--id\s+(\S+)\s*/i.exec(rest);
      if (idMatch) {
        id = idMatch[1]!.toLowerCase();
        rest = rest.slice(idMatch[0].length);
      }
      return rest ? known({ kind: 'answer', session, choices: rest, id }) : undefined;
    }
  }
}

/** The message from its `index`-th word on, with the user's own spacing and line breaks kept. */
function restAfter(message: string, index: number): string {
  const pattern = new RegExp(`^(?:\\S+\\s+){${index}}`);
  const match = pattern.exec(`${message} `);
  return match ? `${message} `.slice(match[0].length).trim() : '';
}

/**
 * Summaries (sessions, status, help) are open to everyone on the allow-list. Anything that changes
 * a session is the owner's, and so is whatever shows its code or output (tail, diff, plan).
 */
export function requiresOwner(command: ChatCommand): boolean {
  return !['sessions', 'status', 'help'].includes(command.kind);
}

/** The session a command names, if any (for the known-session check and the audit log). */
export function sessionOf(command: ChatCommand): string | undefined {
  return 'session' in command ? command.session : undefined;
}
