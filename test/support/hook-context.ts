import type { HookEventContext, PromptEndReason } from '../../src/adapters/hooks/hook-server.js';

/** A waiting PermissionRequest as the hook server hands it to the desk: answered once, ended by the test. */
export function fakeHookContext(receivedAt: number) {
  const answers: unknown[] = [];
  let close: ((reason: PromptEndReason) => void) | undefined;
  let open = true;
  const ctx: HookEventContext = {
    receivedAt,
    respond: (answer) => {
      if (!open) return false;
      open = false;
      answers.push(answer);
      return true;
    },
    onClose: (cb) => void (close = cb),
  };
  return { ctx, answers, end: (reason: PromptEndReason) => close?.(reason) };
}
