import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NON_OWNER, OWNER, OpenClawHarness, REPO_ROOT, STRANGER, jidOf } from './support/openclaw-harness.js';

const STARTED_NOTICE = '🛩️ wingman monitor started';
const isWingmanText = (text: string) => /^(Total:|No sessions\.)|Only the owner|No session named|wingman|🛩️/.test(text);

/**
 * One real OpenClaw gateway with the real @openclaw/whatsapp channel and our plugin linked from the
 * working tree; only Baileys' socket is fake. Inbound messages go through OpenClaw's WhatsApp
 * monitor, access control (dmPolicy allowlist), dispatch and our before_dispatch hook; replies and
 * the service's notice go out through the real WhatsApp outbound adapter to the fake socket.
 *
 * Config: channels.whatsapp.allowFrom = [OWNER, NON_OWNER], commands.ownerAllowFrom = [whatsapp:OWNER].
 */
describe('WhatsApp round trip through a real OpenClaw gateway', () => {
  let oc: OpenClawHarness;

  beforeAll(async () => {
    oc = await OpenClawHarness.create();
    const whatsapp = await oc.setUpWhatsApp({ allowFrom: [OWNER, NON_OWNER] });
    const install = await oc.installPlugin(REPO_ROOT);
    const listeningMs = await oc.startGateway({ timeoutMs: 180_000 });
    console.info(`[openclaw] install whatsapp: ${whatsapp.durationMs} ms; install -l ours: ${install.durationMs} ms; gateway until WhatsApp listened: ${listeningMs} ms`);
  });

  afterAll(async () => {
    await oc?.close();
  });

  it("the plugin's service notifies the owner through the WhatsApp outbound adapter when it starts", async () => {
    const notice = await oc.waitForSent((message) => message.text === STARTED_NOTICE, { timeoutMs: 60_000, what: STARTED_NOTICE });
    expect(notice.jid).toBe(jidOf(OWNER));
    expect((await oc.sent()).filter((message) => message.text === STARTED_NOTICE)).toHaveLength(1);
  });

  it("the owner's `sessions` gets our dashboard, claimed by our before_dispatch hook", async () => {
    // The first message after startup can take a few seconds: OpenClaw's WhatsApp monitor retries
    // it by itself after a "StateDatabaseCoordinatorContentionError".
    const message = await oc.inject(OWNER, 'sessions');
    const reply = await oc.waitForReply(message);
    expect(reply.text).toMatch(/^(Total:|No sessions\.)/);
    expect(await oc.waitForProcessed(message)).toMatchObject({ outcome: 'completed', reason: 'before_dispatch_handled' });
  });

  it("the owner's `approve nosuch` gets a refusal naming the session", async () => {
    const reply = await oc.ask(OWNER, 'approve nosuch');
    expect(reply.text).toBe("No session named 'nosuch'. There are no sessions yet.");
  });

  it("an allow-listed non-owner's `approve x` reaches our hook and is refused by us", async () => {
    // NON_OWNER is on channels.whatsapp.allowFrom, so OpenClaw admits the message; the owner
    // check (commands.ownerAllowFrom) is ours.
    const reply = await oc.ask(NON_OWNER, 'approve x');
    expect(reply.text).toContain('Only the owner');
  });

  it("a sender outside the allow-list is blocked by OpenClaw before our hook", async () => {
    const message = await oc.inject(STRANGER, 'approve x');
    await oc.waitForLog(new RegExp(`Blocked unauthorized sender \\${STRANGER}`), 30_000);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect((await oc.sent()).slice(message.sentBefore).filter((sent) => sent.jid === jidOf(STRANGER))).toEqual([]);
  });

  it('a plain chat message is not claimed by us: it goes on to the agent, and no wingman reply comes', async () => {
    const message = await oc.inject(OWNER, 'hello there, how is the weather today?');
    // No model is configured, so the agent run ends in an error (OpenClaw may or may not reply);
    // wait until OpenClaw is done with the message, then look for our text.
    const processed = await oc.waitForProcessed(message);
    expect(processed.reason).not.toBe('before_dispatch_handled');
    const replies = (await oc.sent()).slice(message.sentBefore).filter((sent) => sent.jid === jidOf(OWNER));
    expect(replies.filter((sent) => isWingmanText(sent.text))).toEqual([]);
  });
});
