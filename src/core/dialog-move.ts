import type { PromptOption } from './session-state.js';

/** The next keys for putting a dialog's cursor on the wanted option, or proof that it is there. */
export type DialogMove =
  | { action: 'confirm' }
  | { action: 'move'; key: 'Up' | 'Down'; count: number }
  | { action: 'refuse'; reason: string };

/**
 * Plans one step towards choosing `target` (an index into `options`) by the cursor the screen
 * shows, never by a number key: Enter is planned only when the cursor is already on the target.
 * The caller re-reads the screen after every move, so a list that wraps or skips a line costs
 * one more step, never a wrong answer.
 */
export function planDialogMove(options: readonly PromptOption[], target: number): DialogMove {
  if (!Number.isInteger(target) || target < 0 || target >= options.length) {
    return { action: 'refuse', reason: 'the option to choose is not on screen' };
  }
  const cursor = options.findIndex((option) => option.selected === true);
  if (cursor === -1) return { action: 'refuse', reason: 'the screen does not show which option is selected' };
  if (options.filter((option) => option.selected === true).length > 1) {
    return { action: 'refuse', reason: 'the screen shows more than one selected option' };
  }
  if (cursor === target) return { action: 'confirm' };
  return target > cursor ? { action: 'move', key: 'Down', count: target - cursor } : { action: 'move', key: 'Up', count: cursor - target };
}
