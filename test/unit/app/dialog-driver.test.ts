import { describe, expect, it } from 'vitest';
import { chooseDialogOption } from '../../../src/app/dialog-driver.js';
import { detectClaudeScreen } from '../../../src/agents/claude-code/screen/claude-screen.js';
import type { TmuxClient } from '../../../src/adapters/tmux/tmux-client.js';

const RULE = '─'.repeat(80);
/** Claude Code 2.1.332's trust dialog, as captured (unnumbered, "No, exit" first). */
function trustDialog(cursor: 0 | 1 | undefined): string {
  const option = (index: 0 | 1, label: string) => `${cursor === index ? ' ❯ ' : '   '}${label}`;
  return [
    RULE,
    ' Accessing workspace:',
    '',
    ' /tmp/project',
    '',
    " Claude Code'll be able to read, edit, and execute files here.",
    '',
    option(0, 'No, exit'),
    option(1, 'Yes, I trust this folder'),
    '',
    ' Enter to confirm · Esc to cancel',
  ].join('\n');
}

function fakeTmux(initial: number | undefined, options: { ignoreMoves?: boolean } = {}) {
  let cursor = initial;
  const sent: string[][] = [];
  const tmux = {
    capturePane: async () => trustDialog(cursor as 0 | 1 | undefined),
    sendKeys: async (_name: string, keys: string[]) => {
      sent.push(keys);
      if (options.ignoreMoves || cursor === undefined) return;
      for (const key of keys) cursor = Math.max(0, Math.min(1, cursor + (key === 'Down' ? 1 : key === 'Up' ? -1 : 0)));
    },
  } as unknown as TmuxClient;
  return { tmux, sent };
}

const pickTrust = (options: readonly { label: string }[]) => options.findIndex((option) => /trust this folder/.test(option.label));
const request = (tmux: TmuxClient) => ({ tmux, tmuxSession: 's', label: 's', detect: detectClaudeScreen, state: 'waiting_trust' as const, pick: pickTrust, sleep: async () => {} });

describe('chooseDialogOption', () => {
  it('moves the cursor onto "Yes, I trust this folder", sees it there, then confirms', async () => {
    const { tmux, sent } = fakeTmux(0);
    const chosen = await chooseDialogOption(request(tmux));
    expect(chosen.label).toBe('Yes, I trust this folder');
    expect(sent).toEqual([['Down'], ['Enter']]);
  });

  it('confirms at once when the cursor is already there (2.1.197 lists Yes first)', async () => {
    const { tmux, sent } = fakeTmux(1);
    await chooseDialogOption(request(tmux));
    expect(sent).toEqual([['Enter']]);
  });

  it('never presses Enter when the cursor does not move to the option', async () => {
    const { tmux, sent } = fakeTmux(0, { ignoreMoves: true });
    await expect(chooseDialogOption(request(tmux))).rejects.toThrow(/did not reach the option; nothing was confirmed/);
    expect(sent.flat()).not.toContain('Enter');
  });

  it('sends an arrow key again when the dialog dropped the first one (it was not reading keys yet)', async () => {
    let cursor = 0;
    let dropped = false;
    const sent: string[][] = [];
    const tmux = {
      capturePane: async () => trustDialog(cursor as 0 | 1),
      sendKeys: async (_name: string, keys: string[]) => {
        sent.push(keys);
        if (keys[0] === 'Down' && !dropped) dropped = true;
        else if (keys[0] === 'Down') cursor = 1;
      },
    } as unknown as TmuxClient;
    await chooseDialogOption(request(tmux));
    expect(sent).toEqual([['Down'], ['Down'], ['Enter']]);
  });

  it('re-reads before Enter, and moves back when a late key moved the cursor off the option', async () => {
    let cursor = 0;
    let reads = 0;
    const sent: string[][] = [];
    const tmux = {
      capturePane: async () => {
        reads += 1;
        // A late Down arrives just after the cursor was first seen on "Yes": a 3-option list would now be past it.
        return trustDialog(cursor as 0 | 1);
      },
      sendKeys: async (_name: string, keys: string[]) => {
        sent.push(keys);
        if (keys[0] === 'Down') cursor = 1;
        if (keys[0] === 'Up') cursor = 0;
      },
    } as unknown as TmuxClient;
    const settle = async () => {
      if (cursor === 1 && sent.length === 1) cursor = 0; // the screen changed under us once
    };
    await chooseDialogOption({ ...request(tmux), sleep: settle });
    expect(sent).toEqual([['Down'], ['Down'], ['Enter']]);
    expect(reads).toBeGreaterThan(3);
  });

  it('refuses a dialog whose cursor it cannot see', async () => {
    const { tmux, sent } = fakeTmux(undefined);
    await expect(chooseDialogOption(request(tmux))).rejects.toMatchObject({ code: expect.stringMatching(/stale_prompt|unreadable_screen/) });
    expect(sent).toEqual([]);
  });

  it('refuses when the screen is no longer that dialog', async () => {
    const tmux = { capturePane: async () => 'nothing here', sendKeys: async () => {} } as unknown as TmuxClient;
    await expect(chooseDialogOption(request(tmux))).rejects.toMatchObject({ code: 'stale_prompt' });
  });

  it('reports the picker’s reason when the option is missing', async () => {
    const { tmux, sent } = fakeTmux(0);
    await expect(chooseDialogOption({ ...request(tmux), pick: () => ({ error: 'no such option' }) })).rejects.toThrow('no such option');
    expect(sent).toEqual([]);
  });
});
