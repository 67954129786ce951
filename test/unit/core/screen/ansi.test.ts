import { describe, expect, it } from 'vitest';
import { normalizeNbsp, stripAnsi, toPlainText } from '../../../../src/core/screen/ansi.js';

const ESC = '\u001b';

describe('stripAnsi', () => {
  it.each([
    ['SGR colours', `${ESC}[38;5;246m●${ESC}[39m ${ESC}[1mBash${ESC}[0m(ls)`, '● Bash(ls)'],
    ['the reverse-video cursor tmux -e keeps', `${ESC}[39m❯\u00a0${ESC}[7m ${ESC}[0m${ESC}[39m${ESC}[49m`, '❯\u00a0 '],
    ['24-bit colour', `${ESC}[38;2;255;100;0mhot${ESC}[0m`, 'hot'],
    ['cursor movement and erase', `${ESC}[2K${ESC}[1A${ESC}[10Gtext${ESC}[?25l${ESC}[?2004h`, 'text'],
    ['OSC title ended by BEL', `${ESC}]0;my title\u0007after`, 'after'],
    ['OSC 8 hyperlink ended by ST', `${ESC}]8;;https://example.com${ESC}\\link${ESC}]8;;${ESC}\\`, 'link'],
    ['DCS string', `${ESC}Pq#0;2;0;0;0${ESC}\\done`, 'done'],
    ['charset designation and keypad mode', `${ESC}(B${ESC}=${ESC}>plain`, 'plain'],
    ['8-bit CSI', '\u009b31mred\u009b0m', 'red'],
    ['a lone ESC cut off at the end', `text${ESC}`, 'text'],
    ['a sequence cut in half leaves only its printable tail', `a${ESC}[38;5`, 'a38;5'],
  ])('removes %s', (_name, input, expected) => {
    expect(stripAnsi(input)).toBe(expected);
  });

  it('keeps text, newlines, tabs, NBSP and box-drawing characters', () => {
    const text = '╭─── Claude ───╮\n│ ❯\u00a0hi\t⎿ ● ✻ │\n';
    expect(stripAnsi(text)).toBe(text);
  });

  it('leaves plain text untouched, including brackets that only look like escapes', () => {
    expect(stripAnsi('[38;5;246m is not an escape without ESC')).toBe('[38;5;246m is not an escape without ESC');
  });

  it('strips every line of a real tmux -e capture to the plain capture', () => {
    const ansi = `${ESC}[38;5;153m❯${ESC}[39m ${ESC}[38;5;246m1.${ESC}[39m ${ESC}[38;5;153mYes\n${ESC}[39m   ${ESC}[38;5;246m2.${ESC}[39m No`;
    expect(stripAnsi(ansi)).toBe('❯ 1. Yes\n   2. No');
  });
});

describe('normalizeNbsp and toPlainText', () => {
  it('turns NBSP into plain spaces', () => {
    expect(normalizeNbsp('❯\u00a0hi\u00a0there')).toBe('❯ hi there');
  });

  it('strips escapes and NBSP together', () => {
    expect(toPlainText(`${ESC}[1m  ⎿ \u00a0Tests  8 passed${ESC}[0m`)).toBe('  ⎿  Tests  8 passed');
  });
});
