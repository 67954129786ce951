import { displayWidth, indentOf, isBlank, isRule, screenWidth } from '../../../core/screen/pane-text.js';
import { ACTIVE_SPINNER, findInputBox, RESUME_INTRO } from './read-claude-screen.js';

/** A row of a box drawn at column 0 (2.1.197's welcome banner); transcript text never starts with one. */
const BOX_ROW = /^[╭│╰].*[╮│╯]$/;
/** The logo line of 2.1.332's banner: logo cells (or blanks while it animates), then the version. */
const LOGO_VERSION = /^[\s\u2580-\u259f~]*Claude Code v\d+\.\d+\.\d+$/;
/** A finished turn's spinner line: `✻ Cooked for 0s`, `✻ Brewed for 3s · done 10:47 PM`. */
const FINISHED_SPINNER = /^[·✢✳✶✻✽*] \S+ for \d+(?:\.\d+)?[smh]\b/;
/** Tips Claude Code prints under the running spinner (`  ⎿  Tip: Use /memory …`). */
const SPINNER_TIP = /^\s+⎿?\s*Tip: /;
/** A tip inside a 2.1.332 dialog body (indented one column, like the rest of the body). */
const DIALOG_TIP = /^ Tip: /;
/** A line taken out of its block altogether (a blank would split the block). */
const REMOVED = '\u0000removed';
/** A message bullet with nothing after it yet (streaming has not started). */
const EMPTY_BULLET = /^●\s*$/;
/** A dialog's key footer: `Esc to cancel · Tab to amend`, `Enter to select · ↑/↓ to navigate · …`, `ctrl+g to edit in Vim · …`. */
const KEY_FOOTER = /^\s*(?:Enter|Esc|Tab|shift\+Tab|Space|ctrl\+\S+|↑\/↓) to \S/i;
const LONE_ESC = /^\s*Esc to cancel\s*$/;
/** tmux's line under a finished pane (remain-on-exit): says the session ended. */
const PANE_DEAD = /^Pane is dead\b/;
/** Right-aligned hints over the box (`◐ medium · /effort`, the tmux focus-events notice) start this far in. */
const HINT_INDENT = 20;

/**
 * Claude Code's own UI in a captured pane, blanked so only the conversation is left for `tail`:
 * the welcome banner (2.1.197's box, 2.1.332's logo and release notes), every input box, the
 * footer and suggestions under the live one (the exit hint and tmux's "Pane is dead" stay: they
 * say the session ended), right-aligned hints over it, spinner lines and their tips, empty message
 * bullets, dialog tips, and the key footer of a dialog at the bottom. Lines are blanked, so blocks
 * stay apart, except a tip inside a dialog body, which goes.
 */
export function dropClaudeChrome(input: readonly string[]): string[] {
  const lines = [...input];
  const blank = (from: number, to: number) => {
    for (let index = Math.max(0, from); index < Math.min(to, lines.length); index += 1) lines[index] = '';
  };
  const live = findInputBox(lines);
  if (live) {
    const exitHint = lines.findIndex((line, index) => index > live.bottom && (RESUME_INTRO.test(line) || PANE_DEAD.test(line)));
    blank(live.top, exitHint === -1 ? lines.length : exitHint);
    blankHintsAbove(lines, live.top);
  } else {
    blankKeyFooter(lines);
  }
  blankOldInputBoxes(lines);
  blankBanner(lines);
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (DIALOG_TIP.test(line)) lines[index] = REMOVED;
    else if (BOX_ROW.test(line) || FINISHED_SPINNER.test(line) || EMPTY_BULLET.test(line)) lines[index] = '';
    else if (ACTIVE_SPINNER.test(line)) {
      lines[index] = '';
      for (let next = index + 1; next < lines.length && (isBlank(lines[next]) || SPINNER_TIP.test(lines[next] ?? '')); next += 1) lines[next] = '';
    }
  }
  return lines.filter((line) => line !== REMOVED);
}

/** Blank or right-aligned lines right over the box: effort level, tmux notices. */
function blankHintsAbove(lines: string[], top: number): void {
  const width = screenWidth(lines);
  for (let index = top - 1; index >= 0; index -= 1) {
    const line = lines[index] ?? '';
    if (isBlank(line)) continue;
    if (indentOf(line) < HINT_INDENT || displayWidth(line) < width - 2) return;
    lines[index] = '';
  }
}

/** Rows a dialog's key footer may wrap over at narrow widths. */
const FOOTER_MAX_ROWS = 3;

/** The key footer at the bottom of a dialog: `KEY to ACTION · …`, its first row naming a key, the rest (if wrapped) following. */
function blankKeyFooter(lines: string[]): void {
  let end = lines.length - 1;
  while (end >= 0 && isBlank(lines[end])) end -= 1;
  for (let start = end; start >= 0 && start > end - FOOTER_MAX_ROWS && !isBlank(lines[start]); start -= 1) {
    const footer = lines.slice(start, end + 1).join(' ');
    // Several keys joined by ` · `, or the lone `Esc to cancel` a dialog shows while its box is typed in.
    if (!KEY_FOOTER.test(lines[start] ?? '') || !(footer.includes(' · ') || LONE_ESC.test(footer))) continue;
    for (let index = start; index <= end; index += 1) lines[index] = '';
    return;
  }
}

/** Input boxes left in the scrollback by an inline redraw: rule, `❯`+NBSP line(s), rule. */
function blankOldInputBoxes(lines: string[]): void {
  for (let index = 1; index < lines.length; index += 1) {
    if (!(lines[index] ?? '').startsWith('❯\u00a0') || !isRule(lines[index - 1])) continue;
    let bottom = index + 1;
    while (bottom < lines.length && bottom - index <= 20 && !isRule(lines[bottom])) bottom += 1;
    if (!isRule(lines[bottom])) continue;
    for (let row = index - 1; row <= bottom; row += 1) lines[row] = '';
  }
}

/**
 * 2.1.332's banner: the block holding the logo line, then the indented block under it
 * (`  Updated: …`, `  code.claude.com/docs/en/changelog for details`) when nothing else came first.
 */
function blankBanner(lines: string[]): void {
  const logo = lines.findIndex((line) => LOGO_VERSION.test(line));
  if (logo === -1) return;
  const blockEnd = (from: number) => {
    let end = from;
    while (end < lines.length && !isBlank(lines[end])) end += 1;
    return end;
  };
  let start = logo;
  while (start > 0 && !isBlank(lines[start - 1])) start -= 1;
  const end = blockEnd(logo);
  for (let index = start; index < end; index += 1) lines[index] = '';
  let notes = end;
  while (notes < lines.length && isBlank(lines[notes])) notes += 1;
  const notesEnd = blockEnd(notes);
  if (notes < notesEnd && lines.slice(notes, notesEnd).every((line) => indentOf(line) > 0)) {
    for (let index = notes; index < notesEnd; index += 1) lines[index] = '';
  }
}
