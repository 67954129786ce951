/**
 * Plans on a phone: the ExitPlanMode notice shows the start of the plan, `plan NAME` the whole of
 * it in as many chat messages as it takes. Pure text work, no I/O.
 */

/** Lines of the plan a notification shows before "…". */
export const PLAN_PREVIEW_LINES = 15;
/** Characters of the preview at most: fifteen long lines must still make a short notice. */
export const PLAN_PREVIEW_CHARS = 1500;
/**
 * One chat message at most. OpenClaw cuts outgoing text into chunks of 4000 characters by
 * default (`channels.whatsapp.textChunkLimit`); staying well below it means no message of a plan
 * is cut again on the way, at a place wingman did not choose.
 */
export const CHAT_MESSAGE_LIMIT = 3500;

/** The replies a waiting plan takes. */
export function planReplies(session: string): string {
  return `Reply: approve ${session} · deny ${session} because … · plan ${session}`;
}

/** CRLF to LF, no trailing spaces, no blank lines around it, at most one blank line in a row. */
export function normalizePlan(plan: string): string {
  return plan
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}

/** The plan's first lines (at most `maxLines` and `maxChars`), and whether anything was left out. */
export function planPreview(plan: string, maxLines = PLAN_PREVIEW_LINES, maxChars = PLAN_PREVIEW_CHARS): { text: string; truncated: boolean } {
  const lines = normalizePlan(plan).split('\n');
  const kept: string[] = [];
  let used = 0;
  for (const line of lines) {
    if (kept.length >= maxLines) break;
    const room = maxChars - used - (kept.length > 0 ? 1 : 0);
    if (line.length > room) {
      if (room > 20) kept.push(`${line.slice(0, room - 1).trimEnd()}…`);
      return { text: kept.join('\n'), truncated: true };
    }
    kept.push(line);
    used += line.length + (kept.length > 1 ? 1 : 0);
  }
  return { text: kept.join('\n'), truncated: kept.length < lines.length };
}

/** `📋 Session 'NAME' has a plan to approve [id]`, the plan's first lines then "…", and the replies. */
export function formatPlanRequest(session: string, id: string, plan: string): string {
  const preview = planPreview(plan);
  return [`📋 Session '${session}' has a plan to approve [${id}]`, preview.text, ...(preview.truncated ? ['…'] : []), planReplies(session)].join('\n');
}

interface Piece {
  text: string;
  /** What joins it to the piece before when both land in the same message. */
  joiner: string;
}

/** A line longer than `budget`, cut at the last space that fits (mid-word only when none does). */
function cutLine(line: string, budget: number): Piece[] {
  const pieces: Piece[] = [];
  let rest = line;
  let joiner = '\n';
  while (rest.length > budget) {
    const space = rest.lastIndexOf(' ', budget);
    const at = space > budget / 2 ? space : budget;
    pieces.push({ text: rest.slice(0, at), joiner });
    rest = rest.slice(at).replace(/^ /, '');
    joiner = ' ';
  }
  pieces.push({ text: rest, joiner });
  return pieces;
}

/**
 * The plan as chunks of at most `budget` characters, cut between paragraphs where possible, else
 * between lines, and only a line longer than a whole chunk is cut inside (at a space).
 */
export function chunkPlan(plan: string, budget: number): string[] {
  const pieces: Piece[] = [];
  for (const paragraph of normalizePlan(plan).split('\n\n')) {
    if (paragraph.length <= budget) {
      pieces.push({ text: paragraph, joiner: '\n\n' });
      continue;
    }
    paragraph.split('\n').forEach((line, index) => {
      const cut = cutLine(line, budget);
      if (index === 0) cut[0]!.joiner = '\n\n';
      pieces.push(...cut);
    });
  }
  const chunks: string[] = [];
  let current = '';
  for (const piece of pieces) {
    if (current === '') current = piece.text;
    else if (current.length + piece.joiner.length + piece.text.length <= budget) current += piece.joiner + piece.text;
    else {
      chunks.push(current);
      current = piece.text;
    }
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

/**
 * The whole plan as numbered chat messages, each within `limit` characters:
 * `📋 Plan of session 'NAME' [id] (1/3)` over each part, the replies under the last one.
 */
export function formatPlanMessages(session: string, id: string | undefined, plan: string, limit = CHAT_MESSAGE_LIMIT): string[] {
  const title = `📋 Plan of session '${session}'${id ? ` [${id}]` : ''}`;
  const footer = `Reply: approve ${session} · deny ${session} because …`;
  // Room for the longest header a plan could need ("(99/99)") and the footer, in every message.
  const budget = limit - `${title} (99/99)`.length - footer.length - 2;
  const chunks = chunkPlan(plan, Math.max(budget, 200));
  if (chunks.length === 0) return [`${title}\n(the plan is empty)\n${footer}`];
  return chunks.map((chunk, index) => {
    const header = chunks.length === 1 ? title : `${title} (${index + 1}/${chunks.length})`;
    return [header, chunk, ...(index === chunks.length - 1 ? [footer] : [])].join('\n');
  });
}
