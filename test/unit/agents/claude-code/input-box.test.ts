import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readInputBox } from '../../../../src/agents/claude-code/screen/input-box.js';
import { CAPTURED } from './screen/captured-screens.js';

const screens = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../shared/claude-screens');
const screen = (name: string) => readFileSync(path.join(screens, `${name}.txt`), 'utf8');
const RULE = '─'.repeat(60);

describe('readInputBox on real screens', () => {
  it.each([
    ['idle-empty-prompt', true, ''],
    ['idle-with-unsent-input', true, '1'],
    ['after-approve-done', true, ''],
    ['working-streaming', true, ''],
    ['trust-dialog', false, ''],
    ['permission-bash', false, ''],
    ['permission-edit', false, ''],
    ['ask-user-question', false, ''],
  ])('%s: present=%s text=%j', (name, present, text) => {
    expect(readInputBox(screen(name))).toEqual({ present, text });
  });
});

describe('readInputBox on captured screens', () => {
  it("reads Claude's queued-messages hint as an empty box, and the queued prompt above it as no box", () => {
    expect(readInputBox(CAPTURED['working-queued-w80']!.text)).toEqual({ present: true, text: '' });
  });

  it('still reads real typed text beside the hint', () => {
    const typed = CAPTURED['working-queued-w80']!.text.replace('Press up to edit queued messages', 'Press up to edit queued messages now');
    expect(readInputBox(typed)).toEqual({ present: true, text: 'Press up to edit queued messages now' });
  });
});

describe('readInputBox on synthetic screens', () => {
  it('joins continuation lines of a multi-line input', () => {
    const text = [RULE, '❯\u00a0first line', '  second line', RULE, '  ? for shortcuts'].join('\n');
    expect(readInputBox(text)).toEqual({ present: true, text: 'first line\nsecond line' });
  });

  it('ignores past prompts in the transcript (plain space after ❯)', () => {
    expect(readInputBox(['❯ old prompt', '● answer'].join('\n')).present).toBe(false);
  });

  it('needs the rule above and below', () => {
    expect(readInputBox(['text', '❯\u00a0typed', RULE].join('\n')).present).toBe(false);
    expect(readInputBox([RULE, '❯\u00a0typed'].join('\n')).present).toBe(false);
  });

  it('reads the last box when the transcript shows an earlier one', () => {
    const text = [RULE, '❯\u00a0old', RULE, 'more', RULE, '❯\u00a0', RULE].join('\n');
    expect(readInputBox(text)).toEqual({ present: true, text: '' });
  });
});

describe('readInputBox placeholders without styles', () => {
  const RULE80 = '─'.repeat(80);
  it.each(['Resend your message to try again', 'Once fixed, resend your message', 'Press up to edit queued messages'])(
    'reads an undimmed "%s" (Claude Code under CI=true draws it without the dim style) as an empty box',
    (placeholder) => {
      const screen = `\u001b[38;5;244m${RULE80}\u001b[39m\n❯\u00a0\u001b[7m${placeholder[0]}\u001b[0m${placeholder.slice(1)}\n\u001b[38;5;244m${RULE80}\u001b[39m\n  ⏸ manual mode on · ? for shortcuts`;
      expect(readInputBox(screen)).toEqual({ present: true, text: '' });
    },
  );

  it('still reads other undimmed text as typed', () => {
    const screen = `${RULE80}\n❯\u00a0\u001b[1mResend it please\u001b[0m\n${RULE80}\n  ⏸ manual mode on`;
    expect(readInputBox(screen)).toEqual({ present: true, text: 'Resend it please' });
  });
});
