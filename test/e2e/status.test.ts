import fs from 'node:fs/promises';
import path from 'node:path';
import { chooseOption } from './support/keyboard.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWingmanHarness, keyboardOf, parseJson, type StatusJson, type WingmanHarness } from './support/wingman-harness.js';
import { bashOptions, FLAGGED_BASH_KINDS } from './support/dialect.js';
import { readInputBox } from '../../src/agents/claude-code/screen/input-box.js';

/**
 * One real Claude Code session walked through every state, asserting what `wingman status`
 * reports at each step — including the steps no hook announces (a deny, an Esc interrupt).
 */
describe('status engine against the real Claude Code binary', () => {
  let h: WingmanHarness;
  let workdir: string;
  const is = (state: string) => (status: StatusJson) => status.state === state;
  /**
   * The dialog itself is on screen: 2.1.332 fires PermissionRequest (so status reads
   * waiting_approval, from the hook, without options) 0.3–0.5 s before it draws the dialog.
   */
  const dialogShown = (status: StatusJson) => status.state === 'waiting_approval' && (status.pendingPrompt?.options.length ?? 0) > 0;

  beforeAll(async () => {
    h = await createWingmanHarness({ trustedProjects: true });
    workdir = await h.makeWorkdir('walk');
    await fs.writeFile(path.join(workdir, 'notes.txt'), 'draft\n');
  });

  afterAll(async () => {
    await h?.close();
  });

  it('working while an answer streams, then idle', async () => {
    expect((await h.wingman(['spawn', '--session', 'walk', '--workdir', workdir, '--prompt', 'SLOW working phase'])).exitCode).toBe(0);
    const working = await h.waitForStatus('walk', is('working'));
    expect(working).toMatchObject({ currentTask: 'SLOW working phase', directory: workdir });
    const dashboard = parseJson<StatusJson[]>(await h.wingman(['dashboard', '--json']));
    // On a loaded machine the ~8 s answer may already be done by the time this runs.
    expect(dashboard).toHaveLength(1);
    expect(dashboard[0]).toMatchObject({ name: 'walk', directory: workdir, currentTask: 'SLOW working phase', state: expect.stringMatching(/^(working|idle)$/) });
    await h.waitForStatus('walk', is('idle'));
  });

  it('waiting_approval for Bash with the exact command and options; approving in the terminal runs it', async () => {
    await h.wingman(['send', 'walk', 'RUNTOOL echo approved > approved.txt']);
    const waiting = await h.waitForStatus('walk', dialogShown);
    expect(waiting.pendingPrompt).toEqual({ tool: 'Bash', detail: 'echo approved > approved.txt', options: bashOptions(workdir, 'walk') });
    expect(waiting.latestActivity).toBe('Waiting for approval: Bash(echo approved > approved.txt)');
    expect((await h.wingman(['dashboard'])).stdout).toContain('Total: 1 session | Working: 0 | Waiting: 1 | Error: 0');
    await chooseOption(keyboardOf(h, 'walk'), 1);
    await h.waitForStatus('walk', is('idle'));
    expect(await fs.readFile(path.join(workdir, 'approved.txt'), 'utf8')).toBe('approved\n');
    expect((await h.wingman(['status', 'walk', '--json'])).stdout).toContain('"latestActivity": "Running: echo approved > approved.txt"');
  });

  it('waiting_approval for Write; a deny by Esc (no hook fires) reads idle again and nothing is written', async () => {
    await h.wingman(['send', 'walk', 'WRITE denied.txt never']);
    const waiting = await h.waitForStatus('walk', dialogShown);
    expect(waiting.pendingPrompt).toMatchObject({ tool: 'Write', detail: 'denied.txt' });
    await h.tmux.sendKeys('walk', ['Escape']);
    const after = await h.waitForStatus('walk', is('idle'));
    expect(after.source).toBe('screen');
    await expect(fs.access(path.join(workdir, 'denied.txt'))).rejects.toThrow();
  });

  it('waiting_approval for Edit; approving applies it', async () => {
    await h.wingman(['send', 'walk', 'EDIT notes.txt draft=>final']);
    const waiting = await h.waitForStatus('walk', dialogShown);
    expect(waiting.pendingPrompt).toMatchObject({ tool: 'Edit', detail: 'notes.txt' });
    await chooseOption(keyboardOf(h, 'walk'), 1);
    await h.waitForStatus('walk', is('idle'));
    expect(await fs.readFile(path.join(workdir, 'notes.txt'), 'utf8')).toBe('final\n');
  });

  it('an Esc interrupt mid-turn (no hook fires) reads idle; a prompt Claude put back in the box is replaced only on request', async () => {
    await h.wingman(['send', 'walk', 'SLOW interrupt me']);
    await h.waitForStatus('walk', is('working'));
    await h.tmux.sendKeys('walk', ['Escape']);
    await h.waitForStatus('walk', is('idle'), 15_000);
    // Both outcomes are Claude Code's own: Esc before the first token puts the prompt back into
    // the input box; Esc after it leaves "Interrupted" and an empty box.
    const restored = readInputBox(await h.tmux.capturePane('walk', { escapes: true })).text;
    expect(['', 'SLOW interrupt me']).toContain(restored);
    if (restored !== '') {
      const refused = await h.wingman(['send', 'walk', 'after the interrupt']);
      expect(refused.exitCode).toBe(1);
      expect(refused.stderr).toContain('already has unsent text in its input box ("SLOW interrupt me"); nothing was typed. Send with --replace');
    }
    expect((await h.wingman(['send', 'walk', '--replace', 'after the interrupt'])).exitCode).toBe(0);
    await h.waitForStatus('walk', (status) => status.state === 'idle' && status.currentTask === 'after the interrupt');
    expect(h.api.requests.filter((request) => request.hasTools && request.lastUserText === 'after the interrupt')).toHaveLength(1);
  });

  it('reports test progress from the latest test run', async () => {
    await h.wingman(['send', 'walk', 'RUNTOOL printf "      Tests  8 passed | 2 failed (10)\\n"']);
    // Claude Code may run a read-only printf without asking; approve if it does ask.
    let choosing: Promise<void> | undefined;
    const done = await h.waitForStatus('walk', (status) => {
      if (status.state === 'waiting_approval' && !choosing) choosing = chooseOption(keyboardOf(h, 'walk'), 1);
      return status.state === 'idle' && status.progress !== undefined;
    });
    await choosing;
    expect(done.progress).toBe('8/10 passing');
  });

  it('error when the turn ends in an API error (500 after retries)', async () => {
    await h.wingman(['send', 'walk', 'ERROR500']);
    const failed = await h.waitForStatus('walk', is('error'), 60_000);
    expect(failed.error).toMatch(/500|server/i);
    expect((await h.wingman(['dashboard'])).stdout).toContain('Error: 1');
    // A new prompt clears the error.
    expect(await h.wingman(['send', 'walk', 'all good again'])).toMatchObject({ stderr: '', exitCode: 0 });
    await h.waitForStatus('walk', is('idle'));
  });

  it('exited when Claude Code quits', async () => {
    await h.tmux.sendKeys('walk', ['C-c']);
    await h.tmux.sendKeys('walk', ['C-c']);
    const exited = await h.waitForStatus('walk', is('exited'), 20_000);
    expect(exited.source).toMatch(/process|screen/);
  });
});

describe('screen rules on screens captured now from the real binary', () => {
  for (const width of [80, 160, 200]) {
    it(`reads a Bash dialog at ${width} columns, with two options for a flagged command`, async () => {
      const h = await createWingmanHarness({ trustedProjects: true, config: { tmux: { width, height: 45 } } });
      try {
        const workdir = await h.makeWorkdir(`w${width}`);
        const command = 'for i in 1 2; do echo "$i"; done > loop.txt';
        await h.wingman(['spawn', '--session', `w${width}`, '--workdir', workdir, '--prompt', `RUNTOOL ${command}`]);
        const screen = await h.waitForScreen(`w${width}`, (text) => /Do you want to proceed\?/.test(text) && /Esc to cancel/.test(text));
        const file = path.join(h.root, `screen-${width}.txt`);
        await fs.writeFile(file, screen);
        const reading = parseJson<{ state: string; prompt: { tool: string; detail: string; options: Array<{ kind: string }> } }>(await h.wingman(['detect', '--file', file, '--json']));
        expect(reading.state).toBe('waiting_approval');
        expect(reading.prompt.tool).toBe('Bash');
        expect(reading.prompt.detail).toBe(command);
        // A for loop is flagged (Contains for_statement), so this dialog offers no "always" option.
        expect(reading.prompt.options.map((option) => option.kind)).toEqual(FLAGGED_BASH_KINDS);
        expect(reading.prompt.options[0]?.kind).toBe('yes');
      } finally {
        await h.close();
      }
    });
  }
});
