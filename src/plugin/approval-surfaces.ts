import type { OpenClawConfig, OpenClawPluginApi } from 'openclaw/plugin-sdk/plugin-entry';
import type { ApprovalDesk } from '../app/approval-desk.js';
import type { ChatEngine } from '../app/chat-engine.js';
import type { NotificationChannel } from '../adapters/channel/notification-channel.js';
import { approvalRoutingConfigured, parseOpenClawApprove } from '../core/approvals/openclaw-approval.js';
import { OpenClawApprovalBridge } from './openclaw-approvals.js';
import { connectPluginApprovalGateway } from './openclaw-approval-gateway.js';

/** The agent OpenClaw's `approvals.plugin.agentFilter` should match wingman's prompts against. */
function defaultAgentId(config: OpenClawConfig): string {
  const agents: Array<{ id?: unknown; default?: unknown }> = Array.isArray(config.agents?.list) ? config.agents.list : [];
  const chosen = agents.find((agent) => agent.default === true) ?? agents[0];
  return typeof chosen?.id === 'string' && chosen.id ? chosen.id : 'main';
}

/** Starts the OpenClaw approval bridge on the running monitor's desk (see OpenClawApprovalBridge). */
export function startApprovalSurfaces(api: Pick<OpenClawPluginApi, 'id' | 'runtime' | 'logger'>, desk: ApprovalDesk, chat: () => Promise<ChatEngine>, channel: NotificationChannel): OpenClawApprovalBridge {
  const config = () => api.runtime.config.current();
  const bridge = new OpenClawApprovalBridge({
    desk,
    answer: async (session, decision, id, by) => (await chat()).decide(session, decision, id, by),
    gateway: () => connectPluginApprovalGateway(config(), api.logger),
    routing: () => approvalRoutingConfigured(config()),
    notify: (text) => channel.send(text),
    logger: api.logger,
    pluginId: api.id,
    agentId: defaultAgentId(config()),
  });
  bridge.start();
  return bridge;
}

/**
 * `/approve plugin:… allow-once` is OpenClaw's own command, not wingman's `approve NAME`: it is left
 * to OpenClaw (undefined), except that a non-owner may not answer one of wingman's prompts that way
 * (OpenClaw lets anyone on the channel's allow-list approve). Returns `false` when the text is not
 * such a command.
 */
export async function guardOpenClawApprove(
  text: string,
  sender: { id: string; isOwner: boolean },
  bridge: OpenClawApprovalBridge | undefined,
  chat: () => Promise<ChatEngine>,
): Promise<false | undefined | { handled: true; text: string }> {
  const command = parseOpenClawApprove(text);
  if (!command) return false;
  if (sender.isOwner || !bridge?.owns(command.id)) return undefined;
  await (await chat()).audit({ session: '', tool: '', detail: text.slice(0, 200), decision: 'refused', by: sender.id || 'unknown', via: 'chat', note: 'not the owner' });
  return { handled: true, text: 'Only the owner can answer prompts or steer sessions.' };
}
