import { WingmanError } from './errors.js';

/** Longest prompt accepted; Claude Code itself handles large pastes, but a chat message is far smaller. */
export const MAX_PROMPT_CHARS = 100_000;

// C0/C1 controls and DEL, except tab and newline: an ESC or a stray Ctrl-C in a prompt
// would be read by the terminal as a key, not as text.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Makes untrusted prompt text safe to type into a terminal, or explains why it cannot be sent. */
export function parsePromptText(raw: unknown): string {
  if (typeof raw !== 'string') throw new WingmanError('invalid_input', 'The prompt must be text.');
  const text = raw.replace(/\r\n?/g, '\n').replace(CONTROL_CHARACTERS, '').replace(/\t/g, '  ').trim();
  if (text.length === 0) throw new WingmanError('invalid_input', 'The prompt is empty.');
  if (text.length > MAX_PROMPT_CHARS) {
    throw new WingmanError('invalid_input', `The prompt is too long (${text.length} characters; at most ${MAX_PROMPT_CHARS}).`);
  }
  return text;
}
