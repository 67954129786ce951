/**
 * What the capture scenarios wait for before they take a screen: small structural checks on the
 * plain capture, written for this tool alone (never the project's screen reader, whose output the
 * fixtures exist to test). They only need to hold for the moment each scenario produces.
 */

const RULE = /^─{8,}\s*$/;
const INPUT_MARK = '❯\u00a0';
/** `✶ Twisting… (6s · ↓ 29 tokens)`, `✻ API error · retrying in 1s · attempt 1/3`. */
const SPINNER = /^[·✢✳✶✻✽*] \S.*(?:…|\b[Rr]etrying in \d+s\b)/;

export const lines = (screen: string): string[] => screen.split('\n');

/** Whitespace and box-drawing gutters removed: text compared across wrapping. */
export const squash = (text: string): string => text.replace(/[\s│]+/g, '');

export interface BoxView {
  /** Row of the `❯` line. */
  row: number;
  /** The typed text, continuation lines joined with newlines, trimmed. */
  text: string;
  /** The first non-blank line under the box's bottom rule. */
  footer: string;
}

/** The live input box: a rule, `❯` + NBSP (plus continuation lines), a rule; the last one on screen. */
export function inputBox(screen: string): BoxView | undefined {
  const all = lines(screen);
  for (let row = all.length - 1; row >= 1; row -= 1) {
    if (!(all[row] ?? '').startsWith(INPUT_MARK) || !RULE.test(all[row - 1] ?? '')) continue;
    const typed = [(all[row] ?? '').slice(INPUT_MARK.length)];
    let next = row + 1;
    for (; next < all.length && !RULE.test(all[next] ?? ''); next += 1) typed.push((all[next] ?? '').replace(/^ {2}/, ''));
    if (next >= all.length) continue;
    const footer = all.slice(next + 1).find((line) => line.trim() !== '') ?? '';
    return { row, text: typed.map((part) => part.trimEnd()).join('\n').trim(), footer };
  }
  return undefined;
}

/** The typed text holds `text` (compared without whitespace: it may wrap). */
export const boxHas = (screen: string, text: string): boolean => {
  const box = inputBox(screen);
  return box !== undefined && squash(box.text).includes(squash(text));
};

/** A turn runs: a spinner line with `…` or a retry countdown, at column 0. */
export const hasSpinner = (screen: string): boolean => lines(screen).some((line) => SPINNER.test(line));

export const spinnerLine = (screen: string): string | undefined => lines(screen).find((line) => SPINNER.test(line));

/** The footer under the box says a turn is running. */
export const workingFooter = (screen: string): boolean => /esc to interrupt/.test(inputBox(screen)?.footer ?? '');

/** The box is back and no turn runs: no spinner, no `esc to interrupt`. */
export const settled = (screen: string): boolean => inputBox(screen) !== undefined && !hasSpinner(screen) && !workingFooter(screen);

/** The box is there, empty and settled, with its footer drawn (`? for shortcuts` or a mode line). */
export const readyBox = (screen: string): boolean => {
  const box = inputBox(screen);
  return box !== undefined && box.text === '' && settled(screen) && /for shortcuts|mode on|edits on/.test(box.footer);
};

/** The focused choice of a dialog: the last `❯ ` (plain space) line below the input-box-free bottom. */
export function focusedLine(screen: string): string | undefined {
  return lines(screen).filter((line) => /^\s*❯ /.test(line)).at(-1)?.trim();
}

/** Text `after` shows after the last occurrence of `marker`. */
export const after = (screen: string, marker: string, text: string): boolean => {
  const at = screen.lastIndexOf(marker);
  return at >= 0 && screen.indexOf(text, at + marker.length) >= 0;
};

/** A dialog: its question (or any anchor text) and a focused choice below it. */
export const dialogWith = (screen: string, anchor: string | RegExp): boolean => {
  const all = lines(screen);
  const at = all.findLastIndex((line) => (typeof anchor === 'string' ? line.includes(anchor) : anchor.test(line)));
  return at >= 0 && all.slice(at).some((line) => /^\s*❯ /.test(line)) && inputBox(screen) === undefined;
};
