import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWingman, type Wingman } from '../../src/app/create-wingman.js';
import { createChatEngine } from '../../src/app/chat-engine.js';
import { createWingmanHarness, parseJson, type WingmanHarness } from '../e2e/support/wingman-harness.js';

const NAMES = ['c1', 'c2', 'c3', 'c4'];

interface RecordedMessage {
  role?: string;
  content?: string | Array<{ type?: string; text?: string }>;
}

/**
 * The prompts in the session's conversation, in order, as its latest request carries them. Read
 * from the conversation rather than by counting requests: under load Claude Code retries a slow
 * API call with the same body, which is not a second submission; a prompt typed twice would show
 * twice here. Claude Code may merge prompts queued during a turn into one message.
 */
function received(h: WingmanHarness, session: string): string[] {
  const mine = (line: string) => line.startsWith(`msg-${session}-`);
  const userLines = (request: (typeof h.api.requests)[number]) =>
    ((request.body as { messages?: RecordedMessage[] }).messages ?? [])
      .filter((message) => message.role === 'user')
      .flatMap((message) => (typeof message.content === 'string' ? [message.content] : (message.content ?? []).filter((block) => block.type === 'text').map((block) => block.text ?? '')))
      .flatMap((text) => text.split('\n'))
      .filter(mine);
  const latest = h.api.requests.filter((request) => request.hasTools && userLines(request).length > 0).at(-1);
  return latest ? userLines(latest) : [];
}

async function until(check: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('20 concurrent commands against the same and different sessions', () => {
  let h: WingmanHarness;
  let wingman: Wingman;

  beforeAll(async () => {
    h = await createWingmanHarness({ trustedProjects: true });
    for (const name of NAMES) expect((await h.wingman(['spawn', '--session', name, '--workdir', await h.makeWorkdir(name)])).exitCode).toBe(0);
    wingman = await createWingman({ env: { ...process.env, ...h.env } });
  });

  afterAll(async () => {
    await h?.close();
  });

  it('in one process: every prompt submitted exactly once, no registry update lost', async () => {
    const chat = createChatEngine(wingman, () => undefined);
    const operations = Array.from({ length: 20 }, (_, index) => {
      const session = NAMES[index % NAMES.length]!;
      const text = `msg-${session}-${String(index).padStart(2, '0')}`;
      if (index % 5 === 3) return wingman.sessions.spawn({ name: session, workdir: h.projects, prompt: text });
      if (index % 7 === 6) return Promise.all([wingman.sessions.send(session, text), chat.decide(session, 'approve', undefined, 'test')]);
      return wingman.sessions.send(session, text);
    });
    const results = await Promise.allSettled(operations);
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);

    for (const session of NAMES) {
      const expected = Array.from({ length: 20 }, (_, index) => index).filter((index) => NAMES[index % NAMES.length] === session).map((index) => `msg-${session}-${String(index).padStart(2, '0')}`);
      await until(() => received(h, session).length >= expected.length);
      // Each prompt reaches the conversation exactly once. wingman types a session's prompts in
      // call order, but prompts queued during a turn are Claude Code's to send: 2.1.332 once sent
      // msg-c3-18 before msg-c3-14 (both queued behind a running turn) in the clean-clone CI run.
      expect([...received(h, session)].sort()).toEqual(expected);
    }
    const registry = await wingman.registry.read();
    expect(Object.keys(registry.sessions).sort()).toEqual(NAMES);
    for (const session of NAMES) expect(registry.sessions[session]!.lastPrompt).toMatch(new RegExp(`^msg-${session}-1[6-9]$`));
  });

  it('across 20 wingman processes at once: each prompt delivered once, no registry update lost', async () => {
    await Promise.all(NAMES.map((name) => h.waitForStatus(name, (status) => status.state === 'idle')));
    const before = new Map(NAMES.map((name) => [name, received(h, name).length]));
    // The conversation keeps earlier prompts, so new ones are what follows them.
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) => {
        const session = NAMES[index % NAMES.length]!;
        return h.wingman(['send', session, `msg-${session}-p${String(index).padStart(2, '0')}`]);
      }),
    );
    expect(results.filter((result) => result.exitCode !== 0)).toEqual([]);
    for (const session of NAMES) {
      await until(() => received(h, session).length >= before.get(session)! + 5);
      const fresh = received(h, session).slice(before.get(session));
      expect(fresh.sort()).toEqual(Array.from({ length: 20 }, (_, index) => index).filter((index) => NAMES[index % NAMES.length] === session).map((index) => `msg-${session}-p${String(index).padStart(2, '0')}`));
    }
    const listed = parseJson<Array<{ name: string; lastPrompt?: string }>>(await h.wingman(['list', '--json']));
    expect(listed.map((session) => session.name).sort()).toEqual(NAMES);
    for (const session of listed) expect(session.lastPrompt).toMatch(new RegExp(`^msg-${session.name}-p\\d\\d$`));
  });
});
