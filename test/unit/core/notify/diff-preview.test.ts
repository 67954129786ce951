import { describe, expect, it } from 'vitest';
import { changedLines, previewOf, splitLines } from '../../../../src/core/notify/diff-preview.js';

describe('diff preview', () => {
  it('lists removed and added lines in order, not the unchanged ones', () => {
    const before = 'def hi(name):\n    return "Hello, " + name\n';
    const after = 'def hi(name):\n    """Greets."""\n    return "Hi there, " + name\n';
    expect(changedLines(before, after)).toEqual([
      { sign: '−', text: '    return "Hello, " + name' },
      { sign: '+', text: '    """Greets."""' },
      { sign: '+', text: '    return "Hi there, " + name' },
    ]);
    expect(previewOf(changedLines(before, after))).toEqual({ added: 2, removed: 1, lines: ['−return "Hello, " + name', '+"""Greets."""', '+return "Hi there, " + name'], hidden: 0 });
  });

  it('a missing newline at the end is not a change; CRLF is not either', () => {
    expect(changedLines('a\nb', 'a\nb\n')).toEqual([]);
    expect(changedLines('a\r\nb\r\n', 'a\nc\n')).toEqual([{ sign: '−', text: 'b' }, { sign: '+', text: 'c' }]);
  });

  it('keeps only the indentation the shown lines do not share, and cuts long lines', () => {
    const preview = previewOf(changedLines('', '    if (x) {\n        y();\n    }\n' + `    ${'z'.repeat(200)}\n`), { maxLines: 3, maxLineChars: 20 });
    expect(preview.lines).toEqual(['+if (x) {', '+    y();', '+}']);
    expect(preview).toMatchObject({ added: 4, removed: 0, hidden: 1 });
    expect(previewOf(changedLines('', `${'z'.repeat(200)}\n`), { maxLines: 3, maxLineChars: 20 }).lines).toEqual([`+${'z'.repeat(19)}…`]);
  });

  it('empty and identical texts have no changes', () => {
    expect(splitLines('')).toEqual([]);
    expect(splitLines('\n')).toEqual(['']);
    expect(changedLines('same\n', 'same\n')).toEqual([]);
    expect(previewOf([])).toEqual({ added: 0, removed: 0, lines: [], hidden: 0 });
  });

  it('two huge, entirely different texts are counted quickly instead of diffed for seconds', () => {
    const before = Array.from({ length: 20_000 }, (_, index) => `old line ${index}`).join('\n');
    const after = Array.from({ length: 20_000 }, (_, index) => `new line ${index}`).join('\n');
    const started = Date.now();
    const preview = previewOf(changedLines(before, after));
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(preview).toMatchObject({ added: 20_000, removed: 20_000, hidden: 39_994 });
    expect(preview.lines[0]).toBe('−old line 0');
  });
});
