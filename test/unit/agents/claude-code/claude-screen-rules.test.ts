import { describe, expect, it } from 'vitest';
import { detectClaudeScreen } from '../../../../src/agents/claude-code/screen/claude-screen.js';

const RULE = '─'.repeat(100);
// Every shared real screen is checked in test/unit/core/screen/claude-screen.test.ts; these are the
// adversarial transcripts the rules must not be fooled by.
const idleScreen = (transcript: string[]) => [...transcript, RULE, '❯\u00a0', RULE, '  ? for shortcuts · ← for agents'].join('\n');
const bashDialog = (command: string[], options: string[], call?: string) =>
  [
    '❯ RUNTOOL now',
    ...(call ? [`● Bash(${call})`, '  ⎿  Waiting…'] : []),
    RULE,
    ' Bash command',
    ...command.map((line) => `   ${line}`),
    ' Do you want to proceed?',
    ...options,
    ' Esc to cancel · Tab to amend · ctrl+e to explain',
  ].join('\n');

// MCP, WebFetch and wrapped-command dialogs as the real binary draws them: test/unit/core/screen/claude-screen-captured.test.ts
describe('detectClaudeScreen on synthetic and adversarial screens', () => {
  it('reads a two-option dialog without assuming 3 means No', () => {
    const reading = detectClaudeScreen(bashDialog(['echo $HOME'], [' ❯ 1. Yes', '   2. No'], 'echo $HOME'));
    expect(reading.prompt?.options).toEqual([
      { key: '1', label: 'Yes', kind: 'yes', selected: true },
      { key: '2', label: 'No', kind: 'no', selected: false },
    ]);
  });

  it('takes the command from the transcript when it is shown whole', () => {
    const reading = detectClaudeScreen(bashDialog(['rm -rf ./build && npm run build', 'Clean build'], [' ❯ 1. Yes', '   2. No'], 'rm -rf ./build && npm run build'));
    expect(reading.prompt?.detail).toBe('rm -rf ./build && npm run build');
  });

  it('stays idle when the transcript prints dialog text above a live input box', () => {
    const screen = idleScreen([
      '● Here is what the dialog looks like:',
      ' Do you want to proceed?',
      ' ❯ 1. Yes',
      '   2. No',
      ' Esc to cancel · Tab to amend',
      ' Enter to confirm · Esc to cancel',
      '  esc to interrupt',
      'claude --resume 00000000-0000-0000-0000-000000000000',
    ]);
    expect(detectClaudeScreen(screen)).toEqual({ state: 'idle', apiError: false });
  });

  it('does not call a turn failed because an earlier turn had an API error', () => {
    const screen = idleScreen(['❯ first', '● API Error: 500 Internal server error', '❯ second', '● All good now.']);
    expect(detectClaudeScreen(screen)).toEqual({ state: 'idle', apiError: false });
  });

  it('does not take "API Error:" inside an answer for a failed turn', () => {
    const screen = idleScreen(['❯ explain', '● The log says', '  ● API Error: 500 was printed by the server']);
    expect(detectClaudeScreen(screen).apiError).toBe(false);
  });

  it('is working only when the footer under the box says so, not the transcript', () => {
    expect(detectClaudeScreen(idleScreen(['● press esc to interrupt'])).state).toBe('idle');
    const working = [RULE, '❯\u00a0', RULE, '  esc to interrupt · ← for agents            tmux focus-events off'].join('\n');
    expect(detectClaudeScreen(working).state).toBe('working');
  });

  it('works at 200 columns', () => {
    const wide = '─'.repeat(200);
    const screen = ['❯ hello', '● Echo: hello', wide, '❯\u00a0', wide, `  ? for shortcuts${' '.repeat(150)}● high · /effort`].join('\n');
    expect(detectClaudeScreen(screen).state).toBe('idle');
  });

  it.each([
    ['an empty screen', ''],
    ['blank lines', '\n\n\n'],
    ['the startup banner only', '╭─── Claude Code v2.1.197 ───╮\n│ Welcome back! │'],
    ['garbage', '\u0000\u0001 random ❯ ─── stuff'],
    ['a dialog footer without options', [RULE, ' Something', ' Esc to cancel'].join('\n')],
    ['a shell prompt after claude quit unexpectedly', 'Segmentation fault\n$ '],
  ])('reads %s as unknown', (_label, screen) => {
    expect(detectClaudeScreen(screen)).toEqual({ state: 'unknown', reason: expect.any(String) });
  });

  it('reads exited only when the resume hint is below the last input box', () => {
    const screen = ['Resume this session with:', 'claude --resume ca454192-c5ce-4772-a8e5-2db1d1b7da07', '❯ continue', '● ok'].join('\n');
    expect(detectClaudeScreen(idleScreen(screen.split('\n'))).state).toBe('idle');
  });
});
