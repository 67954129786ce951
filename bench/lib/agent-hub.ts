import fs from 'node:fs/promises';
import net from 'node:net';
import { onCleanup } from './cleanup.js';
import { sleep } from './proc.js';

/** What a fake agent reports (see bench/fake-agent.mjs). */
export interface AgentEvent {
  name: string;
  ev: 'hello' | 'drawn' | 'hook' | 'tool_started' | 'denied' | 'done' | 'stray_key' | 'late_hook' | 'error';
  t: number;
  seq?: string;
  pid?: number;
  via?: 'hook' | 'key';
  key?: string;
  decision?: string;
  ms?: number;
  /** hook: when the hook process printed its decision (it exits after). */
  outputAt?: number;
  killed?: boolean;
  text?: string;
}

export interface AgentHub {
  socketPath: string;
  pids: Map<string, number>;
  onEvent(listener: (event: AgentEvent) => void): () => void;
  send(name: string, command: Record<string, unknown>): void;
  broadcast(command: Record<string, unknown>): void;
  waitForAgents(names: readonly string[], timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

/** The unix socket the fake agents connect to: commands go out, time-stamped events come back. */
export async function startAgentHub(socketPath: string): Promise<AgentHub> {
  const sockets = new Map<string, net.Socket>();
  const pids = new Map<string, number>();
  const listeners = new Set<(event: AgentEvent) => void>();
  const all = new Set<net.Socket>();

  const server = net.createServer((socket) => {
    all.add(socket);
    socket.on('close', () => all.delete(socket));
    socket.on('error', () => {});
    socket.setEncoding('utf8');
    let buffer = '';
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      let index;
      while ((index = buffer.indexOf('\n')) !== -1) {
        const line = buffer.slice(0, index);
        buffer = buffer.slice(index + 1);
        let event: AgentEvent;
        try {
          event = JSON.parse(line) as AgentEvent;
        } catch {
          continue;
        }
        if (event.ev === 'hello') {
          sockets.set(event.name, socket);
          if (event.pid) pids.set(event.name, event.pid);
        }
        for (const listener of listeners) listener(event);
      }
    });
  });
  await fs.rm(socketPath, { force: true });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => resolve());
  });

  const hub: AgentHub = {
    socketPath,
    pids,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    send(name, command) {
      const socket = sockets.get(name);
      if (socket && !socket.destroyed) socket.write(`${JSON.stringify(command)}\n`);
    },
    broadcast(command) {
      const line = `${JSON.stringify(command)}\n`;
      for (const socket of sockets.values()) if (!socket.destroyed) socket.write(line);
    },
    async waitForAgents(names, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (names.some((name) => !sockets.has(name))) {
        if (Date.now() > deadline) {
          const missing = names.filter((name) => !sockets.has(name));
          throw new Error(`fake agents did not connect within ${timeoutMs} ms: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}`);
        }
        await sleep(50);
      }
    },
    async close() {
      removeCleanup();
      // Closing the connections makes every fake agent exit.
      for (const socket of all) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await fs.rm(socketPath, { force: true });
    },
  };
  const removeCleanup = onCleanup('agent hub', () => hub.close());
  return hub;
}
