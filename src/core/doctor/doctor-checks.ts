import { TESTED_RANGE } from '../../agents/claude-code/version-policy.js';
import { NEWEST_TESTED, versionSupport } from '../../agents/claude-code/versions.js';

/**
 * `wingman doctor`: what the probes found (inputs) → one verdict per check. Pure, so every
 * verdict and its wording is unit-tested; src/adapters/doctor/ gathers the inputs.
 */

export type CheckStatus = 'ok' | 'warn' | 'fail';

export interface DoctorCheck {
  name: 'config' | 'tmux' | 'claude' | 'state-dir' | 'hook-socket';
  status: CheckStatus;
  /** One line: what was found and, when it is not ok, what to do. */
  message: string;
}

export interface DoctorInputs {
  /** Set when config.json could not be used (the other checks then use the defaults). */
  configError?: string | undefined;
  tmux: { found: false } | { found: true; version: string | undefined };
  claude:
    | { found: false; message: string }
    | { found: true; path: string; version: string | undefined };
  stateDir: PathFacts & { path: string };
  hookSocket: {
    path: string;
    dir: PathFacts;
    socket: { exists: boolean; isSocket?: boolean | undefined; mode?: number | undefined; ownedByUser?: boolean | undefined };
    /** `answering`: a monitor replied; `silent`: something accepted the connection but never replied. */
    monitor: 'answering' | 'absent' | 'silent';
  };
}

export interface PathFacts {
  exists: boolean;
  isDirectory?: boolean | undefined;
  ownedByUser?: boolean | undefined;
  /** Permission bits, e.g. 0o700. */
  mode?: number | undefined;
  writable?: boolean | undefined;
}

/** tmux gained `new-session -e` (each session's environment, which the hooks need) in 3.0. */
export const MIN_TMUX = { major: 3, minor: 0 } as const;

export function evaluateDoctor(inputs: DoctorInputs): DoctorCheck[] {
  const checks: DoctorCheck[] = [];
  if (inputs.configError) checks.push({ name: 'config', status: 'fail', message: `Config: ${inputs.configError}` });
  checks.push(checkTmux(inputs.tmux), checkClaude(inputs.claude), checkStateDir(inputs.stateDir), checkHookSocket(inputs.hookSocket));
  return checks;
}

/** `tmux 3.3a` → {3, 3}; `tmux next-3.4` → {3, 4}; undefined for `tmux master` and the like. */
export function parseTmuxVersion(output: string): { major: number; minor: number } | undefined {
  const match = /(\d+)\.(\d+)/.exec(output);
  return match ? { major: Number(match[1]), minor: Number(match[2]) } : undefined;
}

function checkTmux(tmux: DoctorInputs['tmux']): DoctorCheck {
  if (!tmux.found) return { name: 'tmux', status: 'fail', message: 'tmux: not found; install it (apt-get install -y tmux, or brew install tmux).' };
  const parsed = tmux.version === undefined ? undefined : parseTmuxVersion(tmux.version);
  const shown = tmux.version ?? 'tmux (version unknown)';
  if (parsed && (parsed.major < MIN_TMUX.major || (parsed.major === MIN_TMUX.major && parsed.minor < MIN_TMUX.minor))) {
    return { name: 'tmux', status: 'fail', message: `${shown} is too old: wingman needs tmux ${MIN_TMUX.major}.${MIN_TMUX.minor} or newer.` };
  }
  return { name: 'tmux', status: 'ok', message: shown };
}

function checkClaude(claude: DoctorInputs['claude']): DoctorCheck {
  if (!claude.found) return { name: 'claude', status: 'fail', message: claude.message };
  if (claude.version === undefined) {
    return { name: 'claude', status: 'warn', message: `Claude Code at ${claude.path}: \`claude --version\` gave no version; run it by hand to see why.` };
  }
  const what = `Claude Code ${claude.version} (${claude.path})`;
  switch (versionSupport(claude.version)) {
    case 'tested':
      return { name: 'claude', status: 'ok', message: `${what}: tested (${TESTED_RANGE}).` };
    case 'between':
      return { name: 'claude', status: 'ok', message: `${what}: inside the tested range (${TESTED_RANGE}).` };
    case 'newer':
      return { name: 'claude', status: 'warn', message: `${what}: newer than tested (${TESTED_RANGE}); it runs, but if screens are misread install ${NEWEST_TESTED}.` };
    case 'older':
      return { name: 'claude', status: 'warn', message: `${what}: older than supported (${TESTED_RANGE}); update: npm install -g @anthropic-ai/claude-code@${NEWEST_TESTED}` };
  }
}

const octal = (mode: number) => `0${(mode & 0o777).toString(8)}`;

function checkStateDir(dir: DoctorInputs['stateDir']): DoctorCheck {
  const fail = (message: string): DoctorCheck => ({ name: 'state-dir', status: 'fail', message });
  if (!dir.exists) return { name: 'state-dir', status: 'warn', message: `State directory ${dir.path} does not exist yet; wingman creates it (0700) on the first spawn.` };
  if (dir.isDirectory === false) return fail(`State directory ${dir.path} is not a directory; move it away or set WINGMAN_HOME.`);
  if (dir.ownedByUser === false) return fail(`State directory ${dir.path} belongs to another user; set WINGMAN_HOME to a directory of yours.`);
  if (dir.writable === false) return fail(`State directory ${dir.path} is not writable; fix its permissions (chmod 700 ${dir.path}).`);
  if (dir.mode !== undefined && (dir.mode & 0o777) !== 0o700) {
    return { name: 'state-dir', status: 'warn', message: `State directory ${dir.path} is ${octal(dir.mode)}; others can read session logs: chmod 700 ${dir.path}` };
  }
  return { name: 'state-dir', status: 'ok', message: `State directory ${dir.path} (0700, yours, writable)` };
}

function checkHookSocket(hook: DoctorInputs['hookSocket']): DoctorCheck {
  const { path: socketPath, dir, socket, monitor } = hook;
  const fail = (message: string): DoctorCheck => ({ name: 'hook-socket', status: 'fail', message });
  if (dir.exists && dir.ownedByUser === false) return fail(`Hook socket directory of ${socketPath} belongs to another user; set WINGMAN_HOME to a directory of yours.`);
  if (dir.exists && dir.mode !== undefined && (dir.mode & 0o777) !== 0o700) {
    return fail(`Hook socket directory of ${socketPath} is ${octal(dir.mode)}, not 0700; restart the monitor (it resets it).`);
  }
  if (socket.exists && socket.isSocket === false) return fail(`${socketPath} is not a socket; move it away, then start the monitor.`);
  if (socket.exists && socket.ownedByUser === false) return fail(`Hook socket ${socketPath} belongs to another user; stop that monitor.`);
  // Control requests (approve, deny) are trusted on the socket's permissions alone.
  if (socket.exists && socket.mode !== undefined && (socket.mode & 0o777) !== 0o600) {
    return fail(`Hook socket ${socketPath} is ${octal(socket.mode)}, not 0600; restart the monitor.`);
  }
  if (!socket.exists) {
    return { name: 'hook-socket', status: 'warn', message: `No monitor is running (no ${socketPath}); start wingman monitor or the OpenClaw gateway to relay prompts.` };
  }
  if (monitor === 'answering') return { name: 'hook-socket', status: 'ok', message: `Hook socket ${socketPath} (0600 in a 0700 dir): a monitor answers.` };
  if (monitor === 'silent') return { name: 'hook-socket', status: 'warn', message: `Hook socket ${socketPath}: something accepts connections but does not answer; restart the monitor.` };
  return { name: 'hook-socket', status: 'warn', message: `Hook socket ${socketPath} is left from a monitor that stopped; start wingman monitor (it replaces it).` };
}

const ICONS: Record<CheckStatus, string> = { ok: '✓', warn: '⚠', fail: '✗' };

/** One line per check, `✓ …`, `⚠ …`, `✗ …`. */
export function formatDoctor(checks: readonly DoctorCheck[]): string {
  return checks.map((check) => `${ICONS[check.status]} ${check.message}`).join('\n');
}

/** Exit code 1 when any check failed; warnings alone still pass. */
export function doctorExitCode(checks: readonly DoctorCheck[]): number {
  return checks.some((check) => check.status === 'fail') ? 1 : 0;
}
