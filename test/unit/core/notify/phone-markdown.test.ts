import { describe, expect, it } from 'vitest';
import { codeBlock, inlineCode, toPlainText } from '../../../../src/core/notify/phone-markdown.js';

describe('verbatim text in phone Markdown', () => {
  it('a block is fenced, with a blank line after it so the next line stays its own', () => {
    expect(codeBlock(["python -c 'print(2*3*4)'", '- indented removal', '__init__'])).toEqual(['```', "python -c 'print(2*3*4)'", '- indented removal', '__init__', '```', '']);
    expect(codeBlock([])).toEqual(['```', '```', '']);
  });

  it('three backticks inside a block cannot close it: a zero-width space splits the run', () => {
    expect(codeBlock(['echo ```x```', 'a `b` c'])).toEqual(['```', 'echo ``\u200b`x``\u200b`', 'a `b` c', '```', '']);
    expect(codeBlock(['`````'])[1]).toBe('``\u200b``\u200b`');
    // What the reader sees is unchanged.
    expect(codeBlock(['echo ```x```'])[1]!.replaceAll('\u200b', '')).toBe('echo ```x```');
  });

  it('a span is fenced by one more backtick than the longest run inside it', () => {
    expect(inlineCode('Bash(rm *.log)')).toBe('`Bash(rm *.log)`');
    expect(inlineCode('Bash(echo `date`)')).toBe('``Bash(echo `date`)``');
    expect(inlineCode('a ``b`` c')).toBe('```a ``b`` c```');
    expect(inlineCode('`date`')).toBe('`` `date` ``');
    expect(inlineCode('')).toBe('');
  });
});

describe('phone Markdown shown in a terminal', () => {
  it('undoes the blocks and spans, and nothing else', () => {
    const notice = ["🔒 Session 'vsr' needs approval [k3f9]", ...codeBlock(["python -c 'print(2*3*4)'", 'echo ```x```']), '↳ note *as is*', 'Reply: approve vsr'].join('\n');
    expect(toPlainText(notice)).toBe(["🔒 Session 'vsr' needs approval [k3f9]", "python -c 'print(2*3*4)'", 'echo ```x```', '↳ note *as is*', 'Reply: approve vsr'].join('\n'));
    for (const text of ['Bash(rm *.log)', 'Bash(echo `date`)', 'a ``b`` c', '`date`']) expect(toPlainText(`• x: ${inlineCode(text)} done`)).toBe(`• x: ${text} done`);
    expect(toPlainText("✓ approved (always: `Bash(npm run build:*)`)")).toBe('✓ approved (always: Bash(npm run build:*))');
    expect(toPlainText('no markdown here\n\nkept blank')).toBe('no markdown here\n\nkept blank');
    expect(toPlainText(codeBlock(['x']).join('\n'))).toBe('x');
  });
});
