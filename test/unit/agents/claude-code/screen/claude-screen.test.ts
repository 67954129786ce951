import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectClaudeScreen, type ClaudeScreenReading } from '../../../../../src/agents/claude-code/screen/read-claude-screen.js';
import { bashDialog, dialog, idleScreen, rule, THREE_OPTIONS, TWO_OPTIONS, wrap } from './screen-builders.js';

// ../shared/claude-screens relative to the repository root (CI checks it out beside the repo).
const SHARED = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../../shared/claude-screens');
const shared = (file: string) => readFileSync(path.join(SHARED, file), 'utf8');

const BASH_OPTIONS = [
  { key: '1', label: 'Yes', kind: 'yes', selected: true },
  { key: '2', label: 'Yes, and always allow access to catproj/ from this project', kind: 'always', selected: false },
  { key: '3', label: 'No', kind: 'no', selected: false },
] as const;
const EDIT_OPTIONS = [
  { key: '1', label: 'Yes', kind: 'yes', selected: true },
  { key: '2', label: 'Yes, allow all edits during this session (shift+tab)', kind: 'always', selected: false },
  { key: '3', label: 'No', kind: 'no', selected: false },
] as const;
const IDLE: ClaudeScreenReading = { state: 'idle', apiError: false };

const EXPECTED: Record<string, ClaudeScreenReading> = {
  'trust-dialog': {
    state: 'waiting_trust',
    prompt: {
      tool: 'trust',
      detail: '/srv/catproj',
      options: [
        { key: '1', label: 'Yes, I trust this folder', kind: 'yes', selected: true },
        { key: '2', label: 'No, exit', kind: 'no', selected: false },
      ],
    },
  },
  'idle-empty-prompt': IDLE,
  'idle-with-unsent-input': IDLE,
  'working-waiting-first-token': { state: 'working' },
  'working-streaming': { state: 'working' },
  'working-tool-running': { state: 'working' },
  'permission-bash': { state: 'waiting_approval', prompt: { tool: 'Bash', detail: 'echo hello-from-tool > proof.txt', options: [...BASH_OPTIONS] } },
  'permission-bash-w80': { state: 'waiting_approval', prompt: { tool: 'Bash', detail: 'echo hello-from-tool > proof.txt', options: [...BASH_OPTIONS] } },
  'permission-edit': { state: 'waiting_approval', prompt: { tool: 'Edit', detail: 'hello.py', options: [...EDIT_OPTIONS] } },
  'permission-write': { state: 'waiting_approval', prompt: { tool: 'Write', detail: 'newfile.txt', options: [...EDIT_OPTIONS] } },
  'ask-user-question': {
    state: 'waiting_answer',
    prompt: {
      tool: 'question',
      detail: 'Which colour should the button be?',
      options: [
        { key: '1', label: 'Red', kind: 'other', selected: true },
        { key: '2', label: 'Blue', kind: 'other', selected: false },
        { key: '3', label: 'Type something.', kind: 'other', selected: false },
        { key: '4', label: 'Chat about this', kind: 'other', selected: false },
      ],
    },
  },
  'plan-mode-exit': {
    state: 'waiting_approval',
    prompt: {
      tool: 'ExitPlanMode',
      detail: 'Plan\n1. Create plan.txt\n2. Write hello into it',
      options: [
        { key: '1', label: 'Yes, and use auto mode', kind: 'other', selected: true },
        { key: '2', label: 'Yes, manually approve edits', kind: 'yes', selected: false },
        { key: '3', label: 'Tell Claude what to change', kind: 'other', selected: false },
      ],
    },
  },
  'api-error-500-retrying': { state: 'working' },
  'api-error-500': {
    state: 'idle',
    apiError: true,
    apiErrorMessage:
      'API Error: 500 Internal server error. This is a server-side issue, usually temporary — try again in a moment. If it persists, check your inference gateway (127.0.0.1:18090).',
  },
  'after-deny': IDLE,
  'after-approve-done': IDLE,
  exited: { state: 'exited', resumeSessionId: 'ca454192-c5ce-4772-a8e5-2db1d1b7da07' },
};

describe('detectClaudeScreen on every shared real screen, plain and with escapes', () => {
  it('has an expectation for every screen in the shared folder', () => {
    const names = readdirSync(SHARED).filter((file) => file.endsWith('.txt') && !file.endsWith('.ansi.txt')).map((file) => file.slice(0, -4));
    expect(names.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [name, reading] of Object.entries(EXPECTED)) {
    it.each([`${name}.txt`, `${name}.ansi.txt`])('%s', (file) => {
      expect(detectClaudeScreen(shared(file))).toEqual(reading);
    });
  }
});

describe('Bash dialogs at 80, 160 and 200 columns', () => {
  const COMMANDS = [
    'npm test',
    'npm run build && node dist/cli/main.js --config ./config/production.json --verbose --output-dir /tmp/some/really/long/output/directory/path && echo finished',
    'curl -o out.bin https://downloads.example.com/releases/v1.2.3/artifacts/very-long-file-name-without-any-spaces-at-all-0123456789abcdef.tar.gz',
    'git commit -m "$(cat <<\'EOF\'\nFix the parser\n\nIt dropped the last line.\nEOF\n)"',
    `touch ${Array.from({ length: 12 }, (_, index) => `file-${index}.txt`).join(' ')} && ls -la ${'x'.repeat(90)}`,
  ];
  const DESCRIPTIONS = ['Run tests', 'This is a very long description of what the command does, written to test how the permission dialog wraps a description that does not fit'];

  for (const width of [80, 160, 200]) {
    for (const description of DESCRIPTIONS) {
      it.each(COMMANDS)(`reads the whole command at ${width} columns (description of ${description.length} chars): %j`, (command) => {
        const reading = detectClaudeScreen(bashDialog({ width, command, description }));
        expect(reading.state).toBe('waiting_approval');
        expect(reading.prompt?.tool).toBe('Bash');
        expect(reading.prompt?.detail).toBe(command);
      });
    }
  }

  it('wraps the 80-column command over several lines in the synthetic screen (the test is meaningful)', () => {
    expect(wrap(COMMANDS[1]!, 3, 80).length).toBe(3);
    expect(wrap(COMMANDS[2]!, 3, 80)).toEqual([
      '   curl -o out.bin https://downloads.example.com/releases/v1.2.3/artifacts/ve',
      '   ry-long-file-name-without-any-spaces-at-all-0123456789abcdef.tar.gz',
    ]);
  });

  it('reads a two-option dialog without assuming that 3 means No', () => {
    const reading = detectClaudeScreen(bashDialog({ command: 'for f in *.py; do echo "$f"; done', status: 'Contains for_statement', options: TWO_OPTIONS }));
    expect(reading.prompt?.options).toEqual([
      { key: '1', label: 'Yes', kind: 'yes', selected: true },
      { key: '2', label: 'No', kind: 'no', selected: false },
    ]);
  });

  it('keeps the status line ("Contains simple_expansion") out of the command', () => {
    const reading = detectClaudeScreen(bashDialog({ command: 'echo "$HOME"', status: 'Contains simple_expansion', options: TWO_OPTIONS }));
    expect(reading.prompt?.detail).toBe('echo "$HOME"');
  });

  it('reports the highlighted option wherever the cursor is', () => {
    const options = ['   1. Yes', ' ❯ 2. Yes, and always allow access to proj/ from this project', '   3. No'];
    const reading = detectClaudeScreen(bashDialog({ command: 'npm test', options }));
    expect(reading.prompt?.options.map((option) => [option.key, option.kind])).toEqual([['1', 'yes'], ['2', 'always'], ['3', 'no']]);
  });

  it('takes the command from the complete call above when command and description ran together', () => {
    // 74 columns of command end the line, so "Download" could not have fitted: the reflow alone would merge them.
    const command = `curl -fsSL https://example.com/install.sh -o /tmp/installer-script-file.sh`;
    const screen = bashDialog({ width: 80, command, description: 'Download the installer', above: ['❯ go', '', `● Bash(${command})`, '  ⎿ \u00a0Waiting…', ''] });
    expect(detectClaudeScreen(screen).prompt?.detail).toBe(command);
  });

  it('never takes an older call further up the transcript for the dialog', () => {
    const above = ['❯ first', '', '● Bash(rm -rf /tmp/old)', '  ⎿ \u00a0(No output)', '', '❯ second', '', '  Calling github… (ctrl+o to expand)', ''];
    const screen = dialog({ title: 'Tool use', body: ['   weird tool display'], question: 'Do you want to proceed?', options: THREE_OPTIONS, above });
    expect(detectClaudeScreen(screen).prompt).toMatchObject({ tool: 'Tool use', detail: 'weird tool display' });
  });
});

describe('other permission dialogs', () => {
  it('reads an MCP tool as mcp__<server>__<tool> with its arguments', () => {
    const screen = dialog({
      title: 'Tool use',
      body: ['   github - create_issue(repo: "acme/app", title: "Bug") (MCP)', '   Create a GitHub issue'],
      question: 'Do you want to proceed?',
      options: [' ❯ 1. Yes', "   2. Yes, and don't ask again for github - create_issue commands in /srv/app", '   3. No'],
    });
    expect(detectClaudeScreen(screen)).toEqual({
      state: 'waiting_approval',
      prompt: {
        tool: 'mcp__github__create_issue',
        detail: 'repo: "acme/app", title: "Bug"',
        options: [
          { key: '1', label: 'Yes', kind: 'yes', selected: true },
          { key: '2', label: "Yes, and don't ask again for github - create_issue commands in /srv/app", kind: 'always', selected: false },
          { key: '3', label: 'No', kind: 'no', selected: false },
        ],
      },
    });
  });

  it('normalises MCP server and tool names the way Claude Code does', () => {
    const screen = dialog({ title: 'Tool use', body: ['   my server - do.thing() (MCP)', '   Does a thing'], question: 'Do you want to proceed?', options: TWO_OPTIONS });
    expect(detectClaudeScreen(screen).prompt).toMatchObject({ tool: 'mcp__my_server__do_thing', detail: '' });
  });

  it('reads WebFetch (no "Esc to cancel" footer) and unwraps a long URL at 80 columns', () => {
    const url = `https://example.com/a/really/long/path/${'segment/'.repeat(8)}page.html`;
    const screen = dialog({
      width: 80,
      title: 'Fetch',
      body: [...wrap(`url: "${url}", prompt: "Summarise"`, 3, 80), '   Claude wants to fetch content from example.com'],
      question: 'Do you want to allow Claude to fetch this content?',
      options: [' ❯ 1. Yes', "   2. Yes, and don't ask again for example.com", '   3. No, and tell Claude what to do differently (esc)'],
      footer: '',
    });
    expect(detectClaudeScreen(screen).prompt).toMatchObject({ tool: 'WebFetch', detail: url, options: [{ kind: 'yes' }, { kind: 'always' }, { kind: 'no' }] });
  });

  it('reads an Edit dialog at 200 columns', () => {
    const screen = dialog({ width: 200, title: 'Edit file', body: [' src/app.ts', '╌'.repeat(200), ' 1 -a', ' 1 +b', '╌'.repeat(200)], question: 'Do you want to make this edit to app.ts?', options: [' ❯ 1. Yes', '   2. Yes, allow all edits during this session (shift+tab)', '   3. No'] });
    expect(detectClaudeScreen(screen).prompt).toMatchObject({ tool: 'Edit', detail: 'src/app.ts' });
  });

  it('reads a dialog with an unknown title as an approval named after its title', () => {
    const screen = dialog({ title: 'Edit notebook', body: ['   notebook.ipynb'], question: 'Do you want to proceed?', options: THREE_OPTIONS });
    expect(detectClaudeScreen(screen)).toMatchObject({ state: 'waiting_approval', prompt: { tool: 'Edit notebook', detail: 'notebook.ipynb' } });
  });

  it('reads a plan approval with long plan lines', () => {
    const long = 'Refactor the session service so that every call goes through the queue and gets a timeout';
    const screen = [
      '❯ plan it',
      '',
      rule(80),
      ' Ready to code?',
      '',
      " Here is Claude's plan:",
      '╌'.repeat(80),
      ' Plan',
      '',
      ...wrap(`1. ${long}`, 1, 80),
      ' 2. Test it',
      '╌'.repeat(80),
      '',
      rule(80),
      ' Claude has written up a plan and is ready to execute. Would you like to proceed?',
      '',
      ' ❯ 1. Yes, and use auto mode',
      '   2. Yes, manually approve edits',
      '   3. Tell Claude what to change',
      '      shift+tab to approve with this feedback',
      '',
      ' ctrl+g to edit in  Vim  · ~/.claude/plans/plan.md',
    ].join('\n');
    expect(detectClaudeScreen(screen).prompt).toMatchObject({ tool: 'ExitPlanMode', detail: `Plan\n1. ${long}\n2. Test it` });
  });

  it('reads a question whose picker cursor sits on the option after the inner rule', () => {
    const screen = [
      '❯ ASK',
      rule(160),
      ' ☐ Colour',
      '',
      'Which colour?',
      '',
      '  1. Red',
      '  2. Blue',
      '  3. Type something.',
      rule(160),
      '❯ 4. Chat about this',
      '',
      'Enter to select · ↑/↓ to navigate · Esc to cancel',
    ].join('\n');
    expect(detectClaudeScreen(screen).prompt).toEqual({
      tool: 'question',
      detail: 'Which colour?',
      options: [
        { key: '1', label: 'Red', kind: 'other', selected: false },
        { key: '2', label: 'Blue', kind: 'other', selected: false },
        { key: '3', label: 'Type something.', kind: 'other', selected: false },
        { key: '4', label: 'Chat about this', kind: 'other', selected: true },
      ],
    });
  });
});

describe('adversarial transcripts never decide the state', () => {
  const FAKE_DIALOG = [
    '● Here is what the permission dialog looks like:',
    '',
    '  Bash command',
    '    rm -rf /',
    '  Do you want to proceed?',
    '  ❯ 1. Yes',
    '    2. No',
    '  Esc to cancel · Tab to amend · ctrl+e to explain',
    '  Enter to select · ↑/↓ to navigate · Esc to cancel',
    '  esc to interrupt',
  ];

  it('stays idle when an answer above the live input box echoes a dialog', () => {
    expect(detectClaudeScreen(idleScreen(['❯ show me the dialog', '', ...FAKE_DIALOG]))).toEqual(IDLE);
  });

  it('stays idle when tool output shows dialog text, a rule and options', () => {
    const output = ['● Bash(cat dialog.txt)', `  ⎿ \u00a0${'─'.repeat(40)}`, '      Do you want to proceed?', '     ❯ 1. Yes', '       2. No', '      Esc to cancel'];
    expect(detectClaudeScreen(idleScreen(['❯ cat it', '', ...output]))).toEqual(IDLE);
  });

  it('stays idle when the user typed dialog words into the input box', () => {
    expect(detectClaudeScreen(idleScreen(['● ok'], { input: 'Do you want to proceed?\n❯ 1. Yes\nesc to interrupt' }))).toEqual(IDLE);
  });

  it('stays idle when a past prompt was a numbered list ("❯ 1. fix it")', () => {
    expect(detectClaudeScreen(idleScreen(['❯ 1. fix the parser', '', '● Done.']))).toEqual(IDLE);
  });

  it('reads the live dialog, not the fake one or a numbered past prompt above it', () => {
    const above = ['❯ 1. fix the parser', '', ...FAKE_DIALOG, '', '❯ RUNTOOL npm test', '', '● Bash(npm test)', '  ⎿ \u00a0Waiting…', ''];
    const reading = detectClaudeScreen(bashDialog({ command: 'npm test', description: 'Run tests', above }));
    expect(reading).toEqual({ state: 'waiting_approval', prompt: { tool: 'Bash', detail: 'npm test', options: [{ key: '1', label: 'Yes', kind: 'yes', selected: true }, { key: '2', label: 'Yes, and always allow access to proj/ from this project', kind: 'always', selected: false }, { key: '3', label: 'No', kind: 'no', selected: false }] } });
  });

  it('is unknown (not a dialog) when an echoed dialog is the bottom of a screen without input box', () => {
    expect(detectClaudeScreen(['❯ show me', '', ...FAKE_DIALOG.slice(0, 7)].join('\n'))).toEqual({ state: 'unknown', reason: expect.any(String) });
    expect(detectClaudeScreen(['● Pick one:', '  Do you want to proceed?', '  ❯ 1. Yes', '    2. No'].join('\n'))).toEqual({ state: 'unknown', reason: expect.any(String) });
  });

  it('does not call the turn failed for an API error in an earlier turn or inside an answer', () => {
    expect(detectClaudeScreen(idleScreen(['❯ first', '● API Error: 500 Internal server error', '❯ second', '● All good now.']))).toEqual(IDLE);
    expect(detectClaudeScreen(idleScreen(['❯ explain', '● The log says:', '  ● API Error: 500 was printed by the server']))).toEqual(IDLE);
    expect(detectClaudeScreen(idleScreen(['❯ explain', '● Bash(grep -r "API Error" logs)', '  ⎿ \u00a0● API Error: 500']))).toEqual(IDLE);
  });

  it('calls the turn failed only when its last message is the API error', () => {
    expect(detectClaudeScreen(idleScreen(['❯ go', '● API Error: 429 rate limited', '', '✻ Baked for 3s']))).toEqual({ state: 'idle', apiError: true, apiErrorMessage: 'API Error: 429 rate limited' });
    expect(detectClaudeScreen(idleScreen(['❯ go', '● API Error: 429 rate limited', '● Recovered and finished.'])).apiError).toBe(false);
  });

  it('is working only from the footer under the box or the live spinner above it', () => {
    expect(detectClaudeScreen(idleScreen(['● Bash(echo "esc to interrupt")', '  ⎿ \u00a0esc to interrupt'])).state).toBe('idle');
    expect(detectClaudeScreen(idleScreen(['● ok'], { footer: '  esc to interrupt · ← for agents' })).state).toBe('working');
    expect(detectClaudeScreen(idleScreen(['❯ go', '✢ Pondering… (3s · ↑ 10 tokens)'], { input: 'typed meanwhile', footer: '' })).state).toBe('working');
    expect(detectClaudeScreen(idleScreen(['❯ go', '✻ API error · Retrying in 13s · attempt 10/10'], { footer: '' })).state).toBe('working');
    expect(detectClaudeScreen(idleScreen(['❯ go', '● Done.', '✻ Cooked for 20s'], { footer: '' })).state).toBe('idle');
    expect(detectClaudeScreen(idleScreen(['❯ go', '● Claude said: ✢ Pondering… is what the spinner shows'], { footer: '' })).state).toBe('idle');
  });

  it('ignores the exit hint inside the transcript and reads exited only after the live UI', () => {
    const hint = ['Resume this session with:', 'claude --resume ca454192-c5ce-4772-a8e5-2db1d1b7da07'];
    expect(detectClaudeScreen(idleScreen(['● To resume later run:', '  claude --resume ca454192-c5ce-4772-a8e5-2db1d1b7da07']))).toEqual(IDLE);
    expect(detectClaudeScreen([idleScreen(['● bye']), ...hint, '$ '].join('\n'))).toEqual({ state: 'exited', resumeSessionId: 'ca454192-c5ce-4772-a8e5-2db1d1b7da07' });
    // `claude --resume` run again in the same pane: the new UI after the hint wins.
    expect(detectClaudeScreen([...hint, '$ claude --resume ca454192-c5ce-4772-a8e5-2db1d1b7da07', idleScreen(['● back'])].join('\n'))).toEqual(IDLE);
    expect(detectClaudeScreen([...hint, bashDialog({ command: 'npm test' })].join('\n')).state).toBe('waiting_approval');
    expect(detectClaudeScreen(['Resume this session with:', 'claude --resume not-a-uuid'].join('\n'))).toEqual({ state: 'unknown', reason: expect.any(String) });
  });
});

describe('screens that are not a Claude Code state', () => {
  it.each([
    ['an empty screen', ''],
    ['blank lines', '\n\n\n   \n'],
    ['the startup banner only', '╭─── Claude Code v2.1.197 ───╮\n│ Welcome back! │\n╰────────────────╯'],
    ['garbage bytes', '\u0000\u0001\u0002 random ❯ ─── stuff \ufffd\u001b[31m'],
    ['a shell prompt', 'Segmentation fault (core dumped)\nuser@host:~$ '],
    ['a past-prompt box with a plain space, not NBSP', [rule(80), '❯ hello', rule(80)].join('\n')],
    ['an input box with a rule below its footer', [rule(80), '❯\u00a0', rule(80), '  ? for shortcuts', rule(80)].join('\n')],
    ['a dialog footer without options', [rule(80), ' Something', ' Esc to cancel'].join('\n')],
    ['options numbered wrongly', [rule(80), ' Bash command', '   ls', ' Do you want to proceed?', ' ❯ 1. Yes', '   3. No', ' Esc to cancel'].join('\n')],
    ['a single option', [rule(80), ' Bash command', '   ls', ' Do you want to proceed?', ' ❯ 1. Yes', ' Esc to cancel'].join('\n')],
    ['a settings picker that is not a permission', [rule(80), ' Select model', '', ' ❯ 1. Default', '   2. Opus', '', ' Enter to confirm · Esc to exit'].join('\n')],
    ['options followed by more screen than a footer', [rule(80), ' Bash command', '   ls', ' Do you want to proceed?', ' ❯ 1. Yes', '   2. No', ' Esc to cancel', 'more', 'and more', 'and more'].join('\n')],
  ])('reads %s as unknown', (_name, screen) => {
    expect(detectClaudeScreen(screen)).toEqual({ state: 'unknown', reason: expect.any(String) });
  });

  it('reads a multi-line unsent input as idle', () => {
    expect(detectClaudeScreen(idleScreen(['● ok'], { input: 'first line\nsecond line', footer: '' }))).toEqual(IDLE);
  });

  it('reads idle at 80 and 200 columns', () => {
    expect(detectClaudeScreen(idleScreen(['● ok'], { width: 80 }))).toEqual(IDLE);
    expect(detectClaudeScreen(idleScreen(['● ok'], { width: 200, footer: `  ? for shortcuts${' '.repeat(160)}● high · /effort` }))).toEqual(IDLE);
  });
});
