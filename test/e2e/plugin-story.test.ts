import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWingmanPlugin } from '../../src/plugin/register-plugin.js';
import { createFakeOpenClaw, type FakeOpenClaw } from '../unit/plugin/fake-openclaw-api.js';
import { CLAUDE_BIN, createWingmanHarness, type WingmanHarness } from './support/wingman-harness.js';

const OWNER = '+15551234567';

/**
 * The plugin's whole story with the real Claude Code binary in real tmux: the assistant's tool
 * spawns a session, the tool call raises a notification to the owner, the owner's chat reply
 * `approve NAME` lets the tool run, and `status NAME` shows it. OpenClaw's side is the recorded
 * api here; test/openclaw drives the same plugin through a real OpenClaw gateway.
 */
describe('OpenClaw plugin story with the real Claude Code binary', () => {
  let h: WingmanHarness;
  let fake: FakeOpenClaw;
  let workdir: string;
  const say = async (text: string, senderId = OWNER) => fake.dispatch[0]!({ content: text, channel: 'whatsapp', senderId }, { channelId: 'whatsapp', senderId });
  const waitForSent = async (pattern: RegExp, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = fake.sent.find((message) => pattern.test(message.text));
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`never sent ${pattern}; sent: ${JSON.stringify(fake.sent)}`);
  };

  beforeAll(async () => {
    h = await createWingmanHarness({ trustedProjects: true });
    workdir = await h.makeWorkdir('story');
    fake = createFakeOpenClaw(
      { stateDir: h.home, tmuxSocket: h.env.WINGMAN_TMUX_SOCKET, claudeCommand: CLAUDE_BIN, pollIntervalMs: 500 },
      { commands: { ownerAllowFrom: [`whatsapp:${OWNER}`] }, channels: { whatsapp: { allowFrom: [OWNER, '+15552222222'] } } },
    );
    registerWingmanPlugin(fake.api);
    await fake.services[0]!.start({ config: fake.config, stateDir: h.root, logger: fake.api.logger });
    await waitForSent(/wingman monitor started/);
  });

  afterAll(async () => {
    await fake?.services[0]?.stop?.({ config: {}, stateDir: '', logger: fake.api.logger });
    await h?.close();
  });

  it('spawn by tool → notification → approve from chat → the tool ran → status shows it', async () => {
    const spawn = fake.tools.find((tool) => tool.name === 'wingman_spawn')!;
    const started = await spawn.execute('call-1', { name: 'story', workdir, task: 'RUNTOOL echo story > story.txt' });
    expect(started.content[0]!.text).toBe(`✓ Session 'story' started in ${workdir}. The task was submitted.`);

    const notice = await waitForSent(/🔒 Session 'story' needs approval/);
    expect(notice).toMatchObject({ channel: 'whatsapp', to: OWNER });
    // The call verbatim in a code block (OpenClaw reads the text as Markdown).
    expect(notice.text).toMatch(/^🔒 Session 'story' needs approval \[\w+\]\n```\nBash\(echo story > story\.txt\)\n```\n\n↳ Run requested command\nReply: approve story · always story · deny story$/);

    expect(await say('approve story', '+15552222222')).toEqual({ handled: true, text: 'Only the owner can answer prompts, steer sessions or read their output.' });
    expect(await fs.access(path.join(workdir, 'story.txt')).then(() => true, () => false)).toBe(false);

    expect(await say('Approve  story')).toEqual({ handled: true, text: "✓ Session 'story' approved (once)" });
    await h.waitForStatus('story', (status) => status.state === 'idle');
    expect(await fs.readFile(path.join(workdir, 'story.txt'), 'utf8')).toBe('story\n');

    const status = (await say('status story')) as { text: string };
    expect(status.text).toContain('💤 story: idle');
    // The tool's run, or the answer after it once the transcript has it: both are the latest activity.
    expect(status.text).toMatch(/Latest: (Running: echo story > story\.txt|Tool finished\. Done\.)/);
    expect(((await say('sessions')) as { text: string }).text).toContain('Total: 1 session | Working: 0 | Waiting: 0 | Error: 0 | Idle: 1');
    await waitForSent(/✅ Session 'story' finished/);
  });
});
