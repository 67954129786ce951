/** Everything the benchmark starts registers how to stop it here, so every exit path cleans up. */
type Task = () => Promise<void> | void;

const tasks = new Map<number, { label: string; task: Task }>();
let nextId = 1;

export function onCleanup(label: string, task: Task): () => void {
  const id = nextId++;
  tasks.set(id, { label, task });
  return () => {
    tasks.delete(id);
  };
}

/** Runs the registered tasks, newest first; each gets a few seconds and may fail on its own. */
export async function runCleanup(): Promise<void> {
  const pending = [...tasks.entries()].reverse();
  tasks.clear();
  for (const [, { label, task }] of pending) {
    try {
      await Promise.race([Promise.resolve(task()), new Promise((resolve) => setTimeout(resolve, 8_000))]);
    } catch (error) {
      process.stderr.write(`bench: cleanup "${label}" failed: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
}
