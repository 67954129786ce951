import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readTranscriptText, summarizeTranscript, type TranscriptEntry } from '../../../../src/agents/claude-code/transcript.js';
import { deriveSessionState } from '../../../../src/core/status/derive-state.js';
import { TESTED_VERSIONS } from '../../../../src/agents/claude-code/versions.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/claude-code');
const input = { questions: [{ question: 'Which colour?', options: [{ label: 'Red' }, { label: 'Blue' }] }] };

describe('the question a transcript leaves open', () => {
  it('an AskUserQuestion call without a result is open; its result, or a new prompt, closes it', () => {
    const call: TranscriptEntry = { kind: 'tool_use', id: 't1', tool: 'AskUserQuestion', input };
    expect(summarizeTranscript([{ kind: 'prompt', text: 'ASK', command: false }, call]).openQuestion).toEqual(input);
    expect(summarizeTranscript([call, { kind: 'tool_result', toolUseId: 't1', output: 'answered', isError: false, shell: false }]).openQuestion).toBeUndefined();
    expect(summarizeTranscript([call, { kind: 'prompt', text: 'next', command: false }]).openQuestion).toBeUndefined();
    expect(summarizeTranscript([call, { kind: 'tool_result', toolUseId: 'other', output: '', isError: false, shell: false }]).openQuestion).toEqual(input);
  });

  it.each(TESTED_VERSIONS)('the real transcript of %s: its question was answered, so none is open', (version) => {
    const text = readFileSync(path.join(fixtures, version, 'transcripts', 'main.jsonl'), 'utf8');
    expect(text).toContain('"name":"AskUserQuestion"');
    expect(readTranscriptText(text).openQuestion).toBeUndefined();
  });
});

describe('a PermissionRequest for AskUserQuestion, before the picker is drawn', () => {
  const hooks = (tool: string) => ({ lastEvent: { name: 'PermissionRequest' as const, atMs: 1_000 }, openPermission: { tool, input, atMs: 1_000, suggestions: [] } });
  it('waits for an answer, not an approval', () => {
    expect(deriveSessionState({ nowMs: 1_500, alive: true, screen: { state: 'working' }, hooks: hooks('AskUserQuestion') }).state).toBe('waiting_answer');
    expect(deriveSessionState({ nowMs: 1_500, alive: true, screen: { state: 'working' }, hooks: hooks('Bash') }).state).toBe('waiting_approval');
    expect(deriveSessionState({ nowMs: 60_000, alive: true, screen: { state: 'unknown' }, hooks: hooks('AskUserQuestion') }).state).toBe('waiting_answer');
  });
});
