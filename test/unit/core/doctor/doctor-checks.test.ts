import { describe, expect, it } from 'vitest';
import { doctorExitCode, evaluateDoctor, formatDoctor, parseTmuxVersion, type DoctorCheck, type DoctorInputs } from '../../../../src/core/doctor/doctor-checks.js';
import { NEWEST_TESTED, OLDEST_SUPPORTED } from '../../../../src/agents/claude-code/versions.js';

const HOME = '/home/me/.wingman';
const SOCKET = `${HOME}/run/hooks.sock`;

function good(): DoctorInputs {
  return {
    tmux: { found: true, version: 'tmux 3.3a' },
    claude: { found: true, path: '/usr/local/bin/claude', version: NEWEST_TESTED },
    stateDir: { path: HOME, exists: true, isDirectory: true, ownedByUser: true, mode: 0o700, writable: true },
    hookSocket: {
      path: SOCKET,
      dir: { exists: true, isDirectory: true, ownedByUser: true, mode: 0o700, writable: true },
      socket: { exists: true, isSocket: true, mode: 0o600, ownedByUser: true },
      monitor: 'answering',
    },
  };
}

const byName = (checks: DoctorCheck[], name: DoctorCheck['name']) => checks.find((check) => check.name === name)!;
const with_ = (change: (inputs: DoctorInputs) => void): DoctorCheck[] => {
  const inputs = good();
  change(inputs);
  return evaluateDoctor(inputs);
};

describe('evaluateDoctor: a good setup', () => {
  it('passes every check, one line each', () => {
    const checks = evaluateDoctor(good());
    expect(checks.map((check) => [check.name, check.status])).toEqual([
      ['tmux', 'ok'],
      ['claude', 'ok'],
      ['state-dir', 'ok'],
      ['hook-socket', 'ok'],
    ]);
    expect(formatDoctor(checks)).toBe(
      [
        '✓ tmux 3.3a',
        `✓ Claude Code ${NEWEST_TESTED} (/usr/local/bin/claude): tested (${OLDEST_SUPPORTED}–${NEWEST_TESTED}).`,
        `✓ State directory ${HOME} (0700, yours, writable)`,
        `✓ Hook socket ${SOCKET} (0600 in a 0700 dir): a monitor answers.`,
      ].join('\n'),
    );
    expect(doctorExitCode(checks)).toBe(0);
  });
});

describe('evaluateDoctor: tmux', () => {
  it('fails when tmux is missing or older than 3.0, naming the fix', () => {
    expect(byName(with_((i) => (i.tmux = { found: false })), 'tmux')).toEqual({ name: 'tmux', status: 'fail', message: 'tmux: not found; install it (apt-get install -y tmux, or brew install tmux).' });
    expect(byName(with_((i) => (i.tmux = { found: true, version: 'tmux 2.9a' })), 'tmux')).toEqual({ name: 'tmux', status: 'fail', message: 'tmux 2.9a is too old: wingman needs tmux 3.0 or newer.' });
    expect(byName(with_((i) => (i.tmux = { found: true, version: 'tmux 1.8' })), 'tmux').status).toBe('fail');
  });

  it('passes 3.0 and later, development builds and an unknown version', () => {
    for (const version of ['tmux 3.0', 'tmux 3.5a', 'tmux next-3.6', 'tmux master', undefined]) {
      expect(byName(with_((i) => (i.tmux = { found: true, version })), 'tmux').status).toBe('ok');
    }
    expect(byName(with_((i) => (i.tmux = { found: true, version: undefined })), 'tmux').message).toBe('tmux (version unknown)');
  });

  it('parses the versions tmux prints', () => {
    expect(parseTmuxVersion('tmux 3.3a')).toEqual({ major: 3, minor: 3 });
    expect(parseTmuxVersion('tmux next-3.6')).toEqual({ major: 3, minor: 6 });
    expect(parseTmuxVersion('tmux master')).toBeUndefined();
  });
});

describe('evaluateDoctor: Claude Code', () => {
  const claude = (version: string | undefined) => byName(with_((i) => (i.claude = { found: true, path: '/c', version })), 'claude');

  it('fails when the binary is missing, with the message that says how to fix it', () => {
    const missing = byName(with_((i) => (i.claude = { found: false, message: 'Claude Code was not found ("claude"). Install it …' })), 'claude');
    expect(missing).toEqual({ name: 'claude', status: 'fail', message: 'Claude Code was not found ("claude"). Install it …' });
  });

  it('passes the tested releases and those between them, naming the range', () => {
    expect(claude(OLDEST_SUPPORTED)).toMatchObject({ status: 'ok', message: `Claude Code ${OLDEST_SUPPORTED} (/c): tested (${OLDEST_SUPPORTED}–${NEWEST_TESTED}).` });
    expect(claude('2.1.250')).toMatchObject({ status: 'ok', message: `Claude Code 2.1.250 (/c): inside the tested range (${OLDEST_SUPPORTED}–${NEWEST_TESTED}).` });
  });

  it('warns, without failing, outside the range and when no version comes back', () => {
    expect(claude('2.2.0')).toMatchObject({ status: 'warn', message: `Claude Code 2.2.0 (/c): newer than tested (${OLDEST_SUPPORTED}–${NEWEST_TESTED}); it runs, but if screens are misread install ${NEWEST_TESTED}.` });
    expect(claude('2.0.1')).toMatchObject({ status: 'warn', message: `Claude Code 2.0.1 (/c): older than supported (${OLDEST_SUPPORTED}–${NEWEST_TESTED}); update: npm install -g @anthropic-ai/claude-code@${NEWEST_TESTED}` });
    expect(claude(undefined)).toMatchObject({ status: 'warn', message: 'Claude Code at /c: `claude --version` gave no version; run it by hand to see why.' });
    expect(doctorExitCode(with_((i) => (i.claude = { found: true, path: '/c', version: '9.0.0' })))).toBe(0);
  });
});

describe('evaluateDoctor: state directory', () => {
  const dir = (facts: Partial<DoctorInputs['stateDir']>) => byName(with_((i) => Object.assign(i.stateDir, facts)), 'state-dir');

  it('only warns when it does not exist yet (the first spawn creates it)', () => {
    expect(dir({ exists: false, isDirectory: undefined, mode: undefined, ownedByUser: undefined, writable: undefined })).toEqual({
      name: 'state-dir',
      status: 'warn',
      message: `State directory ${HOME} does not exist yet; wingman creates it (0700) on the first spawn.`,
    });
  });

  it('fails for a file, a directory of someone else, or one it cannot write', () => {
    expect(dir({ isDirectory: false })).toMatchObject({ status: 'fail', message: `State directory ${HOME} is not a directory; move it away or set WINGMAN_HOME.` });
    expect(dir({ ownedByUser: false })).toMatchObject({ status: 'fail', message: `State directory ${HOME} belongs to another user; set WINGMAN_HOME to a directory of yours.` });
    expect(dir({ writable: false })).toMatchObject({ status: 'fail', message: `State directory ${HOME} is not writable; fix its permissions (chmod 700 ${HOME}).` });
  });

  it('warns when others may read it', () => {
    expect(dir({ mode: 0o755 })).toMatchObject({ status: 'warn', message: `State directory ${HOME} is 0755; others can read session logs: chmod 700 ${HOME}` });
    expect(dir({ mode: 0o750 }).status).toBe('warn');
  });

  it('passes when the owner is unknown (no getuid on this platform)', () => {
    expect(dir({ ownedByUser: undefined }).status).toBe('ok');
  });
});

describe('evaluateDoctor: hook socket and monitor', () => {
  const hook = (change: (h: DoctorInputs['hookSocket']) => void) => byName(with_((i) => change(i.hookSocket)), 'hook-socket');

  it('warns when no monitor runs: no socket, a socket left behind, or one that never replies', () => {
    expect(hook((h) => ((h.socket = { exists: false }), (h.monitor = 'absent')))).toEqual({
      name: 'hook-socket',
      status: 'warn',
      message: `No monitor is running (no ${SOCKET}); start wingman monitor or the OpenClaw gateway to relay prompts.`,
    });
    expect(hook((h) => (h.monitor = 'absent'))).toMatchObject({ status: 'warn', message: `Hook socket ${SOCKET} is left from a monitor that stopped; start wingman monitor (it replaces it).` });
    expect(hook((h) => (h.monitor = 'silent'))).toMatchObject({ status: 'warn', message: `Hook socket ${SOCKET}: something accepts connections but does not answer; restart the monitor.` });
    expect(hook((h) => ((h.dir = { exists: false }), (h.socket = { exists: false }), (h.monitor = 'absent'))).status).toBe('warn');
  });

  it('fails when others could reach it: permissions, owner, or something else at its path', () => {
    expect(hook((h) => (h.socket.mode = 0o666))).toMatchObject({ status: 'fail', message: `Hook socket ${SOCKET} is 0666, not 0600; restart the monitor.` });
    expect(hook((h) => (h.dir.mode = 0o755))).toMatchObject({ status: 'fail', message: `Hook socket directory of ${SOCKET} is 0755, not 0700; restart the monitor (it resets it).` });
    expect(hook((h) => (h.dir.ownedByUser = false))).toMatchObject({ status: 'fail', message: `Hook socket directory of ${SOCKET} belongs to another user; set WINGMAN_HOME to a directory of yours.` });
    expect(hook((h) => (h.socket.ownedByUser = false))).toMatchObject({ status: 'fail', message: `Hook socket ${SOCKET} belongs to another user; stop that monitor.` });
    expect(hook((h) => (h.socket = { exists: true, isSocket: false, mode: 0o644, ownedByUser: true }))).toMatchObject({ status: 'fail', message: `${SOCKET} is not a socket; move it away, then start the monitor.` });
  });
});

describe('evaluateDoctor: config, output and exit code', () => {
  it('reports a broken config first and fails', () => {
    const checks = with_((i) => (i.configError = 'Invalid config: tmux.width: too small'));
    expect(checks[0]).toEqual({ name: 'config', status: 'fail', message: 'Config: Invalid config: tmux.width: too small' });
    expect(doctorExitCode(checks)).toBe(1);
  });

  it('exits 1 when any check fails, 0 with warnings only', () => {
    expect(doctorExitCode(with_((i) => (i.tmux = { found: false })))).toBe(1);
    expect(doctorExitCode(with_((i) => ((i.hookSocket.socket = { exists: false }), (i.hookSocket.monitor = 'absent'))))).toBe(0);
    expect(doctorExitCode([])).toBe(0);
  });

  it('marks each line ✓, ⚠ or ✗', () => {
    const text = formatDoctor([
      { name: 'tmux', status: 'ok', message: 'a' },
      { name: 'claude', status: 'warn', message: 'b' },
      { name: 'state-dir', status: 'fail', message: 'c' },
    ]);
    expect(text).toBe('✓ a\n⚠ b\n✗ c');
  });
});
