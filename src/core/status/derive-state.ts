import type { PendingPrompt, SessionState } from '../session-state.js';
import type { HookTimeline } from './hook-timeline.js';

/**
 * A hook this recent outranks a screen that disagrees: the screen is captured on a timer and
 * may not have redrawn yet (a dialog appears ±0.1 s around its PermissionRequest hook).
 */
export const HOOK_FRESH_MS = 3_000;

export interface ScreenFacts {
  state: SessionState;
  prompt?: PendingPrompt | undefined;
  /** The last turn on screen ended with `● API Error: …`. */
  apiError?: boolean | undefined;
}

export interface StateInputs {
  nowMs: number;
  /** tmux session present and its pane's process alive. */
  alive: boolean;
  screen?: ScreenFacts | undefined;
  hooks?: HookTimeline | undefined;
}

export interface DerivedState {
  state: SessionState;
  /** Which signal decided: for debugging and for the monitor's trust in the result. */
  source: 'process' | 'screen' | 'hook';
  prompt?: PendingPrompt | undefined;
}

/**
 * Combines the three signals. Process death is final; a dialog on screen is the live truth (a deny
 * or an Esc fires no hook, so only the screen knows it went away); fresh hooks cover screen lag;
 * hooks tell an API-error ending from a normal one; sessions without hooks rely on the screen.
 */
export function deriveSessionState({ nowMs, alive, screen, hooks }: StateInputs): DerivedState {
  if (!alive) return { state: 'exited', source: 'process' };
  if (screen?.state === 'exited') return { state: 'exited', source: 'screen' };
  if (hooks?.ended && (!hooks.lastEvent || hooks.lastEvent.name === 'SessionEnd')) return { state: 'exited', source: 'hook' };

  const fresh = (atMs: number | undefined) => atMs !== undefined && nowMs - atMs <= HOOK_FRESH_MS;

  if (screen && (screen.state === 'waiting_trust' || screen.state === 'waiting_approval' || screen.state === 'waiting_answer')) {
    return { state: screen.state, source: 'screen', prompt: screen.prompt };
  }
  if (hooks?.openPermission && fresh(hooks.openPermission.atMs) && screen?.state !== 'idle') {
    return { state: waitingFor(hooks.openPermission.tool), source: 'hook' };
  }
  if (screen?.state === 'working') return { state: 'working', source: 'screen' };
  if (screen?.state === 'idle') {
    if (hooks?.failure || screen.apiError) return { state: 'error', source: hooks?.failure ? 'hook' : 'screen' };
    const last = hooks?.lastEvent;
    if (last && fresh(last.atMs) && (last.name === 'UserPromptSubmit' || last.name === 'PreToolUse' || last.name === 'PostToolUse')) {
      return { state: 'working', source: 'hook' };
    }
    return { state: 'idle', source: 'screen' };
  }
  return fromHooksOnly(hooks, screen?.state ?? 'unknown');
}

/** A PermissionRequest for AskUserQuestion waits for an answer, any other for an approval. */
const waitingFor = (tool: string): SessionState => (tool === 'AskUserQuestion' ? 'waiting_answer' : 'waiting_approval');

/** No readable screen (starting, redrawing, an unknown UI): the last hook is the best evidence. */
function fromHooksOnly(hooks: HookTimeline | undefined, screenState: SessionState): DerivedState {
  if (!hooks?.lastEvent) return { state: screenState, source: 'screen' };
  if (hooks.failure) return { state: 'error', source: 'hook' };
  if (hooks.openPermission) return { state: waitingFor(hooks.openPermission.tool), source: 'hook' };
  switch (hooks.lastEvent.name) {
    case 'UserPromptSubmit':
    case 'PreToolUse':
    case 'PostToolUse':
    case 'PostToolUseFailure':
      return { state: 'working', source: 'hook' };
    case 'Stop':
    case 'SessionStart':
      return { state: 'idle', source: 'hook' };
    default:
      return { state: screenState, source: 'screen' };
  }
}
