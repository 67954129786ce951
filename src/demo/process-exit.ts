import { setTimeout as delay } from 'node:timers/promises';
/** Waits until process `pid` is gone (or the timeout passes): Claude Code keeps writing its HOME while it exits. */
export async function waitForProcessExit(pid: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (pid > 0 && Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await delay(100);
  }
}
