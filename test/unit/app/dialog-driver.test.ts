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

/** A trust dialog that obeys arrow keys (unless told to drop some) and goes away on Enter. */
function fakeTmux(initial: number | undefined, options: { dropFirst?: number; ignoreMoves?: boolean; ignoreEnter?: boolean } = {}) {
  let cursor = initial;
  let dropped = 0;
  let confirmed: number | undefined;
  const sent: string[][] = [];
  const tmux = {
    capturePane: async () => (confirmed === undefined ? trustDialog(cursor as 0 | 1 | undefined) : 'trusted'),
    sendKeys: async (_name: string, keys: string[]) => {
      sent.push(keys);
      if (dropped < (options.dropFirst ?? 0)) {
        dropped += 1;
        return;
      }
      for (const key of keys) {
        if (key === 'Enter' && !options.ignoreEnter) confirmed = cursor;
        if (options.ignoreMoves || cursor === undefined) continue;
        cursor = Math.max(0, Math.min(1, cursor + (key === 'Down' ? 1 : key === 'Up' ? -1 : 0)));
      }
    },
  } as unknown as TmuxClient;
  return { tmux, sent, confirmed: () => confirmed };
}

/**
 * A trust dialog whose list wraps and which reads keys in order but late: the keys of the n-th
 * send land only after `lagFor(n)` more screen reads (Claude Code busy). Keys after the Enter go to
 * the next screen.
 */
function laggyTrust(options: { lagFor: (send: number) => number }) {
  let cursor = 0;
  let reads = 0;
  let confirmed: number | undefined;
  const queue: Array<{ key: string; due: number }> = [];
  const sent: string[][] = [];
  const apply = (key: string) => {
    if (confirmed !== undefined) return;
    if (key === 'Enter') confirmed = cursor;
    if (key === 'Down') cursor = (cursor + 1) % 2;
    if (key === 'Up') cursor = (cursor + 1) % 2;
  };
  const tmux = {
    capturePane: async () => {
      reads += 1;
      while (queue.length > 0 && queue[0]!.due <= reads) apply(queue.shift()!.key);
      return confirmed === undefined ? trustDialog(cursor as 0 | 1) : 'trusted';
    },
    sendKeys: async (_name: string, keys: string[]) => {
      sent.push(keys);
      const due = Math.max(queue.at(-1)?.due ?? 0, reads + options.lagFor(sent.length));
      for (const key of keys) queue.push({ key, due });
    },
  } as unknown as TmuxClient;
  return { tmux, sent, confirmed: () => confirmed };
}

const pickTrust = (options: readonly { label: string }[]) => options.findIndex((option) => /trust this folder/.test(option.label));
const request = (tmux: TmuxClient) => ({ tmux, tmuxSession: 's', label: 's', detect: detectClaudeScreen, state: 'waiting_trust' as const, pick: pickTrust, sleep: async () => {} });

describe('chooseDialogOption', () => {
  it('moves the cursor onto "Yes, I trust this folder", sees it there, then confirms', async () => {
    const { tmux, sent, confirmed } = fakeTmux(0);
    const chosen = await chooseDialogOption(request(tmux));
    expect(chosen.label).toBe('Yes, I trust this folder');
    expect(sent).toEqual([['Down'], ['Enter']]);
    expect(confirmed()).toBe(1);
  });

  it('proves the dialog reads keys before Enter when the cursor starts on the option (2.1.197 lists Yes first)', async () => {
    const { tmux, sent, confirmed } = fakeTmux(1);
    await chooseDialogOption(request(tmux));
    // Away and back: the moves are seen on screen, so the Enter is not sent into a deaf dialog.
    expect(sent).toEqual([['Up'], ['Down'], ['Enter']]);
    expect(confirmed()).toBe(1);
  });

  it('sends an arrow key again when the dialog dropped the first one (2.1.332 drops keys right after drawing a dialog)', async () => {
    const { tmux, sent, confirmed } = fakeTmux(0, { dropFirst: 1 });
    await chooseDialogOption(request(tmux));
    // The unseen Down might still land: a quiet wait, then away and back, each seen, then Enter.
    expect(sent).toEqual([['Down'], ['Down'], ['Up'], ['Down'], ['Enter']]);
    expect(confirmed()).toBe(1);
  });

  it('never presses Enter when the cursor does not move to the option', async () => {
    const { tmux, sent } = fakeTmux(0, { ignoreMoves: true });
    await expect(chooseDialogOption(request(tmux))).rejects.toThrow(/did not reach the option; nothing was confirmed/);
    expect(sent.flat()).not.toContain('Enter');
  });

  it('presses Enter once more only when the very same dialog and cursor stay, then says so', async () => {
    const { tmux, sent } = fakeTmux(0, { ignoreEnter: true });
    await expect(chooseDialogOption(request(tmux))).rejects.toThrow('Enter was pressed twice but the dialog is still on screen');
    expect(sent.flat().filter((key) => key === 'Enter')).toHaveLength(2);
  });

  it('waits for a fresh dialog to have been on screen a moment before its first key', async () => {
    const { tmux, sent } = fakeTmux(0);
    const events: string[] = [];
    const spied = { ...tmux, capturePane: async (...args: Parameters<TmuxClient['capturePane']>) => (events.push('read'), tmux.capturePane(...args)), sendKeys: async (...args: Parameters<TmuxClient['sendKeys']>) => (events.push(`keys ${args[1].join(' ')}`), tmux.sendKeys(...args)) } as unknown as TmuxClient;
    await chooseDialogOption({ ...request(spied), sleep: async (ms: number) => void events.push(`sleep ${ms}`) });
    expect(events.slice(0, 4)).toEqual(['read', 'sleep 300', 'read', 'keys Down']);
    expect(sent.at(-1)).toEqual(['Enter']);
  });

  it('never confirms "No, exit" when keys arrive late and the list wraps (a busy machine)', async () => {
    // [reads the first key is late, reads the second is late]: a key sent again after the first went
    // unseen, both landing later, one after the other (the old driver confirmed "No, exit" on 13/30).
    for (const [first, second] of [[5, 0], [13, 30], [20, 0], [61, 0], [65, 100], [70, 200], [130, 0]] as const) {
      const { tmux, confirmed } = laggyTrust({ lagFor: (send) => (send === 1 ? first : send === 2 ? second : 0) });
      await chooseDialogOption(request(tmux)).catch((error: Error) => expect(error.message).toMatch(/nothing was confirmed|nothing was pressed/));
      expect(confirmed(), `keys ${first}/${second} reads late`).not.toBe(0);
    }
  });

  it('sends no second Enter when the first was only late: the dialog goes away before the moves that would prove it ignored', async () => {
    const { tmux, sent, confirmed } = laggyTrust({ lagFor: (send) => (send === 2 ? 80 : 0) });
    await chooseDialogOption(request(tmux));
    expect(confirmed()).toBe(1);
    expect(sent.flat().filter((key) => key === 'Enter')).toHaveLength(1);
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
