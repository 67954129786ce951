import fs from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWingmanHarness, parseJson, type StatusJson, type WingmanHarness } from './support/wingman-harness.js';
import { createWingman } from '../../src/app/create-wingman.js';
import { createChatEngine } from '../../src/app/chat-engine.js';
import { handleChatMessage } from '../../handlers/chat-message.js';
import { readInputBox } from '../../src/agents/claude-code/screen/input-box.js';

const OWNER = '+15551234567';
const BOX_DRAWING = /[\u2500-\u259f]/;

/**
 * stop, tell and tail from the phone (the chat handler over the chat engine, in process) and from
 * the CLI, against the real Claude Code binary: a SLOW turn is interrupted and the session reads
 * idle; a told prompt reaches the model exactly once, at rest and queued behind a turn; a tail is
 * the answer text with none of the terminal's chrome.
 */
describe('steering a session: stop, tell, tail', () => {
  let h: WingmanHarness;
  let say: (text: string, owner?: boolean) => Promise<string>;
  const session = 'steer';

  /** Main-turn requests whose last typed prompt is `text`: how often the model was given it. */
  const promptsOf = (text: string) => h.api.requests.filter((request) => request.hasTools && request.lastUserText === text);
  const status = async () => parseJson<StatusJson>(await h.wingman(['status', session, '--json']));
  const idle = (current: StatusJson) => current.state === 'idle';
  /** The turn is on screen (Claude Code's own footer / spinner), not only announced by a hook. */
  const turnOnScreen = () => h.waitForScreen(session, (screen) => /esc to interrupt/.test(screen) || /^[·✢✳✶✻✽*] \S.*…/m.test(screen));

  beforeAll(async () => {
    h = await createWingmanHarness({ trustedProjects: true });
    const workdir = await h.makeWorkdir('steer');
    expect((await h.wingman(['spawn', '--session', session, '--workdir', workdir])).exitCode).toBe(0);
    const wingman = await createWingman({ env: { ...process.env, ...h.env } });
    const engine = createChatEngine(wingman, () => undefined);
    say = async (text, owner = true) => {
      const reply = await handleChatMessage({ text, senderId: owner ? OWNER : '+15550000000', senderIsOwner: owner }, engine);
      if (!reply.handled) throw new Error(`not a wingman command: ${text}`);
      return reply.text;
    };
  });

  afterAll(async () => {
    await h?.close();
  });

  it('stop on an idle session says there is nothing to stop (chat and CLI)', async () => {
    await h.waitForStatus(session, idle);
    expect(await say(`stop ${session}`)).toBe(`Session '${session}' is idle — nothing to stop.`);
    expect(await h.wingman(['stop', session])).toMatchObject({ exitCode: 0, stdout: `Session '${session}' is idle — nothing to stop.` });
  });

  it('tell on an idle session submits exactly once', async () => {
    expect(await say(`tell ${session} hello from the phone`)).toBe(`✓ sent to ${session}`);
    await h.waitForScreen(session, (screen) => screen.includes('Echo: hello from the phone'));
    await h.waitForStatus(session, idle);
    expect(promptsOf('hello from the phone')).toHaveLength(1);
  });

  it('tail returns the answer text, cleaned: no box drawing, input box, footer or banner (chat and CLI)', async () => {
    const tail = await say(`tail ${session}`);
    expect(tail).toMatch(new RegExp(`^📜 ${session} \\(idle\\) · last \\d+ lines?\\n`));
    expect(tail).toContain('Echo: hello from the phone');
    expect(tail).toContain('hello from the phone');
    expect(tail).not.toMatch(BOX_DRAWING);
    expect(tail).not.toMatch(/\u001b|\u00a0/);
    expect(tail).not.toMatch(/\n\s*\n\s*\n/);
    expect(tail).not.toMatch(/\? for shortcuts|esc to interrupt|manual mode on|\/effort|Claude Code v\d|for agents/);
    const cli = await h.wingman(['tail', session, '-n', '1']);
    expect(cli.exitCode).toBe(0);
    expect(cli.stdout).toBe(`📜 ${session} (idle) · last 1 line\n● Echo: hello from the phone`);
  });

  it('stop interrupts a SLOW turn: the reply names it, the session reads idle, the answer never finished', async () => {
    expect(await say(`tell ${session} SLOW stop me from the phone`)).toBe(`✓ sent to ${session}`);
    await h.waitForStatus(session, (current) => current.state === 'working');
    await turnOnScreen();
    const reply = await say(`stop ${session}`);
    expect(reply).toMatch(new RegExp(`^⏹️ Stopped ${session}\\. Interrupted: SLOW stop me from the phone`));
    expect((await status()).state).toBe('idle');
    const screen = await h.tmux.capturePane(session);
    expect(screen).not.toContain('stays on screen for a while. Echo: stop me from the phone');
    expect(promptsOf('SLOW stop me from the phone')).toHaveLength(1);
    // Claude Code puts the prompt back in the box when the interrupt came before the first token.
    const restored = readInputBox(await h.tmux.capturePane(session, { escapes: true })).text;
    expect(['', 'SLOW stop me from the phone']).toContain(restored);
    expect(reply.includes('Its prompt is back in the input box')).toBe(restored !== '');
  });

  it('tell after a stop replaces the interrupted prompt Claude put back in the box, and sends once', async () => {
    expect(await say(`tell ${session} after the stop`)).toBe(`✓ sent to ${session}`);
    await h.waitForScreen(session, (screen) => screen.includes('Echo: after the stop'));
    await h.waitForStatus(session, idle);
    expect(promptsOf('after the stop')).toHaveLength(1);
    expect(promptsOf('SLOW stop me from the phone')).toHaveLength(1);
  });

  it('wingman stop interrupts a SLOW turn from the CLI', async () => {
    expect((await h.wingman(['send', session, 'SLOW stop me from the terminal'])).exitCode).toBe(0);
    await h.waitForStatus(session, (current) => current.state === 'working');
    await turnOnScreen();
    const stopped = await h.wingman(['stop', session]);
    expect(stopped).toMatchObject({ exitCode: 0, stderr: '' });
    expect(stopped.stdout).toMatch(new RegExp(`^⏹️ Stopped ${session}\\. Interrupted: SLOW stop me from the terminal`));
    expect((await status()).state).toBe('idle');
    // Leave an empty box for what follows: the prompt may have been put back.
    if (readInputBox(await h.tmux.capturePane(session, { escapes: true })).text !== '') {
      expect((await h.wingman(['send', session, '--replace', 'clearing the box'])).exitCode).toBe(0);
      await h.waitForScreen(session, (screen) => screen.includes('Echo: clearing the box'));
      await h.waitForStatus(session, idle);
    }
  });

  it('tell during a SLOW turn replies queued; the prompt reaches the model exactly once, after the turn', async () => {
    expect(await say(`tell ${session} SLOW a turn to queue behind`)).toBe(`✓ sent to ${session}`);
    await h.waitForStatus(session, (current) => current.state === 'working');
    await turnOnScreen();
    expect(await say(`tell ${session} queued from the phone`)).toBe(`queued (${session} is working)`);
    await h.waitForScreen(session, (screen) => screen.includes('Echo: queued from the phone'), 60_000);
    await h.waitForStatus(session, idle);
    expect(promptsOf('queued from the phone')).toHaveLength(1);
    const slow = h.api.requests.findIndex((request) => request.hasTools && request.lastUserText === 'SLOW a turn to queue behind');
    const queued = h.api.requests.findIndex((request) => request.hasTools && request.lastUserText === 'queued from the phone');
    expect(slow).toBeGreaterThanOrEqual(0);
    expect(queued).toBeGreaterThan(slow);
  });

  it('stop with a prompt queued behind the turn interrupts only that turn; the queued prompt still reaches the model once', async () => {
    expect(await say(`tell ${session} SLOW the turn to stop`)).toBe(`✓ sent to ${session}`);
    await h.waitForStatus(session, (current) => current.state === 'working');
    await turnOnScreen();
    expect(await say(`tell ${session} SLOW queued behind the stop`)).toBe(`queued (${session} is working)`);
    const reply = await say(`stop ${session}`);
    expect(reply).toMatch(new RegExp(`^⏹️ Stopped ${session}\\. Interrupted: SLOW the turn to stop`));
    // Claude Code starts the queued prompt right after the interrupt (seen on 2.1.332 and 2.1.197);
    // the reply says so unless that turn was already over when the status was read.
    if (reply.includes('It went on with the queued prompt')) expect(reply).toContain('It went on with the queued prompt: SLOW queued behind the stop');
    await h.waitForScreen(session, (screen) => screen.includes('Echo: queued behind the stop'), 60_000);
    await h.waitForStatus(session, idle);
    expect(promptsOf('SLOW queued behind the stop')).toHaveLength(1);
    expect(promptsOf('SLOW the turn to stop')).toHaveLength(1);
  });

  it('tell and stop explain a waiting approval instead of typing into the dialog', async () => {
    expect(await say(`tell ${session} RUNTOOL echo steer > steer.txt`)).toBe(`✓ sent to ${session}`);
    await h.waitForStatus(session, (current) => current.state === 'waiting_approval' && (current.pendingPrompt?.options.length ?? 0) > 0);
    expect(await say(`tell ${session} something else`)).toMatch(new RegExp(`^Not sent: ${session} waits for approval of Bash\\(echo steer > steer\\.txt\\)\\. Answer it first: approve ${session}, or deny ${session} because`));
    expect(await say(`stop ${session}`)).toMatch(new RegExp(`^Session '${session}' is not working: it waits for approval of Bash\\(echo steer > steer\\.txt\\)\\. Reply approve ${session}, or deny ${session}`));
    expect(promptsOf('something else')).toHaveLength(0);
    expect(await say(`deny ${session}`)).toContain('denied');
    await h.waitForStatus(session, idle);
  });

  it('only the owner may stop or tell; refusals and every stop and tell are audited', async () => {
    expect(await say(`stop ${session}`, false)).toBe('Only the owner can answer prompts, steer sessions or read their output.');
    expect(await say(`tell ${session} rm -rf ~`, false)).toBe('Only the owner can answer prompts, steer sessions or read their output.');
    expect(promptsOf('rm -rf ~')).toHaveLength(0);
    const audit = (await fs.readFile(`${h.home}/audit.jsonl`, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as Record<string, string>);
    expect(audit.filter((entry) => entry.decision === 'refused' && entry.note === 'not the owner').map((entry) => entry.detail)).toEqual([`stop ${session}`, `tell ${session} rm -rf ~`]);
    const steering = audit.filter((entry) => entry.decision === 'stop' || entry.decision === 'tell');
    expect(steering.filter((entry) => entry.decision === 'stop').map((entry) => [entry.by, entry.detail])).toEqual([
      [`chat:${OWNER}`, 'SLOW stop me from the phone'],
      ['cli', 'SLOW stop me from the terminal'],
      [`chat:${OWNER}`, 'SLOW the turn to stop'],
    ]);
    expect(steering.filter((entry) => entry.decision === 'tell').map((entry) => [entry.detail, entry.note])).toEqual(expect.arrayContaining([
      ['hello from the phone', 'sent'],
      ['queued from the phone', 'queued behind the running turn'],
    ]));
    expect(steering.every((entry) => entry.session === session && entry.via === 'keys')).toBe(true);
  });
});
