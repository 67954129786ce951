import type { PromptOption, SessionState } from '../../src/core/session-state.js';

/**
 * The reading a fixture should give, written from what the scenario did (never from running the
 * reader). `expected.json` maps fixture name → ExpectedReading.
 */
export interface ExpectedOption {
  /** The dialog's number ("1"); '' where it draws none (2.1.332's trust and auto-mode Bash dialogs). */
  key: string;
  label: string;
  kind: PromptOption['kind'];
  /** The cursor is on it: Enter picks it. */
  selected: boolean;
}

export interface ExpectedReading {
  /** What the screen shows, for people. */
  what: string;
  state: SessionState;
  prompt?: { tool: string; detail: string; options: ExpectedOption[] };
  /** Typed, unsent text in the input box ('' when empty or showing a dim placeholder); absent when no box is drawn. */
  input?: string;
  /** Idle screens: whether the last turn ended with an API error. */
  apiError?: boolean;
  /** Exited screens: the id of the session, from the resume hint. */
  resumeSessionId?: string;
}

export type Kind = PromptOption['kind'];

/** Numbered options `1.`…`n.`, the cursor on `selected` (0-based). */
export function numbered(choices: ReadonlyArray<readonly [string, Kind]>, selected = 0): ExpectedOption[] {
  return choices.map(([label, kind], index) => ({ key: String(index + 1), label, kind, selected: index === selected }));
}

/** Options drawn without numbers (moved with the arrow keys), the cursor on `selected`. */
export function unnumbered(choices: ReadonlyArray<readonly [string, Kind]>, selected = 0): ExpectedOption[] {
  return choices.map(([label, kind], index) => ({ key: '', label, kind, selected: index === selected }));
}
