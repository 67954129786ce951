/**
 * Where Claude Code spends the time between a permission decision and the tool's shell, read from
 * a CPU profile of the real binary (Bun's `--cpu-prof`, through BUN_OPTIONS: see --claude-cpu-prof).
 * Claude Code's JavaScript is minified, so the split leans on the names that survive minification:
 * React's host-config and hook methods (createInstance, commitUpdate, useMemo, …), Ink's drawFrame,
 * and Bun's `spawn`.
 */

/** The Chrome / V8 .cpuprofile format Bun writes. */
export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }>;
  /** Microseconds since the epoch (Bun). */
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface AnswerWindow {
  /** When wingman handed Claude Code the decision (ms since the epoch). */
  decidedAt: number;
  /** When the tool's shell started (ms since the epoch). */
  shellStartedAt: number;
}

export type WorkKind = 'react' | 'ink' | 'other';

export interface AnswerWork {
  /** Sampled time between the decision and the shell (ms), by kind, and its total. */
  ms: Record<WorkKind, number>;
  totalMs: number;
  /** The window's wall time (ms). */
  windowMs: number;
  /** The "other" time by the function a task started in (ms), largest first. */
  otherByEntry: Array<[string, number]>;
}

const REACT = new Set(['createInstance', 'createTextInstance', 'commitUpdate', 'commitTextUpdate', 'commitMount', 'resetAfterCommit', 'prepareForCommit', 'appendChild', 'appendInitialChild', 'insertBefore', 'removeChild', 'finalizeInitialChildren', 'useMemo', 'useState', 'useReducer', 'useSyncExternalStore', 'useCallback', 'useEffect', 'useLayoutEffect', 'useInsertionEffect', 'useRef', 'useContext', 'useId', 'useTransition', 'useDeferredValue']);
const INK = new Set(['drawFrame', 'onRender']);
/** The longest time one sample stands for (the profile is taken at 0.25 ms; Bun's gaps run to ~0.6 ms while busy). */
const MAX_SAMPLE_MS = 2;

/**
 * Splits the sampled time inside each answer's window. A sample is React's when its stack holds one
 * of React's method names, or React's own work function: the deepest other frame on the stacks of at
 * least 80 % of the samples that hold such a name (the reconciler's minified work loop; generic
 * wrappers such as a bundle's module function sit higher). Ink's when it holds drawFrame.
 */
export function answerWork(profile: CpuProfile, windows: readonly AnswerWindow[]): AnswerWork[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const root = profile.nodes.find((node) => !parent.has(node.id))?.id;
  const keyOf = (id: number) => {
    const frame = byId.get(id)!.callFrame;
    return `${frame.functionName}\u0000${frame.url}\u0000${frame.lineNumber}\u0000${frame.columnNumber}`;
  };
  /** The node's stack from the leaf up, without the root. */
  const stackOf = (id: number): number[] => {
    const stack: number[] = [];
    for (let at: number | undefined = id; at !== undefined && at !== root; at = parent.get(at)) stack.push(at);
    return stack;
  };
  const entryOf = (id: number): number => stackOf(id).at(-1) ?? id;
  const markerOf = (id: number): 'react' | 'ink' | undefined => {
    const names = stackOf(id).map((at) => byId.get(at)!.callFrame.functionName);
    return names.some((name) => INK.has(name)) ? 'ink' : names.some((name) => REACT.has(name)) ? 'react' : undefined;
  };
  const sampleCount = new Map<number, number>();
  for (const id of profile.samples) sampleCount.set(id, (sampleCount.get(id) ?? 0) + 1);
  const markers = new Map([...sampleCount.keys()].map((id) => [id, markerOf(id)]));
  // React's work function: over the marked samples, each frame's share and its mean depth from the root.
  const share = new Map<string, { count: number; depth: number }>();
  let marked = 0;
  for (const [id, count] of sampleCount) {
    if (markers.get(id) !== 'react') continue;
    marked += count;
    const stack = stackOf(id).reverse();
    const seen = new Set<string>();
    stack.forEach((at, depth) => {
      const key = keyOf(at);
      if (seen.has(key) || REACT.has(byId.get(at)!.callFrame.functionName)) return;
      seen.add(key);
      const entry = share.get(key) ?? { count: 0, depth: 0 };
      share.set(key, { count: entry.count + count, depth: entry.depth + depth * count });
    });
  }
  const common = [...share].filter(([, { count }]) => count >= 0.8 * marked).sort((a, b) => b[1].depth / b[1].count - a[1].depth / a[1].count);
  const reactWork = common[0]?.[0];
  const kinds = new Map<number, WorkKind>();
  const kindOf = (id: number): WorkKind => {
    let kind = kinds.get(id);
    if (kind === undefined) {
      kind = markers.get(id) ?? (reactWork !== undefined && stackOf(id).some((at) => keyOf(at) === reactWork) ? 'react' : 'other');
      kinds.set(id, kind);
    }
    return kind;
  };
  const label = (id: number) => {
    const frame = byId.get(id)?.callFrame;
    return frame ? `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop() || '(native)'}:${frame.lineNumber}` : '?';
  };

  const times: number[] = [];
  let t = profile.startTime;
  for (const delta of profile.timeDeltas) times.push((t += delta) / 1000);
  return windows.map((window) => {
    const ms: Record<WorkKind, number> = { react: 0, ink: 0, other: 0 };
    const other = new Map<string, number>();
    // A sample stands for the time since the one before it, up to MAX_SAMPLE_MS: Bun takes no
    // samples while the thread waits, so a longer gap is waiting, not work.
    for (let index = 1; index < times.length; index += 1) {
      if (times[index]! <= window.decidedAt || times[index]! > window.shellStartedAt) continue;
      const id = profile.samples[index]!;
      const spent = Math.min(times[index]! - times[index - 1]!, times[index]! - window.decidedAt, MAX_SAMPLE_MS);
      const kind = kindOf(id);
      ms[kind] += spent;
      if (kind === 'other') other.set(label(entryOf(id)), (other.get(label(entryOf(id))) ?? 0) + spent);
    }
    return { ms, totalMs: ms.react + ms.ink + ms.other, windowMs: window.shellStartedAt - window.decidedAt, otherByEntry: [...other].sort((a, b) => b[1] - a[1]) };
  });
}

/** Nearest-rank percentile. */
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

/** The per-answer p50 / p95 as a few lines of text for a person to read. */
export function formatAnswerWork(work: readonly AnswerWork[]): string {
  if (work.length === 0) return 'No answers fell inside the profile.';
  const med = (pick: (entry: AnswerWork) => number) => `${ms(percentile(work.map(pick), 50))} / ${ms(percentile(work.map(pick), 95))}`;
  const other = new Map<string, number>();
  for (const entry of work) for (const [name, spent] of entry.otherByEntry) other.set(name, (other.get(name) ?? 0) + spent / work.length);
  const top = [...other].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([name, spent]) => `    ${ms(spent)} (mean)  ${name}`);
  return [
    `${work.length} answers, decision → the tool's shell, p50 / p95:`,
    `  wall time                     ${med((entry) => entry.windowMs)}`,
    `  Claude Code busy (sampled)    ${med((entry) => entry.totalMs)}`,
    `    React rendering its UI      ${med((entry) => entry.ms.react)}`,
    `    Ink drawing the frame       ${med((entry) => entry.ms.ink)}`,
    `    everything else             ${med((entry) => entry.ms.other)}`,
    ...(top.length ? ['  everything else, by the task it ran in:', ...top] : []),
  ].join('\n');
}
