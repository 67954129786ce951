/**
 * Every failure a user can cause or meet carries a stable `code` and a message short and
 * plain enough for a phone screen. Front doors (CLI, chat handlers, agent tools) print
 * `message`; everything else is logged with its stack and `cause`.
 */
export type WingmanErrorCode =
  | 'invalid_session_name'
  | 'invalid_input'
  | 'unknown_session'
  | 'session_exists'
  | 'workdir_missing'
  | 'binary_missing'
  | 'tmux_failed'
  | 'typed_not_submitted'
  | 'not_ready'
  | 'config_invalid'
  | 'store_failed'
  | 'unauthorized'
  | 'stale_prompt'
  | 'no_pending_prompt'
  | 'unreadable_screen'
  | 'timeout'
  | 'git_failed'
  | 'worktree_refused'
  | 'setup_failed';

export class WingmanError extends Error {
  readonly code: WingmanErrorCode;

  constructor(code: WingmanErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WingmanError';
    this.code = code;
  }
}

export function isWingmanError(value: unknown): value is WingmanError {
  return value instanceof WingmanError;
}
