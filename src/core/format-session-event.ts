import type { SessionState } from './session-state.js';
import type { SessionStatus } from './status/session-status.js';

/** Sent once when a session's screen stays unrecognised: wingman will not answer what it cannot read. */
export function formatUnreadableScreen(status: SessionStatus): string {
  const why = status.unreadable ? ` (${status.unreadable})` : '';
  return `❔ Session '${status.name}' shows a screen wingman does not recognise${why}; nothing will be answered there. Attach with \`tmux attach -t ${status.tmuxSession}\` or look with \`wingman capture ${status.name}\`.`;
}

/** The notices the monitor sends when a session changes state (approvals have their own). */
export function formatSessionEvent(status: SessionStatus, previous: SessionState | undefined): string | undefined {
  const { name } = status;
  switch (status.state) {
    case 'idle':
      if (previous !== 'working' && previous !== 'waiting_approval' && previous !== 'waiting_answer') return undefined;
      return [`✅ Session '${name}' finished`, status.latestActivity, status.progress ? `Tests: ${status.progress}` : undefined].filter(Boolean).join('\n');
    case 'error':
      return `❌ Session '${name}' stopped on an error${status.error ? `: ${status.error}` : ''}`;
    case 'waiting_trust':
      return `🔐 Session '${name}' asks whether to trust ${status.directory}. Reply: trust ${name}`;
    case 'waiting_answer':
      return `❓ Session '${name}' asks: ${status.pendingPrompt?.detail ?? 'a question'}${status.pendingPrompt?.options.length ? `\n${status.pendingPrompt.options.map((option) => `${option.key}. ${option.label}`).join(' · ')}` : ''}`;
    case 'exited':
      return `⏹️ Session '${name}' exited`;
    default:
      return undefined;
  }
}
