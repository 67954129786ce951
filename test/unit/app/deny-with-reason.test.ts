import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { denyWithReasonByKeys } from '../../../src/app/deny-with-reason.js';
import { detectClaudeScreen } from '../../../src/agents/claude-code/screen/claude-screen.js';
import { amendOpened, feedbackRoute, oneLineReason, reasonShown } from '../../../src/agents/claude-code/screen/dialog-feedback.js';
import { TESTED_VERSIONS } from '../../../src/agents/claude-code/versions.js';
import type { TmuxClient } from '../../../src/adapters/tmux/tmux-client.js';

const SCREENS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/claude-screens');
const screenOf = (version: string, name: string) => readFileSync(path.join(SCREENS, version, `${name}.txt`), 'utf8');
/** What the capture typed (scripts/capture-screens/scenarios.ts). */
const FEEDBACK = 'use pnpm, not npm: this repository keeps a pnpm-lock.yaml that npm would not update';

const OPTION = /^( *)(❯| ) (\d{1,2})\. (.*)$/;
/** The live input box's prompt mark, `❯` and a no-break space. */
const INPUT = '❯\u00a0';

/**
 * Claude Code's permission dialogs as keys change them, from a real screen: arrows move the `❯`,
 * Tab on "No" opens its box (when the footer offers it), typed text fills the focused option's
 * box, Enter closes the dialog onto `after`. `drop` lists kinds of input it ignores.
 */
function fakeDialog(initial: string, after: string, drop: { literal?: boolean; enter?: number } = {}) {
  let screen = initial;
  let typed: string | undefined;
  let amendable = /Tab to amend/.test(initial);
  let enters = 0;
  const keys: string[] = [];
  const literals: string[] = [];
  /** Prompts submitted from the input box (after a dialog that interrupts). */
  const prompts: string[] = [];
  let box = '';
  const lines = () => screen.split('\n');
  const optionRows = () => lines().flatMap((line, index) => (OPTION.test(line) ? [index] : []));
  const focusedRow = () => optionRows().find((index) => OPTION.exec(lines()[index]!)![2] === '❯');
  const relabel = (label: string) => {
    const all = lines();
    const row = focusedRow()!;
    const [, indent, , key] = OPTION.exec(all[row]!)!;
    all[row] = `${indent}❯ ${key}. ${label}`;
    screen = all.join('\n');
  };
  const move = (step: number) => {
    const rows = optionRows();
    const at = rows.indexOf(focusedRow()!);
    const next = Math.max(0, Math.min(rows.length - 1, at + step));
    const all = lines();
    rows.forEach((row, position) => {
      const [, indent, , key, label] = OPTION.exec(all[row]!)!;
      all[row] = `${indent}${position === next ? '❯' : ' '} ${key}. ${label}`;
    });
    screen = all.join('\n');
  };
  const focusedLabel = () => OPTION.exec(lines()[focusedRow()!]!)![4]!;
  const tmux = {
    capturePane: async () => screen,
    sendKeys: async (_name: string, sent: string[]) => {
      keys.push(...sent);
      for (const key of sent) {
        if (key === 'Down' || key === 'Up') move(key === 'Down' ? 1 : -1);
        if (key === 'Tab' && amendable && focusedLabel() === 'No') {
          relabel('No, and tell Claude what to do differently');
          screen = screen.replace(/ · Tab to amend/, '');
          amendable = false;
          typed = '';
        }
        if (key === 'Enter' && screen.includes(INPUT)) {
          prompts.push(box);
          box = '';
          screen = after;
        } else if (key === 'Enter') {
          enters += 1;
          if (enters > (drop.enter ?? 0)) screen = after;
        }
      }
    },
    sendLiteral: async (_name: string, text: string) => {
      literals.push(text);
      if (drop.literal) return;
      if (screen.includes(INPUT)) {
        box += text;
        screen = after.replace(`${INPUT}\n`, `${INPUT}${box}\n`);
        return;
      }
      const label = focusedLabel();
      if (label === 'Tell Claude what to change') typed = '';
      if (typed === undefined) return;
      typed += text;
      relabel(label.startsWith('No, ') ? `No, ${typed}` : typed);
    },
  } as unknown as TmuxClient;
  return { tmux, keys, literals, prompts, screen: () => screen };
}

const request = (tmux: TmuxClient, reason: string) => ({ tmux, tmuxSession: 's', label: 's', detect: detectClaudeScreen, reason, sleep: async () => {} });

describe.each(TESTED_VERSIONS)('the ways Claude Code %s dialogs take a reason', (version) => {
  const options = (name: string) => detectClaudeScreen(screenOf(version, name)).prompt!.options;

  it('plan: "Tell Claude what to change"; Bash, Edit, Write: Tab to amend "No"; WebFetch: its interrupting option; "Exit plan mode?": none', () => {
    for (const name of ['permission-plan', 'permission-plan-w80', 'permission-plan-feedback']) {
      expect(feedbackRoute(screenOf(version, name), options(name))).toEqual({ kind: 'type-in-option', label: 'Tell Claude what to change' });
    }
    for (const name of ['permission-bash', 'permission-bash-w80', 'permission-bash-long', 'permission-edit', 'permission-write-w80']) {
      expect(feedbackRoute(screenOf(version, name), options(name))).toEqual({ kind: 'amend', label: 'No' });
    }
    expect(feedbackRoute(screenOf(version, 'permission-webfetch'), options('permission-webfetch'))).toEqual({ kind: 'then-prompt', label: 'No, and tell Claude what to do differently (esc)' });
    expect(feedbackRoute(screenOf(version, 'permission-exit-plan-no-plan'), options('permission-exit-plan-no-plan'))).toEqual({ kind: 'none' });
  });

  it('reads the open box and the typed reason on the real screens, wrapped at 80 columns too', () => {
    const focused = (name: string) => options(name).find((option) => option.selected);
    expect(amendOpened(focused('permission-bash-amend'))).toBe(true);
    expect(amendOpened(focused('permission-bash'))).toBe(false);
    for (const suffix of ['', '-w80']) {
      expect(reasonShown({ kind: 'amend', label: 'No' }, focused(`permission-bash-amend-typed${suffix}`), FEEDBACK)).toBe(true);
      expect(reasonShown({ kind: 'amend', label: 'No' }, focused(`permission-bash-amend-typed${suffix}`), 'use pnpm')).toBe(false);
      expect(reasonShown({ kind: 'type-in-option', label: 'Tell Claude what to change' }, focused(`permission-plan-feedback-typed${suffix}`), FEEDBACK)).toBe(true);
    }
    expect(reasonShown({ kind: 'type-in-option', label: 'Tell Claude what to change' }, focused('permission-plan-feedback'), FEEDBACK)).toBe(false);
  });

  it('Bash: moves to "No", sees it there, Tab, types the reason, sees it typed, then Enter', async () => {
    const dialog = fakeDialog(screenOf(version, 'permission-bash'), screenOf(version, 'idle-empty'));
    await denyWithReasonByKeys(request(dialog.tmux, 'use pnpm, not npm'));
    expect(dialog.keys.filter((key) => key !== 'Down' && key !== 'Up')).toEqual(['Tab', 'Enter']);
    expect(dialog.literals).toEqual(['use pnpm, not npm']);
    expect(dialog.screen()).toBe(screenOf(version, 'idle-empty'));
  });

  it('plan: moves to "Tell Claude what to change", types the feedback into it, sees it, then Enter', async () => {
    const dialog = fakeDialog(screenOf(version, 'permission-plan'), screenOf(version, 'idle-mode-plan'));
    await denyWithReasonByKeys(request(dialog.tmux, 'split step 2'));
    expect(dialog.keys).toEqual(['Down', 'Down', 'Enter']);
    expect(dialog.literals).toEqual(['split step 2']);
  });

  it('WebFetch: its "No, and tell Claude what to do differently (esc)" interrupts, so the reason goes in as the next prompt', async () => {
    const dialog = fakeDialog(screenOf(version, 'permission-webfetch'), screenOf(version, 'idle-empty'));
    await denyWithReasonByKeys(request(dialog.tmux, 'read the local copy in docs/ instead'));
    expect(dialog.keys).toEqual(['Down', 'Down', 'Enter', 'Enter']);
    expect(dialog.prompts).toEqual(['read the local copy in docs/ instead']);
  });

  it('a reason that does not show as typed is never confirmed', async () => {
    const dialog = fakeDialog(screenOf(version, 'permission-plan'), screenOf(version, 'idle-mode-plan'), { literal: true });
    await expect(denyWithReasonByKeys(request(dialog.tmux, 'split step 2'))).rejects.toThrow("Session 's': the reason did not show in the dialog as typed; nothing was confirmed. Look with: wingman capture s");
    expect(dialog.keys).not.toContain('Enter');
  });

  it('an ignored Enter is pressed once more while the dialog still shows the reason', async () => {
    const dialog = fakeDialog(screenOf(version, 'permission-bash'), screenOf(version, 'idle-empty'), { enter: 1 });
    await denyWithReasonByKeys(request(dialog.tmux, 'use pnpm'));
    expect(dialog.keys.filter((key) => key === 'Enter')).toHaveLength(2);
  });

  it('"Exit plan mode?" takes no reason: nothing is pressed, not even Esc, and the reply says so', async () => {
    const dialog = fakeDialog(screenOf(version, 'permission-exit-plan-no-plan'), screenOf(version, 'idle-mode-plan'));
    await expect(denyWithReasonByKeys(request(dialog.tmux, 'not yet'))).rejects.toThrow(
      "Session 's': this ExitPlanMode dialog has no way to tell Claude why; nothing was sent. Deny without a reason (deny s), then tell it what to do.",
    );
    expect(dialog.keys).toEqual([]);
    expect(dialog.literals).toEqual([]);
  });

  it('a stale dialog gets nothing', async () => {
    const dialog = fakeDialog(screenOf(version, 'permission-bash'), screenOf(version, 'idle-empty'));
    await expect(denyWithReasonByKeys({ ...request(dialog.tmux, 'x'), isSamePrompt: () => false })).rejects.toThrow("Session 's' no longer shows that prompt; nothing was sent.");
    expect(dialog.keys).toEqual([]);
  });
});

describe('a reason typed into a one-line box', () => {
  it('is one line with single spaces and no control characters (Esc would cancel the dialog, a newline submit it)', () => {
    expect(oneLineReason('  use pnpm\n\tnot npm\u001b[A \r\n')).toBe('use pnpm not npm [A');
  });
});
