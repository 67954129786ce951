import type { OpenClawPluginApi } from 'openclaw/plugin-sdk/plugin-entry';
import { createWingman, type Wingman } from '../app/create-wingman.js';
import { Monitor } from '../app/monitor.js';
import { createChatEngine } from '../app/chat-engine.js';
import { handleChatMessage } from '../../handlers/chat-message.js';
import { parseChatCommand } from '../core/chat/parse-chat-command.js';
import { isOwner, isToolRequesterOwner } from '../core/chat/owner.js';
import { isWingmanError } from '../core/errors.js';
import { resolvePluginConfig, type ResolvedPluginConfig } from './plugin-config.js';
import { loadConfig } from '../adapters/store/config-file.js';
import { resolveWingmanHome, wingmanPaths } from '../adapters/store/wingman-paths.js';
import { createOpenClawChannel } from './openclaw-channel.js';
import { createWingmanTools } from './plugin-tools.js';
import { guardOpenClawApprove, startApprovalSurfaces } from './approval-surfaces.js';
import type { OpenClawApprovalBridge } from './openclaw-approvals.js';
import { sendReplyInOrder } from './reply-delivery.js';

export const SERVICE_ID = 'wingman-monitor';
export const COMMAND_USAGE = 'Usage: /wingman help · approve|always|deny NAME [ID] · answer NAME CHOICE · tell NAME PROMPT · stop NAME · tail NAME · plan NAME · trust NAME · sessions · status [NAME]';
export const STARTED_NOTICE = '🛩️ wingman monitor started';

/**
 * Wires wingman into OpenClaw. Only wiring: OpenClaw calls register() several times per process
 * (full, discovery, tool-discovery), so nothing starts here; the engine is built on first use and
 * the monitor runs only inside the service's start/stop.
 */
export function registerWingmanPlugin(api: OpenClawPluginApi): void {
  let settings: ResolvedPluginConfig | undefined;
  let wingman: Promise<Wingman> | undefined;
  let monitor: Monitor | undefined;
  let approvals: OpenClawApprovalBridge | undefined;
  const log = (error: unknown) => api.logger.error(`wingman: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  const resolved = () => (settings ??= resolvePluginConfig(api.pluginConfig));
  const engine = () =>
    (wingman ??= Promise.resolve().then(async () => {
      const config = resolved();
      const env = config.home ? { ...process.env, WINGMAN_HOME: config.home } : process.env;
      const base = await loadConfig(wingmanPaths(resolveWingmanHome(env)).config, env);
      return createWingman({ env, config: config.applyTo(base), logger: { warn: (message) => api.logger.warn(message) } });
    }));
  const chat = async () => createChatEngine(await engine(), () => monitor);
  const replyTo = async (text: string, senderId: string, senderIsOwner: boolean, isGroup: boolean) => {
    try {
      return await handleChatMessage({ text, senderId, senderIsOwner, isGroup }, await chat(), log);
    } catch (error) {
      if (isWingmanError(error)) return { handled: true as const, text: error.message };
      log(error);
      return { handled: true as const, text: 'wingman could not do that: an unexpected error was logged.' };
    }
  };

  // Plain chat text (`approve NAME`) is claimed here, before the assistant's model sees it.
  api.on('before_dispatch', async (event, ctx) => {
    const text = event.content ?? '';
    if (parseChatCommand(text) === undefined) return undefined; // not ours: untouched
    const senderId = event.senderId ?? ctx.senderId ?? '';
    const channel = event.channel ?? ctx.channelId ?? 'whatsapp';
    const owner = isOwner(api.runtime.config.current(), channel, senderId);
    // `/approve plugin:… allow-once` answers an OpenClaw approval: OpenClaw's command, not ours.
    const openclawApprove = await guardOpenClawApprove(text, { id: senderId, isOwner: owner }, approvals, chat);
    if (openclawApprove !== false) return openclawApprove;
    const reply = await replyTo(text, senderId, owner, event.isGroup === true);
    if (!reply.handled) return undefined;
    const rest = await sendReplyInOrder(api, { channel, to: senderId, accountId: ctx.accountId }, reply.text, reply.more);
    return rest === undefined ? { handled: true } : { handled: true, text: rest };
  });

  api.registerCommand({
    name: 'wingman',
    description: 'Claude Code sessions: approve|always|deny NAME [ID], trust NAME, sessions, status [NAME]',
    acceptsArgs: true,
    requireAuth: true,
    // OpenClaw tells external plugins whether the sender is the owner only for scoped commands.
    requiredScopes: ['operator.write'],
    handler: async (ctx) => {
      const senderId = ctx.senderId ?? ctx.from ?? '';
      const reply = await replyTo(ctx.args ?? '', senderId, ctx.senderIsOwner === true, false);
      if (!reply.handled) return { text: COMMAND_USAGE };
      const rest = await sendReplyInOrder(api, { channel: ctx.channelId ?? ctx.channel, to: senderId, accountId: ctx.accountId }, reply.text, reply.more);
      return rest === undefined ? {} : { text: rest };
    },
  });

  // A factory, so each turn's tools know who asked: only the owner may spawn, send, capture or kill.
  api.registerTool(
    (ctx) =>
      createWingmanTools(engine, {
        isOwner: isToolRequesterOwner(api.runtime.config.current(), ctx),
        id: ctx.requesterSenderId ?? 'operator',
      }),
    { names: createWingmanTools(engine).map((tool) => tool.name) },
  );

  api.registerService({
    id: SERVICE_ID,
    async start() {
      try {
        const config = resolved();
        const channel = createOpenClawChannel(api, { fallbackChannel: config.notifyChannel, fallbackTo: config.notifyTo });
        const started = new Monitor({
          wingman: await engine(),
          channel,
          pollIntervalMs: config.pollIntervalMs,
          reminderIntervalMs: config.reminderIntervalMs,
          policy: config.policy,
          logger: { warn: (message) => api.logger.warn(message) },
        });
        await started.start();
        monitor = started;
        approvals = startApprovalSurfaces(api, started.desk, chat, channel);
        await channel.send(STARTED_NOTICE);
      } catch (error) {
        // A broken config or a monitor already running elsewhere must not take the gateway down.
        api.logger.error(`wingman: the monitor did not start: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    async stop() {
      const running = monitor;
      monitor = undefined;
      await approvals?.stop();
      approvals = undefined;
      await running?.stop();
    },
  });
}
