import type { PermissionDecision, PermissionUpdate } from '../../agents/claude-code/hook-events.js';
import type { PromptOption } from '../session-state.js';
import type { ApprovalDecision } from './approval-types.js';

export const DENY_MESSAGE = 'The user denied this from wingman.';

/**
 * The PermissionRequest hook answer for a decision; `always` needs Claude's own suggestions. A
 * deny's `message` is what Claude reads as the tool's result, so a reason goes there as it is.
 */
export function hookDecisionFor(decision: ApprovalDecision, suggestions: readonly PermissionUpdate[], reason?: string): PermissionDecision | { error: string } {
  if (decision === 'approve') return { behavior: 'allow' };
  if (decision === 'deny') return { behavior: 'deny', message: reason ?? DENY_MESSAGE };
  if (suggestions.length === 0) return { error: 'Claude Code offered no rule to remember for this prompt; answer approve or deny.' };
  return { behavior: 'allow', updatedPermissions: [...suggestions] };
}

/** How to answer a dialog on screen: Esc denies whatever the option count; else choose an option. */
export type KeyAnswer = { kind: 'escape' } | { kind: 'choose'; index: number } | { error: string };

/**
 * The keyboard answer to a dialog on screen, chosen from the options it actually shows: the option
 * marked yes or always by its label, never by position; Esc denies. The caller moves the cursor
 * onto the chosen option and checks it there before pressing Enter (app/dialog-driver.ts).
 */
export function keyAnswerFor(decision: ApprovalDecision, options: readonly PromptOption[]): KeyAnswer {
  if (decision === 'deny') return { kind: 'escape' };
  const wanted = decision === 'always' ? 'always' : 'yes';
  const index = options.findIndex((candidate) => candidate.kind === wanted);
  if (index === -1) {
    return { error: decision === 'always' ? "This prompt has no 'always' option; answer approve or deny." : 'The dialog shows no Yes option; answer it in the terminal.' };
  }
  return { kind: 'choose', index };
}

/** `Bash(npm run build:*)` for a reply, from the rules Claude will remember. */
export function describeRememberedRules(updates: readonly PermissionUpdate[]): string {
  const parts = updates.flatMap((update) => {
    if (update.type === 'addRules' || update.type === 'replaceRules') return update.rules.map((rule) => (rule.ruleContent ? `${rule.toolName}(${rule.ruleContent})` : rule.toolName));
    if (update.type === 'addDirectories') return update.directories.map((dir) => `access to ${dir}`);
    if (update.type === 'setMode') return [`mode ${update.mode}`];
    return [];
  });
  return parts.length > 0 ? parts.join(', ') : 'as Claude suggested';
}
