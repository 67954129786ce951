import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { BASELINE_SCRIPT } from './paths.js';
import { onCleanup } from './cleanup.js';
import { pathWith, waitForExit } from './proc.js';

export interface BaselineNotice {
  /** Epoch ms at which the baseline script emitted the notice. */
  t: number;
  session: string;
  details: string;
}

export interface BaselineMonitor {
  pid: number;
  onNotify(listener: (notice: BaselineNotice) => void): void;
  stop(): Promise<void>;
}

/**
 * Starts bench/baseline-monitor.sh (bash, 5-second capture-pane polling) with the counting tmux
 * shim first on its PATH, and follows the notices it appends to `outFile`.
 */
export function startBaseline(options: { socket: string; outFile: string; pollSeconds: number; shimBinDir: string }): BaselineMonitor {
  fs.writeFileSync(options.outFile, '');
  const child = spawn('bash', [BASELINE_SCRIPT, options.socket, options.outFile, String(options.pollSeconds)], {
    env: { ...process.env, PATH: pathWith(options.shimBinDir), TMUX: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true, // its own process group, so stop() also ends an in-flight tmux/grep/sleep
  });
  const pid = child.pid ?? -1;
  const kill = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // already gone
    }
  };
  const removeCleanup = onCleanup(`baseline monitor ${pid}`, async () => {
    kill('SIGTERM');
    if (!(await waitForExit(pid, 3_000))) kill('SIGKILL');
  });
  const listeners: Array<(notice: BaselineNotice) => void> = [];
  let offset = 0;
  let partial = '';
  const poll = () => {
    let fd: number | undefined;
    try {
      const size = fs.statSync(options.outFile).size;
      if (size <= offset) return;
      fd = fs.openSync(options.outFile, 'r');
      const buffer = Buffer.alloc(size - offset);
      fs.readSync(fd, buffer, 0, buffer.length, offset);
      offset = size;
      partial += buffer.toString('utf8');
      let index;
      while ((index = partial.indexOf('\n')) !== -1) {
        const line = partial.slice(0, index);
        partial = partial.slice(index + 1);
        const [seconds, session, details] = line.split('\t');
        if (!seconds || !session) continue;
        const notice = { t: Number(seconds) * 1000, session, details: details ?? '' };
        for (const listener of listeners) listener(notice);
      }
    } catch {
      // the file is being rewritten; try again
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  };
  const timer = setInterval(poll, 20);
  return {
    pid,
    onNotify: (listener) => listeners.push(listener),
    async stop() {
      clearInterval(timer);
      kill('SIGTERM');
      if (!(await waitForExit(pid, 3_000))) kill('SIGKILL');
      removeCleanup();
    },
  };
}
