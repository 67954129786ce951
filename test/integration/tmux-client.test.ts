import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TmuxClient } from '../../src/adapters/tmux/tmux-client.js';
import { WingmanError } from '../../src/core/errors.js';
import { createPrivateTmux } from '../support/private-tmux.js';
import { makeTempDir, removeDir } from '../support/temp-dir.js';

const tmux = createPrivateTmux();
let dir: string;

async function waitForPane(name: string, predicate: (text: string) => boolean, timeoutMs = 5_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < deadline) {
    text = await tmux.capturePane(name);
    if (predicate(text)) return text;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`pane never matched; last screen:\n${text}`);
}

beforeAll(async () => {
  dir = await makeTempDir();
});

afterAll(async () => {
  await tmux.killServer();
  await removeDir(dir);
});

describe('TmuxClient on a private socket', () => {
  it('reports no sessions when its server is not running', async () => {
    expect(await new TmuxClient({ socket: `${tmux.socket}-absent` }).listSessions()).toEqual([]);
  });

  it('creates a session in a directory, with environment and wingman options, running argv without a shell', async () => {
    await tmux.newSession({
      name: 'env-check',
      cwd: dir,
      // If a shell were involved, `$HOME` and `;` would be interpreted.
      command: ['bash', '-c', 'printf "%s|%s|%s\\n" "$PWD" "$WINGMAN_X" "$1"; exec cat', 'argv0', '$HOME; touch pwned'],
      env: { WINGMAN_X: 'a b "c"' },
      width: 120,
      height: 30,
      userOptions: { '@wingman_name': 'env.check', '@wingman_workdir': dir },
    });
    const screen = await waitForPane('env-check', (text) => text.includes('|'));
    expect(screen).toContain(`${dir}|a b "c"|$HOME; touch pwned`);
    const [info] = (await tmux.listSessions()).filter((session) => session.name === 'env-check');
    expect(info).toMatchObject({ name: 'env-check', paneDead: false, wingmanName: 'env.check', workdir: dir, currentCommand: 'cat' });
    expect(info!.panePid).toBeGreaterThan(0);
    expect(await tmux.getUserOption('env-check', '@wingman_name')).toBe('env.check');
  });

  it('never lets an argument ending in ";" split the tmux command (no argument runs a command)', async () => {
    await tmux.newSession({ name: 'semi', cwd: dir, command: ['bash', '-c', 'echo "[$1][$2]"; exec cat', 'argv0', 'one;', 'kill-server'] });
    await waitForPane('semi', (text) => text.includes('[one;][kill-server]'));
    for (const text of ['hello;', 'a\\;', ';', ';;;']) {
      await tmux.sendLiteral('semi', text);
      await tmux.sendKeys('semi', ['Enter']);
    }
    const screen = await waitForPane('semi', (text) => text.includes(';;;'));
    expect(screen.split('\n').filter((line) => line.trim() !== '')).toEqual([
      '[one;][kill-server]', 'hello;', 'hello;', 'a\\;', 'a\\;', ';', ';', ';;;', ';;;',
    ]);
    expect(await tmux.hasSession('env-check')).toBe(true);
  });

  it('sends literal text, named keys and bracketed pastes', async () => {
    await tmux.sendLiteral('env-check', 'Enter C-c $(id) "quoted"');
    await tmux.sendKeys('env-check', ['Enter']);
    await waitForPane('env-check', (text) => text.split('\n').filter((line) => line.includes('Enter C-c $(id) "quoted"')).length >= 2);
    await tmux.pasteText('env-check', '-starts-with-dash\nsecond line');
    await tmux.sendKeys('env-check', ['Enter']);
    const screen = await waitForPane('env-check', (text) => text.includes('second line'));
    expect(screen).toContain('-starts-with-dash');
  });

  it('captures with escapes and with history', async () => {
    const plain = await tmux.capturePane('env-check');
    const withHistory = await tmux.capturePane('env-check', { historyLines: 100 });
    expect(withHistory.length).toBeGreaterThanOrEqual(plain.trimEnd().length);
    expect(typeof (await tmux.capturePane('env-check', { escapes: true }))).toBe('string');
  });

  it('targets sessions by exact name, never by prefix', async () => {
    expect(await tmux.hasSession('env')).toBe(false);
    expect(await tmux.hasSession('env-check')).toBe(true);
    await expect(tmux.capturePane('env')).rejects.toMatchObject({ code: 'unknown_session' });
  });

  it('keeps a pane whose program exited, and reports it dead', async () => {
    await tmux.newSession({ name: 'short-lived', cwd: dir, command: ['bash', '-c', 'sleep 0.3; echo bye; sleep 0.5; exit 3'] });
    const deadline = Date.now() + 5_000;
    let dead;
    while (Date.now() < deadline) {
      dead = (await tmux.listSessions()).find((session) => session.name === 'short-lived');
      if (dead?.paneDead) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(dead?.paneDead).toBe(true);
    // tmux sets the exit status a moment after the dead flag, and under load sometimes not at all.
    if (dead?.paneDeadStatus !== undefined) expect(dead.paneDeadStatus).toBe(3);
    // tmux scrolls the dead pane's screen into history when it prints its "Pane is dead" notice.
    expect(await tmux.capturePane('short-lived', { historyLines: 200 })).toContain('bye');
  });

  it('captures several panes in one call exactly as one by one, skipping a pane that is gone', async () => {
    const names = ['cap-a', 'cap-b', 'cap-c'];
    for (const [index, name] of names.entries()) {
      // Blank lines, a line that looks like a marker, and different lengths of history.
      const text = `${name} top\\n\\nwingman-capture-x:0\\n${'row\\n'.repeat(index * 30)}${name} end`;
      await tmux.newSession({ name, cwd: dir, command: ['bash', '-c', `printf '${text}\\n'; exec cat`], width: 80, height: 12 });
      await waitForPane(name, (screen) => screen.includes(`${name} end`));
    }
    const options = { historyLines: 50 };
    const together = await tmux.capturePanes(names, options);
    for (const name of names) expect(together.get(name), name).toBe(await tmux.capturePane(name, options));

    const withGone = await tmux.capturePanes(['cap-a', 'no-such-pane', 'cap-c']);
    expect([...withGone.keys()]).toEqual(['cap-a', 'cap-c']);
    expect(withGone.get('cap-c')).toBe(await tmux.capturePane('cap-c'));
    expect(await tmux.capturePanes([])).toEqual(new Map());
    for (const name of names) await tmux.killSession(name);
  });

  it('kills sessions', async () => {
    await tmux.killSession('short-lived');
    expect(await tmux.hasSession('short-lived')).toBe(false);
    await expect(tmux.killSession('short-lived')).rejects.toBeInstanceOf(WingmanError);
  });

  it('refuses names tmux would rewrite, before running tmux', async () => {
    await expect(tmux.capturePane('a.b')).rejects.toThrow(TypeError);
    await expect(tmux.sendLiteral('x; kill-server', 'x')).rejects.toThrow(TypeError);
  });

  it('explains a missing tmux binary', async () => {
    const missing = new TmuxClient({ socket: tmux.socket, binary: '/nonexistent/tmux' });
    await expect(missing.listSessions()).rejects.toMatchObject({ code: 'binary_missing', message: expect.stringContaining('tmux is not installed') });
  });
});
