/**
 * How a session handles permission prompts, in wingman's own words (`wingman spawn --mode`).
 * `manual` is the default so every prompt reaches the phone; the agent's own flag names are
 * mapped at the launch edge (src/agents/claude-code/permission-modes.ts).
 */
export const SESSION_MODES = ['manual', 'auto', 'plan', 'accept-edits'] as const;
export type SpawnMode = (typeof SESSION_MODES)[number];

/** Config-only: hides every prompt, so `--mode` does not offer it; kept for configs that already use it. */
export const ALL_SESSION_MODES = [...SESSION_MODES, 'bypass-permissions'] as const;
export type SessionMode = (typeof ALL_SESSION_MODES)[number];

/** `claude.permissionMode` in config.json takes wingman's names or Claude Code's own. */
const CONFIG_ALIASES: Readonly<Record<string, SessionMode>> = {
  default: 'manual',
  acceptEdits: 'accept-edits',
  bypassPermissions: 'bypass-permissions',
};
export const CONFIG_MODE_NAMES = [...ALL_SESSION_MODES, 'default', 'acceptEdits', 'bypassPermissions'] as const;

/** A config value (either vocabulary) as wingman's mode; undefined for anything else. */
export function sessionModeFromConfig(value: string): SessionMode | undefined {
  if ((ALL_SESSION_MODES as readonly string[]).includes(value)) return value as SessionMode;
  return Object.hasOwn(CONFIG_ALIASES, value) ? CONFIG_ALIASES[value] : undefined;
}
