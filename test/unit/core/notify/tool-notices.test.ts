import { describe, expect, it } from 'vitest';
import type { PendingApproval } from '../../../../src/core/approvals/approval-types.js';
import { formatApprovalRequest } from '../../../../src/core/approvals/format-approval.js';
import { callText, displayPath, MAX_COMMAND_CHARS, summarizeCall as summarizeAsCode, type NoticeContext } from '../../../../src/core/notify/tool-notices.js';

const call = (tool: string, input: Record<string, unknown> | undefined, detail = 'shown on screen'): PendingApproval => ({ id: 'k3f9', session: 'vsr', tool, detail, input, options: [], via: input ? 'hook' : 'screen', createdAtMs: 0 });
const cwd = '/srv/catproj';
/** What the notice says, verbatim lines then notes (the Markdown around them: phone-markdown tests and the request below). */
const describeCall = (approval: PendingApproval, ctx?: NoticeContext) => {
  const { code, notes } = callText(approval, ctx);
  return [...code, ...notes];
};
/** The one-line summary without its code span. */
const summarizeCall = (approval: PendingApproval, ctx?: NoticeContext) => summarizeAsCode(approval, ctx).replace(/^`(.*)`$/, '$1');

describe('what a notification says about each tool', () => {
  it('Edit: the file relative to the session, the counts and the first changed lines', () => {
    const edit = call('Edit', { file_path: '/srv/catproj/hello.py', old_string: 'return "Hello, " + name', new_string: 'return "Hi there, " + name', replace_all: false });
    expect(formatApprovalRequest(edit, { cwd })).toBe([
      "🔒 Session 'vsr' needs approval [k3f9]",
      '```',
      'Edit(hello.py) +1 −1',
      '−return "Hello, " + name',
      '+return "Hi there, " + name',
      '```',
      '',
      'Reply: approve vsr · always vsr · deny vsr',
    ].join('\n'));
    expect(summarizeCall(edit, { cwd })).toBe('Edit(hello.py) +1 −1');
    expect(summarizeAsCode(edit, { cwd })).toBe('`Edit(hello.py) +1 −1`');
    expect(describeCall({ ...edit, input: { ...edit.input, replace_all: true } }, { cwd })[0]).toBe('Edit(hello.py) +1 −1, every occurrence');
  });

  it('the call goes verbatim into a code block, so Markdown in a command or a diff is not formatting', () => {
    // On WhatsApp, `2*3*4` read as Markdown shows as 2_3_4, `__init__` in bold, `- x` as a bullet.
    const bash = call('Bash', { command: "python -c 'print(2*3*4)' && grep -r __init__ src/my_module", description: 'Multiply *all* of it' });
    expect(formatApprovalRequest(bash, { width: 200 }).split('\n')).toEqual([
      "🔒 Session 'vsr' needs approval [k3f9]",
      '```',
      "Bash(python -c 'print(2*3*4)' && grep -r __init__ src/my_module)",
      '```',
      '',
      '↳ Multiply *all* of it',
      'Reply: approve vsr · always vsr · deny vsr',
    ]);
    const edit = call('Edit', { file_path: '/srv/catproj/a.py', old_string: '    return x', new_string: '+ y' });
    expect(formatApprovalRequest(edit, { cwd }).split('\n').slice(1, 6)).toEqual(['```', 'Edit(a.py) +1 −1', '−    return x', '++ y', '```']);
    expect(summarizeAsCode(call('Bash', { command: 'echo `date` *' }))).toBe('``Bash(echo `date` *)``');
    expect(summarizeAsCode(call('mcp__db__query', undefined, 'select * from t_x_y'))).toBe('`mcp__db__query(select * from t_x_y)`');
  });

  it('paths outside the session directory stay absolute', () => {
    expect(displayPath('/srv/catproj/src/a.ts', cwd)).toBe('src/a.ts');
    expect(displayPath('/srv/catproj-other/a.ts', cwd)).toBe('/srv/catproj-other/a.ts');
    expect(displayPath('/etc/hosts', cwd)).toBe('/etc/hosts');
    expect(displayPath('/srv/catproj', cwd)).toBe('/srv/catproj');
    expect(displayPath('/srv/catproj/a.ts', undefined)).toBe('/srv/catproj/a.ts');
  });

  it('a long edit shows its first lines and says how many more', () => {
    const after = Array.from({ length: 20 }, (_, index) => `line ${index}`).join('\n');
    const lines = describeCall(call('Edit', { file_path: '/srv/catproj/a.txt', old_string: 'x', new_string: after }), { cwd });
    expect(lines).toEqual(['Edit(a.txt) +20 −1', '−x', '+line 0', '+line 1', '+line 2', '+line 3', '+line 4', '… 15 more changed lines']);
  });

  it('MultiEdit: every edit counted, lines in order', () => {
    const multi = call('MultiEdit', { file_path: '/srv/catproj/a.ts', edits: [{ old_string: 'a', new_string: 'b' }, { old_string: 'c', new_string: 'd\ne', replace_all: true }] });
    expect(describeCall(multi, { cwd })).toEqual(['MultiEdit(a.ts) +3 −2, 2 edits', '−a', '+b', '−c', '+d', '+e']);
    expect(summarizeCall(multi, { cwd })).toBe('MultiEdit(a.ts) +3 −2');
  });

  it('Write: a new file shows its first lines and +N; over a known file, the change', () => {
    const write = call('Write', { file_path: '/srv/catproj/newfile.txt', content: 'brand new file\nsecond line\n' });
    expect(describeCall(write, { cwd, before: null })).toEqual(['Write(newfile.txt) new file, +2', '+brand new file', '+second line']);
    expect(describeCall(write, { cwd, before: 'brand new file\nold second line\nthird\n' })).toEqual(['Write(newfile.txt) +1 −2', '−old second line', '−third', '+second line']);
    expect(describeCall(write, { cwd })).toEqual(['Write(newfile.txt) +2', '+brand new file', '+second line']);
    expect(describeCall(write, { cwd, before: 'brand new file\nsecond line\n' })).toEqual(['Write(newfile.txt) unchanged']);
    expect(describeCall(call('Write', { file_path: '/srv/catproj/empty', content: '' }), { cwd, before: null })).toEqual(['Write(empty) new file, empty']);
    expect(summarizeCall(write, { cwd, before: null })).toBe('Write(newfile.txt) new file, +2');
  });

  it('Bash: the whole command (no 300-character cut), wrapped for the phone, and its description', () => {
    const command = `cd /srv/catproj && ${Array.from({ length: 30 }, (_, index) => `echo step-${index}`).join(' && ')}`;
    expect(command.length).toBeGreaterThan(300);
    const lines = describeCall(call('Bash', { command, description: 'Run every step' }), { width: 40 });
    expect(lines[0]).toBe('Bash(cd /srv/catproj && echo step-0 &&');
    expect(lines.at(-2)).toMatch(/echo step-29\)$/);
    expect(lines.at(-1)).toBe('↳ Run every step');
    expect(lines.slice(0, -1).join(' ').replace(/\s+/g, ' ')).toBe(`Bash(${command})`);
    for (const line of lines.slice(1, -1)) expect(line.length).toBeLessThanOrEqual(40);
    // Wide: fewer, longer lines.
    expect(describeCall(call('Bash', { command }), { width: 120 }).length).toBeLessThan(lines.length / 2);
  });

  it('Bash: a short command keeps today’s one line', () => {
    expect(describeCall(call('Bash', { command: 'echo hello-from-tool > proof.txt' }))).toEqual(['Bash(echo hello-from-tool > proof.txt)']);
    expect(describeCall(call('Bash', { command: 'npm test', description: '  ' }))).toEqual(['Bash(npm test)']);
  });

  it('Bash: a huge command is capped and says how much was left out', () => {
    const command = 'x'.repeat(64 * 1024);
    const lines = describeCall(call('Bash', { command }));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(`Bash(${'x'.repeat(MAX_COMMAND_CHARS)}…)`);
    expect(lines[1]).toBe(`(${64 * 1024 - MAX_COMMAND_CHARS} more characters not shown)`);
    const script = Array.from({ length: 500 }, (_, index) => `echo ${index}`).join('\n');
    const scripted = describeCall(call('Bash', { command: script }));
    expect(scripted).toHaveLength(31);
    expect(scripted.at(-2)).toBe('echo 29…)');
    expect(scripted.at(-1)).toMatch(/^\(\d+ more characters not shown\)$/);
  });

  it('Bash: multi-byte text is never split and counts as characters', () => {
    const command = `echo ${'日本語👍'.repeat(400)}`;
    const lines = describeCall(call('Bash', { command }));
    expect(lines[0]!.endsWith('…)')).toBe(true);
    expect(lines[0]).not.toMatch(/\uFFFD/);
    expect(lines[1]).toBe(`(${5 + 1600 - MAX_COMMAND_CHARS} more characters not shown)`);
  });

  it('WebFetch: the URL and the prompt, short', () => {
    const fetch = call('WebFetch', { url: 'http://127.0.0.1:18090/page', prompt: `Summarize the page ${'and more '.repeat(40)}` });
    const lines = describeCall(fetch);
    expect(lines[0]).toBe('WebFetch(http://127.0.0.1:18090/page)');
    expect(lines[1]).toMatch(/^↳ Summarize the page and more .*…$/);
    expect(lines[1]!.length).toBeLessThanOrEqual(162);
    expect(summarizeCall(fetch)).toBe('WebFetch(http://127.0.0.1:18090/page)');
  });

  it('a prompt seen only on screen, or an input of an unexpected shape, falls back to the detail shown', () => {
    expect(describeCall(call('Edit', undefined, 'src/a.ts'))).toEqual(['Edit(src/a.ts)']);
    expect(describeCall(call('Bash', undefined, 'npm   test\n--run'))).toEqual(['Bash(npm test --run)']);
    expect(describeCall(call('Edit', { file_path: 42 }, 'src/a.ts'))).toEqual(['Edit(src/a.ts)']);
    expect(describeCall(call('Bash', { command: '' }, ''))).toEqual(['Bash()']);
    expect(describeCall(call('Write', { file_path: '/a', content: null }, '/a'))).toEqual(['Write(/a)']);
    expect(summarizeCall(call('WebFetch', undefined, 'https://example.com'))).toBe('WebFetch(https://example.com)');
  });

  it('other tools keep Tool(detail), cut at 300 characters', () => {
    const question = call('AskUserQuestion', { questions: [] }, '{"questions":[]}');
    expect(describeCall(question)).toEqual(['AskUserQuestion({"questions":[]})']);
    expect(describeCall(call('Grep', { pattern: 'x' }, 'y'.repeat(400)))[0]).toBe(`Grep(${'y'.repeat(299)}…)`);
    expect(summarizeCall(call('Grep', { pattern: 'x' }, 'y'.repeat(400)))).toBe(`Grep(${'y'.repeat(59)}…)`);
  });
});
