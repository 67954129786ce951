import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_BASH_OUTPUTS,
  MAX_TRANSCRIPT_TEXT,
  parseTranscript,
  parseTranscriptLine,
  readTranscriptText,
  summarizeTranscript,
  type TranscriptEntry,
} from '../../../../src/agents/claude-code/transcript.js';
import { detectTestProgress } from '../../../../src/core/status/test-progress.js';
import { FIXTURE_VERSIONS, transcriptLines } from '../../../support/claude-fixtures.js';

/** The transcript as it stood right after the line that first held an entry matching `match`. */
function upTo(lines: readonly string[], match: (entry: TranscriptEntry) => boolean): string[] {
  const index = lines.findIndex((line) => parseTranscriptLine(line).some(match));
  if (index === -1) throw new Error('no such entry in the fixture');
  return lines.slice(0, index + 1);
}
const promptIs = (text: string) => (entry: TranscriptEntry) => entry.kind === 'prompt' && entry.text === text;
const answerAfter = (lines: readonly string[], prompt: string) => {
  const start = upTo(lines, promptIs(prompt)).length;
  const end = lines.slice(start).findIndex((line) => parseTranscriptLine(line).some((entry) => entry.kind === 'text' || entry.kind === 'prompt'));
  return lines.slice(0, start + end + 1);
};
const summaryOf = (lines: readonly string[]) => summarizeTranscript(parseTranscript(lines));
const progressOf = (lines: readonly string[]) =>
  [...summaryOf(lines).bashOutputs].reverse().map(detectTestProgress).find((found) => found !== undefined)?.summary;

describe.each(FIXTURE_VERSIONS)('real transcript of Claude Code %s', (version) => {
  const lines = transcriptLines(version, 'main');

  it('has bookkeeping lines of many types, all skipped', () => {
    const types = new Set(lines.filter(Boolean).map((line) => (JSON.parse(line) as { type: string }).type));
    for (const type of ['user', 'assistant', 'system', 'file-history-snapshot', 'last-prompt', 'mode', 'permission-mode', 'attachment']) expect(types).toContain(type);
    for (const line of lines.filter((text) => !/"type":"(user|assistant)"/.test(text))) expect(parseTranscriptLine(line)).toEqual([]);
  });

  it('reads the end of the session: last prompt, answer and activity', () => {
    expect(readTranscriptText(lines.join('\n'))).toMatchObject({
      lastPrompt: 'after compact',
      lastAnswer: 'Echo: after compact',
      latestActivity: 'Echo: after compact',
      lastAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
  });

  it('a plain prompt and its answer, multi-line text kept whole', () => {
    expect(summaryOf(answerAfter(lines, 'hello transcript'))).toMatchObject({ lastPrompt: 'hello transcript', lastAnswer: 'Echo: hello transcript', latestActivity: 'Echo: hello transcript' });
    const multi = summaryOf(answerAfter(lines, 'first line\nsecond line\nthird line'));
    expect(multi.lastAnswer).toBe('Echo: first line\nsecond line\nthird line');
    expect(multi.latestActivity).toBe('Echo: first line second line third line');
  });

  it('a Bash call: running while it runs, still the latest activity once the turn has answered', () => {
    const command = 'echo hello-from-tool > proof.txt';
    const asked = upTo(lines, (entry) => entry.kind === 'tool_use' && entry.input.command === command);
    expect(summaryOf(asked)).toMatchObject({ lastPrompt: `RUNTOOL ${command}`, latestActivity: `Running: ${command}` });
    const done = answerAfter(lines, `RUNTOOL ${command}`);
    expect(parseTranscript(done).at(-1)).toMatchObject({ kind: 'text', text: 'Tool finished. Done.' });
    expect(summaryOf(done)).toMatchObject({ latestActivity: `Running: ${command}`, lastAnswer: 'Tool finished. Done.' });
  });

  it('test progress from the Bash result, passing and failing (non-zero exit) runs', () => {
    const passing = upTo(lines, (entry) => entry.kind === 'tool_result' && entry.output.includes('8 passed'));
    expect(summaryOf(passing).bashOutputs.at(-1)).toBe(' Tests  8 passed | 2 failed (10)');
    expect(progressOf(passing)).toBe('8/10 passing');
    const failing = upTo(lines, (entry) => entry.kind === 'tool_result' && entry.output.includes('3 passed'));
    const result = parseTranscript(failing).at(-1);
    expect(result).toMatchObject({ kind: 'tool_result', isError: true });
    expect(progressOf(failing)).toBe('3/10 passing');
    // Later Bash calls print no summary: the latest test run still counts.
    expect(progressOf(lines)).toBe('3/10 passing');
  });

  it('a failed command keeps its error output', () => {
    const failed = upTo(lines, (entry) => entry.kind === 'tool_result' && entry.output.includes('nonexistent-wingman-dir'));
    expect(parseTranscript(failed).at(-1)).toMatchObject({ kind: 'tool_result', isError: true, output: expect.stringMatching(/Exit code 2\nls: cannot access/) });
  });

  it('a denied call: the interruption marker is no prompt', () => {
    const denied = upTo(lines, promptIs('EDIT notes.txt draft=>final')).slice(0, -1);
    expect(summaryOf(denied)).toMatchObject({ lastPrompt: 'RUNTOOL touch denied.txt', latestActivity: 'Running: touch denied.txt', lastAnswer: 'Tool finished. Done.' });
    expect(parseTranscript(lines).filter((entry) => entry.kind === 'prompt' && entry.text.startsWith('[Request interrupted'))).toEqual([]);
  });

  it('Read then Edit, Write, AskUserQuestion: the latest call of each turn', () => {
    expect(summaryOf(answerAfter(lines, 'EDIT notes.txt draft=>final')).latestActivity).toMatch(/^Editing: (\/.*\/)?notes\.txt$/);
    expect(summaryOf(answerAfter(lines, 'WRITE created.txt made by the fixture')).latestActivity).toMatch(/^Writing: (\/.*\/)?created\.txt$/);
    expect(summaryOf(answerAfter(lines, 'ASK')).latestActivity).toMatch(/^Asking: Which colour/);
  });

  it('a custom slash command is the prompt as typed; its expansion is not', () => {
    expect(summaryOf(answerAfter(lines, '/greet the fixture'))).toMatchObject({ lastPrompt: '/greet the fixture', lastAnswer: 'Echo: Say hello to the fixture' });
    expect(parseTranscript(lines).some((entry) => entry.kind === 'prompt' && entry.text.startsWith('Say hello'))).toBe(false);
  });

  it("an API error turn: Claude Code's error text is no answer and no activity", () => {
    const failed = answerAfter(lines, 'ERROR500');
    expect(parseTranscript(failed).at(-1)).toMatchObject({ kind: 'text', apiError: true, text: expect.stringMatching(/^API Error: 500/) });
    expect(summaryOf(failed)).toMatchObject({ lastPrompt: 'ERROR500', lastAnswer: 'Echo: Say hello to the fixture', latestActivity: undefined });
  });

  it('/compact and /exit are local commands, not prompts; the compact summary is not either', () => {
    const prompts = parseTranscript(lines).flatMap((entry) => (entry.kind === 'prompt' ? [entry.text] : []));
    expect(prompts).not.toContain('/compact');
    expect(prompts).not.toContain('/exit');
    expect(prompts.some((text) => text.startsWith('This session is being continued'))).toBe(false);
    const compacted = upTo(lines, (entry) => entry.kind === 'prompt' && entry.text === 'after compact').slice(0, -1);
    expect(summaryOf(compacted).lastPrompt).toBe('after the error');
  });

  it('every prompt the session was given, in order', () => {
    const prompts = parseTranscript(lines).flatMap((entry) => (entry.kind === 'prompt' ? [entry.text] : []));
    expect(prompts).toEqual([
      'hello transcript',
      'first line\nsecond line\nthird line',
      'RUNTOOL echo hello-from-tool > proof.txt',
      "RUNTOOL printf ' Tests  8 passed | 2 failed (10)\\n'",
      "RUNTOOL printf ' Tests  3 passed | 7 failed (10)\\n'; exit 1",
      'RUNTOOL ls /nonexistent-wingman-dir',
      'RUNTOOL touch denied.txt',
      'EDIT notes.txt draft=>final',
      'WRITE created.txt made by the fixture',
      'RUNTOOL cd sub && pwd',
      'ASK',
      '/greet the fixture',
      'ERROR500',
      'after the error',
      'after compact',
    ]);
  });

  it('any tail of it (a read that starts mid-file) reads without error', () => {
    const text = lines.join('\n');
    for (let start = 0; start < text.length; start += 4999) {
      expect(() => readTranscriptText(text.slice(start))).not.toThrow();
    }
  });

  it('a tail that lost the Bash call still finds the test run in its result', () => {
    const passing = upTo(lines, (entry) => entry.kind === 'tool_result' && entry.output.includes('8 passed'));
    expect(progressOf(passing.slice(-1))).toBe('8/10 passing');
  });

  it('the auto-mode session that asked through its own dialog', () => {
    const auto = readTranscriptText(transcriptLines(version, 'auto-mode').join('\n'));
    expect(auto).toMatchObject({ lastPrompt: 'RUNTOOL npm run build', latestActivity: 'Running: npm run build' });
  });
});

const user = (content: unknown, extra: object = {}) => JSON.stringify({ type: 'user', message: { role: 'user', content }, timestamp: '2026-01-01T00:00:00.000Z', ...extra });
const assistant = (content: unknown, extra: object = {}) => JSON.stringify({ type: 'assistant', message: { role: 'assistant', content }, ...extra });

describe('parseTranscriptLine is loose', () => {
  it.each([
    ['empty', ''],
    ['not JSON', '{"type":"user",'],
    ['an array', '[{"type":"user"}]'],
    ['a number', '42'],
    ['no message', '{"type":"user"}'],
    ['message content a number', user(7)],
    ['an unknown type', '{"type":"assistant-v2","message":{"content":[]}}'],
    ['a sidechain', user('from a subagent', { isSidechain: true })],
    ['a meta line', user('Say hello', { isMeta: true })],
    ['a compact summary', user('This session is being continued', { isCompactSummary: true })],
    ['thinking only', assistant([{ type: 'thinking', thinking: 'hmm' }])],
    ['an empty text', assistant([{ type: 'text', text: '  ' }])],
    ['a tool_use without a name', assistant([{ type: 'tool_use', id: 'x', input: {} }])],
    ['a caveat', user('<local-command-caveat>Caveat: …</local-command-caveat>')],
    ['an interruption', user([{ type: 'text', text: '[Request interrupted by user]' }])],
  ])('%s: no entries', (_, line) => {
    expect(parseTranscriptLine(line)).toEqual([]);
  });

  it('keeps unknown fields and blocks out of the way', () => {
    const line = assistant([{ type: 'server_tool_use', name: 'web_search' }, { type: 'text', text: 'Hi', citations: [] }, { type: 'tool_use', id: 't1', name: 'Grep', input: 'not an object' }], { future: { x: 1 } });
    expect(parseTranscriptLine(line)).toEqual([
      { kind: 'text', text: 'Hi', apiError: false, at: undefined },
      { kind: 'tool_use', id: 't1', tool: 'Grep', input: {}, at: undefined },
    ]);
  });

  it('reads tool results given as text blocks, and the stdout of a shell', () => {
    expect(parseTranscriptLine(user([{ type: 'tool_result', tool_use_id: 't', content: [{ type: 'text', text: 'a' }, { type: 'image' }, { type: 'text', text: 'b' }] }]))).toEqual([
      { kind: 'tool_result', toolUseId: 't', output: 'a\nb', isError: false, shell: false, at: '2026-01-01T00:00:00.000Z' },
    ]);
    const shell = user([{ type: 'tool_result', tool_use_id: 't', content: 'ignored' }], { toolUseResult: { stdout: 'out', stderr: 'err', interrupted: false } });
    expect(parseTranscriptLine(shell)[0]).toMatchObject({ output: 'out\nerr', shell: true });
    // Two results on one line: the line's toolUseResult cannot say whose it is.
    const two = user([{ type: 'tool_result', tool_use_id: 'a', content: 'A' }, { type: 'tool_result', tool_use_id: 'b', content: 'B' }], { toolUseResult: { stdout: 'x' } });
    expect(parseTranscriptLine(two).map((entry) => (entry.kind === 'tool_result' ? entry.output : ''))).toEqual(['A', 'B']);
  });

  it('bounds what it keeps', () => {
    const [entry] = parseTranscriptLine(user('x'.repeat(MAX_TRANSCRIPT_TEXT * 2)));
    expect(entry).toMatchObject({ kind: 'prompt' });
    expect((entry as { text: string }).text).toHaveLength(MAX_TRANSCRIPT_TEXT);
    const calls = Array.from({ length: MAX_BASH_OUTPUTS + 5 }, (_, index) => [
      assistant([{ type: 'tool_use', id: `b${index}`, name: 'Bash', input: { command: `run ${index}` } }]),
      user([{ type: 'tool_result', tool_use_id: `b${index}`, content: `out ${index}` }]),
    ]).flat();
    const { bashOutputs } = readTranscriptText(calls.join('\n'));
    expect(bashOutputs).toHaveLength(MAX_BASH_OUTPUTS);
    expect(bashOutputs.at(-1)).toBe(`out ${MAX_BASH_OUTPUTS + 4}`);
  });

  it('only Bash results count as shell output', () => {
    const text = [
      assistant([{ type: 'tool_use', id: 'r', name: 'Read', input: { file_path: '/a' } }]),
      user([{ type: 'tool_result', tool_use_id: 'r', content: 'Tests  1 passed (1)' }]),
    ].join('\n');
    expect(readTranscriptText(text).bashOutputs).toEqual([]);
  });

  it('joins the text blocks of one answer, and a later answer replaces it', () => {
    const text = [user('go'), assistant([{ type: 'text', text: 'One.' }]), assistant([{ type: 'text', text: 'Two.' }]), user('again'), assistant([{ type: 'text', text: 'Three.' }])];
    expect(readTranscriptText(text.slice(0, 3).join('\n')).lastAnswer).toBe('One.\n\nTwo.');
    expect(readTranscriptText(text.join('\n')).lastAnswer).toBe('Three.');
  });

  it('a new prompt starts a new turn: no activity until Claude does something', () => {
    const text = [user('go'), assistant([{ type: 'tool_use', id: 'b', name: 'Bash', input: { command: 'ls' } }]), user('next')].join('\n');
    expect(readTranscriptText(text)).toMatchObject({ lastPrompt: 'next', latestActivity: undefined });
  });

  it('a local command output drops only a command prompt', () => {
    const text = [user('real prompt'), user('<local-command-stdout>out</local-command-stdout>')].join('\n');
    expect(readTranscriptText(text).lastPrompt).toBe('real prompt');
  });

  it('never throws, whatever the lines', () => {
    const block = fc.oneof(
      fc.record({ type: fc.constantFrom('text', 'tool_use', 'tool_result', 'image'), text: fc.string(), name: fc.string(), id: fc.string(), input: fc.anything(), content: fc.anything() }, { requiredKeys: [] }),
      fc.anything(),
    );
    const line = fc.oneof(
      fc.string(),
      fc.json(),
      fc.record({ type: fc.constantFrom('user', 'assistant', 'system'), message: fc.record({ content: fc.oneof(fc.string(), fc.array(block)) }, { requiredKeys: [] }), isMeta: fc.anything(), toolUseResult: fc.anything() }, { requiredKeys: [] }).map((value) => JSON.stringify(value)),
    );
    fc.assert(fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
      const summary = readTranscriptText(lines.join('\n'));
      expect(Array.isArray(summary.bashOutputs)).toBe(true);
    }));
  });
});
