import { describe, expect, it } from 'vitest';
import { displayWidth, isRule, paneLines, screenWidth, unwrapLines } from '../../../../src/core/screen/pane-text.js';

describe('paneLines', () => {
  it('strips escapes, CRLF and trailing spaces but keeps the NBSP of the input box', () => {
    expect(paneLines('\u001b[39m❯\u00a0\u001b[7m \u001b[0m\r\n  tail   \n')).toEqual(['❯\u00a0', '  tail', '']);
  });
});

describe('isRule and screenWidth', () => {
  it('accepts a full rule at column 0 only', () => {
    expect(isRule('─'.repeat(80))).toBe(true);
    expect(isRule(` ${'─'.repeat(80)}`)).toBe(false);
    expect(isRule('─'.repeat(10))).toBe(false);
    expect(isRule(`${'─'.repeat(40)} text`)).toBe(false);
    expect(isRule('╌'.repeat(80))).toBe(false);
  });

  it('takes the terminal width from the widest rule, else the widest line', () => {
    expect(screenWidth(['short', '─'.repeat(120), 'x'.repeat(130)])).toBe(120);
    expect(screenWidth(['short', 'x'.repeat(30)])).toBe(30);
  });

  it('counts double-width characters as two cells', () => {
    expect(displayWidth('日本')).toBe(4);
    expect(displayWidth('❯ ●')).toBe(3);
  });
});

describe('unwrapLines', () => {
  const dialog = { width: 80, mirrorIndent: true };

  it('joins a word-wrapped command with spaces (real 80-column capture)', () => {
    const lines = [
      '   npm run build && node dist/cli/main.js --config ./config/production.json',
      '   --verbose --output-dir /tmp/some/really/long/output/directory/path && echo',
      '   finished',
      '   Build and run the CLI against the production config',
    ];
    expect(unwrapLines(lines, dialog)).toEqual([
      'npm run build && node dist/cli/main.js --config ./config/production.json --verbose --output-dir /tmp/some/really/long/output/directory/path && echo finished',
      'Build and run the CLI against the production config',
    ]);
  });

  it('joins a token cut at the margin without a space (real 80-column capture)', () => {
    const lines = [
      '   curl -o out.bin https://downloads.example.com/releases/v1.2.3/artifacts/ve',
      '   ry-long-file-name-without-any-spaces-at-all-0123456789abcdef.tar.gz',
    ];
    expect(unwrapLines(lines, dialog)).toEqual([
      'curl -o out.bin https://downloads.example.com/releases/v1.2.3/artifacts/very-long-file-name-without-any-spaces-at-all-0123456789abcdef.tar.gz',
    ]);
  });

  it('keeps real line breaks: the next word would have fitted', () => {
    expect(unwrapLines(["   cat > notes.txt <<'X'", '   first line', '   X'], dialog)).toEqual(["cat > notes.txt <<'X'", 'first line', 'X']);
  });

  it('keeps inner blank lines and drops outer ones', () => {
    expect(unwrapLines(['', '   a', '', '   b', ''], dialog)).toEqual(['a', '', 'b']);
  });

  it('lets transcript text run to the last column when the indent is not mirrored', () => {
    const header = ['● Write(src/some/deeply/nested/directory/structure/with/a/long/name/component-fi', '       le.ts)'];
    expect(unwrapLines(header, { width: 80, mirrorIndent: false })).toEqual(['● Write(src/some/deeply/nested/directory/structure/with/a/long/name/component-file.ts)']);
  });
});
