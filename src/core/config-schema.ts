import { z } from 'zod';
import { CONFIG_MODE_NAMES, sessionModeFromConfig } from './session-mode.js';
import { HOOK_TRANSPORT_SETTINGS } from '../agents/claude-code/hook-transport.js';

/** `claude.renderer` (see there); a session records which renderer it got as `fullscreen` or `inline`. */
export const RENDERER_SETTINGS = ['default', 'fullscreen', 'inline'] as const;
export type RendererSetting = (typeof RENDERER_SETTINGS)[number];

/** A setup command: a shell line (run with `sh -c`) or an argv array (run as is). */
const setupCommand = z.union([z.string().trim().min(1), z.array(z.string().min(1)).min(1)]);
/** `{name}` keeps two sessions from sharing a worktree or a branch. */
const withName = (what: string) => z.string().min(1).refine((value) => value.includes('{name}'), `${what} must contain {name}`);

/** What `worktrees.roots` may set for the repositories under one folder (usually a trusted root). */
const worktreeRootSchema = z
  .object({
    /** `spawn` makes a worktree for sessions here unless told `--no-worktree`. */
    enabled: z.boolean().optional(),
    place: withName('worktrees place').optional(),
    branch: withName('worktrees branch').optional(),
    setup: setupCommand.optional(),
  })
  .strict();

/** `~/.wingman/config.json`. Every field has a default, so an absent file is a valid config. */
export const wingmanConfigSchema = z
  .object({
    claude: z
      .object({
        /** The Claude Code executable: a name on PATH or a path. */
        bin: z.string().min(1).default('claude'),
        /** Extra arguments placed before wingman's own. */
        args: z.array(z.string()).default([]),
        /** Extra environment for every session (API endpoint, HOME for tests, ...). */
        env: z.record(z.string(), z.string()).default({}),
        /**
         * The default for `wingman spawn --mode`: wingman's names (manual, auto, plan, accept-edits)
         * or Claude Code's own. Explicit, because Claude Code 2.1.332 starts in auto mode when not
         * told otherwise, which would hide the permission dialogs wingman exists to relay.
         */
        permissionMode: z
          .enum(CONFIG_MODE_NAMES)
          .default('manual')
          .transform((name) => sessionModeFromConfig(name)!),
        /**
         * `default`: the renderer Claude Code itself ships as the default of that release (full-screen
         * from 2.1.332, inline before), pinned per session so an install's history, an upsell or a
         * server-side trial cannot switch it; `fullscreen` or `inline` to choose.
         */
        renderer: z.enum(RENDERER_SETTINGS).default('default'),
        /**
         * How hook events reach wingman: `mcp` (an MCP hook server per session, no process per
         * event), `command` (the forwarder, a process per event) or `auto` (`mcp` where the release
         * has `mcp_tool` hooks). Chosen per session at launch and shown by `wingman status`.
         */
        hookTransport: z.enum(HOOK_TRANSPORT_SETTINGS).default('auto'),
      })
      .strict()
      .prefault({}),
    tmux: z
      .object({
        /** Socket name (`-L`) or path (`-S`); unset = the user's default tmux server. */
        socket: z.string().min(1).optional(),
        width: z.number().int().min(40).max(1000).default(200),
        height: z.number().int().min(10).max(500).default(50),
      })
      .strict()
      .prefault({}),
    /**
     * Auto-approve policy, off by default: rules like `Bash(npm test*)`, `Read(*)`; deny rules
     * always win; `sessions` adds rules for one session on top of the global ones.
     */
    policies: z
      .object({
        allow: z.array(z.string().min(1)).default([]),
        deny: z.array(z.string().min(1)).default([]),
        sessions: z.record(z.string(), z.object({ allow: z.array(z.string().min(1)).default([]), deny: z.array(z.string().min(1)).default([]) }).strict()).default({}),
      })
      .strict()
      .prefault({}),
    /** Work directories under these roots get the folder-trust dialog accepted automatically. */
    trustedRoots: z.array(z.string().min(1)).default([]),
    /** How long an exited session stays listed before it is cleaned up. */
    exitedGraceMs: z.number().int().min(0).default(10 * 60_000),
    /** How long spawn waits for Claude Code to show its input box or trust dialog. */
    startupTimeoutMs: z.number().int().min(1000).default(45_000),
    /**
     * `spawn --worktree`: a git worktree of its own per session. `place` and `branch` are templates
     * with `{repo}` (the main checkout's path), `{repoName}` and `{name}` (the session); `setup` runs
     * in the new worktree before Claude Code starts; `roots` overrides these per folder (longest wins).
     */
    worktrees: z
      .object({
        enabled: z.boolean().default(false),
        place: withName('worktrees.place').default('{repo}.wingman/{name}'),
        branch: withName('worktrees.branch').default('wingman/{name}'),
        setup: setupCommand.optional(),
        setupTimeoutMs: z.number().int().min(1000).default(10 * 60_000),
        roots: z.record(z.string().min(1), worktreeRootSchema).default({}),
      })
      .strict()
      .prefault({}),
    submit: z
      .object({
        /** Enter is re-sent at most this many times; the text itself is never re-sent. */
        enterRetries: z.number().int().min(0).max(10).default(3),
        /** How long to watch the screen for proof of submission after each Enter. */
        confirmTimeoutMs: z.number().int().min(100).default(5000),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type WingmanConfig = z.infer<typeof wingmanConfigSchema>;
export type WingmanConfigInput = z.input<typeof wingmanConfigSchema>;
export type WorktreeConfig = WingmanConfig['worktrees'];
export type SetupCommand = z.infer<typeof setupCommand>;
