import { z } from 'zod';
import { SESSION_STATES } from './session-state.js';
import { isValidSessionName } from './session-name.js';
import { ALL_SESSION_MODES } from './session-mode.js';
import { HOOK_TRANSPORTS } from '../agents/claude-code/hook-transport.js';

/** The two renderers Claude Code has: full-screen (alternate screen) and the classic inline one. */
export const RENDERERS = ['fullscreen', 'inline'] as const;
export type Renderer = (typeof RENDERERS)[number];

const isoTime = z.string().datetime({ offset: true });

/** The git worktree a session made for itself (`spawn --worktree`). */
export const sessionWorktreeSchema = z.object({
  /** The main checkout of the repository. */
  repo: z.string().min(1),
  /** The worktree's top-level directory (the session's workdir is it or a folder inside). */
  path: z.string().min(1),
  branch: z.string().min(1),
  /** What the branch was made from, as named (`main`, `origin/main`, a commit). */
  base: z.string().min(1),
  /** `base` as a commit at spawn time: what diff compares against when `base` has moved or gone. */
  baseCommit: z.string().regex(/^[0-9a-f]{40,64}$/),
  /** wingman made the branch (or it is wingman's own `wingman/NAME`), so kill may delete it once it holds nothing. */
  ownsBranch: z.boolean(),
});

export type SessionWorktree = z.infer<typeof sessionWorktreeSchema>;

export const sessionRecordSchema = z.object({
  name: z.string().refine(isValidSessionName, 'not a valid session name'),
  agent: z.literal('claude'),
  workdir: z.string().min(1),
  tmuxSession: z.string().min(1),
  createdAt: isoTime,
  lastActivityAt: isoTime,
  lastPrompt: z.string().optional(),
  state: z.enum(SESSION_STATES),
  /** Set at launch (`--session-id`), so `claude --resume` works even if no hook ever fired. */
  claudeSessionId: z.string().uuid().optional(),
  /** The task given at spawn while the folder-trust dialog still waits for `wingman trust`. */
  queuedPrompt: z.string().optional(),
  exitedAt: isoTime.optional(),
  /** Authenticates this session's hooks to wingman; never shown in listings. */
  hookSecret: z.string().min(16).optional(),
  /** How the session handles permission prompts, as launched (kept by resume). */
  permissionMode: z.enum(ALL_SESSION_MODES).optional(),
  /** Which renderer Claude Code was told to use, so screens are read knowing it. */
  renderer: z.enum(RENDERERS).optional(),
  /** `claude --version` of the binary it runs; absent when that could not be read. */
  claudeVersion: z.string().optional(),
  /** Set by `spawn --worktree`; absent for sessions in a directory of the user's own (and in older registries). */
  worktree: sessionWorktreeSchema.optional(),
  /** How its hook events reach wingman, as launched: the MCP hook server or the per-event forwarder. */
  hookTransport: z.enum(HOOK_TRANSPORTS).optional(),
});

export type SessionRecord = z.infer<typeof sessionRecordSchema>;

export const registrySchema = z.object({
  version: z.literal(1),
  sessions: z.record(z.string(), sessionRecordSchema),
});

export type RegistryData = z.infer<typeof registrySchema>;

export function emptyRegistry(): RegistryData {
  return { version: 1, sessions: {} };
}
