import { compareVersions, NEWEST_TESTED } from '../../src/agents/claude-code/versions.js';
import { numbered, unnumbered, type ExpectedOption, type ExpectedReading, type Kind } from './expected.js';
import {
  after, boxHas, dialogWith, focusedLine, hasSpinner, inputBox, readyBox, settled, spinnerLine, squash,
} from './screen-anchors.js';
import {
  CaptureError, DIALOG_SIZES, MAIN_SIZE, NARROW_SIZE, type CaptureSession, type PermissionMode, type SessionOptions, type Size, type Snapshot,
} from './session.js';

/**
 * Which tested release's wording the expected labels follow: 2.1.332 from that version on, else
 * 2.1.197. A version in between (or newer) may word its options differently: the capture warns
 * when an expected label is not on screen, and expected.json is then fixed by hand after review.
 */
export type Era = 'v2.1.332' | 'v2.1.197';
export const eraOf = (version: string): Era => (compareVersions(version, NEWEST_TESTED) >= 0 ? 'v2.1.332' : 'v2.1.197');

export interface ScenarioRun {
  version: string;
  era: Era;
  size: Size;
  /** The fake API's `host:port`, for the WebFetch URL. */
  apiHost: string;
  /** A loopback port nothing listens on (connection refused). */
  closedPort: number;
  /** The fake API has received the main-turn request for `prompt`. */
  apiReceived(prompt: string): boolean;
  /** Starts a session (closed by the runner afterwards); `label` defaults to the scenario name. */
  open(options: Partial<Omit<SessionOptions, 'size'>> & { mode?: PermissionMode }): Promise<CaptureSession>;
  /** Records `snap` as fixture `base` + the size suffix, with the reading it must give. */
  keep(base: string, snap: Snapshot, expected: ExpectedReading): void;
}

export interface Scenario {
  name: string;
  /** Fixture base names it writes (the size suffix is added for 80 and 200 columns). */
  captures: readonly string[];
  sizes: readonly Size[];
  /** Why this version cannot show the scenario; undefined when it can. */
  unsupported?(era: Era): string | undefined;
  run(run: ScenarioRun): Promise<void>;
}

const ONLY_MAIN: readonly Size[] = [MAIN_SIZE];
const MAIN_AND_NARROW: readonly Size[] = [MAIN_SIZE, NARROW_SIZE];

const idle = (what: string, input = '', apiError = false): ExpectedReading => ({ what, state: 'idle', input, apiError });
const working = (what: string, input = ''): ExpectedReading => ({ what, state: 'working', input });
const approval = (what: string, tool: string, detail: string, options: ExpectedOption[]): ExpectedReading => ({
  what, state: 'waiting_approval', prompt: { tool, detail, options },
});

// ── Option labels as each tested release words them ─────────────────────────────────────────────

const YES: readonly [string, Kind] = ['Yes', 'yes'];
const NO: readonly [string, Kind] = ['No', 'no'];

function trustOptions(era: Era, cursorOnYes: boolean): ExpectedOption[] {
  const yes: readonly [string, Kind] = ['Yes, I trust this folder', 'yes'];
  const no: readonly [string, Kind] = ['No, exit', 'no'];
  // 2.1.332 lists "No, exit" first, focused, without numbers; 2.1.197 "1. Yes" first, focused.
  return era === 'v2.1.332' ? unnumbered([no, yes], cursorOnYes ? 1 : 0) : numbered([yes, no], cursorOnYes ? 0 : 1);
}

/** "Yes, and switch to auto mode" changes the session's permission mode: neither a one-off yes nor an always-allow rule. */
const SWITCH_TO_AUTO: readonly [string, Kind] = ['Yes, and switch to auto mode · auto mode handles these prompts for you', 'other'];

function bashOptions(era: Era, always: string): ExpectedOption[] {
  return era === 'v2.1.332' ? numbered([YES, [always, 'always'], SWITCH_TO_AUTO, NO]) : numbered([YES, [always, 'always'], NO]);
}

function editOptions(era: Era): ExpectedOption[] {
  const always = era === 'v2.1.332'
    ? 'Yes, and switch to accept edits (auto-approve file edits and common file commands) for this session (shift+tab)'
    : 'Yes, allow all edits during this session (shift+tab)';
  return numbered([YES, [always, 'always'], NO]);
}

const questionOptions = (labels: readonly string[], selected = 0): ExpectedOption[] =>
  numbered(labels.map((label) => [label, 'other'] as const), selected);
const choice = (key: string, label: string, selected = false): ExpectedOption => ({ key, label, kind: 'other', selected });

// ── Scenarios ──────────────────────────────────────────────────────────────────────────────────

const PROOF_COMMAND = 'echo hello-from-tool > proof.txt';
const SLEEP_COMMAND = 'sleep 6 && touch slept.txt';
const LONG_COMMAND = [
  'npm run build && node dist/cli/main.js --config ./config/production.json --verbose',
  '--output-dir /tmp/some/really/long/output/directory/path/that/keeps/going/for/a/while',
  '&& echo finished building the whole project with every option turned on && ls -la /tmp/some',
].join(' ');
const PLAN_LINES = ['Create hello.txt', 'Run the tests'];
const QUESTION = 'Which colour should the button be?';
/** What a deny "tells Claude to do instead": long enough to wrap at 80 columns. */
const FEEDBACK = 'use pnpm, not npm: this repository keeps a pnpm-lock.yaml that npm would not update';

async function submit(session: CaptureSession, text: string): Promise<void> {
  await session.type(text);
  await session.waitFor(`"${text}" in the input box`, (s) => boxHas(s, text));
  // Gone from the box: the prompt went in. Enter is pressed again only while the text still sits there.
  await session.pressUntil(['Enter'], `"${text}" to be submitted`, (s) => !boxHas(s, text), { unchanged: (s) => boxHas(s, text), waitQuiet: false });
}

/** Moves the dialog's cursor down until the focused line matches (each move seen on screen). */
async function moveCursorTo(session: CaptureSession, focused: RegExp): Promise<void> {
  for (let moves = 0; !focused.test(focusedLine(await session.quiet()) ?? ''); moves += 1) {
    if (moves >= 6) throw new CaptureError(`the cursor never reached ${focused}`, await session.screen());
    const before = focusedLine(await session.screen());
    await session.pressUntil(['Down'], 'the cursor to move', (x) => focusedLine(x) !== before);
  }
}

const hasDialogQuestion = (question: string | RegExp) => (s: string): boolean => dialogWith(s, question);
const BASH_QUESTION = 'Do you want to proceed?';

/** After the box came back: the scenario's text shows after the last prompt and no turn runs. */
const turnEnded = (prompt: string, text: string | RegExp) => (s: string): boolean => {
  const at = s.lastIndexOf(`❯ ${prompt.slice(0, 20)}`);
  const tail = at >= 0 ? s.slice(at) : '';
  return settled(s) && (typeof text === 'string' ? tail.includes(text) : text.test(tail));
};

const API_ERROR_LINE = /API Error|Invalid API key|Unable to connect|Connection refused/;

export function scenarios(): Scenario[] {
  const list: Scenario[] = [];

  list.push({
    name: 'trust',
    captures: ['trust-dialog', 'trust-dialog-yes-focused', 'trust-dialog-no-focused'],
    sizes: DIALOG_SIZES,
    async run(run) {
      const s = await run.open({});
      const detail = s.workdir;
      const first = await s.snapWhen('the trust dialog', (x) => x.includes('Yes, I trust this folder') && x.includes('Enter to confirm'));
      const firstOnYes = /Yes, I trust/.test(focusedLine(first.plain) ?? '');
      run.keep('trust-dialog', first, {
        what: 'folder-trust dialog as first shown', state: 'waiting_trust', prompt: { tool: 'trust', detail, options: trustOptions(run.era, firstOnYes) },
      });
      // Down: 2.1.332 moves to Yes; 2.1.197 (Yes already focused) moves to No.
      const cursorMoved = (x: string): boolean => /Yes, I trust/.test(focusedLine(x) ?? '') !== firstOnYes;
      await s.pressUntil(['Down'], 'the cursor to move', cursorMoved);
      const moved = await s.snapWhen('the cursor to move', cursorMoved);
      const onYes = !firstOnYes;
      run.keep(onYes ? 'trust-dialog-yes-focused' : 'trust-dialog-no-focused', moved, {
        what: `folder-trust dialog after Down, cursor on ${onYes ? '"Yes, I trust this folder"' : '"No, exit"'}`,
        state: 'waiting_trust', prompt: { tool: 'trust', detail, options: trustOptions(run.era, onYes) },
      });
    },
  });

  list.push({
    name: 'idle',
    captures: ['idle-empty', 'idle-typed', 'idle-typed-multiline'],
    sizes: ONLY_MAIN,
    async run(run) {
      const s = await run.open({});
      await s.acceptTrust();
      const fullFooter = (x: string): boolean => readyBox(x) && /\? for shortcuts/.test(inputBox(x)?.footer ?? '');
      run.keep('idle-empty', await s.snapWhen('the empty box with "? for shortcuts"', fullFooter), idle('idle right after start, empty input box'));
      const typed = 'fix the failing date test';
      await s.type(typed);
      run.keep('idle-typed', await s.snapWhen('the typed text', (x) => boxHas(x, typed) && settled(x)), idle('idle, text typed but not sent', typed));
      const more = '\nthen run the whole suite\nand report the result';
      await s.paste(more);
      const multi = `${typed}${more}`;
      run.keep('idle-typed-multiline', await s.snapWhen('three lines in the box', (x) => inputBox(x)?.text === multi), idle('idle, three lines typed (pasted) but not sent', multi));
    },
  });

  list.push({
    name: 'first-token',
    captures: ['working-waiting-first-token', 'interrupted-before-first-token'],
    sizes: ONLY_MAIN,
    async run(run) {
      const s = await run.open({});
      await s.acceptTrust();
      const prompt = 'DELAY 60 waiting for the first token';
      await submit(s, prompt);
      // The request is at the API (whose answer is held back) and the UserPromptSubmit hook is done.
      const waiting = await s.snapWhen('the spinner with no token count yet', (x) => run.apiReceived(prompt) && hasSpinner(x) && !/tokens|hook/.test(spinnerLine(x) ?? ''));
      run.keep('working-waiting-first-token', waiting, working('working: request sent, no byte of the answer yet'));
      await s.press('Escape');
      const back = await s.snapWhen('the prompt back in the box', (x) => boxHas(x, prompt) && !hasSpinner(x));
      run.keep('interrupted-before-first-token', back, idle('Esc before the first token: the prompt is put back into the input box', prompt));
    },
  });

  list.push({
    name: 'streaming',
    captures: ['working-streaming', 'interrupted-after-tokens'],
    sizes: ONLY_MAIN,
    async run(run) {
      const s = await run.open({});
      await s.acceptTrust();
      await submit(s, 'SLOW streaming check');
      run.keep('working-streaming', await s.snapWhen('tokens streaming', (x) => /↓ \d+ tokens/.test(spinnerLine(x) ?? '')), working('working: the answer is streaming'));
      await s.press('Escape');
      const interrupted = await s.snapWhen('the interrupt notice', (x) => x.includes('Interrupted') && settled(x));
      run.keep('interrupted-after-tokens', interrupted, idle('Esc after tokens arrived: "Interrupted · What should Claude do instead?", box empty'));
    },
  });

  list.push({
    name: 'typed-and-queued',
    captures: ['working-typed-input', 'working-queued-prompt'],
    sizes: ONLY_MAIN,
    async run(run) {
      const s = await run.open({});
      await s.acceptTrust();
      await submit(s, 'SLOW queue check');
      await s.waitFor('the turn to run', hasSpinner);
      const draft = 'and add a test for it';
      await s.type(draft);
      run.keep('working-typed-input', await s.snapWhen('the draft in the box during the turn', (x) => boxHas(x, draft) && hasSpinner(x)), working('working, with text typed into the box during the turn', draft));
      await s.press('Enter');
      const queued = await s.snapWhen('the queued prompt', (x) => x.includes('Press up to edit queued messages') && hasSpinner(x));
      run.keep('working-queued-prompt', queued, working('working, a prompt submitted during the turn is queued (box shows the "Press up to edit queued messages" placeholder)'));
    },
  });

  list.push({
    name: 'tool-running',
    captures: ['working-tool-running'],
    sizes: ONLY_MAIN,
    async run(run) {
      const s = await run.open({});
      await s.acceptTrust();
      // A bare `sleep 6` runs without asking in 2.1.332 (read-only); the touch makes it need approval.
      await submit(s, `RUNTOOL ${SLEEP_COMMAND}`);
      await s.waitFor('the Bash dialog', hasDialogQuestion(BASH_QUESTION));
      await s.pressUntil(['1'], 'the dialog to close', (x) => !x.includes(BASH_QUESTION));
      const runningMark = run.era === 'v2.1.332' ? /\$ sleep 6/ : /Running…/;
      const running = await s.snapWhen('the command running', (x) => !x.includes(BASH_QUESTION) && hasSpinner(x) && runningMark.test(x) && !x.includes('Tool finished'));
      run.keep('working-tool-running', running, working(`working: an approved Bash command (${SLEEP_COMMAND}) is running`));
    },
  });

  list.push({
    name: 'retrying',
    captures: ['working-retrying', 'error-500'],
    sizes: ONLY_MAIN,
    async run(run) {
      const s = await run.open({ env: { CLAUDE_CODE_MAX_RETRIES: '3' } });
      await s.acceptTrust();
      await submit(s, 'ERROR500');
      run.keep('working-retrying', await s.snapWhen('the retry line', (x) => /[Rr]etrying in \d+s · attempt \d+\/3/.test(x)), working('working: the API answers 500, Claude Code retries (attempt n/3)'));
      run.keep('error-500', await s.snapWhen('the error to end the turn', turnEnded('ERROR500', API_ERROR_LINE), 60_000), idle('turn ended by API error 500 (after 3 retries)', '', true));
    },
  });

  for (const [keyword, status] of [['ERROR529', '529'], ['ERROR429', '429'], ['ERROR401', '401']] as const) {
    list.push({
      name: `error-${status}`,
      captures: [`error-${status}`],
      sizes: ONLY_MAIN,
      async run(run) {
        const s = await run.open({});
        await s.acceptTrust();
        await submit(s, keyword);
        run.keep(`error-${status}`, await s.snapWhen('the error to end the turn', turnEnded(keyword, API_ERROR_LINE), 60_000), idle(`turn ended by API error ${status}`, '', true));
      },
    });
  }

  list.push({
    name: 'error-connection',
    captures: ['error-connection-refused'],
    sizes: ONLY_MAIN,
    async run(run) {
      const s = await run.open({ env: { ANTHROPIC_BASE_URL: `http://127.0.0.1:${run.closedPort}` } });
      await s.acceptTrust();
      await submit(s, 'hello');
      run.keep('error-connection-refused', await s.snapWhen('the error to end the turn', turnEnded('hello', API_ERROR_LINE), 60_000), idle('turn ended: connection refused (ANTHROPIC_BASE_URL on a closed loopback port)', '', true));
    },
  });

  list.push({
    name: 'permission-bash',
    captures: ['permission-bash', 'after-approve-done'],
    sizes: DIALOG_SIZES,
    async run(run) {
      const s = await run.open({});
      await s.acceptTrust();
      await submit(s, `RUNTOOL ${PROOF_COMMAND}`);
      const always = run.era === 'v2.1.332' ? `Yes, and always allow access to ${s.workdir} from this project` : 'Yes, and always allow access to proj/ from this project';
      const dialog = await s.snapWhen('the Bash dialog', hasDialogQuestion(BASH_QUESTION));
      run.keep('permission-bash', dialog, approval('Bash permission dialog, short command', 'Bash', PROOF_COMMAND, bashOptions(run.era, always)));
      if (run.size !== MAIN_SIZE) return;
      await s.pressUntil(['1'], 'the dialog to close', (x) => !x.includes(BASH_QUESTION));
      run.keep('after-approve-done', await s.snapWhen('the turn to finish', turnEnded('RUNTOOL', 'Tool finished. Done.')), idle('approved with 1, the command ran and the turn finished'));
    },
  });

  list.push({
    name: 'permission-bash-long',
    captures: ['permission-bash-long', 'after-deny'],
    sizes: DIALOG_SIZES,
    async run(run) {
      const s = await run.open({});
      await s.acceptTrust();
      await submit(s, `RUNTOOL ${LONG_COMMAND}`);
      const dialog = await s.snapWhen('the Bash dialog', hasDialogQuestion(BASH_QUESTION));
      const always = run.era === 'v2.1.332' ? 'Yes, and don’t ask again for: npm run *' : 'Yes, and allow tmp/ access and similar commands';
      run.keep('permission-bash-long', dialog, approval(`Bash permission dialog, a ${LONG_COMMAND.length}-character command that wraps`, 'Bash', LONG_COMMAND, bashOptions(run.era, always)));
      if (run.size !== MAIN_SIZE) return;
      await s.pressUntil(['Escape'], 'the dialog to close', (x) => !x.includes(BASH_QUESTION));
      run.keep('after-deny', await s.snapWhen('the deny notice', (x) => x.includes('Interrupted') && settled(x)), idle('denied with Esc: "Interrupted · What should Claude do instead?"'));
    },
  });

  list.push({
    name: 'permission-edit',
    captures: ['permission-edit'],
    sizes: DIALOG_SIZES,
    async run(run) {
      const s = await run.open({ files: { 'hello.py': 'print("hello")\n' } });
      await s.acceptTrust();
      await submit(s, 'EDIT hello.py hello=>goodbye');
      const dialog = await s.snapWhen('the Edit dialog', hasDialogQuestion(/Do you want to make this edit to/));
      run.keep('permission-edit', dialog, approval('Edit permission dialog (hello.py, one line changed)', 'Edit', 'hello.py', editOptions(run.era)));
    },
  });

  list.push({
    name: 'permission-write',
    captures: ['permission-write'],
    sizes: DIALOG_SIZES,
    async run(run) {
      const s = await run.open({});
      await s.acceptTrust();
      await submit(s, 'WRITE newfile.txt first line\\nsecond line');
      const dialog = await s.snapWhen('the Write dialog', hasDialogQuestion(/Do you want to create/));
      run.keep('permission-write', dialog, approval('Write permission dialog for a new file (newfile.txt)', 'Write', 'newfile.txt', editOptions(run.era)));
    },
  });

  list.push({
    name: 'permission-webfetch',
    captures: ['permission-webfetch'],
    sizes: DIALOG_SIZES,
    async run(run) {
      const s = await run.open({});
      await s.acceptTrust();
      const url = `http://${run.apiHost}/docs/page`;
      await submit(s, `FETCH ${url} Summarise the page`);
      const dialog = await s.snapWhen('the WebFetch dialog', hasDialogQuestion(/fetch this content\?/));
      const host = run.apiHost.split(':')[0] ?? run.apiHost;
      run.keep('permission-webfetch', dialog, approval(`WebFetch permission dialog for ${url}`, 'WebFetch', url, numbered([
        YES, [`Yes, and don't ask again for ${host}`, 'always'], ['No, and tell Claude what to do differently (esc)', 'no'],
      ])));
    },
  });

  list.push({
    name: 'ask-user-question',
    captures: ['ask-user-question'],
    sizes: DIALOG_SIZES,
    async run(run) {
      const s = await run.open({});
      await s.acceptTrust();
      await submit(s, 'ASK');
      const picker = await s.snapWhen('the question picker', (x) => x.includes(QUESTION) && x.includes('Enter to select'));
      run.keep('ask-user-question', picker, {
        what: 'AskUserQuestion, one single-choice question', state: 'waiting_answer',
        prompt: { tool: 'question', detail: QUESTION, options: questionOptions(['Red', 'Blue', 'Type something.', 'Chat about this']) },
      });
    },
  });

  list.push({
    name: 'ask-two-questions',
    captures: ['ask2-first-question', 'ask2-multiselect', 'ask2-submit'],
    sizes: DIALOG_SIZES,
    async run(run) {
      const s = await run.open({});
      await s.acceptTrust();
      await submit(s, 'ASK2');
      const first = await s.snapWhen('the first question', (x) => x.includes(QUESTION) && x.includes('Enter to select'));
      run.keep('ask2-first-question', first, {
        what: 'AskUserQuestion with two questions, the first (single choice) shown', state: 'waiting_answer',
        prompt: { tool: 'question', detail: QUESTION, options: questionOptions(['Red', 'Blue', 'Type something.', 'Chat about this']) },
      });
      await s.pressUntil(['1'], 'the second question', (x) => x.includes('Which sizes do you need?'));
      const sizes = await s.snapWhen('the multiSelect question', (x) => x.includes('Which sizes do you need?') && /Enter to (select|toggle)/.test(x));
      run.keep('ask2-multiselect', sizes, {
        what: 'AskUserQuestion, second question (multiSelect Small / Large) after answering the first', state: 'waiting_answer',
        // "Submit" (no number, under option 3) is a choice of its own: Down from 3 moves the cursor onto it.
        prompt: {
          tool: 'question', detail: 'Which sizes do you need?',
          options: [choice('1', '[ ] Small', true), choice('2', '[ ] Large'), choice('3', '[ ] Type something'), choice('', 'Submit'), choice('4', 'Chat about this')],
        },
      });
      await s.pressUntil(['1'], 'Small ticked', (x) => squash(x).includes(squash('[✔] Small')) || squash(x).includes(squash('[x] Small')) || /☒|✔ Small/.test(x));
      const submitTab = (x: string): boolean => /Submit answers/.test(focusedLine(x) ?? '');
      await s.pressUntil(['Right'], 'the submit tab', submitTab);
      const submitScreen = await s.snapWhen('the submit tab', submitTab);
      // 2.1.332 titles the tab "Review your answers" and lists them; 2.1.197 asks "Ready to submit your answers?".
      const review = run.era === 'v2.1.332' ? 'Review your answers' : 'Ready to submit your answers?';
      run.keep('ask2-submit', submitScreen, {
        what: 'AskUserQuestion, review tab after both answers (Red; Small ticked)', state: 'waiting_answer',
        prompt: { tool: 'question', detail: review, options: questionOptions(['Submit answers', 'Cancel']) },
      });
    },
  });

  list.push({
    name: 'ask-by-keys',
    captures: ['ask-free-text-focused', 'ask-free-text-typed', 'ask2-multiselect-ticked', 'ask2-own-answer-ticked', 'ask2-submit-focused', 'ask2-review-unanswered'],
    sizes: ONLY_MAIN,
    async run(run) {
      // What wingman reads while it answers a picker by keys (app/question-keys.ts).
      const colours = (typed: string, selected: number) => questionOptions(['Red', 'Blue', typed, 'Chat about this'], selected);
      // The focused line ends with `text` (`3. big green`, `2. [ ] Large`, `Submit`).
      const focused = (text: string) => (x: string): boolean => (focusedLine(x) ?? '').replace(/\s+/g, ' ').endsWith(text);
      const s = await run.open({});
      await s.acceptTrust();
      await submit(s, 'ASK');
      await s.snapWhen('the question picker', (x) => x.includes(QUESTION) && x.includes('Enter to select'));
      await s.pressUntil(['Down'], 'the cursor on Blue', focused('2. Blue'));
      await s.pressUntil(['Down'], 'the cursor on the free-text row', focused('3. Type something.'));
      run.keep('ask-free-text-focused', await s.snapWhen('the free-text row focused', focused('3. Type something.')), {
        what: 'AskUserQuestion, cursor on "Type something." (the free-text row)', state: 'waiting_answer',
        prompt: { tool: 'question', detail: QUESTION, options: colours('Type something.', 2) },
      });
      await s.type('big green');
      run.keep('ask-free-text-typed', await s.snapWhen('the typed answer', focused('3. big green')), {
        what: 'AskUserQuestion, "big green" typed into the free-text row', state: 'waiting_answer',
        prompt: { tool: 'question', detail: QUESTION, options: colours('big green', 2) },
      });
      await s.press('Escape');
      await s.waitFor('the picker to close', (x) => !x.includes('Enter to select'));

      await submit(s, 'ASK2');
      await s.snapWhen('the first question', (x) => x.includes(QUESTION) && x.includes('Enter to select'));
      await s.pressUntil(['Enter'], 'the second question', (x) => x.includes('Which sizes do you need?'));
      await s.pressUntil(['Space'], 'Small ticked', focused('1. [✔] Small'));
      await s.pressUntil(['Down'], 'the cursor on Large', focused('2. [ ] Large'));
      const sizes = (typed: string, small: boolean, cursor: number): ExpectedOption[] => [
        choice('1', `[${small ? '✔' : ' '}] Small`, cursor === 0), choice('2', '[ ] Large', cursor === 1), choice('3', typed, cursor === 2),
        choice('', 'Submit', cursor === 3), choice('4', 'Chat about this', false),
      ];
      run.keep('ask2-multiselect-ticked', await s.snapWhen('Small ticked, cursor on Large', focused('2. [ ] Large')), {
        what: 'AskUserQuestion multiSelect: Small ticked with Space, cursor on Large', state: 'waiting_answer',
        prompt: { tool: 'question', detail: 'Which sizes do you need?', options: sizes('[ ] Type something', true, 1) },
      });
      await s.pressUntil(['Down'], 'the cursor on the free-text row', focused('3. [ ] Type something'));
      await s.type('tiny');
      run.keep('ask2-own-answer-ticked', await s.snapWhen('"tiny" typed and ticked', focused('3. [✔] tiny')), {
        what: 'AskUserQuestion multiSelect: "tiny" typed into the free-text row, which ticks it', state: 'waiting_answer',
        prompt: { tool: 'question', detail: 'Which sizes do you need?', options: sizes('[✔] tiny', true, 2) },
      });
      await s.pressUntil(['Down'], 'the cursor on Submit', focused('Submit'));
      run.keep('ask2-submit-focused', await s.snapWhen('the cursor on Submit', focused('Submit')), {
        what: 'AskUserQuestion multiSelect: cursor on the Submit row', state: 'waiting_answer',
        prompt: { tool: 'question', detail: 'Which sizes do you need?', options: sizes('[✔] tiny', true, 3) },
      });
      await s.press('Escape');
      await s.waitFor('the picker to close', (x) => !x.includes('Enter to select'));

      await submit(s, 'ASK2');
      await s.snapWhen('the first question', (x) => x.includes(QUESTION) && x.includes('Enter to select'));
      await s.pressUntil(['Right'], 'the second question', (x) => x.includes('Which sizes do you need?'));
      const review = (x: string): boolean => /Submit answers/.test(focusedLine(x) ?? '');
      await s.pressUntil(['Right'], 'the review tab', review);
      // 2.1.332: "⚠ Some questions are unanswered"; 2.1.197: "⚠ You have not answered all questions".
      run.keep('ask2-review-unanswered', await s.snapWhen('the review tab', (x) => review(x) && x.includes('⚠')), {
        what: 'AskUserQuestion review tab with both questions unanswered (a ⚠ line)', state: 'waiting_answer',
        // The line above the options is the question the reader reports: 2.1.332 draws the warning there.
        prompt: { tool: 'question', detail: run.era === 'v2.1.332' ? '⚠ Some questions are unanswered' : 'Ready to submit your answers?', options: questionOptions(['Submit answers', 'Cancel']) },
      });
    },
  });

  list.push({
    name: 'plan',
    captures: ['permission-plan'],
    sizes: DIALOG_SIZES,
    async run(run) {
      const s = await run.open({ mode: 'plan' });
      await s.acceptTrust();
      await submit(s, `PLAN ${PLAN_LINES.join('\\n')}`);
      // The question wraps at 80 columns ("Would you like to" / "proceed?").
      const dialog = await s.snapWhen('the plan dialog', hasDialogQuestion(/Would you like to/));
      run.keep('permission-plan', dialog, approval('ExitPlanMode with a plan (plan mode, plan file written first)', 'ExitPlanMode', PLAN_LINES.join('\n'), numbered([
        ['Yes, and use auto mode', 'other'], ['Yes, manually approve edits', 'yes'], ['Tell Claude what to change', 'other'],
      ])));
    },
  });

  list.push({
    name: 'exit-plan-no-plan',
    captures: ['permission-exit-plan-no-plan'],
    sizes: DIALOG_SIZES,
    async run(run) {
      const s = await run.open({ mode: 'plan' });
      await s.acceptTrust();
      await submit(s, 'EXITPLAN');
      const dialog = await s.snapWhen('the exit-plan dialog', hasDialogQuestion(/Exit plan mode\?|exit plan mode/i));
      const yes = run.era === 'v2.1.332' ? 'Yes, and switch to default (ask each time) for this session' : 'Yes';
      run.keep('permission-exit-plan-no-plan', dialog, approval('ExitPlanMode without a plan (no plan file written)', 'ExitPlanMode', 'Claude wants to exit plan mode', numbered([[yes, 'yes'], NO])));
    },
  });

  list.push({
    name: 'bash-feedback',
    captures: ['permission-bash-amend', 'permission-bash-amend-typed'],
    sizes: MAIN_AND_NARROW,
    async run(run) {
      const s = await run.open({});
      await s.acceptTrust();
      await submit(s, `RUNTOOL ${PROOF_COMMAND}`);
      await s.waitFor('the Bash dialog', hasDialogQuestion(BASH_QUESTION));
      await moveCursorTo(s, /^❯ \d\. No$/);
      const always = run.era === 'v2.1.332' ? `Yes, and always allow access to ${s.workdir} from this project` : 'Yes, and always allow access to proj/ from this project';
      const options = (no: string): ExpectedOption[] => {
        const all = bashOptions(run.era, always);
        return all.map((option, index) => (index === all.length - 1 ? { ...option, label: no, selected: true } : { ...option, selected: false }));
      };
      // "Tab to amend" turns the focused "No" into a one-line box for what Claude should do instead.
      const reasonBox = (x: string): boolean => /No, and tell Claude what to do differently$/.test(focusedLine(x) ?? '');
      await s.pressUntil(['Tab'], 'the reason box', reasonBox);
      run.keep('permission-bash-amend', await s.snapWhen('the reason box', reasonBox), approval(
        'Bash dialog after Tab on "No": the option reads "No, and tell Claude what to do differently" (dim placeholder) and takes typed text',
        'Bash', PROOF_COMMAND, options('No, and tell Claude what to do differently'),
      ));
      await s.type(FEEDBACK);
      const typed = await s.snapWhen('the typed reason', (x) => squash(x).includes(squash(FEEDBACK)));
      run.keep('permission-bash-amend-typed', typed, approval(
        `Bash dialog with a reason typed into the amended "No" (${FEEDBACK.length} characters, wraps at 80 columns)`,
        'Bash', PROOF_COMMAND, options(`No, ${FEEDBACK}`),
      ));
    },
  });

  list.push({
    name: 'plan-feedback',
    captures: ['permission-plan-feedback', 'permission-plan-feedback-typed'],
    sizes: MAIN_AND_NARROW,
    async run(run) {
      const s = await run.open({ mode: 'plan' });
      await s.acceptTrust();
      await submit(s, `PLAN ${PLAN_LINES.join('\\n')}`);
      await s.waitFor('the plan dialog', hasDialogQuestion(/Would you like to/));
      await moveCursorTo(s, /^❯ 3\. Tell Claude what to change$/);
      const options = (third: string): ExpectedOption[] => numbered([
        ['Yes, and use auto mode', 'other'], ['Yes, manually approve edits', 'yes'], [third, 'other'],
      ], 2);
      run.keep('permission-plan-feedback', await s.snapWhen('the cursor on "Tell Claude what to change"', (x) => /Tell Claude what to change$/.test(focusedLine(x) ?? '')), approval(
        'plan dialog, cursor on "Tell Claude what to change" (a text box: typing replaces the label)', 'ExitPlanMode', PLAN_LINES.join('\n'), options('Tell Claude what to change'),
      ));
      await s.type(FEEDBACK);
      const typed = await s.snapWhen('the typed feedback', (x) => squash(x).includes(squash(FEEDBACK)));
      run.keep('permission-plan-feedback-typed', typed, approval(
        `plan dialog with feedback typed into option 3 (${FEEDBACK.length} characters, wraps at 80 columns)`, 'ExitPlanMode', PLAN_LINES.join('\n'), options(FEEDBACK),
      ));
    },
  });

  const modes: ReadonlyArray<readonly [PermissionMode, string, RegExp]> = [
    ['default', 'idle-mode-default', /\? for shortcuts/],
    ['acceptEdits', 'idle-mode-accept-edits', /accept edits on/],
    ['plan', 'idle-mode-plan', /plan mode on/],
    ['auto', 'idle-mode-auto', /auto mode on/],
  ];
  for (const [mode, name, footer] of modes) {
    list.push({
      name,
      captures: [name],
      sizes: ONLY_MAIN,
      async run(run) {
        const s = await run.open({ mode });
        await s.acceptTrust();
        // The footer right after start is short for a moment, then carries `· ← for agents` for ~10 s
        // (2.1.332): wait for the lasting one, with its hint.
        const lasting = (x: string): boolean => {
          const line = inputBox(x)?.footer ?? '';
          return readyBox(x) && footer.test(line) && /\? for shortcuts|shift\+tab to cycle/.test(line) && (run.era === 'v2.1.197' || !/for agents/.test(line));
        };
        run.keep(name, await s.snapWhen(`the ${mode} footer`, lasting), idle(`idle in --permission-mode ${mode}`));
      },
    });
  }

  list.push({
    name: 'auto-mode-dialogs',
    captures: ['auto-mode-cant-check', 'permission-bash-auto-mode'],
    sizes: DIALOG_SIZES,
    // 2.1.197 sends its auto-mode classifier to the API itself; the fake cannot answer it, so the call is denied without a dialog.
    unsupported: (era) => (era === 'v2.1.197' ? 'no auto-mode dialog in 2.1.197: its classifier request to the fake API fails and the call is denied' : undefined),
    async run(run) {
      const s = await run.open({ mode: 'auto' });
      await s.acceptTrust();
      await submit(s, 'RUNTOOL npm run build');
      const cantCheck = await s.snapWhen('the auto-mode dialog', (x) => x.includes('Enter to stay in auto mode') && inputBox(x) === undefined);
      // Not a tool's dialog: a choice about the mode, named by its title; its keys are the ones the footer names.
      run.keep('auto-mode-cant-check', cantCheck, approval(
        'auto mode: "Auto mode can\'t check actions in this session" (the server-side check is unreachable through a custom ANTHROPIC_BASE_URL) while Bash npm run build waits',
        'auto-mode', 'Auto mode can\'t check actions in this session', [
          { key: 'Enter', label: 'stay in auto mode', kind: 'other', selected: true },
          { key: 'shift+Tab', label: 'leave for accept edits mode and stop', kind: 'other', selected: false },
          { key: 'Esc', label: 'cancel', kind: 'no', selected: false },
        ],
      ));
      await s.pressUntil(['Enter'], 'the auto-mode dialog to close', (x) => !x.includes('Enter to stay in auto mode'));
      const dialog = await s.snapWhen('the unnumbered Bash dialog', (x) => dialogWith(x, BASH_QUESTION) && /❯ No/.test(focusedLine(x) ?? ''));
      run.keep('permission-bash-auto-mode', dialog, approval('auto mode Bash dialog: unnumbered "❯ No" / "Yes", No focused (Enter denies)', 'Bash', 'npm run build', unnumbered([NO, YES], 0)));
    },
  });

  list.push({
    name: 'exited',
    captures: ['exited'],
    sizes: MAIN_AND_NARROW,
    async run(run) {
      const s = await run.open({});
      await s.acceptTrust();
      // Without a conversation 2.1.332 prints no resume hint at all.
      await submit(s, 'hello');
      await s.waitFor('the answer', turnEnded('hello', 'Echo: hello'));
      await s.type('/exit');
      await s.waitFor('/exit in the box', (x) => boxHas(x, '/exit'));
      await s.pressUntil(['Enter'], 'the resume hint', (x) => x.includes('Resume this session with:'));
      await s.waitForExit();
      const shot = await s.snapWhen('the resume hint', (x) => x.includes('Resume this session with:') && after(x, 'Resume this session with:', s.sessionId));
      run.keep('exited', shot, { what: 'after /exit: the resume hint', state: 'exited', resumeSessionId: s.sessionId });
    },
  });

  return list;
}
