#!/usr/bin/env node
/**
 * A fake Claude Code for the benchmark: runs inside a real tmux pane, draws Claude Code 2.1.197's
 * screens (copied from real captures, see SCREEN below) and runs the SAME hook program Claude runs
 * (wingman's hook forwarder, with the WINGMAN_* environment wingman puts on the tmux session).
 *
 * Driven by the benchmark over a unix socket (BENCH_CTRL), one JSON object per line:
 *   {cmd:'idle'} | {cmd:'work'} | {cmd:'prompt', seq, command} | {cmd:'abort'} | {cmd:'exit'}
 * and reports, with epoch-ms time stamps (performance.timeOrigin + performance.now()):
 *   hello, drawn (dialog on screen), hook (what the PermissionRequest hook printed),
 *   tool_started (allowed, by hook decision or key), denied, done, stray_key, late_hook.
 *
 * Like Claude: a PermissionRequest hook that prints a decision answers the dialog; one that exits
 * without a decision leaves the dialog to the keyboard (1 / 2 = yes, 3 / Esc = no). Whoever answers
 * first wins and the loser (a still-running hook) is killed.
 *
 * Plain JavaScript with node builtins only, so 100 of them start fast and stay small; with
 * BENCH_MCP_SERVER (the `mcp` transport) it starts wingman's MCP hook server once, as Claude Code
 * does, and calls its tool per event through the MCP SDK's client instead of starting the forwarder.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { performance } from 'node:perf_hooks';

const now = () => performance.timeOrigin + performance.now();

const CTRL = process.env.BENCH_CTRL;
const NAME = process.env.BENCH_NAME ?? 'agent';
const FORWARDER = process.env.BENCH_FORWARDER;
/** Set: hooks are `mcp_tool` calls on wingman's MCP hook server, started once like Claude Code does (`mcp` transport). */
const MCP_SERVER = process.env.BENCH_MCP_SERVER;
const HOOKS = process.env.BENCH_HOOKS ?? 'all'; // 'all' | 'permission'
const WORK_MS = Number(process.env.BENCH_WORK_MS ?? 400);
const TOOL_MS = Number(process.env.BENCH_TOOL_MS ?? 300);
const SPINNER_MS = Number(process.env.BENCH_SPINNER_MS ?? 200);
const SCROLLBACK_LINES = Number(process.env.BENCH_SCROLLBACK ?? 400);
const CWD = process.cwd();

// ---- Claude Code 2.1.197 screen parts, verbatim from /work/shared/claude-screens (160x45) ----
const NBSP = '\u00a0';
const RULE = '─'.repeat(160);
const SCREEN = {
  header: [
    '╭─── Claude Code v2.1.197 ──────────────────────────────────────────────────────────────────────────────────────────╮',
    '│                                               │ Tips for getting started                                          │',
    '│                 Welcome back!                 │ Run /init to create a CLAUDE.md file with instructions for Claude │',
    '│                                               │ ───────────────────────────────────────────────────────────────── │',
    "│                    ▐▛███▜▌                    │ What's new                                                        │",
    '│                   ▝▜█████▛▘                   │ Check the Claude Code changelog for updates                       │',
    '│                     ▘▘ ▝▝                     │                                                                   │',
    '│                                               │                                                                   │',
    '│   Opus 4.8 (1M context) · API Usage Billing   │                                                                   │',
    '│                 /srv/catproj                  │                                                                   │',
    '╰───────────────────────────────────────────────────────────────────────────────────────────────────────────────────╯',
  ],
  // The input box: `❯` + U+00A0 between two rules.
  inputBox: [RULE, `❯${NBSP}`, RULE],
  idleFooter: '  ? for shortcuts · ← for agents                                                                                                              ● high · /effort',
  workFooter: "  esc to interrupt · ← for agents                         tmux focus-events off · add 'set -g focus-events on' to ~/.tmux.conf and reattach for focus tracking",
  dialog: (command, description) => [
    RULE,
    ' Bash command',
    '',
    `   ${command}`,
    `   ${description}`,
    '',
    ' Do you want to proceed?',
    ' ❯ 1. Yes',
    '   2. Yes, and always allow access to catproj/ from this project',
    '   3. No',
    '',
    ' Esc to cancel · Tab to amend · ctrl+e to explain',
  ],
  waiting: `  ⎿ ${NBSP}Waiting…`,
  running: `  ⎿ ${NBSP}Running…`,
  noOutput: `  ⎿ ${NBSP}(No output)`,
  interrupted: `  ⎿ ${NBSP}Interrupted · What should Claude do instead?`,
};
const SPINNER = ['·', '✢', '✳', '✶', '✻', '✽'];
const ROWS = 45;

// ---- drawing: absolute positioning like Ink's in-place redraw, so nothing scrolls into history ----
let spinnerTimer;
let spinnerRow = -1;
let spinnerStart = 0;
let spinnerWord = 'Twisting';

function frame(lines) {
  let out = '\x1b[?25l';
  for (let row = 0; row < ROWS; row += 1) out += `\x1b[${row + 1};1H${lines[row] ?? ''}\x1b[K`;
  return out;
}

function draw(lines) {
  return new Promise((resolve) => process.stdout.write(frame(lines), () => resolve(now())));
}

function spinnerLine() {
  const elapsed = now() - spinnerStart;
  const glyph = SPINNER[Math.floor(elapsed / SPINNER_MS) % SPINNER.length];
  return `${glyph} ${spinnerWord}… (${Math.floor(elapsed / 1000)}s · ↓ ${Math.floor(elapsed / 40)} tokens)`;
}

function startSpinner(row, word) {
  stopSpinner();
  spinnerRow = row;
  spinnerWord = word;
  spinnerStart = now();
  spinnerTimer = setInterval(() => process.stdout.write(`\x1b[${spinnerRow + 1};1H${spinnerLine()}\x1b[K`), SPINNER_MS);
}

function stopSpinner() {
  if (spinnerTimer) clearInterval(spinnerTimer);
  spinnerTimer = undefined;
}

const top = () => [...SCREEN.header, '', ''];

function idleScreen(transcript = []) {
  return [...top(), ...transcript, ...SCREEN.inputBox, SCREEN.idleFooter];
}

function workingScreen(transcript, word) {
  const lines = [...top(), ...transcript];
  const row = lines.length;
  lines.push(spinnerLine(), '', ...SCREEN.inputBox, SCREEN.workFooter);
  return { lines, row, word };
}

async function showWorking(transcript, word) {
  stopSpinner();
  spinnerStart = now();
  spinnerWord = word;
  const screen = workingScreen(transcript, word);
  await draw(screen.lines);
  startSpinner(screen.row, word);
}

/** A long session's scrollback: capture-pane -S -300 then reads as much as for a real session. */
function fillScrollback() {
  const lines = [];
  for (let i = 0; i < SCROLLBACK_LINES; i += 1) {
    if (i % 12 === 0) lines.push(`● Read(src/module-${i}.ts)`);
    else if (i % 12 === 1) lines.push(`  ⎿ ${NBSP}Read ${100 + i} lines`);
    else lines.push(`  Line ${i}: the quick brown fox jumps over the lazy dog. The quick brown fox jumps over the lazy dog again.`);
  }
  process.stdout.write(`${lines.join('\r\n')}\r\n`);
}

// ---- hooks: the real forwarder, exactly as Claude runs it ----
const sessionId = randomUUID();
const basePayload = () => ({
  session_id: sessionId,
  transcript_path: `${CWD}/.fake-transcript/${sessionId}.jsonl`,
  cwd: CWD,
  permission_mode: 'default',
});

// ---- hooks through the MCP hook server (the `mcp` transport), as Claude Code 2.1.197/2.1.332 call them ----
let mcp; // { client, toolInput } once connected
async function startMcp() {
  const dist = new URL(`file://${MCP_SERVER.replace(/hook\/hook-mcp-server\.js$/, '')}`);
  const [{ Client }, { StdioClientTransport }, { mcpHookToolInput, MCP_HOOK_TOOL }, { MCP_SERVER_NODE_FLAGS }] = await Promise.all([
    import('@modelcontextprotocol/sdk/client/index.js'),
    import('@modelcontextprotocol/sdk/client/stdio.js'),
    import(new URL('agents/claude-code/mcp-hook-input.js', dist).href),
    import(new URL('agents/claude-code/hook-settings.js', dist).href),
  ]);
  const transport = new StdioClientTransport({ command: process.execPath, args: [...MCP_SERVER_NODE_FLAGS, MCP_SERVER], env: process.env, stderr: 'ignore' });
  const client = new Client({ name: 'fake-claude-code', version: '1' });
  await client.connect(transport);
  mcp = { client, toolInput: mcpHookToolInput, tool: MCP_HOOK_TOOL, pid: transport.pid };
  report({ ev: 'mcp', pid: transport.pid, t: now() });
}

/** Claude Code's `${path}` interpolation of an mcp_tool hook's input (see test/support/claude-interpolation.ts). */
function interpolate(template, event) {
  const lookup = (dotted) => dotted.split('.').reduce((value, key) => (value !== null && typeof value === 'object' ? value[key] : undefined), event);
  return Object.fromEntries(Object.entries(template).map(([key, value]) => [key, value.replace(/\$\{([a-zA-Z_][a-zA-Z0-9_.]*)\}/g, (_, dotted) => {
    const found = lookup(dotted);
    return found === undefined || found === null ? '' : typeof found === 'object' ? JSON.stringify(found) : String(found);
  })]));
}

function runMcpHook(event, { wait = true } = {}) {
  const started = now();
  const full = { ...basePayload(), ...event };
  const abort = new AbortController();
  // Looks like a hook process to the rest of the agent: killing it is Claude giving up on the call.
  const child = { exitCode: null, signalCode: null, kill: () => abort.abort() };
  let outputAt;
  const done = mcp.client
    .callTool({ name: mcp.tool, arguments: interpolate(mcp.toolInput(full.hook_event_name), full) }, undefined, { signal: abort.signal, timeout: 600_000 })
    .then((result) => {
      outputAt = now();
      const stdout = (result.content ?? []).map((block) => (block.type === 'text' ? block.text : '')).join('\n');
      child.exitCode = 0;
      return { stdout, ms: now() - started, code: 0, outputAt };
    })
    .catch(() => {
      child.signalCode = 'SIGTERM';
      return { stdout: '', ms: now() - started, signal: 'SIGTERM' };
    });
  return { child, result: wait ? done : Promise.resolve({ stdout: '', ms: 0 }), done };
}

function runHook(event, { wait = true } = {}) {
  if (MCP_SERVER && mcp) return runMcpHook(event, { wait });
  if (!FORWARDER) {
    const none = Promise.resolve({ stdout: '', ms: 0 });
    return { child: undefined, result: none, done: none };
  }
  const started = now();
  const child = spawn(process.execPath, [FORWARDER], { stdio: ['pipe', 'pipe', 'ignore'], env: process.env });
  let stdout = '';
  let outputAt;
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (data) => {
    outputAt ??= now();
    stdout += data;
  });
  child.stdin.on('error', () => {});
  child.stdin.end(JSON.stringify({ ...basePayload(), ...event }));
  const result = new Promise((resolve) => {
    child.on('error', () => resolve({ stdout: '', ms: now() - started, error: true }));
    child.on('close', (code, signal) => resolve({ stdout, ms: now() - started, code, signal, outputAt }));
  });
  return { child, result: wait ? result : Promise.resolve({ stdout: '', ms: 0 }), done: result };
}

async function hook(event) {
  if (HOOKS !== 'all') return;
  await runHook(event).result;
}

// ---- the benchmark's control connection ----
const ctrl = CTRL ? net.createConnection(CTRL) : undefined;
function report(message) {
  if (ctrl && !ctrl.destroyed) ctrl.write(`${JSON.stringify({ name: NAME, ...message })}\n`);
}

let current; // the prompt whose dialog is (or was last) open
let workingTurn; // prompt id of a 'work' turn (a SLOW answer streaming), until 'idle'
let busy = false;

async function runPrompt(seq, command) {
  busy = true;
  const promptText = `RUNTOOL ${command}`;
  const promptId = randomUUID();
  const toolUseId = `toolu_bench_${seq}`;
  const toolInput = { command, description: 'Run requested command' };
  const turn = [`❯ ${promptText}`, ''];
  await hook({ hook_event_name: 'UserPromptSubmit', prompt_id: promptId, prompt: promptText });
  await showWorking([...turn, '●', ''], 'Twisting');
  await sleep(WORK_MS);
  await hook({ hook_event_name: 'PreToolUse', prompt_id: promptId, tool_name: 'Bash', tool_input: toolInput, tool_use_id: toolUseId });
  stopSpinner();
  const transcript = [...turn, `● Bash(${command})`, SCREEN.waiting, ''];
  const prompt = { seq, command, promptId, toolUseId, toolInput, transcript, open: true, hook: undefined, answers: 0 };
  current = prompt;
  const drawnAt = await draw([...top(), ...transcript, ...SCREEN.dialog(command, toolInput.description)]);
  report({ ev: 'drawn', seq, t: drawnAt });
  const permission = runHook({
    hook_event_name: 'PermissionRequest',
    prompt_id: promptId,
    tool_name: 'Bash',
    tool_input: toolInput,
    permission_suggestions: [{ type: 'addDirectories', directories: [CWD], destination: 'session' }],
  });
  prompt.hook = permission.child;
  const result = await permission.done;
  const decision = parseDecision(result.stdout);
  report({ ev: 'hook', seq, t: now(), decision: decision ?? 'none', ms: result.ms, outputAt: result.outputAt, killed: result.signal != null });
  if (!decision) return; // fall back to the dialog: keys answer it
  if (!prompt.open) {
    report({ ev: 'late_hook', seq, t: now(), decision });
    return;
  }
  await answer(prompt, decision === 'allow' ? 'allow' : 'deny', 'hook');
}

function parseDecision(stdout) {
  if (!stdout.trim()) return undefined;
  try {
    const behavior = JSON.parse(stdout)?.hookSpecificOutput?.decision?.behavior;
    return behavior === 'allow' || behavior === 'deny' ? behavior : undefined;
  } catch {
    return undefined;
  }
}

async function answer(prompt, behavior, via, key) {
  prompt.open = false;
  prompt.answers += 1;
  if (via === 'key' && prompt.hook && prompt.hook.exitCode === null && prompt.hook.signalCode === null) prompt.hook.kill('SIGTERM');
  const { seq, command } = prompt;
  if (behavior === 'allow') {
    report({ ev: 'tool_started', seq, t: now(), via, key });
    await showWorking([...prompt.transcript.slice(0, -2), SCREEN.running, ''], 'Symbioting');
    await sleep(TOOL_MS);
    await hook({
      hook_event_name: 'PostToolUse',
      prompt_id: prompt.promptId,
      tool_name: 'Bash',
      tool_input: prompt.toolInput,
      tool_response: { stdout: '', stderr: '', interrupted: false, isImage: false, noOutputExpected: false },
      tool_use_id: prompt.toolUseId,
      duration_ms: TOOL_MS,
    });
    stopSpinner();
    const done = [`❯ RUNTOOL ${command}`, '', `● Bash(${command})`, SCREEN.noOutput, '', '● Tool finished. Done.', '', '✻ Cogitated for 0s', ''];
    await draw(idleScreen(done));
    await hook({ hook_event_name: 'Stop', prompt_id: prompt.promptId, stop_hook_active: false, last_assistant_message: 'Tool finished. Done.' });
  } else {
    report({ ev: 'denied', seq, t: now(), via, key });
    stopSpinner();
    await draw(idleScreen([`❯ RUNTOOL ${command}`, '', `● Bash(${command})`, SCREEN.interrupted, '']));
  }
  report({ ev: 'done', seq, t: now() });
  busy = false;
}

function onKeys(data) {
  const text = data.toString('latin1');
  const keys = text === '\x1b' ? ['Escape'] : [...text].filter((ch) => '123'.includes(ch));
  for (const key of keys) {
    const prompt = current;
    if (!prompt || !prompt.open) {
      report({ ev: 'stray_key', seq: prompt?.seq, key, t: now() });
      continue;
    }
    if (key === '1' || key === '2') void answer(prompt, 'allow', 'key', key);
    else void answer(prompt, 'deny', 'key', key);
  }
}

function onCommand(message) {
  switch (message.cmd) {
    case 'idle':
      stopSpinner();
      void draw(idleScreen());
      // As Claude Code does when a turn ends.
      if (workingTurn) void hook({ hook_event_name: 'Stop', prompt_id: workingTurn, stop_hook_active: false, last_assistant_message: 'Slow answer.' });
      workingTurn = undefined;
      break;
    case 'work':
      // A turn starts with UserPromptSubmit, as in Claude Code (the monitor wakes on it).
      workingTurn = randomUUID();
      void hook({ hook_event_name: 'UserPromptSubmit', prompt_id: workingTurn, prompt: 'SLOW answer please' });
      void showWorking(['❯ SLOW answer please', '', '●', ''], 'Twisting');
      break;
    case 'prompt':
      if (busy && current?.open) report({ ev: 'error', seq: message.seq, t: now(), text: 'prompt while a dialog is open' });
      void runPrompt(message.seq, message.command).catch((error) => report({ ev: 'error', seq: message.seq, t: now(), text: String(error) }));
      break;
    case 'abort':
      if (current?.open) {
        current.open = false;
        if (current.hook && current.hook.exitCode === null) current.hook.kill('SIGTERM');
        stopSpinner();
        busy = false;
        void draw(idleScreen());
      }
      break;
    case 'notify':
      // Claude Code's idle notification: one plain event, which also attaches an MCP hook server's channel.
      void hook({ hook_event_name: 'Notification', message: 'Claude is waiting for your input', notification_type: 'idle_prompt' });
      break;
    case 'exit':
      shutdown();
      break;
    default:
      break;
  }
}

function shutdown() {
  stopSpinner();
  if (current?.hook && current.hook.exitCode === null) current.hook.kill('SIGTERM');
  ctrl?.destroy();
  process.exit(0);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function main() {
  if (process.stdin.isTTY) process.stdin.setRawMode(true);
  process.stdin.on('data', onKeys);
  process.on('SIGTERM', shutdown);
  process.on('SIGHUP', shutdown);
  fillScrollback();
  void draw(idleScreen());
  if (ctrl) {
    let buffer = '';
    ctrl.setEncoding('utf8');
    ctrl.on('connect', () => {
      // With the mcp transport the server is up before the session is idle (Claude Code connects it at start-up).
      const ready = MCP_SERVER ? startMcp().catch((error) => report({ ev: 'error', t: now(), text: `MCP hook server: ${String(error)}` })) : Promise.resolve();
      void ready.then(() => report({ ev: 'hello', pid: process.pid, t: now() }));
    });
    ctrl.on('data', (chunk) => {
      buffer += chunk;
      let index;
      while ((index = buffer.indexOf('\n')) !== -1) {
        const line = buffer.slice(0, index);
        buffer = buffer.slice(index + 1);
        try {
          onCommand(JSON.parse(line));
        } catch {
          // ignore a malformed line
        }
      }
    });
    // The benchmark is gone: nothing left to do.
    ctrl.on('close', shutdown);
    ctrl.on('error', shutdown);
  }
}

main();
