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
  /** The key to send (e.g. "1"); the dialog's own numbering. */
  key: string;
  label: string;
  /** What choosing it means, so callers never guess from the position. */
  kind: 'yes' | 'always' | 'no' | 'other';
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
}
