import type { PromptOption } from '../../../core/session-state.js';
import { isBlank, paneLines } from '../../../core/screen/pane-text.js';
import { findOptionBlock } from './dialog-options.js';

/**
 * How a permission dialog lets the user deny and tell Claude what to do instead, read from the
 * dialog itself (2.1.197 and 2.1.332 alike; test/fixtures/claude-screens/VERSION/permission-*):
 * - `type-in-option`: the plan dialog's "Tell Claude what to change". With the cursor on it,
 *   typed text replaces the label; Enter sends it back to Claude as feedback, and Claude keeps
 *   planning.
 * - `amend`: a "No" in a dialog whose footer offers "Tab to amend" (Bash, Edit, Write). Tab
 *   turns it into "No, and tell Claude what to do differently", typed text into "No, <text>".
 * - `then-prompt`: WebFetch's "No, and tell Claude what to do differently (esc)". It interrupts
 *   the turn like Esc; what to do instead is then the next prompt.
 * - `none`: no such way ("Exit plan mode?" offers only Yes / No).
 * In the first two Claude receives the text in the tool's result, as "the user said: <text>".
 */
export type FeedbackRoute =
  | { kind: 'type-in-option'; label: string }
  | { kind: 'amend'; label: string }
  | { kind: 'then-prompt'; label: string }
  | { kind: 'none' };

const TELL_WHAT_TO_CHANGE = /^Tell Claude what to change$/;
const NO_AND_TELL_BY_ESC = /^No, and tell Claude what to do differently \(esc\)$/;
const AMEND_FOOTER = /\bTab to amend\b/;
/** "No" once Tab opened its box: the dim placeholder, or `No, ` and what was typed so far. */
const AMENDED_NO = /^No, /;

/** The dialog's footer: the first line under its options. */
function footerOf(screen: string): string {
  const lines = paneLines(screen);
  const block = findOptionBlock(lines);
  if (!block) return '';
  let index = block.end + 1;
  while (index < lines.length && isBlank(lines[index])) index += 1;
  return (lines[index] ?? '').trim();
}

/** The route the dialog on `screen` (whose options are `options`) offers for a reason. */
export function feedbackRoute(screen: string, options: readonly PromptOption[]): FeedbackRoute {
  const change = options.find((option) => TELL_WHAT_TO_CHANGE.test(option.label));
  if (change) return { kind: 'type-in-option', label: change.label };
  const byEsc = options.find((option) => NO_AND_TELL_BY_ESC.test(option.label));
  if (byEsc) return { kind: 'then-prompt', label: byEsc.label };
  const no = options.find((option) => option.kind === 'no' && option.label === 'No');
  if (no && AMEND_FOOTER.test(footerOf(screen))) return { kind: 'amend', label: no.label };
  return { kind: 'none' };
}

/**
 * A reason as it can be typed into a one-line box: one line, single spaces, no control
 * characters (an ESC typed into the terminal would cancel the dialog, a newline submit it).
 */
export function oneLineReason(reason: string): string {
  return reason.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Tab opened the box of the amended "No". */
export function amendOpened(option: PromptOption | undefined): boolean {
  return option !== undefined && AMENDED_NO.test(option.label);
}

const squash = (text: string) => text.replace(/\s+/g, '');

/**
 * The focused option shows exactly the typed reason (wrapped lines joined; compared without
 * white space, which wrapping changes), so Enter will send what the user wrote.
 */
export function reasonShown(route: FeedbackRoute, option: PromptOption | undefined, reason: string): boolean {
  if (!option?.selected) return false;
  if (route.kind === 'amend') return squash(option.label) === squash(`No, ${reason}`);
  if (route.kind === 'type-in-option') return squash(option.label) === squash(reason);
  return false;
}
