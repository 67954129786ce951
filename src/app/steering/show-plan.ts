import type { Wingman } from '../create-wingman.js';
import type { Monitor } from '../monitor.js';
import { eventsFileFor } from '../agent-hooks.js';
import { readRecentHookEvents } from '../../adapters/store/hook-event-log.js';
import { buildHookTimeline } from '../../core/status/hook-timeline.js';
import { formatPlanMessages } from '../../core/approvals/format-plan.js';
import { PLAN_TOOL, planFromPrompt, planFromToolInput } from '../../agents/claude-code/exit-plan.js';
import { readOpenPlan } from '../../agents/claude-code/transcript-plan.js';

export interface ShowPlanRequest {
  wingman: Wingman;
  monitor: Monitor | undefined;
  session: string;
}

/**
 * `plan NAME`: the whole plan the session asks to approve, as chat messages that each fit one
 * WhatsApp message (core/approvals/format-plan.ts). The plan comes from where it is whole: the
 * monitor's pending prompt (the PermissionRequest hook's input), else the session's own hook
 * events, else Claude Code's transcript, and only last from the screen, which may show just its
 * start. One line when no plan waits.
 */
export async function showPlan({ wingman, monitor, session }: ShowPlanRequest): Promise<string[]> {
  const pending = monitor?.desk.pendingFor(session);
  // A plan the hook reported is whole; one read off the screen may be only its start.
  if (pending?.tool === PLAN_TOOL && pending.via === 'hook' && pending.plan) return formatPlanMessages(session, pending.id, pending.plan);

  const view = await wingman.sessions.get(session);
  const prompt = view.status.pendingPrompt;
  const planWaits = pending?.tool === PLAN_TOOL || (view.status.state === 'waiting_approval' && prompt?.tool === PLAN_TOOL);
  if (!planWaits) {
    return [`Session '${session}' has no plan waiting for approval (it is ${view.status.state.replace('_', ' ')}).`];
  }
  const id = pending?.tool === PLAN_TOOL ? pending.id : undefined;
  const timeline = buildHookTimeline(await readRecentHookEvents(eventsFileFor(wingman.paths, session)).catch(() => []));
  const open = timeline.openPermission;
  const plan =
    (open ? planFromToolInput(open.tool, open.input) : undefined) ??
    (await readOpenPlan({ hookPath: timeline.transcriptPath, env: { ...process.env, ...wingman.config.claude.env }, cwd: view.workdir, sessionId: view.status.claudeSessionId ?? view.claudeSessionId })) ??
    pending?.plan ??
    (prompt ? planFromPrompt(prompt) : undefined);
  if (!plan) return [`Session '${session}' asks to leave plan mode but shows no plan. Reply: approve ${session} · deny ${session}`];
  return formatPlanMessages(session, id, plan);
}
