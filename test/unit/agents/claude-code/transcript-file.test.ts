import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIRST_TAIL_BYTES, readSessionTranscript, readTranscriptSummary } from '../../../../src/agents/claude-code/transcript-file.js';
import { claudeProjectDirName } from '../../../../src/agents/claude-code/transcript-path.js';
import { readTranscriptText } from '../../../../src/agents/claude-code/transcript.js';
import { FIXTURE_VERSIONS, transcriptText } from '../../../support/claude-fixtures.js';
import { makeTempDir, removeDir } from '../../../support/temp-dir.js';

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir('wingman-transcript-');
});
afterEach(async () => {
  await removeDir(dir);
});

const ID = '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b';
const line = (value: object) => `${JSON.stringify(value)}\n`;

describe.each(FIXTURE_VERSIONS)('readTranscriptSummary on the real %s transcript', (version) => {
  it('reads from the tail what a whole read finds', async () => {
    const file = path.join(dir, 'main.jsonl');
    const text = transcriptText(version, 'main');
    await fs.writeFile(file, text);
    expect(text.length).toBeGreaterThan(FIRST_TAIL_BYTES);
    const whole = readTranscriptText(text);
    const tail = await readTranscriptSummary(file);
    expect(tail).toMatchObject({ lastPrompt: whole.lastPrompt, lastAnswer: whole.lastAnswer, latestActivity: whole.latestActivity, lastAt: whole.lastAt });
  });
});

describe('readTranscriptSummary', () => {
  it('is undefined for a missing file or a directory', async () => {
    expect(await readTranscriptSummary(path.join(dir, 'none.jsonl'))).toBeUndefined();
    expect(await readTranscriptSummary(dir)).toBeUndefined();
  });

  it('widens its read past large bookkeeping lines until it finds the prompt', async () => {
    const file = path.join(dir, 'big.jsonl');
    const filler = line({ type: 'attachment', attachment: { type: 'prompt_snapshot', text: 'x'.repeat(100 * 1024) } });
    await fs.writeFile(file, line({ type: 'user', message: { content: 'the task' } }) + filler + filler + line({ type: 'assistant', message: { content: [{ type: 'text', text: 'Working on it.' }] } }));
    expect(await readTranscriptSummary(file)).toMatchObject({ lastPrompt: 'the task', lastAnswer: 'Working on it.' });
  });

  it('sees the file grow', async () => {
    const file = path.join(dir, 'grow.jsonl');
    await fs.writeFile(file, line({ type: 'user', message: { content: 'first' } }));
    expect((await readTranscriptSummary(file))?.lastPrompt).toBe('first');
    await fs.appendFile(file, line({ type: 'user', message: { content: 'second' } }));
    expect((await readTranscriptSummary(file))?.lastPrompt).toBe('second');
  });

  it('skips a half-written last line', async () => {
    const file = path.join(dir, 'partial.jsonl');
    await fs.writeFile(file, `${line({ type: 'user', message: { content: 'done' } })}{"type":"user","message":{"content":"cut`);
    expect((await readTranscriptSummary(file))?.lastPrompt).toBe('done');
  });
});

describe('readSessionTranscript', () => {
  it("finds a session's transcript from its launch: HOME, work directory and session id", async () => {
    const cwd = '/work/my_app.v2';
    const project = path.join(dir, '.claude', 'projects', claudeProjectDirName(cwd));
    await fs.mkdir(project, { recursive: true });
    await fs.writeFile(path.join(project, `${ID}.jsonl`), line({ type: 'user', message: { content: 'from the launch' } }));
    expect((await readSessionTranscript({ env: { HOME: dir }, cwd, sessionId: ID }))?.lastPrompt).toBe('from the launch');
  });

  it("follows the hook's transcript_path first", async () => {
    const file = path.join(dir, 'elsewhere.jsonl');
    await fs.writeFile(file, line({ type: 'user', message: { content: 'from the hook' } }));
    expect((await readSessionTranscript({ hookPath: file, env: { HOME: dir }, cwd: '/w', sessionId: ID }))?.lastPrompt).toBe('from the hook');
  });

  it('is undefined when there is nothing to read', async () => {
    expect(await readSessionTranscript({ env: { HOME: dir }, cwd: '/w' })).toBeUndefined();
    expect(await readSessionTranscript({ env: { HOME: dir }, cwd: '/w', sessionId: ID })).toBeUndefined();
  });
});
