import { displayWidth } from './phone-text.js';

/** Continuation lines are indented so a wrapped command still reads as one. */
export const CONTINUATION = '  ';

/**
 * Pieces of a one-line shell command, each ending after a top-level `&&`, `||`, `|` or `;` (not one
 * inside quotes or escaped): the points where a reader expects a command to break.
 */
export function commandPieces(command: string): string[] {
  const pieces: string[] = [];
  let quote: "'" | '"' | undefined;
  let start = 0;
  for (let at = 0; at < command.length; at += 1) {
    const char = command[at]!;
    if (quote === "'") {
      if (char === "'") quote = undefined;
      continue;
    }
    if (char === '\\') {
      at += 1;
      continue;
    }
    if (quote === '"') {
      if (char === '"') quote = undefined;
      continue;
    }
    if (char === "'" || char === '"') {
      quote = char;
      continue;
    }
    const operator = /^(?:&&|\|\||\||;)/.exec(command.slice(at, at + 2))?.[0];
    if (!operator) continue;
    at += operator.length - 1;
    pieces.push(command.slice(start, at + 1).trim());
    start = at + 1;
  }
  const rest = command.slice(start).trim();
  if (rest) pieces.push(rest);
  return pieces.filter(Boolean);
}

/**
 * A command laid out for a phone `width` columns wide (`lead`: columns taken before its first
 * line): a one-line command too long for it breaks after its operators, as many pieces to a line
 * as fit; a piece longer than a line stays whole (the phone wraps it). A command with its own
 * line breaks (a heredoc, a script) keeps its layout.
 */
export function wrapCommand(command: string, width: number, lead = 0): string[] {
  if (command.includes('\n')) return command.split('\n');
  if (lead + displayWidth(command) <= width) return [command];
  const lines: string[] = [];
  for (const piece of commandPieces(command)) {
    const last = lines.at(-1);
    const room = width - (lines.length === 1 ? lead : 0);
    if (last !== undefined && displayWidth(`${last} ${piece}`) <= room) lines[lines.length - 1] = `${last} ${piece}`;
    else lines.push(last === undefined ? piece : `${CONTINUATION}${piece}`);
  }
  return lines;
}
