import { describe, expect, it } from 'vitest';
import { cut, displayWidth, formatCounts, graphemes, oneLine, printable } from '../../../../src/core/notify/phone-text.js';

describe('phone text', () => {
  it('cuts whole characters only: emoji, joined emoji, accents, CJK', () => {
    expect(cut('abcdef', 6)).toBe('abcdef');
    expect(cut('abcdefg', 6)).toBe('abcde…');
    expect(cut('👍👍👍👍', 3)).toBe('👍👍…');
    const family = '👨‍👩‍👧';
    expect(graphemes(`${family}${family}${family}`)).toHaveLength(3);
    expect(cut(`${family}${family}${family}`, 2)).toBe(`${family}…`);
    expect(cut('e\u0301e\u0301e\u0301', 2)).toBe('e\u0301…');
    expect(cut('日本語のテキスト', 4)).toBe('日本語…');
    // A string of 3 characters in 6 code units is not cut at 4.
    expect(cut('👍👍👍', 4)).toBe('👍👍👍');
  });

  it('measures CJK as two columns', () => {
    expect(displayWidth('日本')).toBe(4);
    expect(displayWidth('ab')).toBe(2);
  });

  it('flattens to one line and replaces control characters', () => {
    expect(oneLine('  a\n\tb   c ', 20)).toBe('a b c');
    expect(printable('a\r\nb\u001b[31mc\u0000')).toBe('a\nb�[31mc�');
    expect(printable('\tx')).toBe('  x');
  });

  it('counts as `+3 −1`, with the minus sign WhatsApp never turns into a bullet', () => {
    expect(formatCounts(3, 1)).toBe('+3 −1');
    expect(formatCounts(0, 2)).toBe('−2');
    expect(formatCounts(4, 0)).toBe('+4');
    expect(formatCounts(0, 0)).toBe('+0');
  });
});
