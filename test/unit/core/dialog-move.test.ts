import { describe, expect, it } from 'vitest';
import { planDialogMove } from '../../../src/core/dialog-move.js';
import type { PromptOption } from '../../../src/core/session-state.js';

const options = (cursor: number, count = 3): PromptOption[] =>
  Array.from({ length: count }, (_, index) => ({ key: '', label: `option ${index}`, kind: 'other', selected: index === cursor }));

describe('planDialogMove', () => {
  it('confirms only when the cursor is on the target', () => {
    expect(planDialogMove(options(1), 1)).toEqual({ action: 'confirm' });
  });

  it('moves down or up by the distance, never wrapping around', () => {
    expect(planDialogMove(options(0), 2)).toEqual({ action: 'move', key: 'Down', count: 2 });
    expect(planDialogMove(options(2), 0)).toEqual({ action: 'move', key: 'Up', count: 2 });
    expect(planDialogMove(options(0, 2), 1)).toEqual({ action: 'move', key: 'Down', count: 1 });
  });

  it('refuses when the cursor cannot be seen', () => {
    const none = options(-1);
    expect(planDialogMove(none, 0)).toEqual({ action: 'refuse', reason: 'the screen does not show which option is selected' });
    const unknown = options(0).map(({ selected: _s, ...rest }) => rest);
    expect(planDialogMove(unknown, 0).action).toBe('refuse');
  });

  it('refuses two cursors and a target off the list', () => {
    const two = options(0).map((option, index) => ({ ...option, selected: index < 2 }));
    expect(planDialogMove(two, 0)).toEqual({ action: 'refuse', reason: 'the screen shows more than one selected option' });
    expect(planDialogMove(options(0), 3).action).toBe('refuse');
    expect(planDialogMove(options(0), -1).action).toBe('refuse');
    expect(planDialogMove(options(0), 0.5).action).toBe('refuse');
  });
});
