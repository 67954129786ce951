import type { PendingPrompt } from '../../core/session-state.js';
import type { PermissionDecision } from './hook-events.js';

/** Claude Code's tool for "here is my plan, may I start?" (plan mode). */
export const PLAN_TOOL = 'ExitPlanMode';

/**
 * What "Exit plan mode?" shows when Claude has no plan to present (no plan file): no plan, only
 * this line, as both tested releases draw it (test/fixtures/claude-screens/VERSION/permission-exit-plan-no-plan*).
 */
const NO_PLAN_BODY = /^Claude wants to exit plan mode$/;

/** The plan in ExitPlanMode's input (`plan`; 2.1.332 adds `planFilePath`); undefined when it carries none. */
export function planFromToolInput(tool: string, input: Readonly<Record<string, unknown>> | undefined): string | undefined {
  if (tool !== PLAN_TOOL || typeof input?.plan !== 'string') return undefined;
  const plan = input.plan.trim();
  return plan === '' ? undefined : plan;
}

/** The plan a dialog on screen shows (as far as the screen shows it), or undefined for other dialogs. */
export function planFromPrompt(prompt: Pick<PendingPrompt, 'tool' | 'detail'>): string | undefined {
  if (prompt.tool !== PLAN_TOOL) return undefined;
  const plan = prompt.detail.trim();
  return plan === '' || NO_PLAN_BODY.test(plan) ? undefined : plan;
}

/**
 * The PermissionRequest answer that approves a plan. Claude Code (2.1.199 on, 2.1.332 too)
 * silently ignores a bare `allow` for ExitPlanMode and keeps its dialog open; it takes an allow
 * that hands the tool's input back unchanged as `updatedInput` (anthropics/claude-code#74256,
 * #90498). `setMode default` leaves plan mode for "ask each time", as the dialog's "Yes, manually
 * approve edits" does, so a plan approved from the phone never hands the session to auto mode.
 */
export function planApproval(input: Record<string, unknown>): PermissionDecision {
  return { behavior: 'allow', updatedInput: input, updatedPermissions: [{ type: 'setMode', mode: 'default', destination: 'session' }] };
}
