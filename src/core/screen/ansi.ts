/**
 * Terminal escape sequences as `tmux capture-pane -e` emits them (SGR colours, the reverse-video
 * cursor) plus the other ECMA-48 forms a program may leave in a pane: OSC (titles, hyperlinks),
 * DCS/SOS/PM/APC strings, CSI with private parameters, and two-byte ESC sequences (`ESC ( B`).
 */
const ANSI_SEQUENCE = new RegExp(
  [
    '\\u001b\\][^\\u0007\\u001b]*(?:\\u0007|\\u001b\\\\)', // OSC … BEL | ST
    '\\u001b[PX^_][^\\u001b]*\\u001b\\\\', // DCS / SOS / PM / APC … ST
    '(?:\\u001b\\[|\\u009b)[\\u0030-\\u003f]*[\\u0020-\\u002f]*[\\u0040-\\u007e]', // CSI params intermediates final
    '\\u001b[\\u0020-\\u002f]*[\\u0030-\\u007e]', // two-byte / nF escapes
    '\\u001b', // a lone ESC cut off by the capture
  ].join('|'),
  'g',
);

const NBSP = /\u00a0/g;

/**
 * Removes terminal escape sequences. U+00A0 is kept on purpose: Claude Code's input box is
 * `❯` + NBSP while past prompts use a plain space, and that difference is a detection anchor.
 */
export function stripAnsi(text: string): string {
  return text.replace(ANSI_SEQUENCE, '');
}

/** Replaces no-break spaces (Claude Code draws `❯ `, `⎿  ` and `● ` with them) by plain spaces. */
export function normalizeNbsp(text: string): string {
  return text.replace(NBSP, ' ');
}

/** Escape-free text with plain spaces only: for reading words, never for layout anchors. */
export function toPlainText(text: string): string {
  return normalizeNbsp(stripAnsi(text));
}
