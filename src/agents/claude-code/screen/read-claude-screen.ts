import type { ScreenReading } from '../../../core/session-state.js';
import { readDialog } from './dialog-reader.js';
import { readKeyFooterDialog } from './key-footer-dialog.js';
import { findOptionBlock } from './dialog-options.js';
import { indentOf, isBlank, isRule, paneLines, screenWidth, unwrapLines } from '../../../core/screen/pane-text.js';

export interface ClaudeScreenReading extends ScreenReading {
  /** Idle only: the last turn on screen ended with `● API Error: …` (the engine decides `error`). */
  apiError?: boolean;
  /** With `apiError`: the error line(s) as shown, without the `● `. */
  apiErrorMessage?: string;
  /** Exited only: the id from `claude --resume <id>`. */
  resumeSessionId?: string;
}

/** The live input box: `❯` + NBSP at column 0 right under a rule (past prompts use a plain space). */
const INPUT_MARK = '❯\u00a0';
/** Claude Code's exit hint, two lines at column 0 (transcript text is always prefixed or indented). */
export const RESUME_INTRO = /^Resume this session with:$/;
/**
 * The command under it: `claude --resume <id>` (2.1.197), or with the launch flags repeated,
 * `claude --permission-mode default --settings <file> --resume <id>` (2.1.332), which may wrap.
 */
const RESUME_COMMAND = /^claude (?:\S+ )*?--resume ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
/**
 * The footer under the input box while a turn runs (thinking, streaming, tool, API retry):
 * `  esc to interrupt · ← for agents` (2.1.197) or after a mode badge,
 * `  ⏸ manual mode on · esc to interrupt` (2.1.332). With text in the box 2.1.332 drops it.
 */
const WORKING_FOOTER = /(?:^|·)\s*esc to interrupt\b/;
/**
 * The spinner line above the box while a turn runs: `✶ Twisting… (6s · ↓ 29 tokens)`, `✻ Honking…`,
 * `✻ API error · Retrying in 1s · attempt 3/10` (2.1.332: `retrying`). A finished turn leaves
 * `✻ Cooked for 20s` (2.1.332 adds `· done 9:00 PM`), with no `…`.
 * Needed because the footer goes blank while the user types into the box during a turn.
 */
export const ACTIVE_SPINNER = /^[·✢✳✶✻✽*] \S.*(?:…|\b[Rr]etrying in \d+s\b)/;
/** A past prompt in the transcript: `❯ ` + plain space at column 0. */
const PAST_PROMPT = /^❯ /;
/** A message at column 0 (`●` then a space or NBSP); an API failure reads `● API Error: 500 …`. */
const MESSAGE_LINE = /^●[ \u00a0]/;
const API_ERROR_LINE = /^●[ \u00a0](API Error\b.*)$/;
/**
 * A failure Claude Code prints as the prompt's own result, with no `●` message: a 401 reads
 * `  ⎿  Invalid API key · Fix external API key` right under the prompt.
 */
const PROMPT_RESULT_ERROR = /^ {2}⎿[ \u00a0]{2}((?:Invalid API key|API Error)\b.*)$/;

export interface InputBox {
  top: number;
  bottom: number;
}

/**
 * The input box, when it is the live bottom of the screen: rule, `❯`+NBSP line (plus indented
 * continuation lines of a multi-line input), rule, and no further rule below (a footer, a
 * suggestion list or the exit hint may follow).
 */
export function findInputBox(lines: readonly string[]): InputBox | undefined {
  for (let index = lines.length - 1; index >= 1; index -= 1) {
    if (!(lines[index] ?? '').startsWith(INPUT_MARK) || !isRule(lines[index - 1])) continue;
    let bottom = index + 1;
    while (bottom < lines.length && !isRule(lines[bottom]) && (isBlank(lines[bottom]) || indentOf(lines[bottom] ?? '') > 0)) bottom += 1;
    if (!isRule(lines[bottom])) continue;
    if (lines.slice(bottom + 1).some((line) => isRule(line))) return undefined;
    return { top: index - 1, bottom };
  }
  return undefined;
}

function isWorking(lines: readonly string[], box: InputBox): boolean {
  const footer = lines.slice(box.bottom + 1).find((line) => !isBlank(line));
  if (footer !== undefined && WORKING_FOOTER.test(footer)) return true;
  // The first column-0 line above the box (tips and todo lists under the spinner are indented).
  for (let index = box.top - 1; index >= 0; index -= 1) {
    const line = lines[index] ?? '';
    if (isBlank(line) || indentOf(line) > 0) continue;
    return ACTIVE_SPINNER.test(line);
  }
  return false;
}

/** The API error that ended the last turn: the last message after the last past prompt. */
function lastTurnApiError(lines: readonly string[], box: InputBox): string | undefined {
  let from = 0;
  for (let index = box.top - 1; index >= 0; index -= 1) {
    if (PAST_PROMPT.test(lines[index] ?? '')) {
      from = index + 1;
      break;
    }
  }
  // The prompt's continuation lines are indented too; its result is the first `⎿` line after it.
  for (let index = from; index < box.top; index += 1) {
    const line = lines[index] ?? '';
    if (isBlank(line)) continue;
    if (/^\s*⎿/.test(line)) {
      const failed = PROMPT_RESULT_ERROR.exec(line);
      if (failed) return failed[1];
      break;
    }
    if (indentOf(line) === 0) break;
  }
  for (let index = box.top - 1; index >= from; index -= 1) {
    if (!MESSAGE_LINE.test(lines[index] ?? '')) continue;
    if (!API_ERROR_LINE.test(lines[index] ?? '')) return undefined;
    const message = [lines[index] ?? ''];
    for (let next = index + 1; next < box.top && /^ {2}\S/.test(lines[next] ?? ''); next += 1) message.push(lines[next] ?? '');
    return unwrapLines(message, { width: screenWidth(lines), mirrorIndent: false }).join(' ').replace(MESSAGE_LINE, '');
  }
  return undefined;
}

/** The exit hint: its intro line, then the command, whose wrapped rows are joined back. */
function findResume(lines: readonly string[]): { index: number; id: string } | undefined {
  for (let intro = lines.length - 2; intro >= 0; intro -= 1) {
    if (!RESUME_INTRO.test(lines[intro] ?? '')) continue;
    let command = '';
    for (let index = intro + 1; index < lines.length && !isBlank(lines[index]); index += 1) {
      command += lines[index] ?? '';
      const match = RESUME_COMMAND.exec(command);
      if (match) return { index, id: match[1] ?? '' };
    }
  }
  return undefined;
}

function readLiveBottom(lines: readonly string[]): ClaudeScreenReading | undefined {
  const box = findInputBox(lines);
  if (box) {
    if (isWorking(lines, box)) return { state: 'working' };
    const apiError = lastTurnApiError(lines, box);
    return apiError === undefined ? { state: 'idle', apiError: false } : { state: 'idle', apiError: true, apiErrorMessage: apiError };
  }
  return readDialog(lines) ?? readKeyFooterDialog(lines);
}

/**
 * Classifies a captured Claude Code pane (plain or with escapes). Every rule is anchored to the
 * UI's own structure at the bottom of the screen: the input box between two rules and the footer
 * under it, a dialog's rule/title/option lines, the exit hint at column 0. Words that tool output
 * or answers print in the transcript never decide the state.
 */
export function detectClaudeScreen(screen: string): ClaudeScreenReading {
  const all = paneLines(screen);
  const resume = findResume(all);
  // After the exit hint only a new Claude Code UI counts (e.g. `claude --resume` run in the pane).
  const lines = resume ? all.slice(resume.index + 1) : all;
  const live = readLiveBottom(lines);
  if (live) return live;
  if (resume) return { state: 'exited', resumeSessionId: resume.id };
  return { state: 'unknown', reason: unknownReason(lines) };
}

/** One line for the phone on why the screen was not read: an unknown dialog, or no UI at all. */
function unknownReason(lines: readonly string[]): string {
  const block = findOptionBlock(lines);
  if (block) {
    const labels = block.options.map((option) => option.label).slice(0, 3).join(' / ');
    return `a dialog wingman does not recognise (options: ${labels.length > 80 ? `${labels.slice(0, 79)}…` : labels})`;
  }
  if (lines.every((line) => isBlank(line))) return 'the screen is blank';
  return "neither Claude Code's input box nor a dialog wingman knows is at the bottom of the screen";
}
