import type { ScreenReading } from '../session-state.js';
import { readInputBox } from './input-box.js';
import { dialogKindFromFooter, parseDialog } from './claude-dialogs.js';
import { findLastIndex, RULE_LINE, screenLines } from './screen-lines.js';

export interface ClaudeScreenReading extends ScreenReading {
  /** The latest turn on screen ended with `● API Error: …`. */
  apiError?: boolean;
  /** That error line, without the bullet. */
  apiErrorMessage?: string;
  /** From `claude --resume <id>` after Claude Code exited. */
  resumeSessionId?: string;
}

const RESUME_LINE = /^claude --resume ([0-9a-f-]{36})\s*$/;
/** Only the footer under the input box says this while a turn runs (spinner, tool, retry). */
const WORKING_FOOTER = /^\s+esc to interrupt\b/;
const PAST_PROMPT = /^❯ \S/;
const API_ERROR_LINE = /^● API Error:/;

const DIALOG_STATE = { trust: 'waiting_trust', permission: 'waiting_approval', plan: 'waiting_approval', question: 'waiting_answer' } as const;

/**
 * Reads a captured Claude Code pane. Every rule is anchored to the UI's structure at the bottom of
 * the screen (the input box between two rules and the footer under it, or a dialog's own footer),
 * never to words that tool output or answers could print in the transcript.
 */
export function detectClaudeScreen(screen: string): ClaudeScreenReading {
  const lines = screenLines(screen);
  const boxEnd = inputBoxClosingRule(lines);

  const resumeAt = findLastIndex(lines, RESUME_LINE);
  if (resumeAt !== -1 && resumeAt > boxEnd && /Resume this session with/.test(lines[resumeAt - 1] ?? '')) {
    return { state: 'exited', resumeSessionId: RESUME_LINE.exec(lines[resumeAt]!)![1]! };
  }

  if (boxEnd !== -1) {
    const footer = lines.slice(boxEnd + 1);
    if (footer.some((line) => WORKING_FOOTER.test(line))) return { state: 'working' };
    const apiErrorMessage = lastTurnError(lines, boxEnd);
    return apiErrorMessage === undefined ? { state: 'idle', apiError: false } : { state: 'idle', apiError: true, apiErrorMessage };
  }

  const dialog = dialogKindFromFooter(lines);
  if (dialog) {
    const prompt = parseDialog(lines, dialog);
    if (prompt && prompt.options.length > 0) return { state: DIALOG_STATE[dialog], prompt };
  }
  return { state: 'unknown' };
}

/** The input box counts only when it is the live bottom of the screen: at most a footer below it. */
function inputBoxClosingRule(lines: readonly string[]): number {
  const box = readInputBox(lines.join('\n'));
  if (!box.present) return -1;
  const mark = findLastIndex(lines, /^❯\u00a0/);
  const closing = lines.findIndex((line, index) => index > mark && RULE_LINE.test(line));
  const below = lines.slice(closing + 1).filter((line) => line.trim() !== '');
  // Footer lines, plus what Claude prints on exit under the box (hint, resume lines, our marker).
  return below.length <= 6 ? closing : -1;
}

function lastTurnError(lines: readonly string[], boxEnd: number): string | undefined {
  const boxTop = findLastIndex(lines, RULE_LINE, boxEnd - 1) - 1;
  const lastPrompt = findLastIndex(lines, PAST_PROMPT, boxTop);
  const turn = lines.slice(lastPrompt + 1, boxTop + 1);
  const at = turn.findIndex((candidate) => API_ERROR_LINE.test(candidate));
  if (at === -1) return undefined;
  const wrapped = [turn[at]!.replace(/^● /, '')];
  for (const next of turn.slice(at + 1)) {
    if (!/^ {2}\S/.test(next)) break; // continuation lines of a wrapped message are indented
    wrapped.push(next.trim());
  }
  return wrapped.join(' ').trim();
}
