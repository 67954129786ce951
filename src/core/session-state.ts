/** What a session is doing, as reported to the user. */
export const SESSION_STATES = [
  'starting',
  'working',
  'idle',
  'waiting_approval',
  'waiting_trust',
  'waiting_answer',
  'error',
  'exited',
  'unknown',
] as const;

export type SessionState = (typeof SESSION_STATES)[number];

/** One choice offered by a dialog, and the key that picks it. */
export interface PromptOption {
  /** The dialog's own number for it ("1"), or '' where the dialog draws none (2.1.332's trust dialog). */
  key: string;
  label: string;
  /** What choosing it means, so callers never guess from the position. */
  kind: 'yes' | 'always' | 'no' | 'other';
  /** The cursor (`❯`) is on this option: Enter would choose it. */
  selected?: boolean;
}

/** A dialog the agent is waiting on. */
export interface PendingPrompt {
  /** Bash, Edit, Write, WebFetch, ExitPlanMode, an MCP tool name, "trust" or "question". */
  tool: string;
  /** The command, file, URL or question text. */
  detail: string;
  options: PromptOption[];
}

export interface ScreenReading {
  state: SessionState;
  prompt?: PendingPrompt;
  /** `unknown` only: one line on why the screen was not recognised, for the phone. */
  reason?: string;
}
