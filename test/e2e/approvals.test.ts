import fs from 'node:fs/promises';
import path from 'node:path';
import { chooseOption } from './support/keyboard.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWingmanHarness, keyboardOf, type WingmanHarness } from './support/wingman-harness.js';
import { startMonitor, type RunningMonitor } from './support/monitor-process.js';

const exists = (file: string) => fs.access(file).then(() => true, () => false);

describe('approvals from outside the terminal, with the real Claude Code binary', () => {
  let h: WingmanHarness;
  let monitor: RunningMonitor;
  let dir: string;

  beforeAll(async () => {
    h = await createWingmanHarness({ trustedProjects: true });
    dir = await h.makeWorkdir('approvals');
    expect((await h.wingman(['spawn', '--session', 'appr', '--workdir', dir])).exitCode).toBe(0);
    monitor = await startMonitor(h);
  });

  afterAll(async () => {
    await monitor?.stop();
    await h?.close();
  });

  it('notifies the prompt with an id; approve lets the tool run', async () => {
    const offset = monitor.output().length;
    await h.wingman(['send', 'appr', 'RUNTOOL echo one > approved.txt']);
    const match = await monitor.waitFor(/🔒 Session 'appr' needs approval \[(\w+)\]\n\s+Bash\(echo one > approved\.txt\)\n\s+↳ Run requested command\n\s+Reply: approve appr · always appr · deny appr/);
    expect(match.index).toBeGreaterThanOrEqual(offset);
    const approved = await h.wingman(['approve', 'appr']);
    expect(approved.stdout).toBe("✓ Session 'appr' approved (once)");
    await h.waitForStatus('appr', (status) => status.state === 'idle');
    expect(await fs.readFile(path.join(dir, 'approved.txt'), 'utf8')).toBe('one\n');
  });

  it('deny keeps the tool from running', async () => {
    await h.wingman(['send', 'appr', 'RUNTOOL echo two > denied.txt']);
    await monitor.waitFor(/Bash\(echo two > denied\.txt\)/);
    const denied = await h.wingman(['deny', 'appr']);
    expect(denied.stdout).toBe("✗ Session 'appr' denied");
    await h.waitForStatus('appr', (status) => status.state === 'idle');
    expect(await exists(path.join(dir, 'denied.txt'))).toBe(false);
  });

  it('a stale id is refused with what is pending now; the right id answers', async () => {
    await h.wingman(['send', 'appr', 'RUNTOOL echo three > stale.txt']);
    const [, id] = await monitor.waitFor(/needs approval \[(\w+)\]\n\s+Bash\(echo three > stale\.txt\)/);
    const stale = await h.wingman(['approve', 'appr', 'zzzz']);
    expect(stale.exitCode).toBe(1);
    expect(stale.stderr).toContain(`Prompt zzzz of session 'appr' is no longer pending; nothing was answered. Pending now: Bash(echo three > stale.txt) [${id}]`);
    expect(await exists(path.join(dir, 'stale.txt'))).toBe(false);
    expect((await h.wingman(['approve', 'appr', id!])).stdout).toBe("✓ Session 'appr' approved (once)");
    await h.waitForStatus('appr', (status) => status.state === 'idle');
    expect(await exists(path.join(dir, 'stale.txt'))).toBe(true);
  });

  it("always: Claude remembers the rule it suggested, so the next matching call does not prompt", async () => {
    // For `git init …` Claude Code suggests the rule Bash(git init *); for file-writing commands it
    // suggests directory access instead, which does not cover the next command.
    await h.wingman(['send', 'appr', 'RUNTOOL git init -q repo-a']);
    await monitor.waitFor(/Bash\(git init -q repo-a\)/);
    const always = await h.wingman(['always', 'appr']);
    expect(always.stdout).toBe("✓ Session 'appr' approved (always: Bash(git init *))");
    await h.waitForStatus('appr', (status) => status.state === 'idle');
    expect(await exists(path.join(dir, 'repo-a', '.git'))).toBe(true);
    const before = monitor.output().length;
    await h.wingman(['send', 'appr', 'RUNTOOL git init -q repo-b']);
    await h.waitForStatus('appr', (status) => status.state === 'idle' && status.currentTask === 'RUNTOOL git init -q repo-b' && status.latestActivity === 'Running: git init -q repo-b');
    const deadline = Date.now() + 10_000;
    while (!(await exists(path.join(dir, 'repo-b', '.git'))) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await exists(path.join(dir, 'repo-b', '.git'))).toBe(true);
    expect(monitor.output().slice(before)).not.toContain('needs approval');
  });

  it('answered in the terminal first: the phone is told, and a late approve is refused', async () => {
    await h.wingman(['send', 'appr', 'RUNTOOL echo five > terminal.txt']);
    await monitor.waitFor(/Bash\(echo five > terminal\.txt\)/);
    await h.tmux.sendKeys('appr', ['Escape']);
    await monitor.waitFor(/✋ Session 'appr': Bash\(echo five > terminal\.txt\) was answered in the terminal/);
    const late = await h.wingman(['approve', 'appr']);
    expect(late.exitCode).toBe(1);
    expect(late.stderr).toContain("Session 'appr' has no prompt waiting for an answer.");
    expect(await exists(path.join(dir, 'terminal.txt'))).toBe(false);
  });

  it('approved with the keyboard first: the phone is told, and the tool ran once', async () => {
    await h.wingman(['send', 'appr', 'RUNTOOL echo once >> keyboard.txt']);
    await monitor.waitFor(/Bash\(echo once >> keyboard\.txt\)/);
    // A person answers what they see: 2.1.332 fires the hook (and so the notice) before it draws the dialog.
    await h.waitForScreen('appr', (screen) => /Do you want to proceed\?/.test(screen));
    await chooseOption(keyboardOf(h, 'appr'), 1);
    await monitor.waitFor(/✋ Session 'appr': Bash\(echo once >> keyboard\.txt\) was answered in the terminal/);
    expect((await h.wingman(['approve', 'appr'])).exitCode).toBe(1);
    await h.waitForStatus('appr', (status) => status.state === 'idle');
    expect(await fs.readFile(path.join(dir, 'keyboard.txt'), 'utf8')).toBe('once\n');
  });

  it('announces finished tasks, errors and trust dialogs', async () => {
    await h.wingman(['send', 'appr', 'a quick question']);
    await monitor.waitFor(/✅ Session 'appr' finished/);
    await h.wingman(['send', 'appr', 'ERROR500']);
    await monitor.waitFor(/❌ Session 'appr' stopped on an error: .*500/);
    expect(await h.wingman(['send', 'appr', 'recovered'])).toMatchObject({ exitCode: 0 });
    await h.waitForStatus('appr', (status) => status.state === 'idle');
    const outside = await fs.mkdtemp(path.join(h.root, 'untrusted-'));
    await h.wingman(['spawn', '--session', 'newcomer', '--workdir', outside, '--prompt', 'hello']);
    await monitor.waitFor(/🔐 Session 'newcomer' asks whether to trust .*untrusted-.*\. Reply: trust newcomer/);
    await h.wingman(['kill', 'newcomer']);
  });

  it('two sessions prompting at once each get their own answer', async () => {
    const other = await h.makeWorkdir('approvals-two');
    expect((await h.wingman(['spawn', '--session', 'appr2', '--workdir', other])).exitCode).toBe(0);
    await Promise.all([
      h.wingman(['send', 'appr', 'RUNTOOL echo mine > first.txt']),
      h.wingman(['send', 'appr2', 'RUNTOOL echo yours > second.txt']),
    ]);
    const [, mine] = await monitor.waitFor(/needs approval \[(\w+)\]\n\s+Bash\(echo mine > first\.txt\)/);
    await monitor.waitFor(/Bash\(echo yours > second\.txt\)/);
    const pending = JSON.parse((await h.wingman(['pending', '--json'])).stdout) as Array<{ session: string }>;
    expect(pending.map((item) => item.session).sort()).toEqual(['appr', 'appr2']);
    expect(await h.wingman(['deny', 'appr2'])).toEqual({ exitCode: 0, stdout: "✗ Session 'appr2' denied", stderr: '' });
    expect(await h.wingman(['approve', 'appr', mine!])).toEqual({ exitCode: 0, stdout: "✓ Session 'appr' approved (once)", stderr: '' });
    await h.waitForStatus('appr', (status) => status.state === 'idle');
    await h.waitForStatus('appr2', (status) => status.state === 'idle');
    expect(await exists(path.join(dir, 'first.txt'))).toBe(true);
    expect(await exists(path.join(other, 'second.txt'))).toBe(false);
  });

  it('writes every decision to the audit log', async () => {
    const lines = (await fs.readFile(path.join(h.home, 'audit.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { decision: string; via: string; session: string });
    const decisions = lines.map((line) => `${line.session}:${line.decision}:${line.via}`);
    expect(decisions).toEqual(expect.arrayContaining(['appr:approve:hook', 'appr:deny:hook', 'appr:refused:hook', 'appr:always:hook', 'appr:answered_in_terminal:terminal', 'appr2:deny:hook']));
  });

  it('with the monitor down, the dialog is still answerable by keys', async () => {
    await monitor.stop();
    await h.wingman(['send', 'appr', 'RUNTOOL echo six > keys.txt']);
    // The dialog itself, not only the hook that 2.1.332 fires before drawing it.
    await h.waitForStatus('appr', (status) => status.state === 'waiting_approval' && (status.pendingPrompt?.options.length ?? 0) > 0);
    const approved = await h.wingman(['approve', 'appr']);
    expect(approved.stdout).toBe("✓ Session 'appr' approved (once)");
    await h.waitForStatus('appr', (status) => status.state === 'idle');
    expect(await exists(path.join(dir, 'keys.txt'))).toBe(true);
    monitor = await startMonitor(h);
  });
});
