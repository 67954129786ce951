/** Digits of a phone-like id in any of OpenClaw's formats: `+1555…`, `1555…`, `whatsapp:+1555…`, `1555…@s.whatsapp.net`. */
export function idDigits(value: unknown): string {
  return String(value ?? '')
    .replace(/^[a-z]+:/i, '')
    .replace(/@.*/, '')
    .replace(/\D/g, '');
}

export interface OwnerConfig {
  commands?: { ownerAllowFrom?: unknown };
  channels?: Record<string, { allowFrom?: unknown } | undefined>;
}

/**
 * The owner's ids on a channel: `commands.ownerAllowFrom` entries for that channel (or without a
 * channel prefix); if there are none, the channel's `allowFrom` list (never its `*`).
 */
export function ownerIds(config: OwnerConfig, channel: string): string[] {
  const owners = asStrings(config.commands?.ownerAllowFrom).filter((entry) => !entry.includes(':') || entry.toLowerCase().startsWith(`${channel.toLowerCase()}:`));
  const list = owners.length > 0 ? owners : asStrings(config.channels?.[channel]?.allowFrom).filter((entry) => entry !== '*');
  return list.filter((entry) => idDigits(entry) !== '');
}

/** OpenClaw hands plugins no owner flag for plain messages, so the plugin decides from config. */
export function isOwner(config: OwnerConfig, channel: string, senderId: unknown): boolean {
  const sender = idDigits(senderId);
  return sender !== '' && ownerIds(config, channel).some((entry) => idDigits(entry) === sender);
}

export interface ToolRequester {
  /** OpenClaw's owner bit for the turn, when it gives one. */
  senderIsOwner?: boolean | undefined;
  requesterSenderId?: string | undefined;
  messageChannel?: string | undefined;
}

/**
 * Whether the person whose message made the assistant call a tool is the owner: OpenClaw's owner
 * bit, or the same owner list from its config that decides who may approve. A turn with no
 * inbound sender and no owner bit (the operator's own CLI or control UI run) is the owner's.
 */
export function isToolRequesterOwner(config: OwnerConfig, requester: ToolRequester): boolean {
  if (requester.senderIsOwner === true) return true;
  if (requester.requesterSenderId) return isOwner(config, requester.messageChannel ?? 'whatsapp', requester.requesterSenderId);
  return requester.senderIsOwner === undefined;
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}
