import PQueue from 'p-queue';
import type { ChannelOutboundAdapter, OpenClawConfig, OpenClawPluginApi } from 'openclaw/plugin-sdk/plugin-entry';
import type { NotificationChannel } from '../adapters/channel/notification-channel.js';
import { ownerIds } from '../core/chat/owner.js';

export interface OpenClawChannelOptions {
  /** Used when WhatsApp is not set up (no adapter or no owner on it). */
  fallbackChannel?: string | undefined;
  fallbackTo?: string | undefined;
  retryDelaysMs?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
}

/** WhatsApp connects after services start; a few retries cover that without losing a notice. */
const RETRY_DELAYS_MS = [1_000, 3_000, 10_000, 30_000];

type Runtime = Pick<OpenClawPluginApi, 'runtime' | 'logger'>;

/**
 * Notifications to the owner through OpenClaw's own channel outbound adapter: WhatsApp first, with
 * the owner taken from OpenClaw's config (commands.ownerAllowFrom, else the channel's allowFrom),
 * so no phone number is copied into wingman's config; the configured channel otherwise.
 */
export function createOpenClawChannel(api: Runtime, options: OpenClawChannelOptions = {}): NotificationChannel & { idle(): Promise<void> } {
  // In order, one at a time, and off the caller's path: a slow or reconnecting channel never
  // holds up the monitor.
  const queue = new PQueue({ concurrency: 1 });
  const delays = options.retryDelaysMs ?? RETRY_DELAYS_MS;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref()));

  async function target(): Promise<{ adapter: ChannelOutboundAdapter; cfg: OpenClawConfig; to: string; channel: string } | undefined> {
    const cfg = api.runtime.config.current();
    // `whatsapp:+1555…` in ownerAllowFrom; the adapter wants the bare address.
    const owner = (channel: string) => ownerIds(cfg, channel)[0]?.replace(/^[a-z]+:/i, '');
    const candidates: Array<{ channel: string; to: string | undefined }> = [{ channel: 'whatsapp', to: owner('whatsapp') }];
    if (options.fallbackChannel) candidates.push({ channel: options.fallbackChannel, to: options.fallbackTo ?? owner(options.fallbackChannel) });
    for (const candidate of candidates) {
      if (!candidate.to) continue;
      const adapter = await api.runtime.channel.outbound.loadAdapter(candidate.channel).catch(() => undefined);
      if (!adapter?.sendText) continue;
      const allowFrom = cfg.channels?.[candidate.channel]?.allowFrom;
      const resolved = adapter.resolveTarget ? adapter.resolveTarget({ cfg, to: candidate.to, allowFrom: Array.isArray(allowFrom) ? allowFrom : undefined, mode: 'explicit' }) : { ok: true as const, to: candidate.to };
      if (resolved.ok) return { adapter, cfg, to: resolved.to, channel: candidate.channel };
      api.logger.warn(`wingman: cannot notify on ${candidate.channel}: ${resolved.error.message}`);
    }
    return undefined;
  }

  async function deliver(text: string): Promise<void> {
      let lastError: unknown;
      for (let attempt = 0; attempt <= delays.length; attempt += 1) {
        try {
          const found = await target();
          if (!found) {
            api.logger.warn('wingman: no channel to notify the owner on (set up WhatsApp, or notifyChannel/notifyTo in the plugin config).');
            return;
          }
          await found.adapter.sendText!({ cfg: found.cfg, to: found.to, text });
          return;
        } catch (error) {
          lastError = error;
          if (attempt < delays.length) await sleep(delays[attempt]!);
        }
      }
      api.logger.warn(`wingman: a notification could not be sent: ${lastError instanceof Error ? lastError.message : String(lastError)}`);
  }

  return {
    name: 'openclaw',
    async send(text) {
      void queue.add(() => deliver(text));
    },
    idle: () => queue.onIdle(),
  };
}
