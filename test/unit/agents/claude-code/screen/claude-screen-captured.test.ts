import { describe, expect, it } from 'vitest';
import type { PromptOption } from '../../../../../src/core/session-state.js';
import { detectClaudeScreen, type ClaudeScreenReading } from '../../../../../src/agents/claude-code/screen/read-claude-screen.js';
import { CAPTURED } from './captured-screens.js';

const option = (key: string, label: string, kind: PromptOption['kind'], selected = key === '1'): PromptOption => ({ key, label, kind, selected });
const YES = option('1', 'Yes', 'yes');
const NO3 = option('3', 'No', 'no');
const PROJECT_ALWAYS = option('2', 'Yes, and always allow access to proj/ from this project', 'always');
const SIMILAR_ALWAYS = option('2', "Yes, and don't ask again for similar commands in /tmp/cap/proj", 'always');
const EDITS_ALWAYS = option('2', 'Yes, allow all edits during this session (shift+tab)', 'always');
const TRUST = [option('1', 'Yes, I trust this folder', 'yes'), option('2', 'No, exit', 'no')];
const LONG_COMMAND = 'npm run build && node dist/cli/main.js --config ./config/production.json --verbose --output-dir /tmp/some/really/long/output/directory/path && echo finished';
const approval = (tool: string, detail: string, options: PromptOption[]): ClaudeScreenReading => ({ state: 'waiting_approval', prompt: { tool, detail, options } });
/** `cursor`: the 1-based option the picker's `❯` is on. */
const question = (detail: string, labels: string[], cursor = 1): ClaudeScreenReading => ({
  state: 'waiting_answer',
  prompt: { tool: 'question', detail, options: labels.map((label, index) => option(String(index + 1), label, 'other', index + 1 === cursor)) },
});
const HUGE = Array.from({ length: 36 }, (_, index) => `step-number-${String(index + 4).padStart(3, '0')}-of-the-very-long-command`).join(' && touch ');

const EXPECTED: Record<string, ClaudeScreenReading> = {
  'trust-w80': { state: 'waiting_trust', prompt: { tool: 'trust', detail: '/tmp/cap/proj', options: TRUST } },
  'trust-long-w80': {
    state: 'waiting_trust',
    prompt: { tool: 'trust', detail: '/tmp/cap/a-rather-long-project-directory-name/with/more/nesting/to/force/the/path/to/wrap/at/eighty', options: TRUST },
  },
  'bash-long-w80': approval('Bash', LONG_COMMAND, [YES, SIMILAR_ALWAYS, NO3]),
  'bash-long-w200': approval('Bash', LONG_COMMAND, [YES, SIMILAR_ALWAYS, NO3]),
  'bash-longtoken-w80': approval(
    'Bash',
    'curl -o out.bin https://downloads.example.com/releases/v1.2.3/artifacts/very-long-file-name-without-any-spaces-at-all-0123456789abcdef.tar.gz',
    [YES, option('2', 'Yes, and don’t ask again for: curl *', 'always'), NO3],
  ),
  'bash-longdesc-w80': approval('Bash', 'touch a-file.txt', [YES, PROJECT_ALWAYS, NO3]),
  'bash-multiline-w80': approval('Bash', "cat > notes.txt <<'X'\nfirst line\nsecond line\nX", [YES, PROJECT_ALWAYS, NO3]),
  'bash-nodesc2-w80': approval('Bash', 'touch created-by-test.txt', [YES, PROJECT_ALWAYS, NO3]),
  'bash-twoopt2-w80': approval('Bash', 'for f in *.py; do echo "$f"; done > list.txt', [YES, option('2', 'No', 'no')]),
  'bash-huge-w80': approval('Bash', `…${HUGE}`, [YES, SIMILAR_ALWAYS, NO3]),
  'webfetch-w80': approval('WebFetch', 'https://example.com/docs/page', [
    YES,
    option('2', "Yes, and don't ask again for example.com", 'always'),
    option('3', 'No, and tell Claude what to do differently (esc)', 'no'),
  ]),
  'mcp-w80': approval('mcp__github__create_issue', 'repo: "acme/app", title: "Crash on start", body: "Steps to reproduce"', [
    YES,
    option('2', "Yes, and don't ask again for github - create_issue commands in /tmp/cap/proj", 'always'),
    NO3,
  ]),
  'read-outside-w200': approval('Read', '/etc/hostname', [YES, option('2', 'Yes, allow reading from etc/ during this session', 'always'), NO3]),
  'write-long2-w80': approval('Write', 'src/some/deeply/nested/directory/structure/with/a/very/long/name/that/keeps/going/component-file.ts', [YES, EDITS_ALWAYS, NO3]),
  'ask2-w80': question('Which colour should the button be? Please consider the brand guidelines carefully, because this choice is shown on every page of the site', [
    'Red',
    'Blue',
    'Type something.',
    'Chat about this',
  ]),
  // The multi-select picker's unnumbered Submit row is a choice of its own.
  'ask2-q2-down-w80': {
    state: 'waiting_answer',
    prompt: {
      tool: 'question',
      detail: 'Which sizes do you need?',
      options: [
        option('1', '[ ] Small', 'other', false),
        option('2', '[ ] Large', 'other', true),
        option('3', '[ ] Type something', 'other', false),
        option('', 'Submit', 'other', false),
        option('4', 'Chat about this', 'other', false),
      ],
    },
  },
  'ask2-submit-w80': question('Ready to submit your answers?', ['Submit answers', 'Cancel']),
  'plan-w80': approval('ExitPlanMode', 'Claude wants to exit plan mode', [YES, option('2', 'No', 'no')]),
  'working-w80': { state: 'working' },
  'working-typed-w80': { state: 'working' },
  'working-queued-w80': { state: 'working' },
  'exited-w80': { state: 'exited', resumeSessionId: '99aa6be0-e89b-4bd5-aad3-db56367e6a5e' },
  'idle-w200': { state: 'idle', apiError: false },
};

describe('detectClaudeScreen on further real captures (80 and 200 columns, more dialogs)', () => {
  it('has an expectation for every capture', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(CAPTURED).sort());
  });

  for (const [name, reading] of Object.entries(EXPECTED)) {
    it(`${name}: ${CAPTURED[name]?.what ?? ''}`, () => {
      expect(detectClaudeScreen(CAPTURED[name]?.text ?? '')).toEqual(reading);
    });
  }
});
