import stringWidth from 'string-width';

/**
 * Text helpers for notifications read on a phone: cuts never split a character (an emoji, an
 * accented letter, a CJK ideograph), and widths are display columns (a CJK ideograph takes two).
 */

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (part) => part.segment);
}

export const displayWidth = (text: string): number => stringWidth(text);

/** Control characters (escape sequences, NUL, CR) show as garbage or nothing on a phone. */
export function printable(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\t/g, '  ').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '�');
}

/** At most `max` characters; `…` marks a cut. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text; // code units ≥ characters: nothing to cut
  const parts = graphemes(text);
  return parts.length <= max ? text : `${parts.slice(0, Math.max(0, max - 1)).join('')}…`;
}

/** One line, whitespace runs collapsed, at most `max` characters. */
export function oneLine(text: string, max: number): string {
  return cut(printable(text).replace(/\s+/g, ' ').trim(), max);
}

/** `+3 −1`; `−` is U+2212, so WhatsApp never turns a removed line into a bullet. */
export function formatCounts(added: number, removed: number): string {
  return [added > 0 || removed === 0 ? `+${added}` : '', removed > 0 ? `−${removed}` : ''].filter(Boolean).join(' ');
}

export const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
