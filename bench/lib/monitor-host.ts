import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { BENCH_DIR } from './paths.js';
import { onCleanup } from './cleanup.js';
import { waitForExit } from './proc.js';

export interface Notification {
  t: number;
  text: string;
}

export interface HostSnapshot {
  cpu: { user: number; system: number };
  rss: number;
  heapUsed: number;
  t: number;
  ticks: number;
  tickMs: number[];
  statusReads: number;
  tmux: Record<string, number>;
}

export interface ProfileSummary {
  busyMs: number;
  idleMs: number;
  cpuUs: number;
  wallMs: number;
  ticks: number;
  tickMs: number[];
  statusReads: number;
  tmux: Record<string, number>;
  self: Array<{ name: string; ms: number }>;
  inclusive: Array<{ name: string; ms: number }>;
  categories: Array<{ name: string; ms: number }>;
}

export interface OpCost {
  cpuMs: number;
  wallMs: number;
}

/** CPU per operation measured inside the monitor process (see micro() in monitor-host.mjs). */
export interface MicroCosts {
  rssMB: number;
  sessions: number;
  listSessions: OpCost;
  tmuxVersionExeca: OpCost;
  rawSpawn: OpCost;
  registryRead: OpCost;
  statEveryEventsFile: OpCost;
  capturePane300?: OpCost;
}

export interface AnswerReply {
  receivedAt: number;
  doneAt: number;
  ok: boolean;
  text: string;
}

export interface MonitorHost {
  pid: number;
  onNotify(listener: (notification: Notification) => void): void;
  warnings: string[];
  answer(session: string, decision: 'approve' | 'always' | 'deny', id: string | undefined): Promise<AnswerReply>;
  stats(reset: boolean): Promise<HostSnapshot>;
  profile(ms: number): Promise<ProfileSummary>;
  micro(repeat: number): Promise<MicroCosts>;
  stop(): Promise<void>;
}

/**
 * Starts bench/monitor-host.mjs: wingman's Monitor in its own node process (plain node, no tsx
 * loader, so its CPU and RSS are the monitor's), talking to us over IPC.
 */
export async function startMonitorHost(env: Record<string, string>): Promise<MonitorHost> {
  const child: ChildProcess = fork(path.join(BENCH_DIR, 'monitor-host.mjs'), [], {
    env: { ...process.env, ...env },
    execArgv: [], // not tsx's loader flags: the monitor runs as plain node, as `wingman monitor` does
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pid = child.pid ?? -1;
  const removeCleanup = onCleanup(`monitor host ${pid}`, async () => {
    child.kill('SIGTERM');
    if (!(await waitForExit(pid, 5_000))) child.kill('SIGKILL');
  });
  const listeners: Array<(notification: Notification) => void> = [];
  const waiting = new Map<number, { resolve: (value: any) => void; reject: (error: Error) => void }>();
  const warnings: string[] = [];
  let nextReq = 1;
  let exited = false;

  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('monitor host did not start within 30 s')), 30_000);
    child.on('message', (message: any) => {
      switch (message?.type) {
        case 'ready':
          clearTimeout(timer);
          resolve();
          break;
        case 'notify':
          for (const listener of listeners) listener({ t: message.t, text: message.text });
          break;
        case 'warn':
          warnings.push(message.text);
          break;
        case 'error': {
          const pending = waiting.get(message.reqId);
          if (pending) {
            waiting.delete(message.reqId);
            pending.reject(new Error(message.text));
          } else warnings.push(`host error: ${message.text}`);
          break;
        }
        default: {
          const pending = waiting.get(message?.reqId);
          if (pending) {
            waiting.delete(message.reqId);
            pending.resolve(message);
          }
        }
      }
    });
    child.on('exit', (code, signal) => {
      exited = true;
      clearTimeout(timer);
      for (const pending of waiting.values()) pending.reject(new Error(`monitor host exited (${code ?? signal})`));
      waiting.clear();
      reject(new Error(`monitor host exited before it was ready (${code ?? signal})`));
    });
  });

  const request = <T>(message: Record<string, unknown>, timeoutMs = 30_000): Promise<T> => {
    if (exited) return Promise.reject(new Error('monitor host has exited'));
    const reqId = nextReq++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiting.delete(reqId);
        reject(new Error(`monitor host did not answer ${String(message.type)} within ${timeoutMs} ms`));
      }, timeoutMs);
      waiting.set(reqId, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value as T);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      child.send({ ...message, reqId });
    });
  };

  await ready;
  return {
    pid,
    warnings,
    onNotify: (listener) => listeners.push(listener),
    answer: (session, decision, id) => request<AnswerReply>({ type: 'answer', session, decision, id }),
    stats: (reset) => request<HostSnapshot>({ type: 'stats', reset }),
    profile: async (ms) => (await request<{ profile: ProfileSummary }>({ type: 'profile', ms }, ms + 30_000)).profile,
    micro: async (repeat) => (await request<{ micro: MicroCosts }>({ type: 'micro', repeat }, 120_000)).micro,
    async stop() {
      if (!exited) {
        child.send({ type: 'stop' });
        if (!(await waitForExit(pid, 8_000))) child.kill('SIGKILL');
      }
      removeCleanup();
    },
  };
}
