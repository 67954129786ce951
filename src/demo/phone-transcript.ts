/** One chat bubble: said by a phone (`from` an E.164 number) or by the assistant (`from: 'assistant'`). */
export interface PhoneLine {
  from: string;
  to: string;
  text: string;
  atMs: number;
  /** A reaction: the text of the message reacted to. */
  reactionTo?: string;
}

const indent = (text: string, pad: string) => text.split('\n').map((line, index) => (index === 0 ? line : `${pad}${line}`)).join('\n');

/**
 * The chat as a phone shows it: one conversation per number, bubbles in order, the owner's own
 * messages on the right (`›`), the assistant's on the left (`‹`), reactions under the message.
 */
export function formatPhoneTranscript(lines: readonly PhoneLine[], names: Readonly<Record<string, string>>, startMs = lines[0]?.atMs ?? 0): string {
  const phones = [...new Set(lines.map((line) => (line.from === 'assistant' ? line.to : line.from)))];
  const out: string[] = [];
  for (const phone of phones) {
    out.push(`── WhatsApp: ${names[phone] ?? phone} (${phone}) ${'─'.repeat(20)}`);
    for (const line of lines.filter((entry) => entry.from === phone || entry.to === phone)) {
      const at = `+${String(Math.max(0, Math.round((line.atMs - startMs) / 1000))).padStart(3)}s`;
      if (line.reactionTo !== undefined) out.push(`${at}                    › reacted ${line.text} to “${line.reactionTo.split('\n')[0]}”`);
      else if (line.from === phone) out.push(`${at}                    › ${indent(line.text, '                           ')}`);
      else out.push(`${at} ‹ ${indent(line.text, '        ')}`);
    }
    out.push('');
  }
  return out.join('\n');
}
