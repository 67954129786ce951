import { describe, expect, it } from 'vitest';
import { MAX_PROMPT_CHARS, parsePromptText } from '../../../src/core/prompt-text.js';

describe('parsePromptText', () => {
  it('keeps ordinary text and newlines', () => {
    expect(parsePromptText('fix the bug\nthen run tests')).toBe('fix the bug\nthen run tests');
  });

  it('removes escape sequences and control characters that a terminal would read as keys', () => {
    expect(parsePromptText('a\u001b[2Jb\u0003c\u0004d\u007f\u009be')).toBe('a[2Jbcde');
  });

  it('normalises CRLF and tabs', () => {
    expect(parsePromptText('one\r\ntwo\rthree\tfour')).toBe('one\ntwo\nthree  four');
  });

  it.each(['', '   ', '\u001b\u0003', '\n\n'])('refuses empty prompt %j', (raw) => {
    expect(() => parsePromptText(raw)).toThrowError('The prompt is empty.');
  });

  it('refuses non-text and oversized prompts', () => {
    expect(() => parsePromptText(undefined)).toThrowError('The prompt must be text.');
    expect(() => parsePromptText('x'.repeat(MAX_PROMPT_CHARS + 1))).toThrowError(/too long/);
  });

  it('keeps unicode and shell metacharacters as plain text', () => {
    expect(parsePromptText('rm -rf $(pwd) `id` ; | & 日本語 ✓')).toBe('rm -rf $(pwd) `id` ; | & 日本語 ✓');
  });
});
