/** One pane line of `list-panes -a` (wingman sessions have a single pane). */
export interface TmuxSessionInfo {
  name: string;
  panePid: number;
  currentCommand: string;
  paneDead: boolean;
  paneDeadStatus: number | undefined;
  /** Last activity in the session, epoch milliseconds. */
  activityMs: number;
  /** Last output in the window, epoch milliseconds (tmux keeps whole seconds). */
  outputMs: number;
  createdMs: number;
  /** The wingman session name stored on the tmux session, when wingman created it. */
  wingmanName: string | undefined;
  workdir: string | undefined;
  claudeSessionId: string | undefined;
}

const FIELDS = [
  'session_name',
  'pane_pid',
  'pane_current_command',
  'pane_dead',
  'pane_dead_status',
  'session_activity',
  'session_created',
  '@wingman_name',
  '@wingman_workdir',
  '@wingman_claude_id',
  'window_activity',
] as const;

const SEPARATOR = '\u001f';
export const TMUX_LIST_FORMAT = FIELDS.map((field) => `#{${field}}`).join(SEPARATOR);

export function parseTmuxSessionList(stdout: string): TmuxSessionInfo[] {
  const byName = new Map<string, TmuxSessionInfo>();
  for (const line of stdout.split('\n')) {
    if (!line.trim()) continue;
    const [name = '', pid, command = '', dead, deadStatus, activity, created, wingmanName, workdir, claudeId, output] = line.split(SEPARATOR);
    if (!name || byName.has(name)) continue;
    byName.set(name, {
      name,
      panePid: Number(pid) || 0,
      currentCommand: command,
      paneDead: dead === '1',
      paneDeadStatus: deadStatus ? Number(deadStatus) : undefined,
      activityMs: (Number(activity) || 0) * 1000,
      createdMs: (Number(created) || 0) * 1000,
      wingmanName: wingmanName || undefined,
      workdir: workdir || undefined,
      claudeSessionId: claudeId || undefined,
      outputMs: (Number(output) || 0) * 1000,
    });
  }
  return [...byName.values()];
}
