import { setTimeout as delay } from 'node:timers/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatPhoneTranscript, type PhoneLine } from './phone-transcript.js';
import { AUTH, PROXY, VSR } from './whatsapp-story.js';

const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SUPPORT = path.join(PACKAGE_ROOT, 'test', 'openclaw', 'support');

/** The slice of test/openclaw/support/story-world.ts the demo drives (it is TypeScript, loaded with tsx). */
interface Sent {
  index: number;
  jid: string;
  text: string;
}
interface World {
  says: Record<'delegate' | 'dashboard' | 'progress' | 'steer' | 'approve' | 'intruder', string>;
  lines: PhoneLine[];
  timings: Record<string, number>;
  oc: {
    waitForReply(message: unknown, options: { timeoutMs?: number; match?: (text: string) => boolean }): Promise<Sent>;
    waitForSent(predicate: (message: Sent) => boolean, options: { timeoutMs?: number; what?: string }): Promise<Sent>;
  };
  say(from: string, text: string): Promise<unknown>;
  sentTo(e164: string): Promise<Sent[]>;
  waitForStatus(name: string, predicate: (status: { state: string; progress?: string }) => boolean, timeoutMs?: number): Promise<unknown>;
  close(): Promise<void>;
}

async function loadSupport(): Promise<{ world: (options: { log: (line: string) => void }) => Promise<World>; owner: string; teammate: string }> {
  const harnessFile = path.join(SUPPORT, 'openclaw-harness.ts');
  if (!existsSync(harnessFile)) throw new Error('npm run demo -- --whatsapp runs from a checkout of claude-code-wingman (it uses test/openclaw/support).');
  const { tsImport } = (await import('tsx/esm/api').catch(() => {
    throw new Error('npm run demo -- --whatsapp needs the dev dependencies (npm install).');
  })) as { tsImport: (specifier: string, parent: string) => Promise<any> };
  const harness = await tsImport(pathToFileURL(harnessFile).href, import.meta.url);
  if (!harness.findOpenClawInstall()) {
    throw new Error(`npm run demo -- --whatsapp needs the OpenClaw install the tests use (Node 24, openclaw, @openclaw/whatsapp in ${harness.openClawTestDir()}): run bash scripts/install-openclaw.sh first.`);
  }
  const story = await tsImport(pathToFileURL(path.join(SUPPORT, 'story-world.ts')).href, import.meta.url);
  return { world: story.createStoryWorld, owner: harness.OWNER, teammate: harness.NON_OWNER };
}

/**
 * `npm run demo -- --whatsapp`: the story of test/openclaw/agent-story.test.ts in a real OpenClaw
 * gateway with the real WhatsApp channel (only its network socket faked), a scripted model on
 * loopback and real Claude Code sessions; then the chat as the phones showed it.
 */
export async function runWhatsAppDemo(): Promise<void> {
  const { world: createWorld, owner, teammate } = await loadSupport();
  const log = (line: string) => console.log(`· ${line}`);
  log('starting OpenClaw (Node 24) with WhatsApp and the wingman plugin; this takes a minute or two on a small machine…');
  const world = await createWorld({ log });
  const started = Date.now();
  const ask = async (from: string, text: string, match: (reply: string) => boolean) => world.oc.waitForReply(await world.say(from, text), { timeoutMs: 240_000, match });
  try {
    log('1/6 the owner delegates three pieces of work in one message');
    await ask(owner, world.says.delegate, (text) => text.startsWith('On it'));
    log('2/6 the dashboard');
    await ask(owner, world.says.dashboard, (text) => text.includes('Total:'));
    log('3/6 how is the VSR issue going? (after its test run)');
    await world.waitForStatus(VSR, (status) => status.progress !== undefined, 120_000);
    await ask(owner, world.says.progress, (text) => text.startsWith(VSR));
    log('4/6 steering the proxy refactor');
    await world.waitForStatus(PROXY, (status) => status.state === 'idle', 120_000);
    await ask(owner, world.says.steer, (text) => text.includes(PROXY));
    log('5/6 a permission prompt, answered from the phone');
    await world.oc.waitForSent((message) => message.text.startsWith(`🔒 Session '${AUTH}' needs approval`), { timeoutMs: 120_000, what: 'the approval notice' });
    await ask(owner, world.says.approve, (text) => text.includes(AUTH));
    await world.waitForStatus(AUTH, (status) => status.state === 'idle', 60_000);
    log('6/6 a teammate on the allow-list asks for a session');
    await ask(teammate, world.says.intruder, (text) => text.length > 0);
    // Late notices (a session finishing, OpenClaw withdrawing its approval) belong in the chat too.
    await delay(3_000);
    await world.sentTo(owner);
    await world.sentTo(teammate);
    console.log(`\n${formatPhoneTranscript(world.lines, { [owner]: 'you', [teammate]: 'a teammate' })}`);
    console.log(`The story took ${Math.round((Date.now() - started) / 1000)} s after ${Math.round((world.timings.ready ?? 0) / 1000)} s of OpenClaw setup.`);
  } finally {
    await world.close();
  }
}
