import type { TranscriptSummary } from '../../agents/claude-code/transcript.js';
import type { Renderer, SessionRecord } from '../session-record.js';
import type { SessionMode } from '../session-mode.js';
import type { PendingPrompt, SessionState } from '../session-state.js';
import type { DerivedState } from './derive-state.js';
import type { HookTimeline } from './hook-timeline.js';
import { describeToolCall, detectLatestActivity, toolCallDetail } from './latest-activity.js';
import { detectTestProgress } from './test-progress.js';

/** Everything `wingman status NAME` reports; also the JSON the agent tools return. */
export interface SessionStatus {
  name: string;
  state: SessionState;
  directory: string;
  started: string;
  lastActivity: string;
  /** The last prompt given to the session. */
  currentTask?: string | undefined;
  /** `Running: npm test`. */
  latestActivity?: string | undefined;
  /** `8/10 passing`, from the latest test run in the output. */
  progress?: string | undefined;
  /** Claude's latest answer text. */
  lastAnswer?: string | undefined;
  pendingPrompt?: PendingPrompt | undefined;
  /** `waiting_answer`: the AskUserQuestion input asked (from the hook, else the transcript), when known. */
  pendingQuestion?: Record<string, unknown> | undefined;
  /** Why the latest turn failed, when state is `error`. */
  error?: string | undefined;
  /** Why the screen could not be read, when state is `unknown`. */
  unreadable?: string | undefined;
  claudeSessionId?: string | undefined;
  /** How the session handles permission prompts (`manual`, `auto`, ...), as launched. */
  permissionMode?: SessionMode | undefined;
  /** The Claude Code release it runs, when known. */
  claudeVersion?: string | undefined;
  /** `fullscreen` or `inline`: the renderer Claude Code was told to use. */
  renderer?: Renderer | undefined;
  /** The branch of the session's own worktree (`spawn --worktree`). */
  branch?: string | undefined;
  /** That worktree's path. */
  worktree?: string | undefined;
  /** The worktree has uncommitted changes; set by listings (it takes a `git status`), absent when unknown. */
  dirty?: boolean | undefined;
  /** How its hook events reach wingman (`mcp` or `command`), as launched; absent without hooks. */
  hookTransport?: SessionRecord['hookTransport'];
  tmuxSession: string;
  /** Which signal decided the state: the process, the screen or a hook. */
  source: DerivedState['source'];
}

export interface StatusInputs {
  record: SessionRecord;
  derived: DerivedState;
  timeline?: HookTimeline | undefined;
  /** Claude Code's transcript, read first: it keeps what a full-screen UI has no scrollback for. */
  transcript?: TranscriptSummary | undefined;
  /** Plain screen lines with some scrollback, for activity and test progress without hooks. */
  screenLines?: readonly string[] | undefined;
  /** The `API Error: …` line the screen shows for the latest turn, if any. */
  screenError?: string | undefined;
  /** The screen reader's reason when it did not recognise the screen. */
  screenUnreadable?: string | undefined;
}

export function buildSessionStatus({ record, derived, timeline, transcript, screenLines = [], screenError, screenUnreadable }: StatusInputs): SessionStatus {
  const lastEventAt = timeline?.lastEvent ? new Date(timeline.lastEvent.atMs).toISOString() : undefined;
  const lastActivity = lastEventAt && lastEventAt > record.lastActivityAt ? lastEventAt : record.lastActivityAt;
  const pendingPrompt = derived.prompt ?? pendingFromHook(derived.state, timeline);
  // A tool call from before the latest prompt says nothing about the turn running now.
  const promptAt = timeline?.lastPrompt?.atMs;
  const toolCall = timeline?.lastToolCall && (promptAt === undefined || timeline.lastToolCall.atMs >= promptAt) ? timeline.lastToolCall : undefined;
  let latestActivity = transcript?.latestActivity ?? (toolCall ? describeToolCall(toolCall.tool, toolCall.input) : detectLatestActivity(screenLines));
  if (derived.state === 'waiting_approval' && pendingPrompt) latestActivity = `Waiting for approval: ${pendingPrompt.tool}(${pendingPrompt.detail})`;
  const fromTranscript = [...(transcript?.bashOutputs ?? [])].reverse().map(detectTestProgress).find((found) => found !== undefined);
  const progress = fromTranscript ?? detectTestProgress(timeline?.lastBashOutput ?? '') ?? detectTestProgress(screenLines.join('\n'));
  return {
    name: record.name,
    state: derived.state,
    directory: record.workdir,
    started: record.createdAt,
    lastActivity,
    currentTask: transcript?.lastPrompt ?? timeline?.lastPrompt?.text ?? record.lastPrompt,
    latestActivity,
    progress: progress?.summary,
    lastAnswer: transcript?.lastAnswer ?? timeline?.lastAnswer,
    pendingPrompt,
    pendingQuestion: derived.state === 'waiting_answer' ? pendingQuestionOf(timeline, transcript) : undefined,
    error: derived.state === 'error' ? (timeline?.failure?.message ?? screenError ?? timeline?.failure?.error ?? 'The latest turn ended with an API error.') : undefined,
    unreadable: derived.state === 'unknown' ? (screenUnreadable ?? 'the screen could not be read') : undefined,
    claudeSessionId: timeline?.claudeSessionId ?? record.claudeSessionId,
    permissionMode: record.permissionMode,
    claudeVersion: record.claudeVersion,
    renderer: record.renderer,
    ...(record.worktree ? { branch: record.worktree.branch, worktree: record.worktree.path } : {}),
    hookTransport: record.hookTransport,
    tmuxSession: record.tmuxSession,
    source: derived.source,
  };
}

function pendingQuestionOf(timeline: HookTimeline | undefined, transcript: TranscriptSummary | undefined): Record<string, unknown> | undefined {
  const open = timeline?.openPermission;
  return open?.tool === 'AskUserQuestion' ? open.input : transcript?.openQuestion;
}

function pendingFromHook(state: SessionState, timeline: HookTimeline | undefined): PendingPrompt | undefined {
  const open = timeline?.openPermission;
  if (state !== 'waiting_approval' || !open) return undefined;
  return { tool: open.tool, detail: toolCallDetail(open.tool, open.input), options: [] };
}
