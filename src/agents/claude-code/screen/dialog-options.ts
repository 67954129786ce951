import type { PromptOption } from '../../../core/session-state.js';
import { indentOf, isBlank, isRule } from '../../../core/screen/pane-text.js';

/**
 * The highlighted choice of a live dialog: `❯ 1.` with the cursor drawn 0 (pickers), 1 (trust and
 * permission dialogs), 2 (2.1.197's "Exit plan mode?") or 3 (2.1.332's plan dialogs) columns in.
 * Deeper text is dialog body, not a choice.
 */
const SELECTED_OPTION = /^( {0,3})❯ (\d{1,2})\.(.*)$/;

/** Keys run 1..n; a dialog offers at least two choices (one to go on, one to stop). */
const MIN_OPTIONS = 2;

export interface OptionLine {
  /** The dialog's number for the option, or '' when it draws none. */
  key: string;
  /** The label as drawn on the option's own line. */
  label: string;
  /** Screen index of the option's line. */
  index: number;
  /** Deeper-indented lines under it: a wrapped label, a description or a hint. */
  continuation: string[];
  /** The cursor `❯` is on it. */
  selected: boolean;
}

export interface OptionBlock {
  options: OptionLine[];
  /** First and last screen lines the block occupies. */
  start: number;
  end: number;
  /** False for 2.1.332's unnumbered lists (`❯ No, exit` / `  Yes, I trust this folder`). */
  numbered: boolean;
}

interface Cursor {
  indent: number;
  digitColumn: number;
  /** `   2. No`: an option not highlighted, its number at the cursor's digit column. */
  plain: RegExp;
}

/**
 * A multi-select picker's `Submit` row: no number, its label at the labels' column (`     Submit`,
 * focused `❯    Submit`), and the picker's inner rule right under it. Only pickers (cursor at
 * column 0) draw one; elsewhere a line at that column is a wrapped label.
 */
const PICKER_ROW = /^(❯| ) {4}(\S.*)$/;

function pickerRowAt(lines: readonly string[], index: number, cursor: Cursor): { key: string; label: string; selected: boolean } | undefined {
  if (cursor.indent !== 0) return undefined;
  const row = PICKER_ROW.exec(lines[index] ?? '');
  if (!row) return undefined;
  let next = index + 1;
  while (next < lines.length && isBlank(lines[next])) next += 1;
  return isRule(lines[next]) ? { key: '', label: (row[2] ?? '').trim(), selected: row[1] === '❯' } : undefined;
}

function optionAt(lines: readonly string[], index: number, cursor: Cursor): { key: string; label: string; selected: boolean } | undefined {
  const line = lines[index];
  if (line === undefined) return undefined;
  const selected = SELECTED_OPTION.exec(line);
  if (selected && (selected[1] ?? '').length === cursor.indent) return { key: selected[2] ?? '', label: (selected[3] ?? '').trim(), selected: true };
  const plain = cursor.plain.exec(line);
  return plain ? { key: plain[1] ?? '', label: (plain[2] ?? '').trim(), selected: false } : pickerRowAt(lines, index, cursor);
}

/** Inside a block: blank lines, options, their deeper-indented continuation lines, and (pickers) a rule before the last option. */
function belongs(lines: readonly string[], index: number, cursor: Cursor, step: 1 | -1): boolean {
  const line = lines[index];
  if (line === undefined) return false;
  if (isBlank(line) || optionAt(lines, index, cursor)) return true;
  if (isRule(line)) {
    let next = index + step;
    while (next >= 0 && next < lines.length && isBlank(lines[next])) next += step;
    return optionAt(lines, next, cursor) !== undefined;
  }
  return indentOf(line) >= cursor.digitColumn;
}

/**
 * The last numbered option list on screen, found from its highlighted `❯ N.` line and extended
 * over the options above and below drawn at the same column. Undefined unless the keys run 1..n.
 */
function findNumberedBlock(lines: readonly string[]): OptionBlock | undefined {
  let selectedAt = -1;
  for (let index = lines.length - 1; index >= 0 && selectedAt === -1; index -= 1) {
    if (SELECTED_OPTION.test(lines[index] ?? '') || /^❯ {4}\S/.test(lines[index] ?? '')) selectedAt = index;
  }
  if (selectedAt === -1) return undefined;
  const indent = (SELECTED_OPTION.exec(lines[selectedAt] ?? '')?.[1] ?? '').length;
  const cursor: Cursor = { indent, digitColumn: indent + 2, plain: new RegExp(`^ {${indent + 2}}(\\d{1,2})\\.(.*)$`) };
  if (!optionAt(lines, selectedAt, cursor)) return undefined;

  let start = selectedAt;
  while (optionAt(lines, start, cursor)?.key !== '1') {
    start -= 1;
    if (start < 0 || !belongs(lines, start, cursor, -1)) return undefined;
  }
  let end = selectedAt;
  while (end + 1 < lines.length && belongs(lines, end + 1, cursor, 1)) end += 1;
  while (end > selectedAt && (isBlank(lines[end]) || isRule(lines[end]))) end -= 1;

  const options: OptionLine[] = [];
  for (let index = start; index <= end; index += 1) {
    const line = lines[index] ?? '';
    const option = optionAt(lines, index, cursor);
    if (option) options.push({ ...option, index, continuation: [] });
    else if (!isBlank(line) && !isRule(line)) options.at(-1)?.continuation.push(line);
  }
  const numbered = options.filter((option) => option.key !== '').every((option, position) => option.key === String(position + 1));
  return numbered && options.length >= MIN_OPTIONS ? { options, start, end, numbered: true } : undefined;
}

/** `❯ No, exit`: the cursor on an unnumbered option, 1–3 columns in (column 0 is a past prompt). */
const SELECTED_UNNUMBERED = /^( {1,3})❯ (?!\d{1,2}\.)(\S.*)$/;

/**
 * An unnumbered list (2.1.332's trust dialog and auto-mode check): consecutive lines, the cursor
 * line and the others two columns deeper, with no blank line inside. The caller still requires a
 * dialog's header or footer around it, since bare indented lines prove little on their own.
 */
function findUnnumberedBlock(lines: readonly string[]): OptionBlock | undefined {
  let selectedAt = -1;
  for (let index = lines.length - 1; index >= 0 && selectedAt === -1; index -= 1) {
    if (SELECTED_UNNUMBERED.test(lines[index] ?? '')) selectedAt = index;
  }
  if (selectedAt === -1) return undefined;
  const indent = (SELECTED_UNNUMBERED.exec(lines[selectedAt] ?? '')?.[1] ?? '').length;
  const other = new RegExp(`^ {${indent + 2}}(\\S.*)$`);
  const at = (index: number): { label: string; selected: boolean } | undefined => {
    const line = lines[index] ?? '';
    const selected = SELECTED_UNNUMBERED.exec(line);
    if (selected && (selected[1] ?? '').length === indent) return { label: (selected[2] ?? '').trim(), selected: true };
    const plain = other.exec(line);
    return plain ? { label: (plain[1] ?? '').trim(), selected: false } : undefined;
  };
  let start = selectedAt;
  while (start - 1 >= 0 && at(start - 1)) start -= 1;
  let end = selectedAt;
  while (end + 1 < lines.length && at(end + 1)) end += 1;
  const options: OptionLine[] = [];
  for (let index = start; index <= end; index += 1) options.push({ key: '', ...at(index)!, index, continuation: [] });
  return options.length >= MIN_OPTIONS ? { options, start, end, numbered: false } : undefined;
}

/** The dialog's option list nearest the bottom of the screen, numbered (every version) or not (2.1.332). */
export function findOptionBlock(lines: readonly string[]): OptionBlock | undefined {
  const numbered = findNumberedBlock(lines);
  const unnumbered = findUnnumberedBlock(lines);
  if (numbered && unnumbered) return numbered.end >= unnumbered.end ? numbered : unnumbered;
  return numbered ?? unnumbered;
}

/**
 * Labels granting more than this one call: "always allow", "don't ask again", "allow all edits
 * during this session", "allow tmp/ access and similar commands" (2.1.197), "switch to accept
 * edits (…) for this session" (2.1.332).
 */
const LASTING_GRANT = /\b(?:always|don['’]t ask again|allow all|during this session|for this session|auto-accept|and similar commands)\b/i;
/**
 * Not an answer to this prompt but a change of the whole session's mode: auto mode lets Claude
 * decide every later prompt itself, so no approve/always maps to it (2.1.332's Bash dialog, and
 * the plan dialog's "Yes, and use auto mode": approving a plan keeps the session asking).
 */
const MODE_HANDOVER = /\b(?:switch to|use) auto mode\b/i;
/** Leaving plan mode for "ask each time" grants nothing lasting (2.1.332's "Exit plan mode?"). */
const BACK_TO_ASKING = /\bask each time\b/i;

/** What choosing an option of a permission, plan or trust dialog means, read from its own label. */
export function optionKind(label: string): PromptOption['kind'] {
  if (/^yes\b/i.test(label)) {
    if (MODE_HANDOVER.test(label)) return 'other';
    if (BACK_TO_ASKING.test(label)) return 'yes';
    return LASTING_GRANT.test(label) ? 'always' : 'yes';
  }
  if (/^no\b/i.test(label)) return 'no';
  return 'other';
}
