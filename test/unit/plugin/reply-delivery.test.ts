import { describe, expect, it } from 'vitest';
import { sendReplyInOrder } from '../../../src/plugin/reply-delivery.js';
import { createFakeOpenClaw } from './fake-openclaw-api.js';

const OWNER = '+15551234567';
const config = { channels: { whatsapp: { allowFrom: [OWNER] } } };

describe('replies of several messages (a plan split to fit WhatsApp)', () => {
  it('a one-message reply is left to OpenClaw', async () => {
    const fake = createFakeOpenClaw({}, config);
    expect(await sendReplyInOrder(fake.api, { channel: 'whatsapp', to: OWNER }, 'only')).toBe('only');
    expect(fake.sent).toEqual([]);
  });

  it('sends every message in order to the sender and leaves OpenClaw nothing to send', async () => {
    const fake = createFakeOpenClaw({}, config);
    const rest = await sendReplyInOrder(fake.api, { channel: 'whatsapp', to: `whatsapp:${OWNER}` }, 'plan (1/3)', ['plan (2/3)', 'plan (3/3)']);
    expect(rest).toBeUndefined();
    expect(fake.sent).toEqual([
      { channel: 'whatsapp', to: OWNER, text: 'plan (1/3)' },
      { channel: 'whatsapp', to: OWNER, text: 'plan (2/3)' },
      { channel: 'whatsapp', to: OWNER, text: 'plan (3/3)' },
    ]);
  });

  it('waits for each message before the next, so none overtakes another', async () => {
    const fake = createFakeOpenClaw({}, config);
    const order: string[] = [];
    fake.adapters.whatsapp = {
      resolveTarget: ({ to }) => ({ ok: true, to: to ?? '' }),
      sendText: async ({ text }) => {
        await new Promise((resolve) => setTimeout(resolve, text === 'a' ? 30 : 0));
        order.push(text);
      },
    };
    await sendReplyInOrder(fake.api, { channel: 'whatsapp', to: OWNER }, 'a', ['b', 'c']);
    expect(order).toEqual(['a', 'b', 'c']);
  });

  it('without an adapter for the channel, hands OpenClaw all messages as one text', async () => {
    const fake = createFakeOpenClaw({}, config);
    expect(await sendReplyInOrder(fake.api, { channel: 'telegram', to: OWNER }, 'a', ['b'])).toBe('a\n\nb');
  });

  it('when a send fails midway, hands OpenClaw what was not sent yet, and logs why', async () => {
    const fake = createFakeOpenClaw({}, config);
    let calls = 0;
    fake.adapters.whatsapp = {
      sendText: async () => {
        calls += 1;
        if (calls === 2) throw new Error('socket closed');
      },
    };
    expect(await sendReplyInOrder(fake.api, { channel: 'whatsapp', to: OWNER }, 'a', ['b', 'c'])).toBe('b\n\nc');
    expect(fake.logs.at(-1)).toMatch(/message 2 of 3 could not be sent directly \(socket closed\)/);
  });

  it('a target the adapter refuses goes back to OpenClaw whole', async () => {
    const fake = createFakeOpenClaw({}, config);
    expect(await sendReplyInOrder(fake.api, { channel: 'whatsapp', to: '' }, 'a', ['b'])).toBe('a\n\nb');
  });
});
