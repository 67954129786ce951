import { normalizeNbsp } from './ansi.js';
import { paneLines } from './pane-text.js';

/** What fits one chat message comfortably (WhatsApp takes more, but a phone screen does not). */
export const TAIL_MESSAGE_CHARS = 3500;
export const TAIL_CUT_MARK = '… (older lines cut to fit one message)';

/** Vertical box-drawing bars: kept as `|` so a table printed by a tool still reads as one. */
const VERTICAL_BARS = /[│┃║╎╏┆┇┊┋]/g;
/** Box drawing (U+2500–257F) and block elements (U+2580–259F): borders, rules, logos, bars. */
const BOX_AND_BLOCKS = /[\u2500-\u259f]/g;
/** Control characters a pane may still hold once escapes are gone (tabs become spaces). */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/** A rule drawn across the screen: horizontal strokes only (solid, dashed, double, eighth blocks). */
const HORIZONTAL_RULE = /^[\s─━┄┅┈┉╌╍═╴╶╸╺╼╾▔▁]+$/;
/** A vertical bar as the first thing on a line. */
const LEFT_BORDER = /^(\s*)[│┃║╎╏┆┇┊┋]/;
/** What is left of a border row once its lines are gone. */
const ONLY_BARS = /^[\s|]*$/;

export interface TailOptions {
  /** How many meaningful (non-blank) lines to keep, newest last. */
  lines: number;
  /** The budget for the lines joined with newlines, cut mark included. */
  maxChars?: number;
  /**
   * The agent's own UI taken out first (input box, footer, spinners, banner): given the pane's
   * lines (escapes removed, trailing blanks trimmed, NBSP kept as the agent's anchors), returns
   * them with that chrome removed or blanked.
   */
  dropChrome?: (lines: readonly string[]) => string[];
}

export interface TailText {
  /** The lines to show, oldest first; single blank lines separate blocks; the cut mark first when cut. */
  lines: string[];
  /** Meaningful lines shown. */
  count: number;
  /** Older lines were left out to fit `maxChars`. */
  cut: boolean;
}

/**
 * A captured pane (with scrollback, plain or with escapes) → its last meaningful lines for a
 * phone: no escapes, no box drawing or rules, no runs of blank lines, the agent's chrome gone,
 * and cut from the oldest end to fit one message.
 */
export function cleanTail(screen: string, options: TailOptions): TailText {
  const raw = paneLines(screen);
  const content = (options.dropChrome ? options.dropChrome(raw) : raw).map(cleanLine).filter((line): line is string => line !== undefined);
  const newest = lastMeaningful(collapseBlanks(content), Math.max(1, Math.floor(options.lines)));
  return fitTo(newest, options.maxChars ?? TAIL_MESSAGE_CHARS);
}

/**
 * The line for a phone. A horizontal rule becomes a blank (it separated blocks); any other line of
 * borders only (a box's top, a table's separator row) is undefined: it goes altogether.
 */
function cleanLine(line: string): string | undefined {
  if (line.trim() === '' || HORIZONTAL_RULE.test(line)) return '';
  let text = normalizeNbsp(line).replace(/\t/g, '  ').replace(CONTROLS, '');
  // A lone bar down the left of a block (a quoted command) is a border; two or more make a table.
  if ((text.match(VERTICAL_BARS) ?? []).length === 1) text = text.replace(LEFT_BORDER, '$1');
  text = text.replace(VERTICAL_BARS, '|').replace(BOX_AND_BLOCKS, '').trimEnd();
  return ONLY_BARS.test(text) ? undefined : text;
}

/** Runs of blank lines become one; none at either end. */
function collapseBlanks(lines: readonly string[]): string[] {
  const kept: string[] = [];
  for (const line of lines) {
    if (line === '' && (kept.length === 0 || kept.at(-1) === '')) continue;
    kept.push(line);
  }
  while (kept.at(-1) === '') kept.pop();
  return kept;
}

/** The last `count` non-blank lines with the blank separators between them. */
function lastMeaningful(lines: readonly string[], count: number): string[] {
  let seen = 0;
  let start = lines.length;
  while (start > 0 && seen < count) {
    start -= 1;
    if (lines[start] !== '') seen += 1;
  }
  return lines.slice(start);
}

function fitTo(lines: string[], maxChars: number): TailText {
  const count = (shown: readonly string[]) => shown.filter((line) => line !== '').length;
  const size = (shown: readonly string[]) => shown.reduce((total, line) => total + line.length + 1, -1);
  if (size(lines) <= maxChars) return { lines, count: count(lines), cut: false };
  const kept = [...lines];
  const room = maxChars - TAIL_CUT_MARK.length - 1;
  while (kept.length > 1 && size(kept) > room) kept.shift();
  while (kept[0] === '') kept.shift();
  // One line longer than the whole message: its start is kept, marked as cut at the end.
  if (kept.length === 1 && kept[0]!.length > room) kept[0] = `${kept[0]!.slice(0, Math.max(0, room - 1))}…`;
  return { lines: [TAIL_CUT_MARK, ...kept], count: count(kept), cut: true };
}
