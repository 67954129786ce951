import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dropClaudeChrome } from '../../../../../src/agents/claude-code/screen/tail-chrome.js';
import { TESTED_VERSIONS } from '../../../../../src/agents/claude-code/versions.js';
import { cleanTail } from '../../../../../src/core/screen/clean-tail.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../fixtures/claude-screens');
const screenOf = (version: string, file: string) => readFileSync(path.join(FIXTURES, version, file), 'utf8');
const expectedOf = (version: string): Record<string, { input?: string }> => JSON.parse(screenOf(version, 'expected.json'));
const tailOf = (screen: string, lines = 100) => cleanTail(screen, { lines, dropChrome: dropClaudeChrome });

/** Claude Code's UI that must never reach the phone: footers, hints, spinners, banner, placeholders. */
const CHROME = [
  /esc to interrupt/i,
  /\? for shortcuts/,
  /for agents/,
  /mode on\b/,
  /\/effort/,
  /focus-events/,
  /Claude Code v\d/,
  /Tips for getting started|Welcome back|What's new/,
  /changelog/,
  /^[·✢✳✶✻✽*] /m,
  /Esc to cancel|Enter to (?:select|confirm)|ctrl\+g to edit/,
  /Press up to edit queued messages|Resend your message|Once fixed, resend/,
  /^\s*Tip: /m,
  /^●\s*$/m,
];

/** What each captured screen means, as the phone must still see it (all widths). */
const MEANING: Record<string, string[]> = {
  'after-approve-done': ['❯ RUNTOOL echo hello-from-tool > proof.txt', '● Tool finished. Done.'],
  'after-deny': ['Interrupted · What should Claude do instead?'],
  'ask-user-question': ['❯ ASK', 'Which colour should the button be?', '1. Red', '2. Blue'],
  'ask2-first-question': ['Colour', 'Which colour should the button be?', '1. Red'],
  'ask2-multiselect': ['Which sizes do you need?', 'Small', 'Large'],
  'ask2-submit': ['Review your answers', 'Submit answers'],
  'permission-bash-amend': ['echo hello-from-tool > proof.txt', 'Do you want to proceed?', 'No, and tell Claude what to do differently'],
  'permission-bash-amend-typed': ['echo hello-from-tool > proof.txt', 'No, use pnpm, not npm'],
  'permission-plan-feedback': ['Create hello.txt', 'Run the tests', 'Tell Claude what to change'],
  'permission-plan-feedback-typed': ['Create hello.txt', 'use pnpm, not npm'],
  'ask-free-text-focused': ['Which colour should the button be?', '3. Type something.'],
  'ask-free-text-typed': ['Which colour should the button be?', '3. big green'],
  'ask2-multiselect-ticked': ['Which sizes do you need?', '[✔] Small', '[ ] Large'],
  'ask2-own-answer-ticked': ['Which sizes do you need?', '[✔] tiny'],
  'ask2-review-unanswered': ['Review your answers', '⚠ ', 'Submit answers'],
  'ask2-submit-focused': ['Which sizes do you need?', 'Submit'],
  'auto-mode-cant-check': ["Auto mode can't check actions in this session", 'approve each action'],
  'error-401': ['❯ ERROR401', 'Invalid API key'],
  'error-429': ['❯ ERROR429', 'API Error', '429'],
  'error-500': ['❯ ERROR500', 'API Error: 500'],
  'error-529': ['❯ ERROR529', 'API Error: 529'],
  'error-connection-refused': ['API Error'],
  exited: ['Resume this session with:', '--resume'],
  'idle-empty': [],
  'idle-mode-accept-edits': [],
  'idle-mode-auto': [],
  'idle-mode-default': [],
  'idle-mode-plan': [],
  'idle-typed': [],
  'idle-typed-multiline': [],
  'interrupted-after-tokens': ['❯ SLOW streaming check', '● This ans', 'Interrupted · What should Claude do instead?'],
  'interrupted-before-first-token': [],
  'permission-bash': ['echo hello-from-tool > proof.txt', 'Do you want to proceed?', 'Yes', 'No'],
  'permission-bash-auto-mode': ['npm run build', 'Do you want to proceed?'],
  'permission-bash-long': ['npm run build', '/tmp/some', 'This command requires approval', 'Do you want to proceed?'],
  'permission-edit': ['Update(hello.py)', 'Do you want to make this edit to hello.py?'],
  'permission-exit-plan-no-plan': ['Exit plan mode?', 'Claude wants to exit plan mode'],
  'permission-plan': ['Create hello.txt', 'Run the tests', 'Tell Claude what to change'],
  'permission-webfetch': ['127.0.0.1:47830/docs/page', 'Do you want to allow Claude to fetch this content?'],
  'permission-write': ['Write(newfile.txt)', 'Do you want to create newfile.txt?'],
  'trust-dialog': ['Accessing workspace:', 'Yes, I trust this folder', 'No, exit'],
  'trust-dialog-no-focused': ['Accessing workspace:', 'Yes, I trust this folder'],
  'trust-dialog-yes-focused': ['Accessing workspace:', 'Yes, I trust this folder'],
  'working-queued-prompt': ['❯ SLOW queue check', 'and add a test for it'],
  'working-retrying': ['❯ ERROR500'],
  'working-streaming': ['❯ SLOW streaming check'],
  'working-tool-running': ['sleep 6 && touch slept.txt'],
  'working-typed-input': ['❯ SLOW queue check'],
  'working-waiting-first-token': ['❯ DELAY 60 waiting for the first token'],
};

const cases = TESTED_VERSIONS.flatMap((version) => Object.entries(expectedOf(version)).map(([name, expected]) => [version, name, expected.input ?? ''] as const));

describe('tail of every captured Claude Code screen (test/fixtures/claude-screens)', () => {
  it('covers every fixture of every tested version', () => {
    const unknown = cases.filter(([, name]) => MEANING[name.replace(/-w\d+$/, '')] === undefined).map(([version, name]) => `${version}/${name}`);
    expect(unknown).toEqual([]);
    expect(new Set(cases.map(([version]) => version))).toEqual(new Set(TESTED_VERSIONS));
  });

  it.each(cases)('%s %s: the conversation, none of the chrome', (version, name, typed) => {
    const plain = tailOf(screenOf(version, `${name}.txt`));
    const text = plain.lines.join('\n');
    expect(tailOf(screenOf(version, `${name}.ansi.txt`))).toEqual(plain);
    expect(text).not.toMatch(/[\u2500-\u259f]/);
    expect(text).not.toMatch(/[\u001b\u00a0]/);
    expect(text).not.toMatch(/\n\n\n/);
    expect(plain.lines[0] ?? 'x').not.toBe('');
    expect(plain.lines.at(-1) ?? 'x').not.toBe('');
    for (const chrome of CHROME) expect(text, String(chrome)).not.toMatch(chrome);
    for (const meaning of MEANING[name.replace(/-w\d+$/, '')]!) expect(text).toContain(meaning);
    // Text typed into the box but not sent is the box's, not the conversation's.
    for (const line of typed.split('\n').filter(Boolean)) expect(text).not.toContain(line);
  });

  it.each(TESTED_VERSIONS)('%s: a finished turn reads as prompt, tool and answer', (version) => {
    const lines = tailOf(screenOf(version, 'after-approve-done.txt')).lines;
    const expected = version === '2.1.197'
      ? ['❯ RUNTOOL echo hello-from-tool > proof.txt', '', '● Bash(echo hello-from-tool > proof.txt)', '  ⎿  (No output)', '', '● Tool finished. Done.']
      : ['❯ RUNTOOL echo hello-from-tool > proof.txt', '', '  Ran 1 shell command', '', '● Tool finished. Done.'];
    expect(lines).toEqual(expected);
  });

  it.each(TESTED_VERSIONS)('%s: an idle session with nothing said yet has no lines', (version) => {
    expect(tailOf(screenOf(version, 'idle-empty.txt'))).toEqual({ lines: [], count: 0, cut: false });
  });

  it('2.1.197 exited: the suggestions under the box go, the exit hint and tmux notice stay', () => {
    expect(tailOf(screenOf('2.1.197', 'exited.txt')).lines).toEqual([
      '❯ hello',
      '',
      '● Echo: hello',
      '',
      'Resume this session with:',
      'claude --resume 88eb21b0-0069-4d3f-a791-e1b300759bf8',
      '',
      'Pane is dead (status 0, Tue Dec  1 22:56:12 2026)',
    ]);
  });

  it('keeps the newest lines when asked for fewer', () => {
    expect(tailOf(screenOf('2.1.332', 'interrupted-after-tokens.txt'), 2).lines).toEqual(['● This ans', '  ⎿  Interrupted · What should Claude do instead?']);
  });
});

describe('dropClaudeChrome on synthetic screens', () => {
  const RULE = '─'.repeat(60);
  const box = (text = '') => [RULE, `❯\u00a0${text}`, RULE];
  const clean = (lines: string[]) => tailOf(lines.join('\n')).lines;

  it('drops input boxes an inline redraw left in the scrollback, and the live one with its footer', () => {
    expect(clean(['❯ first', '● one', ...box('half typed'), '', '❯ second', '● two', ...box(), '  ? for shortcuts'])).toEqual(['❯ first', '● one', '', '❯ second', '● two']);
  });

  it('drops right-aligned hints right over the box, not indented conversation', () => {
    const hint = `${' '.repeat(50)}◐ medium · /effort`;
    expect(clean(['● answer', '        indented code', '', `${hint.padStart(60)}`, ...box()])).toEqual(['● answer', '        indented code']);
  });

  it("drops the running spinner and the tips under it, not a tool's own tip output", () => {
    expect(clean(['❯ go', '  ⎿  Tip: from the tool', '✶ Pondering… (3s)', '  ⎿  Tip: Use /memory to edit', ...box()])).toEqual(['❯ go', '  ⎿  Tip: from the tool']);
  });

  it("drops a dialog's key footer only at the bottom, also when it wraps", () => {
    expect(clean([RULE, ' Run it?', ' Esc to cancel is what the text says', ' ❯ 1. Yes', '', ' Esc to cancel · Tab to amend'])).toEqual([' Run it?', ' Esc to cancel is what the text says', ' ❯ 1. Yes']);
    expect(clean([RULE, ' Stay?', '', '  Enter to stay in auto mode · shift+Tab to leave for accept edits mode and', '  stop · Esc to cancel'])).toEqual([' Stay?']);
    expect(clean([RULE, ' Esc to cancel', ' ❯ 1. Yes', '   2. No'])).toEqual([' Esc to cancel', ' ❯ 1. Yes', '   2. No']);
  });

  it("drops 2.1.332's banner and its release notes, not a first message at column 0", () => {
    const banner = [' ▐▛███▜▌   Claude Code v2.1.999', '▝▜█████▛▘  Opus · API Usage Billing', '  ▘▘ ▝▝    /tmp/proj', ''];
    expect(clean([...banner, '  Updated: 3 features', '  docs link', '', '❯ hi', '● Echo: hi', ...box()])).toEqual(['❯ hi', '● Echo: hi']);
    expect(clean([...banner, '● Auto mode lets Claude handle prompts', ...box()])).toEqual(['● Auto mode lets Claude handle prompts']);
  });
});
