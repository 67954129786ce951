import { describe, expect, it } from 'vitest';
import {
  formatNothingToStop,
  formatNotStopped,
  formatNotTold,
  formatStopped,
  formatTail,
  formatTold,
  formatUnsentText,
  type StatusFacts,
} from '../../../../src/core/steering/steering-replies.js';
import { isRestoredPrompt } from '../../../../src/core/steering/restored-prompt.js';
import { TAIL_CUT_MARK } from '../../../../src/core/screen/clean-tail.js';
import type { SessionState } from '../../../../src/core/session-state.js';

const facts = (state: SessionState, extra: Partial<StatusFacts> = {}): StatusFacts => ({ name: 'api', state, ...extra });
const bash = { tool: 'Bash', detail: 'npm test', options: [] };

describe('stop replies', () => {
  it.each<[SessionState, Partial<StatusFacts>, string]>([
    ['idle', {}, "Session 'api' is idle — nothing to stop."],
    ['error', {}, "Session 'api' is idle — nothing to stop."],
    ['waiting_approval', { pendingPrompt: bash }, "Session 'api' is not working: it waits for approval of Bash(npm test). Reply approve api, or deny api [because WHAT TO DO INSTEAD]."],
    ['waiting_approval', {}, "Session 'api' is not working: it waits for approval of a tool call. Reply approve api, or deny api [because WHAT TO DO INSTEAD]."],
    ['waiting_answer', {}, "Session 'api' is not working: it asks a question. Reply answer api CHOICE, or deny api."],
    ['waiting_trust', {}, "Session 'api' is not working: it asks whether to trust its folder. Reply trust api."],
    ['exited', {}, "Session 'api' has exited — nothing to stop."],
    ['starting', {}, "Session 'api' is still starting — nothing to stop yet."],
    ['unknown', { unreadable: 'the screen is blank' }, "Session 'api': wingman cannot read its screen (the screen is blank), so nothing was pressed. Look with: tail api"],
  ])('%s → %s', (state, extra, text) => {
    expect(formatNothingToStop(facts(state, extra))).toBe(text);
  });

  it('names the interrupted task and its latest activity, one line each, and a prompt put back in the box', () => {
    const before = facts('working', { currentTask: `SLOW explain\nthe ${'whole '.repeat(40)}thing`, latestActivity: 'Running: npm test' });
    const text = formatStopped(before, false);
    expect(text).toMatch(/^⏹️ Stopped api\. Interrupted: SLOW explain the whole whole .{0,80}… · latest: Running: npm test$/);
    expect(text.split('\n')).toHaveLength(1);
    expect(formatStopped(facts('working'), true)).toBe('⏹️ Stopped api.\nIts prompt is back in the input box; tell api PROMPT replaces it.');
  });

  it('says when the turn did not stop', () => {
    expect(formatNotStopped('api', 'working', 1)).toBe("Session 'api' did not stop: it still reads working after Esc. Look with: tail api");
    expect(formatNotStopped('api', 'working', 2)).toBe("Session 'api' did not stop: it still reads working after Esc (2 times). Look with: tail api");
  });
});

describe('tell replies', () => {
  it('sent or queued, in the words of the issue', () => {
    expect(formatTold('api', false)).toBe('✓ sent to api');
    expect(formatTold('api', true)).toBe('queued (api is working)');
  });

  it.each<[SessionState, Partial<StatusFacts>, string]>([
    ['waiting_approval', { pendingPrompt: bash }, 'Not sent: api waits for approval of Bash(npm test). Answer it first: approve api, or deny api because WHAT TO DO INSTEAD.'],
    ['waiting_answer', {}, 'Not sent: api asks a question. Answer it first: answer api CHOICE.'],
    ['waiting_trust', {}, 'Not sent: api asks whether to trust its folder. Reply trust api first.'],
    ['exited', {}, 'Not sent: api has exited. Restart it with: wingman resume api'],
    ['starting', {}, 'Not sent: api is still starting; try again in a moment.'],
    ['unknown', {}, "Not sent: wingman cannot read api's screen (unknown screen). Look with: tail api"],
  ])('%s → %s', (state, extra, text) => {
    expect(formatNotTold(facts(state, extra))).toBe(text);
  });

  it('quotes unsent text shortly', () => {
    expect(formatUnsentText('api', `half\ntyped ${'x'.repeat(60)}`)).toBe(`Not sent: api has unsent text in its input box ("half typed ${'x'.repeat(28)}…"). Clear it in the terminal, or send with: wingman send api --replace PROMPT`);
  });
});

describe('tail replies', () => {
  it('a header with the state and count, then the lines', () => {
    expect(formatTail('api', 'idle', { lines: ['❯ hi', '● Echo: hi'], count: 2, cut: false })).toBe('📜 api (idle) · last 2 lines\n```\n❯ hi\n● Echo: hi\n```');
    expect(formatTail('api', 'working', { lines: [TAIL_CUT_MARK, '● x'], count: 1, cut: true })).toBe(`📜 api (working) · last 1 line\n\`\`\`\n${TAIL_CUT_MARK}\n● x\n\`\`\``);
    expect(formatTail('api', 'idle', { lines: [], count: 0, cut: false })).toBe('📜 api (idle) shows no output yet.');
  });
});

describe('isRestoredPrompt', () => {
  it('matches a prompt the box wrapped over rows, and nothing else', () => {
    expect(isRestoredPrompt('SLOW interrupt me', ['SLOW interrupt me'])).toBe(true);
    expect(isRestoredPrompt('a long prompt that\nwrapped', [undefined, 'a long prompt that wrapped'])).toBe(true);
    expect(isRestoredPrompt('a long prompt th\nat wrapped', ['a long prompt that wrapped'])).toBe(true);
    expect(isRestoredPrompt('something typed', ['SLOW interrupt me', undefined])).toBe(false);
    expect(isRestoredPrompt('', [''])).toBe(false);
    expect(isRestoredPrompt('x', [])).toBe(false);
  });
});
