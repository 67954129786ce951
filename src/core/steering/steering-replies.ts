import type { SessionStatus } from '../status/session-status.js';
import type { SessionState } from '../session-state.js';
import type { TailText } from '../screen/clean-tail.js';
import { codeBlock } from '../notify/phone-markdown.js';

/** What a steering reply needs of a session's status. */
export type StatusFacts = Pick<SessionStatus, 'name' | 'state' | 'currentTask' | 'latestActivity' | 'pendingPrompt' | 'unreadable'>;

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function pendingOf(status: StatusFacts): string {
  const prompt = status.pendingPrompt;
  return prompt ? `${prompt.tool}(${oneLine(prompt.detail, 80)})` : 'a tool call';
}

/** `stop NAME` on a session that runs no turn: one line on why nothing was pressed, and what to do instead. */
export function formatNothingToStop(status: StatusFacts): string {
  const name = status.name;
  switch (status.state) {
    case 'idle':
    case 'error':
      return `Session '${name}' is idle — nothing to stop.`;
    case 'waiting_approval':
      return `Session '${name}' is not working: it waits for approval of ${pendingOf(status)}. Reply approve ${name}, or deny ${name} [because WHAT TO DO INSTEAD].`;
    case 'waiting_answer':
      return `Session '${name}' is not working: it asks a question. Reply answer ${name} CHOICE, or deny ${name}.`;
    case 'waiting_trust':
      return `Session '${name}' is not working: it asks whether to trust its folder. Reply trust ${name}.`;
    case 'exited':
      return `Session '${name}' has exited — nothing to stop.`;
    case 'starting':
      return `Session '${name}' is still starting — nothing to stop yet.`;
    default:
      return `Session '${name}': wingman cannot read its screen (${status.unreadable ?? 'unknown screen'}), so nothing was pressed. Look with: tail ${name}`;
  }
}

/** What the interrupted turn was doing, from the status read before Esc. */
function interruptedWork(status: StatusFacts): string {
  const parts: string[] = [];
  if (status.currentTask) parts.push(`Interrupted: ${oneLine(status.currentTask, 100)}`);
  if (status.latestActivity) parts.push(`latest: ${oneLine(status.latestActivity, 80)}`);
  return parts.length > 0 ? ` ${parts.join(' · ')}` : '';
}

/**
 * `restored`: the input box holds the prompt again (Claude Code puts it back when the turn is
 * interrupted before its first answer token); `tell` replaces it. `next`: the prompt that was
 * queued behind the turn, which Claude Code started right after the interrupt.
 */
export function formatStopped(before: StatusFacts, restored: boolean, next?: string): string {
  const text = `⏹️ Stopped ${before.name}.${interruptedWork(before)}`;
  if (next !== undefined) return `${text}\nIt went on with the queued prompt: ${oneLine(next, 100)} (stop ${before.name} again to interrupt that too).`;
  return restored ? `${text}\nIts prompt is back in the input box; tell ${before.name} PROMPT replaces it.` : text;
}

export function formatNotStopped(name: string, state: SessionState, escPresses: number): string {
  const times = escPresses === 1 ? 'Esc' : `Esc (${escPresses} times)`;
  return `Session '${name}' did not stop: it still reads ${state} after ${times}. Look with: tail ${name}`;
}

export function formatTold(name: string, queued: boolean): string {
  return queued ? `queued (${name} is working)` : `✓ sent to ${name}`;
}

/** `tell NAME …` that cannot go in now: why, and what to do first. Nothing was typed. */
export function formatNotTold(status: StatusFacts): string {
  const name = status.name;
  switch (status.state) {
    case 'waiting_approval':
      return `Not sent: ${name} waits for approval of ${pendingOf(status)}. Answer it first: approve ${name}, or deny ${name} because WHAT TO DO INSTEAD.`;
    case 'waiting_answer':
      return `Not sent: ${name} asks a question. Answer it first: answer ${name} CHOICE.`;
    case 'waiting_trust':
      return `Not sent: ${name} asks whether to trust its folder. Reply trust ${name} first.`;
    case 'exited':
      return `Not sent: ${name} has exited. Restart it with: wingman resume ${name}`;
    case 'starting':
      return `Not sent: ${name} is still starting; try again in a moment.`;
    default:
      return `Not sent: wingman cannot read ${name}'s screen (${status.unreadable ?? 'unknown screen'}). Look with: tail ${name}`;
  }
}

/** Text someone typed in the terminal and did not send: tell never throws it away. */
export function formatUnsentText(name: string, typed: string): string {
  return `Not sent: ${name} has unsent text in its input box ("${oneLine(typed, 40)}"). Clear it in the terminal, or send with: wingman send ${name} --replace PROMPT`;
}

/** The header over a tail; counted in the message budget. */
export function tailHeader(name: string, state: SessionState, count: number): string {
  return `📜 ${name} (${state}) · last ${count} line${count === 1 ? '' : 's'}`;
}

export function formatTail(name: string, state: SessionState, tail: TailText): string {
  if (tail.count === 0) return `📜 ${name} (${state}) shows no output yet.`;
  // The screen verbatim (phone-markdown.ts): Claude's `*` and `- ` lines are not formatting.
  return [tailHeader(name, state, tail.count), ...codeBlock(tail.lines)].join('\n').trimEnd();
}
