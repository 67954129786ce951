import { parseAnsiSequences } from 'ansi-sequence-parser';

/** A run of text drawn with one set of attributes. */
export interface StyledRun {
  text: string;
  dim: boolean;
  reverse: boolean;
}

/**
 * A `capture-pane -e` screen as lines of styled runs. tmux carries attributes over line breaks,
 * so the whole screen is parsed at once and then split. A plain capture gives unstyled runs.
 */
export function styledLines(screen: string): StyledRun[][] {
  const lines: StyledRun[][] = [[]];
  for (const token of parseAnsiSequences(screen.replace(/\r\n?/g, '\n'))) {
    const dim = token.decorations.has('dim');
    const reverse = token.decorations.has('reverse');
    token.value.split('\n').forEach((part, index) => {
      if (index > 0) lines.push([]);
      if (part !== '') lines.at(-1)!.push({ text: part, dim, reverse });
    });
  }
  return lines;
}

/** True when the screen carries escape sequences (a `capture-pane -e` capture). */
export function hasEscapes(screen: string): boolean {
  return screen.includes('\u001b[');
}
