import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PendingApproval } from '../../src/core/approvals/approval-types.js';
import { formatAnsweredInTerminal, formatApprovalRequest } from '../../src/core/approvals/format-approval.js';
import { formatReminders } from '../../src/core/notify/format-reminders.js';
import { formatTail } from '../../src/core/steering/steering-replies.js';
import { formatPhoneDiff } from '../../src/core/diff/format-diff.js';
import { requireOpenClawInstall } from './support/openclaw-harness.js';

/**
 * What WhatsApp shows of wingman's texts: each one run through the installed @openclaw/whatsapp's
 * own `markdownToWhatsApp` (its public api.js, under OpenClaw's Node 24), the conversion its
 * outbound adapter applies before the socket's sendMessage. A command, a diff line or a screen line
 * must come out exactly as it runs, inside WhatsApp's ``` monospace.
 */
const SCRIPT = `
const { markdownToWhatsApp } = await import(process.argv[1]);
let input = '';
for await (const chunk of process.stdin) input += chunk;
process.stdout.write(JSON.stringify(JSON.parse(input).map((text) => markdownToWhatsApp(text))));
`;

let toWhatsApp: (texts: string[]) => string[];

beforeAll(() => {
  const install = requireOpenClawInstall();
  const api = path.join(install.whatsappDir, 'dist', 'api.js');
  toWhatsApp = (texts) => JSON.parse(execFileSync(install.nodeBin, ['--input-type=module', '-e', SCRIPT, api], { input: JSON.stringify(texts), encoding: 'utf8', timeout: 60_000 })) as string[];
});

const call = (tool: string, input: Record<string, unknown>, id = 'k3f9'): PendingApproval => ({ id, session: 'vsr', tool, detail: '', input, options: [], via: 'hook', createdAtMs: 0 });
const TRICKY = ["python -c 'print(2*3*4)'", 'grep -r __init__ src/my_module', 'rm *.log *.tmp && echo *done* ~old~', 'echo `date` ```x```'];

describe("wingman's texts as OpenClaw's WhatsApp channel converts them", () => {
  it('control: the same commands as plain text would not reach the phone as they run', () => {
    const plain = TRICKY.map((command) => `Bash(${command})`);
    const shown = toWhatsApp(plain);
    expect(shown.filter((text, index) => text !== plain[index]).length).toBeGreaterThanOrEqual(3);
  });

  it('an approval notice shows the command verbatim in monospace, the notes and replies on their own lines', () => {
    const notices = TRICKY.map((command) => formatApprovalRequest(call('Bash', { command, description: 'Do *it*' }), { width: 200 }));
    const shown = toWhatsApp(notices);
    TRICKY.forEach((command, index) => {
      const lines = shown[index]!.split('\n');
      const open = lines.indexOf('```');
      expect(open, shown[index]).toBeGreaterThan(0);
      expect(lines[open + 1]!.replaceAll('\u200b', '')).toBe(`Bash(${command})`);
      expect(lines[open + 2]).toBe('```');
      expect(lines.slice(open + 3)).toEqual(['↳ Do _it_', 'Reply: approve vsr · always vsr · deny vsr']);
    });
  });

  it('a diff in a notice keeps its signs and indentation: no line becomes a bullet', () => {
    const edit = call('Edit', { file_path: '/srv/p/__init__.py', old_string: '    return a*b*c\n- item', new_string: ' x = 1\n+ y' });
    const [shown] = toWhatsApp([formatApprovalRequest(edit, { cwd: '/srv/p' })]);
    expect(shown).toContain('```\nEdit(__init__.py) +2 −2\n−    return a*b*c\n−- item\n+ x = 1\n++ y\n```\nReply:');
  });

  it('reminders, terminal answers, tails and diffs keep what they quote verbatim', () => {
    const texts = [
      formatReminders([
        { approval: call('Bash', { command: 'echo *a* __b__' }, 'id1'), waitedMs: 120_000 },
        { approval: call('Bash', { command: 'echo `date`' }, 'id2'), waitedMs: 60_000 },
      ]),
      formatAnsweredInTerminal({ ...call('Bash', {}), detail: 'rm *.log *.tmp' }),
      formatTail('vsr', 'idle', { lines: ['● Use *bold* and __init__', '  - a list item', '❯ 2*3*4'], count: 3, cut: false }),
      formatPhoneDiff(
        { session: 'vsr', directory: '/srv/vsr', branch: 'wingman/vsr', worktree: true, base: { label: 'main', commit: '1a2b3c4d' }, changes: [{ path: 'src/__init__.py', letter: 'M', added: 1, deleted: 1 }] },
        [{ path: 'src/__init__.py', hunks: ['@@ -1 +1 @@', '-    x = a*b', '+    x = a * b'], binary: false }],
      ),
    ];
    const [reminders, terminal, tail, diff] = toWhatsApp(texts);
    expect(reminders).toContain('```Bash(echo *a* __b__)```');
    expect(reminders).toContain('```Bash(echo `date`)```');
    expect(terminal).toContain('```Bash(rm *.log *.tmp)```');
    expect(tail).toContain('```\n● Use *bold* and __init__\n  - a list item\n❯ 2*3*4\n```');
    expect(diff).toContain('M src/__init__.py');
    expect(diff).toContain('-    x = a*b\n+    x = a * b\n```');
  });
});
