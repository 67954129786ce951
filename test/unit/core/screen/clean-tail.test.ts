import { describe, expect, it } from 'vitest';
import { cleanTail, TAIL_CUT_MARK, TAIL_MESSAGE_CHARS } from '../../../../src/core/screen/clean-tail.js';

const tail = (lines: string[], options: Partial<Parameters<typeof cleanTail>[1]> = {}) => cleanTail(lines.join('\n'), { lines: 15, ...options });

describe('cleanTail', () => {
  it('removes escape sequences, control characters and trailing blanks; NBSP becomes a space', () => {
    const screen = ['\u001b[1m● Done\u001b[0m   ', '\u001b]8;;https://x\u0007link\u001b]8;;\u0007 here', 'bell\u0007 and\u0008 back', '❯\u00a0typed'];
    expect(tail(screen).lines).toEqual(['● Done', 'link here', 'bell and back', '❯ typed']);
  });

  it('turns rules into blank separators, drops other border rows, keeps a table readable with | and drops a lone left border', () => {
    const screen = [
      '─'.repeat(40),
      '╭──────╮',
      '│ box  │',
      '╰──────╯',
      '┌───┬───┐',
      '│ a │ b │',
      '├───┼───┤',
      '│ 1 │ 2 │',
      '└───┴───┘',
      '╌'.repeat(30),
      ' │ quoted command',
      '▔'.repeat(20),
      '▐▛███▜▌ logo',
    ];
    expect(tail(screen).lines).toEqual(['| box  |', '| a | b |', '| 1 | 2 |', '', '  quoted command', '', ' logo']);
  });

  it('collapses runs of blank lines to one and drops them at both ends', () => {
    expect(tail(['', '', 'one', '', '', '', 'two', '   ', '─'.repeat(30), 'three', '', '']).lines).toEqual(['one', '', 'two', '', 'three']);
  });

  it('keeps the last N meaningful lines, blank separators not counted', () => {
    const screen = ['a', '', 'b', 'c', '', 'd'];
    expect(tail(screen, { lines: 2 })).toEqual({ lines: ['c', '', 'd'], count: 2, cut: false });
    expect(tail(screen, { lines: 3 })).toEqual({ lines: ['b', 'c', '', 'd'], count: 3, cut: false });
    expect(tail(screen, { lines: 99 }).count).toBe(4);
    expect(tail(screen, { lines: 0 }).lines).toEqual(['d']);
  });

  it('an empty or all-chrome pane gives no lines', () => {
    expect(tail([''])).toEqual({ lines: [], count: 0, cut: false });
    expect(tail(['─'.repeat(30), '│   │', ''])).toEqual({ lines: [], count: 0, cut: false });
  });

  it('cuts the oldest lines to fit one message and says so first', () => {
    const screen = Array.from({ length: 100 }, (_, index) => `line ${index} ${'x'.repeat(90)}`);
    const result = tail(screen, { lines: 100 });
    expect(result.cut).toBe(true);
    expect(result.lines[0]).toBe(TAIL_CUT_MARK);
    expect(result.lines.at(-1)).toBe(screen.at(-1));
    expect(result.lines.join('\n').length).toBeLessThanOrEqual(TAIL_MESSAGE_CHARS);
    expect(result.count).toBe(result.lines.length - 1);
    expect(result.lines.join('\n').length).toBeGreaterThan(TAIL_MESSAGE_CHARS - 200);
  });

  it('honours a smaller budget, never starting with a blank after the cut', () => {
    const result = tail(['o'.repeat(60), '', 'newer', '', 'newest'], { maxChars: 60 });
    expect(result).toEqual({ lines: [TAIL_CUT_MARK, 'newer', '', 'newest'], count: 2, cut: true });
  });

  it('a single line longer than the budget keeps its start, marked', () => {
    const result = tail([`${'y'.repeat(5000)}`], { maxChars: 200 });
    expect(result.cut).toBe(true);
    expect(result.lines.join('\n').length).toBeLessThanOrEqual(200);
    expect(result.lines[1]).toMatch(/^y+…$/);
  });

  it('hands the agent its lines first (escape-free, NBSP kept) and cleans what it returns', () => {
    let seen: readonly string[] = [];
    const result = tail(['\u001b[2mkeep\u001b[0m', '❯\u00a0box', 'footer'], {
      dropChrome: (lines) => {
        seen = lines;
        return lines.map((line) => (line === 'keep' ? line : ''));
      },
    });
    expect(seen).toEqual(['keep', '❯\u00a0box', 'footer']);
    expect(result.lines).toEqual(['keep']);
  });
});
