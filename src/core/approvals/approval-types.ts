import type { PromptOption } from '../session-state.js';

/** What the user answers: once, always (remember the rule), or no. */
export type ApprovalDecision = 'approve' | 'always' | 'deny';

export const APPROVAL_DECISIONS: readonly ApprovalDecision[] = ['approve', 'always', 'deny'];

/** A permission prompt waiting for the user. */
export interface PendingApproval {
  /** Short id named in the notification: `approve NAME ID` answers exactly this prompt. */
  id: string;
  session: string;
  tool: string;
  detail: string;
  /**
   * The tool's input as the PermissionRequest hook reported it (a question's questions and
   * options, a plan's text, an edit's old and new strings); absent for prompts seen only on screen.
   */
  input?: Record<string, unknown> | undefined;
  /** ExitPlanMode: the plan to approve (the hook's `plan`, else as the dialog shows it). */
  plan?: string | undefined;
  /** The options the dialog shows, when the screen has been read. */
  options: PromptOption[];
  /** `hook`: a PermissionRequest hook waits for the answer; `screen`: only keys can answer it. */
  via: 'hook' | 'screen';
  createdAtMs: number;
  notifiedAtMs?: number | undefined;
  remindedAtMs?: number | undefined;
}

/** How an answer reached Claude Code, for the audit log; `chat` marks refused chat messages and tool calls. */
export type AnswerPath = 'hook' | 'keys' | 'terminal' | 'policy' | 'chat';
