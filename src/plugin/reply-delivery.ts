import type { OpenClawPluginApi } from 'openclaw/plugin-sdk/plugin-entry';

export interface ReplyTarget {
  /** OpenClaw's channel id (`whatsapp`). */
  channel: string;
  /** The sender, as the channel names them. */
  to: string;
  accountId?: string | undefined;
}

type Runtime = Pick<OpenClawPluginApi, 'runtime' | 'logger'>;

/**
 * OpenClaw's before_dispatch result and a command's result each carry one text. A reply of
 * several messages (a plan split to fit WhatsApp) is therefore sent here, every message in order
 * through the channel's outbound adapter to the sender, and OpenClaw is left nothing to send, so
 * no message can overtake another. Returns what OpenClaw should still send: the only text of a
 * one-message reply, or, when the adapter cannot reach the sender, every message not yet sent,
 * joined (OpenClaw then cuts it at its own chunk limit; nothing is lost).
 */
export async function sendReplyInOrder(api: Runtime, target: ReplyTarget, text: string, more: readonly string[] = []): Promise<string | undefined> {
  if (more.length === 0) return text;
  const messages = [text, ...more];
  const cfg = api.runtime.config.current();
  const adapter = await api.runtime.channel.outbound.loadAdapter(target.channel).catch(() => undefined);
  const bare = target.to.replace(/^[a-z]+:/i, '');
  const allowFrom = cfg.channels?.[target.channel]?.allowFrom;
  const resolved = adapter?.resolveTarget ? adapter.resolveTarget({ cfg, to: bare, allowFrom: Array.isArray(allowFrom) ? allowFrom : undefined, mode: 'explicit' }) : { ok: true as const, to: bare };
  if (!adapter?.sendText || !resolved.ok || bare === '') return messages.join('\n\n');
  for (const [index, message] of messages.entries()) {
    try {
      await adapter.sendText({ cfg, to: resolved.to, text: message, ...(target.accountId ? { accountId: target.accountId } : {}) });
    } catch (error) {
      api.logger.warn(`wingman: message ${index + 1} of ${messages.length} could not be sent directly (${error instanceof Error ? error.message : String(error)}); the rest goes as one reply.`);
      return messages.slice(index).join('\n\n');
    }
  }
  return undefined;
}
