import { diffLines } from 'diff';
import { cut, printable } from './phone-text.js';

export interface ChangedLine {
  sign: '+' | '−';
  text: string;
}

/** What a phone shows of a change: the counts and the first changed lines. */
export interface ChangePreview {
  added: number;
  removed: number;
  /** `+line` / `−line` as in a unified diff (`+ ` would become a bullet in OpenClaw's WhatsApp markdown), indentation common to them removed, each cut to fit. */
  lines: string[];
  /** Changed lines not shown. */
  hidden: number;
}

export interface PreviewLimits {
  maxLines: number;
  maxLineChars: number;
}

export const DEFAULT_PREVIEW_LIMITS: PreviewLimits = { maxLines: 6, maxLineChars: 80 };

/**
 * Beyond this many inserted plus deleted lines jsdiff gives up (returns undefined) instead of
 * spending seconds on two very different huge texts; the change then counts as all old lines
 * removed and all new lines added, which is what such a change amounts to anyway.
 */
const MAX_EDIT_LENGTH = 2_000;
const DIFF_TIMEOUT_MS = 250;

export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = printable(text).split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** The removed and added lines from `before` to `after`, in order. */
export function changedLines(before: string, after: string): ChangedLine[] {
  const as = (sign: ChangedLine['sign']) => (text: string): ChangedLine => ({ sign, text });
  const changes = diffLines(before, after, { ignoreNewlineAtEof: true, stripTrailingCr: true, maxEditLength: MAX_EDIT_LENGTH, timeout: DIFF_TIMEOUT_MS });
  if (changes === undefined) return [...splitLines(before).map(as('−')), ...splitLines(after).map(as('+'))];
  return changes.flatMap((change) => (change.added ? splitLines(change.value).map(as('+')) : change.removed ? splitLines(change.value).map(as('−')) : []));
}

export function previewOf(changes: readonly ChangedLine[], limits: PreviewLimits = DEFAULT_PREVIEW_LIMITS): ChangePreview {
  const shown = changes.slice(0, limits.maxLines);
  const indents = shown.filter((line) => line.text.trim() !== '').map((line) => /^ */.exec(line.text)![0].length);
  const indent = indents.length > 0 ? Math.min(...indents) : 0;
  return {
    added: changes.filter((line) => line.sign === '+').length,
    removed: changes.filter((line) => line.sign === '−').length,
    lines: shown.map((line) => `${line.sign}${cut(line.text.slice(indent), limits.maxLineChars)}`.trimEnd()),
    hidden: changes.length - shown.length,
  };
}
