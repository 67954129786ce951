import fs from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { startFakeMessagesApi, type FakeMessagesApi } from '../../../src/demo/fake-messages-api.js';
import { claudeEnv, createClaudeHome } from '../../../src/agents/claude-code/isolated-home.js';
import { prepareStoryProjects, storyAgent, storyMessages, type StoryProjects } from '../../../src/demo/whatsapp-story.js';
import type { PhoneLine } from '../../../src/demo/phone-transcript.js';
import { E2E_CLAUDE_BIN } from '../../support/claude-binary.js';
import { NON_OWNER, OWNER, OpenClawHarness, REPO_ROOT, jidOf, type InjectedMessage, type SentMessage } from './openclaw-harness.js';

const CLAUDE_KEY = 'sk-ant-api03-wingman-story-key-00000000000000000000000';
const WINGMAN_CLI = path.join(REPO_ROOT, 'dist', 'src', 'cli', 'main.js');
export const STARTED_NOTICE = '🛩️ wingman monitor started';
/** OpenClaw's own model id for the scripted provider (models.providers.<id>). */
export const MODEL_REF = 'wingman-story/scripted';

export interface StatusJson {
  name: string;
  state: string;
  progress?: string;
  pendingPrompt?: { tool: string; detail: string };
}

/**
 * Everything the story needs, real where it counts: an OpenClaw gateway (Node 24) with the real
 * WhatsApp channel (only Baileys' socket fake) and this plugin linked from the working tree; the
 * agent's model is a scripted Anthropic Messages provider on 127.0.0.1 (`models.providers`, api
 * "anthropic-messages", a baseUrl); Claude Code is the real binary in the plugin's private tmux
 * server, against the fake Messages API. `approvals.plugin` routes OpenClaw's plugin approvals to
 * the owner's WhatsApp. Used by test/openclaw/agent-story.test.ts and `npm run demo -- --whatsapp`.
 */
export interface StoryWorld {
  oc: OpenClawHarness;
  /** The Messages API Claude Code talks to. */
  claudeApi: FakeMessagesApi;
  /** OpenClaw's model: every request the agent sent is recorded here. */
  model: FakeMessagesApi;
  projects: StoryProjects;
  says: ReturnType<typeof storyMessages>;
  timings: Record<string, number>;
  /** What the phones saw and said, in order (for the transcript). */
  lines: PhoneLine[];
  say(from: string, text: string): Promise<InjectedMessage>;
  react(from: string, message: SentMessage, emoji: string, options?: { chatJid?: string }): Promise<InjectedMessage>;
  /** The `wingman` CLI on the plugin's state (same registry, tmux server and audit log). */
  wingman(args: readonly string[]): Promise<{ exitCode: number; stdout: string; stderr: string }>;
  waitForStatus(name: string, predicate: (status: StatusJson) => boolean, timeoutMs?: number): Promise<StatusJson>;
  /** Messages the linked account sent to `e164`, noted into `lines` as they are first seen. */
  sentTo(e164: string): Promise<SentMessage[]>;
  close(): Promise<void>;
}

export async function createStoryWorld(options: { keep?: boolean; log?: (line: string) => void } = {}): Promise<StoryWorld> {
  const timings: Record<string, number> = {};
  const t0 = Date.now();
  const claudeApi = await startFakeMessagesApi();
  const model = await startFakeMessagesApi({ reply: storyAgent });
  const [provider, modelId] = MODEL_REF.split('/') as [string, string];
  const oc = await OpenClawHarness.create({
    ...(options.keep === undefined ? {} : { keep: options.keep }),
    config: {
      models: {
        mode: 'merge',
        providers: {
          [provider]: {
            baseUrl: model.url, // the Anthropic client adds /v1/messages
            apiKey: 'story-model-key',
            api: 'anthropic-messages',
            models: [{ id: modelId, name: 'Scripted story model', reasoning: false, input: ['text'], cost: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 }, contextWindow: 200_000, maxTokens: 8_192 }],
          },
        },
      },
      agents: { defaults: { model: { primary: MODEL_REF } } },
      approvals: { plugin: { enabled: true, mode: 'targets', targets: [{ channel: 'whatsapp', to: OWNER }] } },
    },
  });
  const projects = await prepareStoryProjects(path.join(oc.root, 'projects'));
  const claudeHome = path.join(oc.root, 'claude-home');
  await fs.mkdir(claudeHome);
  await createClaudeHome(claudeHome, { apiKey: CLAUDE_KEY });
  // wingman's own config under the plugin's stateDir: the plugin lays its settings over it.
  await fs.writeFile(
    path.join(oc.wingmanHome, 'config.json'),
    `${JSON.stringify({ claude: { env: { ...claudeEnv({ home: claudeHome, apiUrl: claudeApi.url, apiKey: CLAUDE_KEY }), CLAUDE_CODE_MAX_RETRIES: '1' } }, trustedRoots: [path.dirname(projects.vsr)], startupTimeoutMs: 90_000 }, null, 2)}\n`,
  );
  const lines: PhoneLine[] = [];
  const noted = new Set<string>();
  const world: StoryWorld = {
    oc,
    claudeApi,
    model,
    projects,
    says: storyMessages(projects),
    timings,
    lines,
    async say(from, text) {
      await world.sentTo(from); // what arrived before it comes first in the transcript
      lines.push({ from, to: 'assistant', text, atMs: Date.now() });
      return oc.inject(from, text);
    },
    async react(from, message, emoji, reactOptions = {}) {
      await world.sentTo(from);
      lines.push({ from, to: 'assistant', text: emoji, reactionTo: message.text, atMs: Date.now() });
      return oc.react(from, message, emoji, reactOptions);
    },
    async wingman(args) {
      const result = await execa(process.execPath, [WINGMAN_CLI, ...args], {
        env: { WINGMAN_HOME: oc.wingmanHome, WINGMAN_TMUX_SOCKET: oc.tmuxSocket, WINGMAN_CLAUDE_BIN: E2E_CLAUDE_BIN },
        reject: false,
        timeout: 60_000,
        stdin: 'ignore',
      });
      return { exitCode: result.exitCode ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
    },
    async waitForStatus(name, predicate, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      let last: unknown;
      for (;;) {
        const result = await world.wingman(['status', name, '--json']);
        if (result.exitCode === 0) {
          const status = JSON.parse(result.stdout) as StatusJson;
          if (predicate(status)) return status;
          last = status;
        } else last = result.stderr;
        if (Date.now() > deadline) throw new Error(`the status of ${name} never matched within ${timeoutMs} ms; last: ${JSON.stringify(last)}`);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    },
    async sentTo(e164) {
      const sent = await oc.sentTo(e164);
      for (const message of sent) {
        if (noted.has(message.id)) continue;
        noted.add(message.id);
        lines.push({ from: 'assistant', to: e164, text: message.text, atMs: message.t });
      }
      return sent;
    },
    async close() {
      await oc.close().catch(() => undefined);
      await Promise.all([claudeApi.close().catch(() => undefined), model.close().catch(() => undefined)]);
    },
  };
  try {
    const whatsapp = await oc.setUpWhatsApp({ allowFrom: [OWNER, NON_OWNER] });
    timings.installWhatsApp = whatsapp.durationMs;
    const install = await oc.installPlugin(REPO_ROOT, { pollIntervalMs: 500 });
    timings.installPlugin = install.durationMs;
    timings.gatewayListening = await oc.startGateway({ timeoutMs: 240_000 });
    await oc.waitForSent((message) => message.jid === jidOf(OWNER) && message.text === STARTED_NOTICE, { timeoutMs: 90_000, what: STARTED_NOTICE }).catch(async (error: Error) => {
      throw new Error(`${error.message}\n${await oc.pluginDiagnostics()}`);
    });
    timings.ready = Date.now() - t0;
    options.log?.(`OpenClaw ${oc.install.openclawVersion} gateway ready in ${Math.round(timings.ready / 1000)} s (WhatsApp install ${Math.round(timings.installWhatsApp / 1000)} s, plugin link ${Math.round(timings.installPlugin / 1000)} s, gateway ${Math.round(timings.gatewayListening / 1000)} s)`);
    return world;
  } catch (error) {
    await world.close();
    throw error;
  }
}
