import { describe, expect, it } from 'vitest';
import { answerWork, formatAnswerWork, type CpuProfile } from '../../bench/lib/claude-cpu-profile.js';

/**
 * A profile shaped like Bun's of Claude Code: (root) → a bundle's wrapper → React's minified work
 * loop (its samples sometimes show `createInstance`), Ink's frame, and the Bash tool.
 */
function profile(): CpuProfile {
  const frame = (functionName: string, url = 'chunk-a.js') => ({ functionName, url, lineNumber: 1, columnNumber: 1 });
  const nodes: CpuProfile['nodes'] = [
    { id: 1, callFrame: frame('(root)', ''), children: [9] },
    { id: 9, callFrame: frame('(module)', 'cli.js'), children: [2, 5, 7] }, // above everything: not React's
    { id: 2, callFrame: frame('o0'), children: [3, 4] }, // React's work loop, minified
    { id: 3, callFrame: frame('createInstance') },
    { id: 4, callFrame: frame('Xy') }, // a component rendering, no React name on its stack
    { id: 5, callFrame: frame('onRender'), children: [6] },
    { id: 6, callFrame: frame('aS') },
    { id: 7, callFrame: frame('$dt', 'chunk-b.js'), children: [8] },
    { id: 8, callFrame: frame('spawn', '') },
  ];
  // t (ms after 1000 s since the epoch) → node: a 50 ms wait, then 0.5 ms samples.
  const at: Array<[number, number]> = [[0, 4], [50, 4], [50.5, 3], [51, 4], [51.5, 6], [52, 6], [52.5, 8], [53, 8], [60, 4]];
  const start = 1_000_000_000; // µs
  const samples = at.map(([, id]) => id);
  const timeDeltas = at.map(([ms], index) => Math.round((ms - (index === 0 ? 0 : at[index - 1]![0])) * 1000));
  return { nodes, startTime: start, samples, timeDeltas };
}

describe("Claude Code's CPU profile: where an answer's time goes", () => {
  it('splits the decision → shell window into React, Ink and the rest, counting no waiting', () => {
    const [work] = answerWork(profile(), [{ decidedAt: 1_000_000 + 10, shellStartedAt: 1_000_000 + 53 }]);
    expect(work!.windowMs).toBe(43);
    // The sample after the 50 ms wait stands for 2 ms, not 40; the minified component counts as React
    // (under o0, the deepest frame that createInstance's samples share), the Bash tool does not.
    expect(work!.ms).toEqual({ react: 2 + 0.5 + 0.5, ink: 1, other: 1 });
    expect(work!.totalMs).toBe(5);
    expect(work!.otherByEntry).toEqual([['(module) cli.js:1', 1]]);
  });

  it('leaves out what falls outside every window, and says so when no answer fell inside', () => {
    expect(answerWork(profile(), [{ decidedAt: 1_000_000 + 100, shellStartedAt: 1_000_000 + 200 }])[0]!.totalMs).toBe(0);
    expect(formatAnswerWork([])).toBe('No answers fell inside the profile.');
  });

  it('reports p50 / p95 for a person to read', () => {
    const work = answerWork(profile(), [{ decidedAt: 1_000_000 + 10, shellStartedAt: 1_000_000 + 53 }]);
    const text = formatAnswerWork(work);
    expect(text).toMatch(/^1 answers, decision → the tool's shell, p50 \/ p95:/);
    expect(text).toContain('React rendering its UI      3.0 ms / 3.0 ms');
    expect(text).toContain('1.0 ms (mean)  (module) cli.js:1');
  });
});
