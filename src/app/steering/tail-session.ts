import type { Wingman } from '../create-wingman.js';
import { dropClaudeChrome } from '../../agents/claude-code/screen/tail-chrome.js';
import { cleanTail, TAIL_MESSAGE_CHARS } from '../../core/screen/clean-tail.js';
import { deriveSessionState } from '../../core/status/derive-state.js';
import { formatTail, tailHeader } from '../../core/steering/steering-replies.js';

/** Scrollback read for a tail: enough for 100 meaningful lines once the UI's chrome is gone. */
const TAIL_HISTORY_LINES = 2_000;

export interface TailRequest {
  wingman: Pick<Wingman, 'sessions' | 'detectScreen'>;
  session: string;
  lines: number;
}

/**
 * The last `lines` meaningful lines of a session's terminal, with scrollback, cleaned for a phone
 * and cut to fit one message. The header says what the screen itself shows (working, idle, …).
 */
export async function tailSession(request: TailRequest): Promise<string> {
  const { wingman, session: name, lines } = request;
  const screen = await wingman.sessions.capture(name, { lines: TAIL_HISTORY_LINES });
  const { state } = deriveSessionState({ nowMs: Date.now(), alive: true, screen: wingman.detectScreen(screen) });
  const maxChars = TAIL_MESSAGE_CHARS - tailHeader(name, state, lines).length - 1;
  return formatTail(name, state, cleanTail(screen, { lines, maxChars, dropChrome: dropClaudeChrome }));
}
