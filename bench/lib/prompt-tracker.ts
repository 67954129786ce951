import { toPlainText } from '../../src/core/notify/phone-markdown.js';
import { roundSummary } from './measure.js';
import { summarise, type Summary } from './stats.js';

/** One permission prompt's life: drawn → notified → answered → tool started. Epoch ms. */
export interface PromptRecord {
  seq: string;
  session: string;
  sentAt?: number;
  drawnAt?: number;
  notifiedAt?: number;
  notifications: number;
  promptId?: string;
  /** When the reply reached the monitor (wingman: inside the monitor process; baseline: when its answer script ran). */
  replyAt?: number;
  answerOk?: boolean;
  answerText?: string;
  toolStartedAt?: number;
  /** Real Claude Code: when it started the tool's shell (the CLAUDE_CODE_SHELL wrapper's time stamp). */
  shellStartedAt?: number;
  startedVia?: string;
  /** Answers the agent received: hook decisions, keys while the dialog was open, and keys after it closed. */
  answers: number;
  hookDecision?: string;
  hookMs?: number;
  /**
   * When the hook handed the agent the decision: the fake agent's hook process printed it (the agent
   * acts when it has exited), or real Claude Code's MCP hook server returned it (its decision line).
   */
  hookOutputAt?: number;
  /** When the PermissionRequest hook process had read the event (its `at` in events.jsonl): its start-up is done. */
  forwarderAt?: number;
  /**
   * When Claude Code invoked the PermissionRequest hook: the MCP hook server's receipt of the call
   * (`mcp`), or the forwarder process's start (`command`, its performance.timeOrigin: a few ms after
   * Claude spawned `sh -c exec node …`).
   */
  hookInvokedAt?: number;
  denied?: boolean;
  timedOut?: boolean;
}

export interface PhaseStats {
  prompts: number;
  drawn: number;
  notified: number;
  toolStarted: number;
  notificationMs: Summary;
  answerMs: Summary;
  /** Prompts whose notification never came, or whose tool never started after the reply. */
  missed: number;
  missedDetail: string[];
  /** Prompts the agent received more than one answer for. */
  answeredTwice: number;
  /** Prompts notified more than once (not an answer, but noise on the phone). */
  notifiedTwice: number;
  refusedAnswers: string[];
  unmatchedNotifications: string[];
  /** Other channel messages (state announcements, reminders, "answered in the terminal" …), counted by kind. */
  otherMessages: Record<string, number>;
  durationMs: number;
  /** How long the PermissionRequest hook process ran, start to exit (wingman: includes the wait for the answer). */
  hookProcessMs?: Summary;
  /** Notification latency split: dialog drawn → hook process has read the event (node start-up), and → notice sent. */
  forwarderStartMs?: Summary;
  relayMs?: Summary;
  /** Hook invoked → notice handed to the channel; and hook invoked → dialog drawn (> 0: the hook fired first). */
  fromHookMs?: Summary;
  hookBeforeDrawnMs?: Summary;
  /** Answer latency split: reply at the monitor → decision printed by the hook process, and → the hook process exited (tool starts). */
  replyToOutputMs?: Summary;
  outputToStartMs?: Summary;
  /** Real Claude Code: reply → it started the tool's shell, decision handed over → that, and shell start → the command ran. */
  replyToShellMs?: Summary;
  decisionToShellMs?: Summary;
  shellToStartMs?: Summary;
}

export class PromptTracker {
  readonly records = new Map<string, PromptRecord>();
  readonly unmatched: string[] = [];
  readonly other: Record<string, number> = {};
  private readonly started = Date.now();

  add(seq: string, session: string): PromptRecord {
    const record: PromptRecord = { seq, session, notifications: 0, answers: 0 };
    this.records.set(seq, record);
    return record;
  }

  get(seq: string | undefined): PromptRecord | undefined {
    return seq === undefined ? undefined : this.records.get(seq);
  }

  /** Returns the record when this is its first notification (time to answer it). */
  notified(seq: string | undefined, t: number, text: string): PromptRecord | undefined {
    const record = this.get(seq);
    if (!record) {
      this.unmatched.push(text.slice(0, 200));
      return undefined;
    }
    record.notifications += 1;
    if (record.notifications > 1) return undefined;
    record.notifiedAt = t;
    return record;
  }

  otherMessage(text: string): void {
    const kind = [...text][0] === '🔒' ? 'approval (unmatched)' : (text.split(/\s/)[0] ?? '?');
    this.other[kind] = (this.other[kind] ?? 0) + 1;
  }

  result(): PhaseStats {
    const records = [...this.records.values()];
    const notification: number[] = [];
    const answer: number[] = [];
    const hookMs: number[] = [];
    const forwarderStart: number[] = [];
    const relay: number[] = [];
    const replyToOutput: number[] = [];
    const outputToStart: number[] = [];
    const fromHook: number[] = [];
    const replyToShell: number[] = [];
    const decisionToShell: number[] = [];
    const shellToStart: number[] = [];
    const hookBeforeDrawn: number[] = [];
    const missedDetail: string[] = [];
    for (const record of records) {
      if (record.drawnAt !== undefined && record.notifiedAt !== undefined) notification.push(record.notifiedAt - record.drawnAt);
      if (record.replyAt !== undefined && record.toolStartedAt !== undefined) answer.push(record.toolStartedAt - record.replyAt);
      if (record.hookMs !== undefined) hookMs.push(record.hookMs);
      if (record.forwarderAt !== undefined && record.drawnAt !== undefined) forwarderStart.push(record.forwarderAt - record.drawnAt);
      if (record.forwarderAt !== undefined && record.notifiedAt !== undefined) relay.push(record.notifiedAt - record.forwarderAt);
      if (record.hookInvokedAt !== undefined && record.notifiedAt !== undefined) fromHook.push(record.notifiedAt - record.hookInvokedAt);
      if (record.hookInvokedAt !== undefined && record.drawnAt !== undefined) hookBeforeDrawn.push(record.drawnAt - record.hookInvokedAt);
      if (record.hookOutputAt !== undefined && record.replyAt !== undefined && record.toolStartedAt !== undefined && record.startedVia === 'hook') {
        replyToOutput.push(record.hookOutputAt - record.replyAt);
        outputToStart.push(record.toolStartedAt - record.hookOutputAt);
      }
      // Only a shell started after the reply is the answer's (a key typed early is not this prompt's answer).
      if (record.shellStartedAt !== undefined && record.replyAt !== undefined && record.toolStartedAt !== undefined && record.answers === 1) {
        replyToShell.push(record.shellStartedAt - record.replyAt);
        shellToStart.push(record.toolStartedAt - record.shellStartedAt);
        if (record.hookOutputAt !== undefined && record.startedVia === 'hook') decisionToShell.push(record.shellStartedAt - record.hookOutputAt);
      }
      if (record.drawnAt === undefined) missedDetail.push(`${record.seq}: dialog never drawn${record.timedOut ? ' (timed out)' : ''}`);
      else if (record.notifiedAt === undefined) missedDetail.push(`${record.seq}: never notified`);
      else if (record.toolStartedAt === undefined) missedDetail.push(`${record.seq}: notified, tool never started (${record.answerOk === false ? `reply refused: ${record.answerText}` : record.denied ? 'denied' : 'no effect'})`);
    }
    return {
      prompts: records.length,
      drawn: records.filter((record) => record.drawnAt !== undefined).length,
      notified: records.filter((record) => record.notifiedAt !== undefined).length,
      toolStarted: records.filter((record) => record.toolStartedAt !== undefined).length,
      notificationMs: roundSummary(summarise(notification)),
      answerMs: roundSummary(summarise(answer)),
      missed: missedDetail.length,
      missedDetail: missedDetail.slice(0, 20),
      answeredTwice: records.filter((record) => record.answers > 1).length,
      notifiedTwice: records.filter((record) => record.notifications > 1).length,
      refusedAnswers: records.filter((record) => record.answerOk === false).map((record) => `${record.seq}: ${record.answerText}`).slice(0, 20),
      unmatchedNotifications: this.unmatched.slice(0, 20),
      otherMessages: this.other,
      durationMs: Date.now() - this.started,
      ...(hookMs.length ? { hookProcessMs: roundSummary(summarise(hookMs)) } : {}),
      ...(forwarderStart.length ? { forwarderStartMs: roundSummary(summarise(forwarderStart)) } : {}),
      ...(relay.length ? { relayMs: roundSummary(summarise(relay)) } : {}),
      ...(fromHook.length ? { fromHookMs: roundSummary(summarise(fromHook)), hookBeforeDrawnMs: roundSummary(summarise(hookBeforeDrawn)) } : {}),
      ...(replyToOutput.length ? { replyToOutputMs: roundSummary(summarise(replyToOutput)), outputToStartMs: roundSummary(summarise(outputToStart)) } : {}),
      ...(replyToShell.length ? { replyToShellMs: roundSummary(summarise(replyToShell)), shellToStartMs: roundSummary(summarise(shellToStart)) } : {}),
      ...(decisionToShell.length ? { decisionToShellMs: roundSummary(summarise(decisionToShell)) } : {}),
    };
  }
}

/**
 * The hook's times from a session's events log onto its prompts: when the hook was invoked, and
 * (MCP hook server) when it handed the agent the decision, for a prompt whose tool started.
 */
export async function recordHookTimes(tracker: PromptTracker, eventsFile: string, commandToSeq: (command: string) => string | undefined): Promise<void> {
  for (const [seq, times] of await readHookTimes(eventsFile, commandToSeq)) {
    const record = tracker.get(seq);
    if (!record) continue;
    Object.assign(record, { forwarderAt: times.at, hookInvokedAt: times.startedAt ?? times.at });
    if (times.decidedAt !== undefined && record.toolStartedAt !== undefined) Object.assign(record, { hookOutputAt: times.decidedAt, startedVia: 'hook' });
  }
}

/** `🔒 Session 'NAME' needs approval [ID]` + `Tool(detail)`: the monitor's approval notice. */
export function parseApprovalNotice(text: string): { session: string; id: string; tool: string; detail: string } | undefined {
  // The call is a Markdown code block (phone-markdown.ts): read it as the terminal shows it.
  const match = /^🔒 Session '([^']+)' needs approval \[(\w+)\]\n(\w+)\((.*)\)/u.exec(toPlainText(text));
  if (!match) return undefined;
  return { session: match[1]!, id: match[2]!, tool: match[3]!, detail: match[4]! };
}

/** Deterministic pseudo-random numbers, so runs schedule prompts the same way. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The hook forwarder logs `{at, event}` per event to the session's events.jsonl as soon as it has
 * read the event: for PermissionRequest that is when its start-up is over.
 */
export async function readForwarderTimes(eventsFile: string, commandToSeq: (command: string) => string | undefined): Promise<Map<string, number>> {
  return new Map([...(await readHookTimes(eventsFile, commandToSeq))].map(([seq, times]) => [seq, times.at]));
}

/**
 * As readForwarderTimes, with the forwarder's process start (`startedAt`) when it logged one, and
 * when the MCP hook server handed the decision back (`decidedAt`: its `{at, requestAt, decision}`
 * line, whose requestAt is the PermissionRequest line's `at`).
 */
export async function readHookTimes(eventsFile: string, commandToSeq: (command: string) => string | undefined): Promise<Map<string, { at: number; startedAt?: number; decidedAt?: number }>> {
  const times = new Map<string, { at: number; startedAt?: number; decidedAt?: number }>();
  const byRequestAt = new Map<number, { at: number; decidedAt?: number }>();
  let text = '';
  try {
    text = await (await import('node:fs/promises')).readFile(eventsFile, 'utf8');
  } catch {
    return times;
  }
  for (const line of text.split('\n')) {
    if (!line.includes('"PermissionRequest"')) continue;
    try {
      const { at, startedAt, requestAt, event, decision } = JSON.parse(line) as { at: number; startedAt?: number; requestAt?: number; event?: { hook_event_name?: string; tool_input?: { command?: string } }; decision?: unknown };
      if (decision !== undefined) {
        const request = requestAt === undefined ? undefined : byRequestAt.get(requestAt);
        if (request && request.decidedAt === undefined) request.decidedAt = at;
        continue;
      }
      const seq = event?.hook_event_name === 'PermissionRequest' && event.tool_input?.command ? commandToSeq(event.tool_input.command) : undefined;
      if (seq && !times.has(seq)) {
        const entry = { at, ...(startedAt !== undefined ? { startedAt } : {}) };
        times.set(seq, entry);
        byRequestAt.set(at, entry);
      }
    } catch {
      // a cut line
    }
  }
  return times;
}
