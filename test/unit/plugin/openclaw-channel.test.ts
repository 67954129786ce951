import { describe, expect, it } from 'vitest';
import { createOpenClawChannel } from '../../../src/plugin/openclaw-channel.js';
import { resolvePluginConfig } from '../../../src/plugin/plugin-config.js';
import { resolveConfig } from '../../../src/adapters/store/config-file.js';
import { createFakeOpenClaw } from './fake-openclaw-api.js';

const noWait = { retryDelaysMs: [1, 1], sleep: async () => {} };

describe('OpenClaw notification channel', () => {
  it("sends to the owner from OpenClaw's config: ownerAllowFrom first, else allowFrom", async () => {
    const fake = createFakeOpenClaw({}, { channels: { whatsapp: { allowFrom: ['+15550001111'] } } });
    const channel = createOpenClawChannel(fake.api, noWait);
    await channel.send('hello');
    await channel.idle();
    expect(fake.sent).toEqual([{ channel: 'whatsapp', to: '+15550001111', text: 'hello' }]);
  });

  it('retries while WhatsApp is still connecting, in order, without holding up the caller', async () => {
    const fake = createFakeOpenClaw({}, { commands: { ownerAllowFrom: ['whatsapp:+15551234567'] } });
    const real = fake.adapters.whatsapp!.sendText!;
    let failures = 1;
    fake.adapters.whatsapp!.sendText = async (ctx) => {
      if (failures-- > 0) throw new Error('not connected');
      return real(ctx);
    };
    const channel = createOpenClawChannel(fake.api, noWait);
    await channel.send('first');
    await channel.send('second');
    await channel.idle();
    expect(fake.sent.map((sent) => sent.text)).toEqual(['first', 'second']);
  });

  it('falls back to the configured channel when WhatsApp is not set up', async () => {
    const fake = createFakeOpenClaw({}, {});
    fake.adapters.whatsapp = undefined;
    fake.adapters.telegram = { sendText: async ({ to, text }) => fake.sent.push({ channel: 'telegram', to, text }) };
    const channel = createOpenClawChannel(fake.api, { ...noWait, fallbackChannel: 'telegram', fallbackTo: '42' });
    await channel.send('via telegram');
    await channel.idle();
    expect(fake.sent).toEqual([{ channel: 'telegram', to: '42', text: 'via telegram' }]);
  });

  it('logs, rather than throws, when there is nowhere to send', async () => {
    const fake = createFakeOpenClaw({}, {});
    const channel = createOpenClawChannel(fake.api, noWait);
    await channel.send('lost?');
    await channel.idle();
    expect(fake.sent).toEqual([]);
    expect(fake.logs.some((line) => line.includes('no channel to notify the owner'))).toBe(true);
  });
});

describe('plugin config', () => {
  it('fills defaults and maps onto the wingman config', () => {
    const config = resolvePluginConfig({ stateDir: '/tmp/w', tmuxSocket: 'sock', claudeCommand: '/opt/claude', trustedRoots: ['/code'], policies: { allow: ['Read(*)'] } });
    expect(config).toMatchObject({ home: '/tmp/w', pollIntervalMs: 1000, reminderIntervalMs: 120000, policy: { allow: ['Read(*)'], deny: [] } });
    const wingman = config.applyTo(resolveConfig({ claude: { env: { A: '1' } } }, {}));
    expect(wingman.claude).toMatchObject({ bin: '/opt/claude', env: { A: '1' } });
    expect(wingman.tmux.socket).toBe('sock');
    expect(wingman.trustedRoots).toEqual(['/code']);
    expect(resolvePluginConfig(undefined).policy).toBeUndefined();
  });

  it.each([
    [{ pollIntervalMs: 10 }, /pollIntervalMs/],
    [{ reminderIntervalMs: 'soon' }, /reminderIntervalMs/],
    [{ webhookToken: 'x' }, /Unrecognized key/i],
    [{ policies: { allow: ['not a rule('] } }, /policies: rules must look like Tool or Tool\(pattern\): not a rule\(/],
  ])('rejects %j with a message naming the field', (raw, message) => {
    expect(() => resolvePluginConfig(raw)).toThrowError(message);
  });
});
