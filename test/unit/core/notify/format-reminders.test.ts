import { describe, expect, it } from 'vitest';
import type { PendingApproval } from '../../../../src/core/approvals/approval-types.js';
import { formatWaited } from '../../../../src/core/approvals/format-approval.js';
import { formatReminders } from '../../../../src/core/notify/format-reminders.js';

const prompt = (session: string, id: string, tool: string, input: Record<string, unknown> | undefined, detail = ''): PendingApproval => ({ id, session, tool, detail, input, options: [], via: input ? 'hook' : 'screen', createdAtMs: 0 });

describe('reminders', () => {
  it('one waiting prompt keeps the full notice', () => {
    expect(formatReminders([{ approval: prompt('vsr', 'k3f9', 'Bash', { command: 'npm test' }), waitedMs: 125_000 }])).toBe(
      "⏰ Still waiting (2 min): 🔒 Session 'vsr' needs approval [k3f9]\n```\nBash(npm test)\n```\n\nReply: approve vsr · always vsr · deny vsr",
    );
  });

  it('several become one message listing them all, longest waiting first, each with its answer', () => {
    const text = formatReminders([
      { approval: prompt('api', 'ab12', 'Bash', { command: 'npm test' }), waitedMs: 45_000 },
      { approval: prompt('web', 'cd34', 'Edit', { file_path: '/srv/web/src/a.ts', old_string: 'a', new_string: 'b\nc' }), waitedMs: 600_000, context: { cwd: '/srv/web' } },
      { approval: { ...prompt('docs', 'ef56', 'Write', undefined, 'README.md'), options: [] }, waitedMs: 4_000_000 },
    ]);
    expect(text).toBe([
      '⏰ 3 sessions still waiting for you:',
      "• 'docs' [ef56], 1 h 6 min: `Write(README.md)`",
      '  Reply: approve docs · deny docs',
      "• 'web' [cd34], 10 min: `Edit(src/a.ts) +2 −1`",
      '  Reply: approve web · always web · deny web',
      "• 'api' [ab12], 45s: `Bash(npm test)`",
      '  Reply: approve api · always api · deny api',
    ].join('\n'));
  });

  it('a long command is one short line in the list', () => {
    const text = formatReminders([
      { approval: prompt('a', 'id1', 'Bash', { command: `echo ${'x'.repeat(200)}` }), waitedMs: 60_000 },
      { approval: prompt('b', 'id2', 'Bash', { command: 'ls' }), waitedMs: 60_000 },
    ]);
    expect(text.split('\n')[1]).toBe(`• 'a' [id1], 1 min: \`Bash(echo ${'x'.repeat(54)}…)\``);
  });

  it('says how long in a few characters', () => {
    expect(formatWaited(0)).toBe('0s');
    expect(formatWaited(59_000)).toBe('59s');
    expect(formatWaited(120_000)).toBe('2 min');
    expect(formatWaited(3_600_000)).toBe('1 h');
    expect(formatWaited(3_900_000)).toBe('1 h 5 min');
  });
});
