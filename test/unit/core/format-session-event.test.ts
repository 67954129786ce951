import { describe, expect, it } from 'vitest';
import { formatSessionEvent, formatUnreadableScreen } from '../../../src/core/format-session-event.js';
import type { SessionStatus } from '../../../src/core/status/session-status.js';

const status = (extra: Partial<SessionStatus>): SessionStatus => ({
  name: 'vsr',
  state: 'unknown',
  directory: '/code/vsr',
  started: '2026-12-01T00:00:00.000Z',
  lastActivity: '2026-12-01T00:00:00.000Z',
  tmuxSession: 'vsr',
  source: 'screen',
  ...extra,
});

describe('formatUnreadableScreen', () => {
  it('names the session, the reason and how to look', () => {
    expect(formatUnreadableScreen(status({ unreadable: 'a dialog wingman does not recognise (options: Maybe / Later)' }))).toBe(
      "❔ Session 'vsr' shows a screen wingman does not recognise (a dialog wingman does not recognise (options: Maybe / Later)); nothing will be answered there. Attach with `tmux attach -t vsr` or look with `wingman capture vsr`.",
    );
  });

  it('still reads without a reason', () => {
    expect(formatUnreadableScreen(status({}))).toContain("Session 'vsr' shows a screen wingman does not recognise; nothing will be answered there.");
  });

  it('is not a state-change notice', () => {
    expect(formatSessionEvent(status({}), 'working')).toBeUndefined();
  });
});
