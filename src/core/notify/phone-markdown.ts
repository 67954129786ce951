/**
 * Phone text goes out through OpenClaw, which reads it as Markdown and converts it per channel
 * (WhatsApp: `*x*` and `_x_` turn into formatting, a line starting `- ` or `+ ` into a bullet,
 * `__init__` into bold). A command, a diff or a screen shown that way is not what runs: `2*3*4`
 * would read `2_3_4`. Code spans and fenced blocks are the one construct every channel keeps
 * verbatim (WhatsApp shows them in monospace), so everything literal goes inside one.
 */

const FENCE = '```';
/**
 * Three backticks inside a block would end it on WhatsApp, which has no longer fences: a zero-width
 * space between the second and third keeps them apart without changing what the reader sees.
 */
const ZERO_WIDTH_SPACE = '\u200b';
const breakFences = (line: string) => line.replace(/``(?=`)/g, `\`\`${ZERO_WIDTH_SPACE}`);

/**
 * Lines shown verbatim, as a fenced block; the blank line after it keeps the next line on a line of
 * its own once OpenClaw has converted the block (it drops one newline after a fence).
 */
export function codeBlock(lines: readonly string[]): string[] {
  return [FENCE, ...lines.map(breakFences), FENCE, ''];
}

/** A short piece shown verbatim inside a line: a code span whose fence is longer than any backtick run in it. */
export function inlineCode(text: string): string {
  if (text === '') return text;
  const longestRun = Math.max(0, ...Array.from(text.matchAll(/`+/g), (match) => match[0].length));
  const fence = '`'.repeat(longestRun + 1);
  // A code span that starts or ends with a backtick needs a space inside its fence (CommonMark).
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A code span: a run of backticks, the text, the same run again (neither run part of a longer one). */
const CODE_SPAN = /(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)/g;

/**
 * The same text for a terminal, which shows Markdown as typed: fences and the blank line after them
 * dropped, code spans unwrapped, the zero-width spaces taken out again. Only what this file adds is
 * undone; other text is left as it is.
 */
export function toPlainText(text: string): string {
  const out: string[] = [];
  let inBlock = false;
  let afterBlock = false;
  for (const line of text.split('\n')) {
    if (line === FENCE) {
      inBlock = !inBlock;
      afterBlock = !inBlock;
      continue;
    }
    if (afterBlock) {
      afterBlock = false;
      if (line === '') continue;
    }
    out.push(inBlock ? line.replaceAll(ZERO_WIDTH_SPACE, '') : line.replace(CODE_SPAN, (_, _fence: string, inner: string) => (inner.length > 2 && inner.startsWith(' ') && inner.endsWith(' ') ? inner.slice(1, -1) : inner)));
  }
  return out.join('\n');
}
