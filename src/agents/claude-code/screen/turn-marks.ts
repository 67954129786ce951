import { paneLines } from '../../../core/screen/pane-text.js';

/** A prompt in the transcript: `❯ ` + plain space at column 0 (the live input box uses NBSP). */
const PAST_PROMPT = /^❯ (.*)$/;
/** 2.1.332 draws a prompt waiting behind the running turn at column 0 too, marked under it. */
const QUEUED_MARK = /^\s*⎿\s+Queued\b/;
/** What an interrupted turn leaves under itself (after its first token, or a denied tool). */
const INTERRUPTED = /^\s*⎿\s+Interrupted\b/;

/** Which turn the screen shows, to tell "the same turn still runs" from "the next one started". */
export interface TurnMark {
  /** First line of the latest prompt that started a turn (queued ones aside), if on screen. */
  prompt?: string | undefined;
  /** How many turns on screen were interrupted. */
  interruptions: number;
}

export function readTurnMark(screen: string): TurnMark {
  const lines = paneLines(screen);
  let prompt: string | undefined;
  let interruptions = 0;
  lines.forEach((line, index) => {
    if (INTERRUPTED.test(line)) interruptions += 1;
    const past = PAST_PROMPT.exec(line);
    if (!past) return;
    const next = lines.slice(index + 1).find((candidate) => candidate.trim() !== '') ?? '';
    if (!QUEUED_MARK.test(next)) prompt = past[1];
  });
  return { prompt, interruptions };
}

/** The screen has moved on from the turn `before` marked: it was interrupted, or another prompt runs. */
export function turnMovedOn(before: TurnMark, now: TurnMark): boolean {
  return now.interruptions > before.interruptions || now.prompt !== before.prompt;
}
