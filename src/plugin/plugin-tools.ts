import type { AgentTool, AgentToolResult } from 'openclaw/plugin-sdk/plugin-entry';
import type { Wingman } from '../app/create-wingman.js';
import { formatKilled, formatSent, formatSpawnOutcome } from '../core/format-replies.js';
import { formatDashboard, formatSessionStatus } from '../core/format-status.js';
import { isWingmanError, WingmanError } from '../core/errors.js';
import { SESSION_MODES, type SpawnMode } from '../core/session-mode.js';
import { AuditLog } from '../adapters/store/audit-log.js';
import { formatWorktreeOutcome } from '../core/worktrees/finish-plan.js';
import { createChatEngine } from '../app/chat-engine.js';
import { TAIL_DEFAULT_LINES, TAIL_MAX_LINES } from '../core/chat/parse-chat-command.js';

/** Who asked the assistant to call a tool, as OpenClaw reports the turn. */
export interface ToolCaller {
  isOwner: boolean;
  id: string;
}

/** Starting, steering, stopping and reading a terminal act on the owner's machine: owner only. */
const OWNER_ONLY: ReadonlySet<string> = new Set(['wingman_spawn', 'wingman_send', 'wingman_capture', 'wingman_kill', 'wingman_stop', 'wingman_tail', 'wingman_diff']);
export const TOOL_REFUSAL = 'Only the owner can start, steer, read or stop coding sessions.';

/**
 * The session's name goes in `name`, not `session`: OpenClaw masks a field called `session` as
 * "***" in the history it replays to the model (its redaction treats it as a secret).
 */
const NAME = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$', description: 'Session name: letters, digits, - _ . starting with a letter or digit (1-64)' } as const;

const MODE = {
  type: 'string',
  enum: [...SESSION_MODES],
  description: 'How permission prompts are handled: manual (default; each one is sent to the user), auto (Claude Code decides), plan (plan first), accept-edits (file edits without asking). Only when the user asks for one.',
} as const;

const WORKTREE = {
  worktree: { type: 'boolean', description: 'Work in a git worktree of its own on a new branch (wingman/NAME), so parallel sessions in one repository do not touch each other or the main checkout. Default: as the config says for that folder.' },
  branch: { type: 'string', description: 'The worktree branch, when the user names one; implies worktree.' },
  base: { type: 'string', description: 'What the new branch starts from (default: the branch checked out in workdir); implies worktree.' },
} as const;

/** The model may send anything; refuse other modes in words it can relay. */
function parseSpawnMode(value: unknown): SpawnMode {
  if ((SESSION_MODES as readonly unknown[]).includes(value)) return value as SpawnMode;
  throw new WingmanError('invalid_input', `Unknown mode ${JSON.stringify(value)}; use ${SESSION_MODES.join(', ')}.`);
}

function result(text: string, details: unknown): AgentToolResult {
  return { content: [{ type: 'text', text }], details };
}

/**
 * Tools the assistant uses to delegate coding work. Each result is a short text the assistant can
 * relay as-is plus the structured details. Refusals (bad name, unknown session) come back as text,
 * not exceptions, so the assistant can explain them.
 */
export function createWingmanTools(engine: () => Promise<Wingman>, caller: ToolCaller = { isOwner: true, id: 'operator' }): AgentTool[] {
  const run = async (action: () => Promise<AgentToolResult>): Promise<AgentToolResult> => {
    try {
      return await action();
    } catch (error) {
      if (isWingmanError(error)) return result(error.message, { error: error.code });
      throw error;
    }
  };
  const tools: AgentTool[] = [
    {
      name: 'wingman_spawn',
      label: 'Start a Claude Code session',
      description: 'Start Claude Code in a new tmux session in a project directory with a task (or send the task to the session if it already runs).',
      parameters: { type: 'object', properties: { name: NAME, workdir: { type: 'string', description: 'Absolute project directory' }, task: { type: 'string', description: 'What Claude Code should do' }, mode: MODE, ...WORKTREE }, required: ['name', 'workdir'], additionalProperties: false },
      execute: (_id, params: { name: string; workdir: string; task?: string; mode?: SpawnMode; worktree?: boolean; branch?: string; base?: string }) =>
        run(async () => {
          const mode = params.mode === undefined ? undefined : parseSpawnMode(params.mode);
          const outcome = await (await engine()).sessions.spawn({ name: params.name, workdir: params.workdir, prompt: params.task, mode, worktree: params.worktree, branch: params.branch, base: params.base });
          const text = outcome.warning ? `${formatSpawnOutcome(outcome)}\n⚠ ${outcome.warning}` : formatSpawnOutcome(outcome);
          return result(text, { action: outcome.action, trust: outcome.trust, state: outcome.session.state, mode: outcome.session.permissionMode, claudeVersion: outcome.session.claudeVersion, warning: outcome.warning, worktree: outcome.session.worktree });
        }),
    },
    {
      name: 'wingman_send',
      label: 'Send a prompt to a session',
      description: 'Submit a follow-up prompt to a running Claude Code session; submission is verified on screen.',
      parameters: {
        type: 'object',
        properties: {
          name: NAME,
          prompt: { type: 'string' },
          replace: { type: 'boolean', description: 'Clear text already typed in the input box (e.g. a prompt restored after an interrupt) before sending.' },
        },
        required: ['name', 'prompt'],
        additionalProperties: false,
      },
      execute: (_id, params: { name: string; prompt: string; replace?: boolean }) =>
        run(async () => result(formatSent(await (await engine()).sessions.send(params.name, params.prompt, { replace: params.replace === true })), { name: params.name })),
    },
    {
      name: 'wingman_status',
      label: 'Session status',
      description: 'Status of one session (state, task, latest activity, test progress like "8/10 passing", pending prompt) or, without a name, of all sessions.',
      parameters: { type: 'object', properties: { name: NAME }, additionalProperties: false },
      execute: (_id, params: { name?: string }) =>
        run(async () => {
          const wingman = await engine();
          if (params.name) {
            const { status } = await wingman.sessions.get(params.name);
            return result(formatSessionStatus(status, Date.now()), status);
          }
          const statuses = (await wingman.sessions.list()).map((view) => view.status);
          return result(formatDashboard(statuses, Date.now()), statuses);
        }),
    },
    {
      name: 'wingman_capture',
      label: 'Recent output of a session',
      description: "The session's recent terminal output, to summarise for the user.",
      parameters: { type: 'object', properties: { name: NAME, lines: { type: 'integer', minimum: 1, maximum: 2000 } }, required: ['name'], additionalProperties: false },
      execute: (_id, params: { name: string; lines?: number }) =>
        run(async () => {
          const text = await (await engine()).sessions.capture(params.name, { lines: params.lines ?? 80 });
          return result(text, { name: params.name, lines: params.lines ?? 80 });
        }),
    },
    {
      name: 'wingman_tail',
      label: 'Latest output of a session, cleaned',
      description: "The session's last meaningful output lines, cleaned for a phone (no terminal borders, input box or spinners) and cut to fit one chat message: relay it as is. Use wingman_capture for the raw screen.",
      parameters: { type: 'object', properties: { name: NAME, lines: { type: 'integer', minimum: 1, maximum: TAIL_MAX_LINES } }, required: ['name'], additionalProperties: false },
      execute: (_id, params: { name: string; lines?: number }) =>
        run(async () => {
          const lines = Math.min(TAIL_MAX_LINES, Math.max(1, Math.floor(params.lines ?? TAIL_DEFAULT_LINES)));
          return result(await createChatEngine(await engine(), () => undefined).tail(params.name, lines), { name: params.name, lines });
        }),
    },
    {
      name: 'wingman_diff',
      label: 'What a session changed',
      description: "What a session changed in its folder or worktree (files with their +/- lines, then a patch excerpt), cut to fit one chat message: relay it as is. For a worktree session, everything on its branch since it left the base.",
      parameters: { type: 'object', properties: { name: NAME }, required: ['name'], additionalProperties: false },
      execute: (_id, params: { name: string }) =>
        run(async () => result(await createChatEngine(await engine(), () => undefined).diff(params.name), { name: params.name })),
    },
    {
      name: 'wingman_stop',
      label: 'Interrupt the running turn',
      description: "Interrupt what a session is doing right now (like pressing Esc), verified: it reads idle afterwards. The session keeps running and takes new prompts. Only when the user asks.",
      parameters: { type: 'object', properties: { name: NAME }, required: ['name'], additionalProperties: false },
      execute: (_id, params: { name: string }) =>
        run(async () => {
          const reply = await createChatEngine(await engine(), () => undefined).stop(params.name, `assistant:${caller.id || 'unknown'}`);
          return result(reply.text, { name: params.name, ok: reply.ok });
        }),
    },
    {
      name: 'wingman_kill',
      label: 'Stop a session',
      description: 'Stop a Claude Code session and remove it. Only when the user asks. Its worktree is kept while it holds uncommitted or unmerged work.',
      parameters: {
        type: 'object',
        properties: {
          name: NAME,
          removeWorktree: { type: 'boolean', description: "Also remove the session's worktree if it has no uncommitted changes (refused otherwise). Only when the user asks." },
          force: { type: 'boolean', description: "Also discard the session's worktree and branch, whatever they hold. Only when the user explicitly asks to throw the work away." },
        },
        required: ['name'],
        additionalProperties: false,
      },
      execute: (_id, params: { name: string; removeWorktree?: boolean; force?: boolean }) =>
        run(async () => {
          const killed = await (await engine()).sessions.kill(params.name, { worktree: params.force === true ? 'discard' : params.removeWorktree === true ? 'remove' : 'keep' });
          const text = [formatKilled(killed), ...(killed.worktreeOutcome ? [formatWorktreeOutcome(killed.worktreeOutcome)] : [])].join(' ');
          return result(text, { name: params.name, worktree: killed.worktreeOutcome });
        }),
    },
  ];
  return caller.isOwner ? tools : tools.map((tool) => (OWNER_ONLY.has(tool.name) ? refusing(tool, engine, caller) : tool));
}

/** The same tool (so the assistant still sees it), answering a refusal and auditing the attempt. */
function refusing(tool: AgentTool, engine: () => Promise<Wingman>, caller: ToolCaller): AgentTool {
  return {
    ...tool,
    execute: async (_id, params: { name?: string }) => {
      const audit = new AuditLog((await engine()).paths.audit);
      await audit.append({ session: params.name ?? '', tool: tool.name, detail: JSON.stringify(params).slice(0, 200), decision: 'refused', by: caller.id || 'unknown', via: 'chat', note: 'not the owner' });
      return result(TOOL_REFUSAL, { error: 'not_owner' });
    },
  };
}
