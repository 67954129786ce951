import type { HookEvent } from '../../agents/claude-code/hook-events.js';

/** One hook event as the forwarder recorded it. */
export interface TimedHookEvent {
  atMs: number;
  event: HookEvent;
}

export interface ToolCall {
  tool: string;
  input: Record<string, unknown>;
  atMs: number;
}

/** What the hook events say about a session, reduced to the facts the state rules need. */
export interface HookTimeline {
  lastEvent?: { name: HookEvent['hook_event_name']; atMs: number };
  /** A PermissionRequest that no later event has settled. */
  openPermission?: ToolCall & { suggestions: unknown[] };
  /** The latest turn ended with an API error (StopFailure) and nothing started since. */
  failure?: { error: string; message?: string | undefined; atMs: number };
  lastToolCall?: ToolCall;
  /** Output of the latest finished Bash call, for test progress. */
  lastBashOutput?: string;
  lastPrompt?: { text: string; atMs: number };
  /** Claude's text at the latest Stop. */
  lastAnswer?: string;
  claudeSessionId?: string;
  /** Claude Code's transcript file, as the latest event names it. */
  transcriptPath?: string;
  ended?: { reason: string; atMs: number };
}

/** Folds events (oldest first) into a timeline. */
export function buildHookTimeline(events: readonly TimedHookEvent[]): HookTimeline {
  const timeline: HookTimeline = {};
  for (const { atMs, event } of events) {
    timeline.lastEvent = { name: event.hook_event_name, atMs };
    timeline.claudeSessionId = event.session_id;
    timeline.transcriptPath = event.transcript_path;
    switch (event.hook_event_name) {
      case 'SessionStart':
        delete timeline.ended;
        break;
      case 'UserPromptSubmit':
        timeline.lastPrompt = { text: event.prompt, atMs };
        delete timeline.failure;
        delete timeline.openPermission;
        break;
      case 'PreToolUse':
        timeline.lastToolCall = { tool: event.tool_name, input: event.tool_input, atMs };
        break;
      case 'PermissionRequest':
        timeline.openPermission = { tool: event.tool_name, input: event.tool_input, atMs, suggestions: event.permission_suggestions ?? [] };
        timeline.lastToolCall = { tool: event.tool_name, input: event.tool_input, atMs };
        break;
      case 'PostToolUse':
        delete timeline.openPermission;
        if (event.tool_name === 'Bash') timeline.lastBashOutput = bashOutput(event.tool_response);
        break;
      case 'PostToolUseFailure':
        delete timeline.openPermission;
        break;
      case 'Stop':
        delete timeline.openPermission;
        if (event.last_assistant_message) timeline.lastAnswer = event.last_assistant_message;
        break;
      case 'StopFailure':
        delete timeline.openPermission;
        timeline.failure = { error: event.error, message: event.last_assistant_message, atMs };
        break;
      case 'SessionEnd':
        delete timeline.openPermission;
        timeline.ended = { reason: event.reason, atMs };
        break;
      case 'Notification':
        break;
    }
  }
  return timeline;
}

function bashOutput(response: unknown): string | undefined {
  if (typeof response !== 'object' || response === null) return undefined;
  const { stdout, stderr } = response as { stdout?: unknown; stderr?: unknown };
  const parts = [stdout, stderr].filter((part): part is string => typeof part === 'string' && part.length > 0);
  return parts.length > 0 ? parts.join('\n') : undefined;
}
