import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWingmanHarness, type WingmanHarness } from './support/wingman-harness.js';
import { startMonitor, type RunningMonitor } from './support/monitor-process.js';

/** The console channel stamps each notice and indents its further lines by four spaces. */
const CONTINUED = '\n    ';
const REMIND_MS = 12_000;

/** Each notice the monitor printed since `from`, with its time and its text (indent removed). */
function notices(monitor: RunningMonitor, from = 0): { atMs: number; text: string }[] {
  return [...monitor.output().slice(from).matchAll(/^\[([^\]]+)\] (.*(?:\n {4}.*)*)/gm)].map((match) => ({ atMs: Date.parse(match[1]!), text: match[2]!.replaceAll(CONTINUED, '\n') }));
}

describe('notifications worth reading on a phone, with the real Claude Code binary', () => {
  let h: WingmanHarness;
  let monitor: RunningMonitor;
  let dir: string;
  let other: string;

  beforeAll(async () => {
    h = await createWingmanHarness({ trustedProjects: true });
    dir = await h.makeWorkdir('notify');
    other = await h.makeWorkdir('notify-other');
    expect((await h.wingman(['spawn', '--session', 'ntf', '--workdir', dir])).exitCode).toBe(0);
    expect((await h.wingman(['spawn', '--session', 'ntf2', '--workdir', other])).exitCode).toBe(0);
    monitor = await startMonitor(h);
  });

  afterAll(async () => {
    await monitor?.stop();
    await h?.close();
  });

  it('an edit names the file relative to the session and previews the change with its counts', async () => {
    await fs.writeFile(path.join(dir, 'hello.py'), 'def greet(name):\n    return "Hello, " + name\n');
    await h.wingman(['send', 'ntf', 'EDIT hello.py return "Hello, " + name=>greeting = "Hi there, "\\n    return greeting + name']);
    const [notice] = await monitor.waitFor(/🔒 Session 'ntf' needs approval \[\w+\]\n.*Edit\(hello\.py\)[^]*?Reply: .*/);
    expect(notice!.split(CONTINUED)).toEqual([
      expect.stringMatching(/^🔒 Session 'ntf' needs approval \[\w+\]$/),
      'Edit(hello.py) +2 −1',
      '−return "Hello, " + name',
      '+greeting = "Hi there, "',
      '+    return greeting + name',
      'Reply: approve ntf · always ntf · deny ntf',
    ]);
    expect((await h.wingman(['approve', 'ntf'])).stdout).toBe("✓ Session 'ntf' approved (once)");
    await h.waitForStatus('ntf', (status) => status.state === 'idle');
    expect(await fs.readFile(path.join(dir, 'hello.py'), 'utf8')).toBe('def greet(name):\n    greeting = "Hi there, "\n    return greeting + name\n');
  });

  it('a long command is shown in full, broken after its operators, with its description', async () => {
    const command = Array.from({ length: 14 }, (_, index) => `echo step-${String(index).padStart(2, '0')} >> steps.log`).join(' && ');
    expect(command.length).toBeGreaterThan(300);
    await h.wingman(['send', 'ntf', `RUNTOOL ${command}`]);
    const [notice] = await monitor.waitFor(/🔒 Session 'ntf' needs approval \[\w+\]\n.*Bash\(echo step-00[^]*?Reply: .*/);
    const lines = notice!.split(CONTINUED);
    expect(lines.at(-2)).toBe('↳ Run requested command');
    const shown = lines.slice(1, -2);
    expect(shown.length).toBeGreaterThan(5);
    for (const line of shown) expect(line.length).toBeLessThanOrEqual(42);
    expect(shown.join(' ').replace(/\s+/g, ' ')).toBe(`Bash(${command})`);
    expect(notice).not.toContain('…');
    expect((await h.wingman(['deny', 'ntf'])).stdout).toBe("✗ Session 'ntf' denied");
    await h.waitForStatus('ntf', (status) => status.state === 'idle');
    await expect(fs.access(path.join(dir, 'steps.log'))).rejects.toThrow();
  });

  it('two sessions waiting at reminder time get one reminder naming both', async () => {
    await monitor.stop();
    monitor = await startMonitor(h, ['--remind-ms', String(REMIND_MS)]);
    await Promise.all([h.wingman(['send', 'ntf', 'RUNTOOL echo first > first.txt']), h.wingman(['send', 'ntf2', 'RUNTOOL echo second > second.txt'])]);
    const [, first] = await monitor.waitFor(/Session 'ntf' needs approval \[(\w+)\]\n.*Bash\(echo first > first\.txt\)/);
    const [, second] = await monitor.waitFor(/Session 'ntf2' needs approval \[(\w+)\]\n.*Bash\(echo second > second\.txt\)/);
    const [combined] = await monitor.waitFor(/⏰ 2 sessions still waiting for you:(?:\n.*){4}/, 4 * REMIND_MS);
    const items = combined!.split(CONTINUED).slice(1);
    expect(items).toHaveLength(4);
    expect(items).toEqual(expect.arrayContaining([
      expect.stringMatching(new RegExp(`^• 'ntf' \\[${first}\\], (?:\\d+s|\\d+ min): Bash\\(echo first > first\\.txt\\)$`)),
      '  Reply: approve ntf · always ntf · deny ntf',
      expect.stringMatching(new RegExp(`^• 'ntf2' \\[${second}\\], (?:\\d+s|\\d+ min): Bash\\(echo second > second\\.txt\\)$`)),
      '  Reply: approve ntf2 · always ntf2 · deny ntf2',
    ]));
    // Notified within half an interval of each other, they were never reminded of one by one.
    const seen = notices(monitor);
    const asked = seen.filter((notice) => /needs approval/.test(notice.text)).map((notice) => notice.atMs);
    if (Math.max(...asked) - Math.min(...asked) < REMIND_MS / 2) expect(seen.filter((notice) => notice.text.startsWith('⏰ Still waiting'))).toEqual([]);
    expect((await h.wingman(['deny', 'ntf'])).exitCode).toBe(0);
    expect((await h.wingman(['deny', 'ntf2'])).exitCode).toBe(0);
    await h.waitForStatus('ntf', (status) => status.state === 'idle');
    await h.waitForStatus('ntf2', (status) => status.state === 'idle');
  });
});
