import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { claudeConfigDir, claudeProjectDirName, resolveTranscriptPath, transcriptPathFor } from '../../../../src/agents/claude-code/transcript-path.js';
import { FIXTURE_VERSIONS, hookPayloads, transcriptPaths } from '../../../support/claude-fixtures.js';

const ID = '0b7a4f6e-1c2d-4e5f-8a9b-0c1d2e3f4a5b';

describe.each(FIXTURE_VERSIONS)('the transcript paths Claude Code %s really used', (version) => {
  const observed = transcriptPaths(version);

  it('a work directory with `.`, `_`, `+` and `@`', () => {
    const { cwd, sessionId, transcriptPath } = observed.main;
    expect(cwd).toMatch(/my_proj\.v2\+x@y$/);
    expect(transcriptPathFor({ env: { HOME: observed.home }, homedir: '/nowhere', cwd, sessionId })).toBe(transcriptPath);
    expect(observed.main.projectDirs).toContain(claudeProjectDirName(cwd));
  });

  it('a work directory whose slug is over 200 characters: cut, plus a hash', () => {
    const { cwd, sessionId, transcriptPath } = observed.longCwd;
    const name = claudeProjectDirName(cwd);
    expect(name.length).toBeGreaterThan(200);
    expect(name).toMatch(/^.{200}-[0-9a-z]+$/);
    expect(transcriptPathFor({ env: { HOME: observed.home }, homedir: '/nowhere', cwd, sessionId })).toBe(transcriptPath);
  });

  it('CLAUDE_CONFIG_DIR replaces $HOME/.claude', () => {
    const { cwd, sessionId, transcriptPath, CLAUDE_CONFIG_DIR } = observed.claudeConfigDir;
    expect(transcriptPathFor({ env: { HOME: observed.home, CLAUDE_CONFIG_DIR }, homedir: '/nowhere', cwd, sessionId })).toBe(transcriptPath);
  });

  it("every hook payload's transcript_path is the computed one for the session's start directory", () => {
    const start = hookPayloads(version).SessionStart![0]!;
    const computed = transcriptPathFor({ env: { HOME: observed.home }, homedir: '/nowhere', cwd: String(start.cwd), sessionId: String(start.session_id) });
    expect(start.transcript_path).toBe(computed);
  });
});

describe('claudeProjectDirName', () => {
  it.each([
    ['/home/me/code/vsr', '-home-me-code-vsr'],
    ['/home/me/my_app.v2', '-home-me-my-app-v2'],
    ['/srv/Repo 2/x-y', '-srv-Repo-2-x-y'],
    ['/tmp/café', '-tmp-caf-'],
    ['/tmp/🚀', '-tmp---'], // one `-` per UTF-16 code unit, as the JavaScript regex Claude Code uses
  ])('%s → %s', (cwd, name) => {
    expect(claudeProjectDirName(cwd)).toBe(name);
  });

  it('keeps slugs of exactly 200 characters whole', () => {
    const cwd = `/${'a'.repeat(199)}`;
    expect(claudeProjectDirName(cwd)).toBe(`-${'a'.repeat(199)}`);
    expect(claudeProjectDirName(`${cwd}b`)).toMatch(new RegExp(`^-a{199}-[0-9a-z]+$`));
  });
});

describe('claudeConfigDir', () => {
  it.each<[Record<string, string | undefined>, string]>([
    [{}, '/home/me/.claude'],
    [{ HOME: '/isolated' }, '/isolated/.claude'],
    [{ HOME: '/isolated', CLAUDE_CONFIG_DIR: '/etc/claude' }, '/etc/claude'],
    [{ HOME: 'relative', CLAUDE_CONFIG_DIR: 'also-relative' }, '/home/me/.claude'],
  ])('%j → %s', (env, dir) => {
    expect(claudeConfigDir(env, '/home/me')).toBe(dir);
  });
});

describe('resolveTranscriptPath', () => {
  const location = { env: { HOME: '/h' }, homedir: '/nowhere', cwd: '/w/p', sessionId: ID };

  it("prefers the hook's transcript_path (it follows /clear and --resume)", () => {
    expect(resolveTranscriptPath('/h/.claude/projects/-w-p/other.jsonl', location)).toBe('/h/.claude/projects/-w-p/other.jsonl');
  });

  it('computes it from the launch otherwise', () => {
    expect(resolveTranscriptPath(undefined, location)).toBe(path.join('/h/.claude/projects/-w-p', `${ID}.jsonl`));
  });

  it('ignores a hook path that is not an absolute .jsonl file', () => {
    expect(resolveTranscriptPath('relative.jsonl', location)).toBe(`/h/.claude/projects/-w-p/${ID}.jsonl`);
    expect(resolveTranscriptPath('/etc/passwd', location)).toBe(`/h/.claude/projects/-w-p/${ID}.jsonl`);
  });

  it('gives up without a session id or with one that cannot be a file name', () => {
    expect(resolveTranscriptPath(undefined, { ...location, sessionId: undefined })).toBeUndefined();
    expect(resolveTranscriptPath(undefined, { ...location, sessionId: '../../etc/x' })).toBeUndefined();
    expect(resolveTranscriptPath(undefined, { ...location, cwd: 'relative' })).toBeUndefined();
  });
});
