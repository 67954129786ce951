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

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}
