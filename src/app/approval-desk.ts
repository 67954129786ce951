import { randomBytes } from 'node:crypto';
import type { TmuxClient } from '../adapters/tmux/tmux-client.js';
import type { HookEventContext } from '../adapters/hooks/hook-server.js';
import type { NotificationChannel } from '../adapters/channel/notification-channel.js';
import type { AuditLog } from '../adapters/store/audit-log.js';
import { alwaysAllowPermissions, type PermissionRequestEvent, type PermissionUpdate } from '../agents/claude-code/hook-events.js';
import type { ApprovalDecision, PendingApproval } from '../core/approvals/approval-types.js';
import { checkAnswer } from '../core/approvals/match-answer.js';
import { describeRememberedRules, hookDecisionFor } from '../core/approvals/answer-plan.js';
import { answerApprovalByKeys } from './dialog-driver.js';
import { denyWithReasonByKeys } from './deny-with-reason.js';
import { oneLineReason } from '../agents/claude-code/screen/dialog-feedback.js';
import { PLAN_TOOL, planApproval, planFromPrompt, planFromToolInput } from '../agents/claude-code/exit-plan.js';
import { isWingmanError } from '../core/errors.js';
import { evaluatePolicy, policyForSession, type PolicyConfig } from '../core/approvals/policy.js';
import { formatAnswered, formatAnsweredInTerminal, formatApprovalRequest, formatPolicyDecision } from '../core/approvals/format-approval.js';
import { toolCallDetail } from '../core/status/latest-activity.js';
import type { PendingPrompt } from '../core/session-state.js';
import type { ClaudeScreenReading } from '../agents/claude-code/screen/claude-screen.js';
import type { NoticeContext } from '../core/notify/tool-notices.js';
import { formatReminders } from '../core/notify/format-reminders.js';
import { fileBeforeWrite } from './file-before-write.js';
import { ASK_USER_QUESTION, parseQuestions, type Question } from '../core/questions/question.js';
import { matchChoices, type QuestionAnswer } from '../core/questions/match-choices.js';
import { updatedInputFor } from '../core/questions/question-answers.js';
import { formatQuestionAnswered, formatQuestionNotice, formatQuestionProgress, formatQuestionReminder } from '../core/questions/format-question.js';
import { isQuestionReview, shownQuestionIndex } from '../agents/claude-code/screen/question-picker.js';
import { answerOnScreen, auditNote, questionsFor } from './question-answering.js';

interface Entry {
  approval: PendingApproval;
  tmuxSession: string;
  ctx?: HookEventContext | undefined;
  suggestions: PermissionUpdate[];
  /** What the notices need beyond the prompt: the session's directory, a Write's file as it is. */
  notice: NoticeContext;
  /** AskUserQuestion: what it asks, and (hook only) the answers given so far. */
  question?: { questions: Question[]; answered: QuestionAnswer[]; /** false: only the tab on screen is known */ complete: boolean } | undefined;
}

export interface AnswerResult {
  ok: boolean;
  text: string;
}

/**
 * What observers of the desk hear (e.g. the OpenClaw approval bridge): a prompt was put to the user,
 * or a prompt the user was told about is no longer waiting. `by` is who settled it (`chat:+1555…`,
 * `terminal`, `exited`); `decision` is absent when it was not answered here.
 */
export type DeskEvent =
  | { type: 'opened'; approval: PendingApproval }
  | { type: 'settled'; approval: PendingApproval; by: string; decision?: ApprovalDecision | undefined };
export type DeskListener = (event: DeskEvent) => void;

export interface ApprovalDeskDeps {
  tmux: TmuxClient;
  channel: NotificationChannel;
  audit: AuditLog;
  detectScreen: (screen: string) => ClaudeScreenReading;
  policy?: PolicyConfig | undefined;
  now?: () => number;
  newId?: () => string;
}

/** Claude Code can keep an answered dialog drawn for a moment; the screen must not reopen it. */
const SETTLED_DIALOG_GRACE_MS = 10_000;

/** How long after a prompt closes a plain `approve NAME` might still have been meant for it. */
const AMBIGUOUS_REPLY_WINDOW_MS = 10_000;

/** Base32-ish, no look-alikes: short enough to type on a phone. */
export function newPromptId(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return [...randomBytes(4)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

/**
 * The prompts waiting for the user, and the one place answers are delivered: to the waiting
 * PermissionRequest hook when there is one, else as keys to the dialog on screen (after checking
 * it is still the same dialog). Every decision is audited; each prompt is answered at most once.
 */
export class ApprovalDesk {
  private readonly entries = new Map<string, Entry>();
  private readonly lastNotified = new Map<string, string>();
  private readonly noticesSinceAnswer = new Map<string, number>();
  /** The last prompt settled per session: its dialog may stay drawn for a moment after the answer. */
  private readonly settled = new Map<string, { tool: string; detail: string; atMs: number }>();
  private readonly now: () => number;
  private readonly newId: () => string;
  private readonly listeners = new Set<DeskListener>();

  constructor(private readonly deps: ApprovalDeskDeps) {
    this.now = deps.now ?? Date.now;
    this.newId = deps.newId ?? newPromptId;
  }

  /** Observes prompts opening and settling; returns the unsubscribe. Listeners must not block. */
  listen(listener: DeskListener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  pending(): PendingApproval[] {
    return [...this.entries.values()].map((entry) => entry.approval);
  }

  pendingFor(session: string): PendingApproval | undefined {
    return this.entries.get(session)?.approval;
  }

  /** A PermissionRequest hook is waiting: apply the policy, else notify and hold the hook open. */
  async openFromHook(session: string, tmuxSession: string, event: PermissionRequestEvent, ctx: HookEventContext): Promise<void> {
    const questions = event.tool_name === ASK_USER_QUESTION ? parseQuestions(event.tool_input) : undefined;
    if (questions) return this.openQuestion(session, tmuxSession, { questions, complete: true, input: event.tool_input, ctx });
    const detail = toolCallDetail(event.tool_name, event.tool_input);
    const notice = await noticeContext(event);
    const seen = this.entries.get(session);
    if (seen && !seen.ctx && seen.approval.tool === event.tool_name && sameDetail(seen.approval.detail, detail)) {
      // The screen poll saw this dialog first: same prompt, same id, no second notice.
      Object.assign(seen, { ctx, suggestions: alwaysAllowPermissions(event), notice });
      Object.assign(seen.approval, { via: 'hook', detail, input: event.tool_input, plan: planFromToolInput(event.tool_name, event.tool_input) ?? seen.approval.plan });
      ctx.onClose(() => void this.settleInTerminal(session, seen.approval.id));
      return;
    }
    const approval: PendingApproval = {
      id: this.newId(),
      session,
      tool: event.tool_name,
      detail,
      input: event.tool_input,
      plan: planFromToolInput(event.tool_name, event.tool_input),
      options: [],
      via: 'hook',
      createdAtMs: this.now(),
    };
    const entry: Entry = { approval, tmuxSession, ctx, suggestions: alwaysAllowPermissions(event), notice };
    if (await this.applyPolicy(entry)) return;
    this.entries.set(session, entry);
    ctx.onClose(() => void this.settleInTerminal(session, approval.id));
    await this.notify(entry);
  }

  /** A dialog is on screen with no hook behind it (sessions without hooks, older Claude versions). */
  async openFromScreen(session: string, tmuxSession: string, prompt: PendingPrompt): Promise<void> {
    const last = this.settled.get(session);
    if (last && this.now() - last.atMs < SETTLED_DIALOG_GRACE_MS && last.tool === prompt.tool && sameDetail(prompt.detail, last.detail)) return;
    const existing = this.entries.get(session);
    if (existing) {
      if (existing.approval.options.length === 0) existing.approval.options = prompt.options;
      return;
    }
    const approval: PendingApproval = { id: this.newId(), session, tool: prompt.tool, detail: prompt.detail, plan: planFromPrompt(prompt), options: prompt.options, via: 'screen', createdAtMs: this.now() };
    const entry: Entry = { approval, tmuxSession, suggestions: [], notice: {} };
    if (await this.applyPolicy(entry)) return;
    this.entries.set(session, entry);
    await this.notify(entry);
  }

  /** The screen no longer shows a dialog that only keys could answer: someone answered it there. */
  async screenCleared(session: string): Promise<void> {
    const entry = this.entries.get(session);
    if (entry?.approval.via === 'screen') await this.settleInTerminal(session, entry.approval.id);
  }

  /** `reason` (deny only): sent to Claude as what to do instead, through the hook or typed into the dialog. */
  async answer(session: string, decision: ApprovalDecision, id: string | undefined, by: string, reason?: string): Promise<AnswerResult> {
    if (decision !== 'deny') reason = undefined;
    const entry = this.entries.get(session);
    const check = checkAnswer(session, id, entry?.approval, this.lastNotified.get(session), this.noticesSinceAnswer.get(session) ?? 1);
    if (!check.ok || !entry) {
      await this.deps.audit.append({ session, tool: entry?.approval.tool ?? '', detail: entry?.approval.detail ?? '', decision: 'refused', by, via: 'hook', note: check.ok ? undefined : check.message, promptId: id, reason });
      return { ok: false, text: check.ok ? `Session '${session}' has no prompt waiting for an answer.` : check.message };
    }
    if (entry.question && decision !== 'deny') {
      await this.deps.audit.append({ session, tool: entry.approval.tool, detail: entry.approval.detail, decision: 'refused', by, via: entry.ctx ? 'hook' : 'keys', note: `${decision} on a question`, promptId: entry.approval.id });
      return { ok: false, text: `Session '${session}' asks a question, not for approval: reply answer ${session} with an option's number or label (or other: your text); deny ${session} cancels it.` };
    }
    const result = entry.ctx ? await this.answerHook(entry, decision, by, reason) : entry.question ? await this.cancelQuestionByKeys(entry, by) : await this.answerKeys(entry, decision, by, reason);
    if (result.ok) {
      this.close(entry.approval);
      this.noticesSinceAnswer.delete(session);
      this.emit({ type: 'settled', approval: entry.approval, by, decision });
    }
    return result;
  }

  /** A question asked on screen (no hook behind it): notified once, answered by keys. */
  async openQuestionFromScreen(session: string, tmuxSession: string, prompt: PendingPrompt, input: unknown): Promise<void> {
    if (this.entries.has(session) || isQuestionReview(prompt)) return;
    const last = this.settled.get(session);
    if (last && this.now() - last.atMs < SETTLED_DIALOG_GRACE_MS && sameDetail(prompt.detail, last.detail)) return;
    const asked = questionsFor(input, prompt);
    if (!asked) return;
    const { questions, complete } = asked;
    await this.openQuestion(session, tmuxSession, { questions, complete, input: complete ? (input as Record<string, unknown>) : undefined, from: shownQuestionIndex(questions, prompt.detail) ?? 0 });
  }

  /**
   * `answer NAME CHOICES`: the choices are matched against the questions asked; with a hook
   * waiting, answers are collected until every question has one and then sent as the hook's
   * `allow` with `updatedInput`; else they go in by keys (app/question-keys.ts).
   */
  async answerQuestion(session: string, choices: string, id: string | undefined, by: string): Promise<AnswerResult> {
    const entry = this.entries.get(session);
    const check = checkAnswer(session, id, entry?.approval, this.lastNotified.get(session), this.noticesSinceAnswer.get(session) ?? 1, 'answer');
    const refuse = async (text: string, note: string) => {
      await this.deps.audit.append({ session, tool: entry?.approval.tool ?? '', detail: entry?.approval.detail ?? '', decision: 'refused', by, via: entry?.ctx ? 'hook' : 'keys', note, promptId: id ?? entry?.approval.id });
      return { ok: false, text };
    };
    if (!check.ok || !entry) return refuse(check.ok ? `Session '${session}' has no question waiting for an answer.` : check.message, check.ok ? 'nothing pending' : check.message);
    if (!entry.question) return refuse(`Session '${session}' waits for approval, not an answer: reply approve ${session} or deny ${session}.`, 'answer on an approval');
    const { questions, answered, complete } = entry.question;
    const { approval } = entry;
    if (!entry.ctx) {
      const reading = await this.readScreen(entry);
      if (reading?.state !== 'waiting_answer' || !reading.prompt) return refuse(`Session '${session}' no longer shows that question; nothing was sent.`, 'not on screen');
      const result = await answerOnScreen({ tmux: this.deps.tmux, tmuxSession: entry.tmuxSession, session, detect: this.deps.detectScreen, prompt: reading.prompt, questions, complete, choices, id: approval.id });
      if (!result.ok) return result.pressed ? { ok: false, text: result.text } : refuse(result.text, result.text);
      await this.deps.audit.append({ session, tool: approval.tool, detail: approval.detail, decision: 'answer', by, via: 'keys', note: auditNote(questions, result.answers, result.from), promptId: approval.id });
      if (result.submitted || result.from + result.answers.length >= questions.length) {
        this.close(approval);
        this.noticesSinceAnswer.delete(session);
      }
      return { ok: true, text: result.text };
    }
    const match = matchChoices(questions, choices, answered.length);
    if (!match.ok) return refuse(`Session '${session}': ${match.message}`, match.message);
    const all = [...answered, ...match.answers];
    if (all.length < questions.length) {
      entry.question.answered = all;
      return { ok: true, text: formatQuestionProgress({ session, id: approval.id, questions, from: all.length, answered: match.answers }) };
    }
    if (!entry.ctx.respond({ behavior: 'allow', updatedInput: updatedInputFor(approval.input ?? {}, questions, all) })) {
      return { ok: false, text: `Session '${session}': that question was already answered or withdrawn; nothing was sent.` };
    }
    await this.deps.audit.append({ session, tool: approval.tool, detail: approval.detail, decision: 'answer', by, via: 'hook', note: auditNote(questions, all, 0), promptId: approval.id });
    this.close(approval);
    this.noticesSinceAnswer.delete(session);
    return { ok: true, text: formatQuestionAnswered(session, questions, all) };
  }

  private async openQuestion(session: string, tmuxSession: string, asked: { questions: Question[]; complete: boolean; input?: Record<string, unknown> | undefined; ctx?: HookEventContext; from?: number }): Promise<void> {
    const seen = this.entries.get(session);
    if (seen?.question && !seen.ctx && asked.ctx) {
      // The screen saw this picker first: same prompt, same id, no second notice.
      Object.assign(seen, { ctx: asked.ctx, question: { questions: asked.questions, answered: [], complete: true } });
      Object.assign(seen.approval, { via: 'hook', tool: ASK_USER_QUESTION, input: asked.input });
      asked.ctx.onClose(() => void this.settleInTerminal(session, seen.approval.id));
      return;
    }
    const approval: PendingApproval = {
      id: this.newId(),
      session,
      tool: asked.ctx ? ASK_USER_QUESTION : 'question',
      detail: asked.questions[asked.from ?? 0]?.question ?? asked.questions[0]!.question,
      input: asked.input,
      options: [],
      via: asked.ctx ? 'hook' : 'screen',
      createdAtMs: this.now(),
    };
    const entry: Entry = { approval, tmuxSession, ctx: asked.ctx, suggestions: [], notice: {}, question: { questions: asked.questions, answered: [], complete: asked.complete } };
    this.entries.set(session, entry);
    if (asked.ctx) asked.ctx.onClose(() => void this.settleInTerminal(session, approval.id));
    await this.notify(entry, asked.from);
  }

  /** `deny` on a question without a hook: Esc cancels the picker, if it still shows that question. */
  private async cancelQuestionByKeys(entry: Entry, by: string): Promise<AnswerResult> {
    const { approval } = entry;
    const reading = await this.readScreen(entry);
    const questions = entry.question?.questions ?? [];
    if (reading?.state !== 'waiting_answer' || !reading.prompt || (!isQuestionReview(reading.prompt) && shownQuestionIndex(questions, reading.prompt.detail) === undefined)) {
      return { ok: false, text: `Session '${approval.session}' no longer shows that question; nothing was sent.` };
    }
    await this.deps.tmux.sendKeys(entry.tmuxSession, ['Escape']);
    await this.deps.audit.append({ session: approval.session, tool: approval.tool, detail: approval.detail, decision: 'deny', by, via: 'keys', promptId: approval.id });
    return { ok: true, text: formatAnswered(approval.session, 'deny') };
  }

  /**
   * Once a prompt has waited `intervalMs` since its last notice, one reminder lists it with every
   * other prompt whose last notice is at least half that old: sessions that asked at nearly the
   * same time share a reminder (and from then on a rhythm) instead of sending one message each;
   * one notified moments ago is still fresh on the phone and waits for the next round.
   */
  async remind(intervalMs: number): Promise<void> {
    const now = this.now();
    const sinceNotice = (entry: Entry) => now - (entry.approval.remindedAtMs ?? entry.approval.notifiedAtMs ?? entry.approval.createdAtMs);
    const entries = [...this.entries.values()];
    if (!entries.some((entry) => sinceNotice(entry) >= intervalMs)) return;
    const due = entries.filter((entry) => sinceNotice(entry) >= intervalMs / 2);
    for (const entry of due) entry.approval.remindedAtMs = now;
    const waited = (entry: Entry) => now - entry.approval.createdAtMs;
    if (due.length === 1 && due[0]!.question) {
      await this.deps.channel.send(formatQuestionReminder(this.questionNotice(due[0]!), waited(due[0]!)));
      return;
    }
    await this.deps.channel.send(
      formatReminders(
        due.map((entry) => ({
          approval: entry.approval,
          waitedMs: waited(entry),
          context: entry.notice,
          ...(entry.question ? { summary: `asks: ${entry.approval.detail}`, replies: `answer ${entry.approval.session} CHOICE · deny ${entry.approval.session}` } : {}),
        })),
      ),
    );
  }

  /** Forgets a session's prompt (the session exited). */
  drop(session: string): void {
    const entry = this.entries.get(session);
    this.entries.delete(session);
    if (entry) this.emit({ type: 'settled', approval: entry.approval, by: 'exited' });
  }

  private async answerHook(entry: Entry, decision: ApprovalDecision, by: string, reason?: string): Promise<AnswerResult> {
    const { approval } = entry;
    const plan = approval.tool === PLAN_TOOL && decision !== 'deny' ? planApproval(approval.input ?? {}) : hookDecisionFor(decision, entry.suggestions, reason);
    if ('error' in plan) {
      // Claude suggested no rule; the dialog's own "always" option, if it has one, still works.
      const reading = await this.readScreen(entry);
      if (reading?.state === 'waiting_approval' && reading.prompt) {
        entry.approval.options = reading.prompt.options;
        return this.answerKeys(entry, decision, by);
      }
      return { ok: false, text: plan.error };
    }
    if (!entry.ctx!.respond(plan)) return { ok: false, text: `Session '${approval.session}': that prompt was already answered or withdrawn; nothing was sent.` };
    await this.deps.audit.append({ session: approval.session, tool: approval.tool, detail: approval.detail, decision, by, via: 'hook', promptId: approval.id, reason });
    return { ok: true, text: formatAnswered(approval.session, decision, decision === 'always' ? describeRememberedRules(entry.suggestions) : undefined, reason) };
  }

  private async answerKeys(entry: Entry, decision: ApprovalDecision, by: string, reason?: string): Promise<AnswerResult> {
    const { approval } = entry;
    const reading = await this.readScreen(entry);
    // Keys go only to the very dialog the user was told about.
    if (reading?.state !== 'waiting_approval' || !reading.prompt || reading.prompt.tool !== approval.tool || !sameDetail(reading.prompt.detail, approval.detail)) {
      return { ok: false, text: `Session '${approval.session}' no longer shows that prompt; nothing was sent.` };
    }
    const target = {
      tmux: this.deps.tmux,
      tmuxSession: entry.tmuxSession,
      label: approval.session,
      detect: this.deps.detectScreen,
      isSamePrompt: (prompt: PendingPrompt) => prompt.tool === approval.tool && sameDetail(prompt.detail, approval.detail),
    };
    // Typed into a one-line box, the reason is what Claude gets: that is what the audit shows.
    if (reason !== undefined) reason = oneLineReason(reason);
    try {
      if (reason !== undefined) await denyWithReasonByKeys({ ...target, reason });
      else await answerApprovalByKeys({ ...target, decision });
    } catch (error) {
      if (isWingmanError(error)) return { ok: false, text: error.message };
      throw error;
    }
    await this.deps.audit.append({ session: approval.session, tool: approval.tool, detail: approval.detail, decision, by, via: 'keys', promptId: approval.id, reason });
    const always = reading.prompt.options.find((option) => option.kind === 'always')?.label;
    return { ok: true, text: formatAnswered(approval.session, decision, decision === 'always' ? always : undefined, reason) };
  }

  private async applyPolicy(entry: Entry): Promise<boolean> {
    const verdict = evaluatePolicy(policyForSession(this.deps.policy, entry.approval.session), entry.approval.tool, entry.approval.detail);
    if (!verdict) return false;
    const decision: ApprovalDecision = verdict.decision === 'allow' ? 'approve' : 'deny';
    const by = `policy:${verdict.rule}`;
    const result = entry.ctx ? await this.answerHook(entry, decision, by) : await this.answerKeys(entry, decision, by);
    if (!result.ok) return false;
    this.close(entry.approval);
    await this.deps.channel.send(formatPolicyDecision(entry.approval, verdict.decision, verdict.rule));
    return true;
  }

  private close(approval: PendingApproval): void {
    if (this.entries.get(approval.session)?.approval.id === approval.id) this.entries.delete(approval.session);
    this.settled.set(approval.session, { tool: approval.tool, detail: approval.detail, atMs: this.now() });
  }

  private questionNotice(entry: Entry, from?: number) {
    return { session: entry.approval.session, id: entry.approval.id, questions: entry.question?.questions ?? [], from: from ?? entry.question?.answered.length ?? 0 };
  }

  private async notify(entry: Entry, from?: number): Promise<void> {
    const { session } = entry.approval;
    entry.approval.notifiedAtMs = this.now();
    this.lastNotified.set(session, entry.approval.id);
    // An earlier prompt settled long enough ago (and announced as such) no longer makes a plain
    // answer ambiguous; one settled moments ago still might, if the reply was typed for it.
    const last = this.settled.get(session);
    const earlier = last && this.now() - last.atMs < AMBIGUOUS_REPLY_WINDOW_MS ? (this.noticesSinceAnswer.get(session) ?? 0) : 0;
    this.noticesSinceAnswer.set(session, earlier + 1);
    await this.deps.channel.send(entry.question ? formatQuestionNotice(this.questionNotice(entry, from)) : formatApprovalRequest(entry.approval, entry.notice));
    // Questions have no allow/deny surface in OpenClaw: they are answered with `answer`.
    if (!entry.question) this.emit({ type: 'opened', approval: entry.approval });
  }

  private emit(event: DeskEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // An observer's failure is its own; the desk goes on.
      }
    }
  }

  private async settleInTerminal(session: string, id: string): Promise<void> {
    const entry = this.entries.get(session);
    if (!entry || entry.approval.id !== id) return;
    this.close(entry.approval);
    const { approval } = entry;
    await this.deps.audit.append({ session, tool: approval.tool, detail: approval.detail, decision: 'answered_in_terminal', by: 'terminal', via: 'terminal', promptId: id });
    this.emit({ type: 'settled', approval, by: 'terminal' });
    await this.deps.channel.send(formatAnsweredInTerminal(approval));
  }

  private async readScreen(entry: Entry): Promise<ClaudeScreenReading | undefined> {
    const screen = await this.deps.tmux.capturePane(entry.tmuxSession).catch(() => undefined);
    return screen === undefined ? undefined : this.deps.detectScreen(screen);
  }
}

async function noticeContext(event: PermissionRequestEvent): Promise<NoticeContext> {
  return { cwd: event.cwd, before: await fileBeforeWrite(event.tool_name, event.tool_input, event.cwd) };
}

/** The screen may wrap or truncate what the hook reported in full. */
function sameDetail(shown: string, expected: string): boolean {
  const norm = (text: string) => text.replace(/\s+/g, ' ').replace(/…$/, '').trim();
  const a = norm(shown);
  const b = norm(expected);
  return a === b || (a.length >= 8 && b.startsWith(a)) || (b.length >= 8 && a.startsWith(b));
}
