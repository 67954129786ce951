import { execa, type ResultPromise } from 'execa';
import { WINGMAN_CLI, type WingmanHarness } from './wingman-harness.js';

export interface RunningMonitor {
  output: () => string;
  waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<RegExpExecArray>;
  count: (pattern: RegExp) => number;
  pid: number;
  stop: () => Promise<void>;
  kill9: () => Promise<void>;
}

/** `wingman monitor` as its own process, its notices collected from stdout (the console channel). */
export async function startMonitor(h: WingmanHarness, extraArgs: string[] = []): Promise<RunningMonitor> {
  let output = '';
  const child: ResultPromise = execa(process.execPath, [WINGMAN_CLI, 'monitor', '--poll-ms', '500', '--remind-ms', '600000', ...extraArgs], { env: h.env, reject: false, stdin: 'ignore' });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const monitor: RunningMonitor = {
    output: () => output,
    pid: child.pid ?? -1,
    count: (pattern) => output.match(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`))?.length ?? 0,
    async waitFor(pattern, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const match = pattern.exec(output);
        if (match) return match;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`monitor never printed ${pattern}; output:\n${output}`);
    },
    async stop() {
      child.kill('SIGTERM');
      await child;
    },
    async kill9() {
      child.kill('SIGKILL');
      await child;
    },
  };
  await monitor.waitFor(/wingman monitor running/);
  return monitor;
}
