import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stopTurn } from '../../../../src/app/steering/stop-turn.js';
import { tellSession } from '../../../../src/app/steering/tell-session.js';
import { WingmanError } from '../../../../src/core/errors.js';
import type { SessionState } from '../../../../src/core/session-state.js';
import { makeTempDir, removeDir } from '../../../support/temp-dir.js';

const RULE = '─'.repeat(40);

interface FakeSession {
  /** What the screen shows (the fake reader returns it as the state). */
  screen: SessionState;
  /** What the status (hooks + screen) says; follows the screen unless set. */
  status?: SessionState;
  box: string;
  currentTask?: string;
  latestActivity?: string;
  /** Esc presses the fake Claude Code drops (2.1.332 right after drawing). */
  ignoreEscs?: number;
  /** Reads of the status that still say working after the screen went idle (a fresh hook). */
  staleStatusReads?: number;
  /** A prompt waiting behind the turn: Claude Code starts it as soon as the turn is interrupted. */
  queued?: string;
}

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(async () => {
  await removeDir(dir);
});

function fake(session: FakeSession, options: { sendFails?: WingmanError } = {}) {
  const keys: string[][] = [];
  const sent: Array<{ prompt: string; replace: boolean }> = [];
  let ignored = 0;
  let stale = session.staleStatusReads ?? 0;
  const state = () => {
    if (session.status !== undefined) return session.status;
    if (session.screen === 'idle' && stale > 0) {
      stale -= 1;
      return 'working';
    }
    return session.screen;
  };
  const wingman = {
    paths: { audit: path.join(dir, 'audit.jsonl') },
    detectScreen: (screen: string) => ({ state: screen.split('\n')[0] as SessionState }),
    tmux: {
      capturePane: async () => [session.screen, ...(session.currentTask ? [`❯ ${session.currentTask}`] : []), RULE, `❯\u00a0${session.box}`, RULE].join('\n'),
      sendKeys: async (_name: string, pressed: string[]) => {
        keys.push(pressed);
        if (pressed[0] !== 'Escape' || session.screen !== 'working') return;
        if (ignored < (session.ignoreEscs ?? 0)) {
          ignored += 1;
          return;
        }
        if (session.queued === undefined) session.screen = 'idle';
        else [session.currentTask, session.queued] = [session.queued, undefined];
      },
    },
    sessions: {
      get: async (name: string) => ({
        name,
        tmuxSession: name,
        lastPrompt: session.currentTask,
        status: { name, state: state(), currentTask: session.currentTask, latestActivity: session.latestActivity, pendingPrompt: undefined, unreadable: undefined },
      }),
      withLiveSession: async <T>(name: string, task: (record: { tmuxSession: string; lastPrompt?: string }) => Promise<T>) => task({ tmuxSession: name, lastPrompt: session.currentTask }),
      send: async (_name: string, prompt: string, sendOptions: { replace?: boolean }) => {
        if (options.sendFails) throw options.sendFails;
        sent.push({ prompt, replace: sendOptions.replace ?? false });
        session.box = '';
      },
    },
  };
  const audit = async () => (await fs.readFile(wingman.paths.audit, 'utf8').catch(() => '')).trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, string>);
  return { wingman: wingman as never, keys, sent, audit };
}

const timing = { screenWorkingWaitMs: 60, retryAfterMs: 60, idleTimeoutMs: 300, pollMs: 5 };
const stop = (wingman: never) => stopTurn({ wingman, session: 'api', by: 'chat:owner', timing });

describe('stopTurn', () => {
  it('presses Esc once on a running turn, sees it idle, names what it interrupted and audits it', async () => {
    const { wingman, keys, audit } = fake({ screen: 'working', box: '', currentTask: 'SLOW explain', latestActivity: 'Running: npm test' });
    expect(await stop(wingman)).toEqual({ ok: true, text: '⏹️ Stopped api. Interrupted: SLOW explain · latest: Running: npm test' });
    expect(keys).toEqual([['Escape']]);
    expect(await audit()).toEqual([expect.objectContaining({ session: 'api', decision: 'stop', by: 'chat:owner', via: 'keys', detail: 'SLOW explain', note: 'stopped (1 Esc)' })]);
  });

  it('presses Esc once more when Claude Code ignored the first, on a screen still showing the turn', async () => {
    const { wingman, keys, audit } = fake({ screen: 'working', box: '', currentTask: 'SLOW explain', ignoreEscs: 1 });
    expect((await stop(wingman)).ok).toBe(true);
    expect(keys).toEqual([['Escape'], ['Escape']]);
    expect((await audit())[0]).toMatchObject({ note: 'stopped (2 Esc)' });
  });

  it('says so when the turn goes on after two presses, and presses no third', async () => {
    const { wingman, keys, audit } = fake({ screen: 'working', box: '', ignoreEscs: 5 });
    expect(await stop(wingman)).toEqual({ ok: false, text: "Session 'api' did not stop: it still reads working after Esc (2 times). Look with: tail api" });
    expect(keys).toEqual([['Escape'], ['Escape']]);
    expect((await audit())[0]).toMatchObject({ decision: 'stop', note: 'did not stop: reads working after 2 Esc' });
  });

  it('a prompt queued behind the turn starts after the interrupt: no second Esc for it, and the reply says so', async () => {
    const { wingman, keys, audit } = fake({ screen: 'working', box: '', currentTask: 'SLOW first', queued: 'SLOW second' });
    expect(await stop(wingman)).toEqual({ ok: true, text: '⏹️ Stopped api. Interrupted: SLOW first\nIt went on with the queued prompt: SLOW second (stop api again to interrupt that too).' });
    expect(keys).toEqual([['Escape']]);
    expect((await audit())[0]).toMatchObject({ note: 'stopped (1 Esc); the queued prompt runs now' });
  });

  it('an ignored Esc with a prompt queued is pressed again: the same turn still runs', async () => {
    const { wingman, keys } = fake({ screen: 'working', box: '', currentTask: 'SLOW first', queued: 'SLOW second', ignoreEscs: 1 });
    expect((await stop(wingman)).text).toContain('It went on with the queued prompt: SLOW second');
    expect(keys).toEqual([['Escape'], ['Escape']]);
  });

  it('waits out a status that reads working from a fresh hook after the screen went idle', async () => {
    const { wingman, keys } = fake({ screen: 'working', box: '', currentTask: 'x', staleStatusReads: 3 });
    expect((await stop(wingman)).text).toBe('⏹️ Stopped api. Interrupted: x');
    expect(keys).toEqual([['Escape']]);
  });

  it('tells when the interrupted prompt is back in the input box', async () => {
    const session: FakeSession = { screen: 'working', box: '', currentTask: 'DELAY 60 wait' };
    const { wingman } = fake(session);
    const escaped = wingman as unknown as { tmux: { sendKeys: (name: string, keys: string[]) => Promise<void> } };
    const press = escaped.tmux.sendKeys;
    escaped.tmux.sendKeys = async (name, keys) => {
      await press(name, keys);
      session.box = 'DELAY 60 wait';
    };
    expect((await stop(wingman)).text).toBe('⏹️ Stopped api. Interrupted: DELAY 60 wait\nIts prompt is back in the input box; tell api PROMPT replaces it.');
  });

  it.each<[SessionState, boolean, RegExp]>([
    ['idle', true, /is idle — nothing to stop/],
    ['error', true, /is idle — nothing to stop/],
    ['exited', true, /has exited — nothing to stop/],
    ['waiting_approval', false, /waits for approval/],
    ['waiting_answer', false, /asks a question/],
    ['waiting_trust', false, /trust api/],
    ['unknown', false, /cannot read its screen/],
  ])('presses nothing when the session reads %s', async (state, ok, text) => {
    const { wingman, keys, audit } = fake({ screen: state, box: '' });
    const reply = await stop(wingman);
    expect(reply.ok).toBe(ok);
    expect(reply.text).toMatch(text);
    expect(keys).toEqual([]);
    expect(await audit()).toEqual([]);
  });

  it('presses nothing when only a hook says working and the screen never shows the turn', async () => {
    const { wingman, keys } = fake({ screen: 'idle', status: 'working', box: '' });
    expect(await stop(wingman)).toEqual({ ok: true, text: "Session 'api' is idle — nothing to stop." });
    expect(keys).toEqual([]);
  });
});

describe('tellSession', () => {
  const tell = (wingman: never, prompt = 'run the tests') => tellSession({ wingman, session: 'api', prompt, by: 'chat:owner' });

  it('submits once to an idle session through send, and audits it', async () => {
    const { wingman, sent, audit } = fake({ screen: 'idle', box: '' });
    expect(await tell(wingman)).toEqual({ ok: true, text: '✓ sent to api' });
    expect(sent).toEqual([{ prompt: 'run the tests', replace: false }]);
    expect(await audit()).toEqual([expect.objectContaining({ session: 'api', decision: 'tell', by: 'chat:owner', via: 'keys', detail: 'run the tests', note: 'sent' })]);
  });

  it('queues behind a running turn (Claude Code sends it when the turn ends)', async () => {
    const { wingman, sent, audit } = fake({ screen: 'working', box: '' });
    expect(await tell(wingman)).toEqual({ ok: true, text: 'queued (api is working)' });
    expect(sent).toHaveLength(1);
    expect((await audit())[0]).toMatchObject({ note: 'queued behind the running turn' });
  });

  it('replaces the prompt an interrupt put back in the box, never other unsent text', async () => {
    const restored = fake({ screen: 'idle', box: 'DELAY 60 wait', currentTask: 'DELAY 60 wait' });
    expect(await tell(restored.wingman)).toEqual({ ok: true, text: '✓ sent to api' });
    expect(restored.sent).toEqual([{ prompt: 'run the tests', replace: true }]);
    expect((await restored.audit())[0]).toMatchObject({ note: 'sent; replaced the interrupted prompt in the input box' });

    const typed = fake({ screen: 'idle', box: 'half a thought', currentTask: 'DELAY 60 wait' });
    expect(await tell(typed.wingman)).toEqual({ ok: false, text: 'Not sent: api has unsent text in its input box ("half a thought"). Clear it in the terminal, or send with: wingman send api --replace PROMPT' });
    expect(typed.sent).toEqual([]);
  });

  it.each<SessionState>(['waiting_approval', 'waiting_answer', 'waiting_trust', 'exited', 'starting', 'unknown'])('types nothing while the session reads %s', async (state) => {
    const { wingman, sent, audit } = fake({ screen: state, box: '' });
    const reply = await tell(wingman);
    expect(reply.ok).toBe(false);
    expect(reply.text).toMatch(/^Not sent: (?:api |wingman cannot read api's screen)/);
    expect(sent).toEqual([]);
    expect(await audit()).toEqual([]);
  });

  it('audits a submission that failed and passes the reason on', async () => {
    const failure = new WingmanError('typed_not_submitted', "Session 'api': the prompt was typed but Enter did not submit it.");
    const { wingman, audit } = fake({ screen: 'idle', box: '' }, { sendFails: failure });
    await expect(tell(wingman)).rejects.toBe(failure);
    expect((await audit())[0]).toMatchObject({ decision: 'tell', note: `not sent: ${failure.message}` });
  });
});
