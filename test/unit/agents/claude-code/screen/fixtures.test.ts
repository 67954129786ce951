import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectClaudeScreen, type ClaudeScreenReading } from '../../../../../src/agents/claude-code/screen/read-claude-screen.js';
import { TESTED_VERSIONS } from '../../../../../src/agents/claude-code/versions.js';
import type { ExpectedReading } from '../../../../../scripts/capture-screens/expected.js';

// Real Claude Code screens per version, written by `npm run capture-screens -- --claude VERSION`;
// expected.json holds what each scenario means (not what the reader said when it was captured).
const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../fixtures/claude-screens');

const versions = existsSync(FIXTURES)
  ? readdirSync(FIXTURES).filter((entry) => statSync(path.join(FIXTURES, entry)).isDirectory()).sort()
  : [];

const expectedOf = (version: string): Record<string, ExpectedReading> =>
  JSON.parse(readFileSync(path.join(FIXTURES, version, 'expected.json'), 'utf8')) as Record<string, ExpectedReading>;

/** The fields the reader must get right, with absent booleans read as false. */
function comparable(reading: ClaudeScreenReading | ExpectedReading) {
  return {
    state: reading.state,
    prompt: reading.prompt && {
      tool: reading.prompt.tool,
      detail: reading.prompt.detail,
      options: reading.prompt.options.map((option) => ({
        key: option.key, label: option.label, kind: option.kind, selected: option.selected === true,
      })),
    },
    apiError: reading.apiError === true,
    resumeSessionId: reading.resumeSessionId,
  };
}

/** [version, file, expected]: one test per fixture file, plain and with escapes. */
const cases = versions.flatMap((version) =>
  Object.entries(expectedOf(version)).flatMap(([name, expected]) =>
    (['txt', 'ansi.txt'] as const).map((ext) => [version, `${name}.${ext}`, expected] as const),
  ),
);

describe('detectClaudeScreen on the captured fixtures (test/fixtures/claude-screens)', () => {
  it('finds fixtures for every tested version', () => {
    expect(versions).toEqual(expect.arrayContaining([...TESTED_VERSIONS]));
  });

  it.each(versions)('%s: every captured screen has an expected reading and every reading its screens', (version) => {
    const files = readdirSync(path.join(FIXTURES, version)).filter((file) => file.endsWith('.txt')).sort();
    const named = Object.keys(expectedOf(version)).flatMap((name) => [`${name}.ansi.txt`, `${name}.txt`]).sort();
    expect(files).toEqual(named);
  });

  it.each(cases)('%s %s', (version, file, expected) => {
    const reading = detectClaudeScreen(readFileSync(path.join(FIXTURES, version, file), 'utf8'));
    expect(comparable(reading), expected.what).toEqual(comparable(expected));
  });
});
