import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import fs from 'node:fs/promises';
import { isWingmanError } from '../core/errors.js';
import { createWingman, type Wingman } from '../app/create-wingman.js';
import { formatKilled, formatSent, formatSpawnOutcome } from '../core/format-replies.js';
import { formatSessionTable } from '../core/format-session-list.js';
import { formatDashboard, formatSessionStatus } from '../core/format-status.js';
import { detectClaudeScreen } from '../agents/claude-code/screen/claude-screen.js';
import { deriveSessionState } from '../core/status/derive-state.js';
import { Monitor } from '../app/monitor.js';
import { answerFromCli, listPendingFromCli, planFromCli } from '../app/cli-approvals.js';
import { parseSessionName } from '../core/session-name.js';
import { createConsoleChannel } from '../adapters/channel/notification-channel.js';
import { APPROVAL_DECISIONS } from '../core/approvals/approval-types.js';
import { SESSION_MODES, type SpawnMode } from '../core/session-mode.js';
import { runDoctor } from '../app/doctor.js';
import { doctorExitCode, formatDoctor } from '../core/doctor/doctor-checks.js';
import { collectSessionDiff, diffSession } from '../app/steering/diff-session.js';
import { formatWorktreeOutcome } from '../core/worktrees/finish-plan.js';
import { createChatEngine } from '../app/chat-engine.js';
import { TAIL_DEFAULT_LINES, TAIL_MAX_LINES } from '../core/chat/parse-chat-command.js';
import { toPlainText } from '../core/notify/phone-markdown.js';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

const defaultIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
};

/** Runs `wingman …` and returns the exit code: 0 ok, 1 a refused or failed command, 2 usage. */
export async function runCli(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  let wingman: Wingman | undefined;
  const engine = async () => (wingman ??= await createWingman({ env: io.env, logger: { warn: io.err } }));
  const print = (json: boolean | undefined, value: unknown, text: string) => io.out(json ? JSON.stringify(value, null, 2) : text);
  /** The steering engine chat and the agent tools use; the CLI reaches a running monitor through its socket. */
  const steering = async () => createChatEngine(await engine(), () => undefined);
  /** A refused or failed step is printed on stderr and exits 1. The engine's texts are written for the phone (Markdown). */
  const printResult = (result: { ok: boolean; text: string }) => {
    (result.ok ? io.out : io.err)(toPlainText(result.text));
    if (!result.ok) process.exitCode = 1;
  };

  const program = new Command('wingman')
    .description('Run Claude Code sessions in tmux and steer them from anywhere.')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.out(text.trimEnd()), writeErr: (text) => io.err(text.trimEnd()) });

  program
    .command('spawn')
    .description('Start Claude Code in a new tmux session (or send the prompt if the session already runs)')
    .requiredOption('-s, --session <name>', 'session name (letters, digits, - _ .)')
    .requiredOption('-w, --workdir <dir>', 'work directory')
    .option('-p, --prompt <text>', 'the task to start with')
    .addOption(new Option('-m, --mode <mode>', 'permission prompts: manual (each reaches you), auto, plan, accept-edits; default from config (manual)').choices(SESSION_MODES))
    .option('--worktree', 'work in a git worktree of its own on a new branch (default: as worktrees.* in the config says)')
    .option('--no-worktree', 'work in the directory itself, whatever the config says')
    .option('--branch <name>', 'the worktree branch (default wingman/NAME); implies --worktree')
    .option('--base <ref>', 'what a new worktree branch starts from (default: the branch checked out in the directory); implies --worktree')
    .option('--json', 'print JSON')
    .action(async (options: { session: string; workdir: string; prompt?: string; mode?: SpawnMode; worktree?: boolean; branch?: string; base?: string; json?: boolean }) => {
      const outcome = await (await engine()).sessions.spawn({ name: options.session, workdir: options.workdir, prompt: options.prompt, mode: options.mode, worktree: options.worktree, branch: options.branch, base: options.base });
      if (outcome.warning) io.err(`⚠ ${outcome.warning}`);
      print(options.json, outcome, formatSpawnOutcome(outcome));
    });

  program
    .command('send')
    .description('Submit a prompt to a running session')
    .argument('<name>', 'session name')
    .argument('<text...>', 'the prompt')
    .option('--replace', 'clear text already in the input box (e.g. the prompt Claude put back after Esc) first')
    .option('--json', 'print JSON')
    .action(async (name: string, words: string[], options: { json?: boolean; replace?: boolean }) => {
      const session = await (await engine()).sessions.send(name, words.join(' '), { replace: options.replace ?? false });
      print(options.json, session, formatSent(session));
    });

  program
    .command('trust')
    .description("Accept Claude Code's folder-trust dialog, then send the queued task")
    .argument('<name>', 'session name')
    .option('--json', 'print JSON')
    .action(async (name: string, options: { json?: boolean }) => {
      const outcome = await (await engine()).sessions.trust(name);
      print(options.json, outcome, formatSpawnOutcome(outcome));
    });

  program
    .command('resume')
    .description('Restart an exited session where it left off (claude --resume, same directory)')
    .argument('<name>', 'session name')
    .option('--json', 'print JSON')
    .action(async (name: string, options: { json?: boolean }) => {
      const outcome = await (await engine()).sessions.resume(name);
      if (outcome.warning) io.err(`⚠ ${outcome.warning}`);
      print(options.json, outcome, formatSpawnOutcome(outcome).replace(' started in ', ' resumed in '));
    });

  program
    .command('capture')
    .description("Print the session's recent output")
    .argument('<name>', 'session name')
    .option('-n, --lines <n>', 'last N lines (with scrollback)', parsePositiveInt)
    .option('-e, --escapes', 'keep colour escape sequences')
    .action(async (name: string, options: { lines?: number; escapes?: boolean }) => {
      io.out(await (await engine()).sessions.capture(name, { lines: options.lines, escapes: options.escapes ?? false }));
    });

  program
    .command('stop')
    .description('Interrupt the running turn (Esc), verified: the session reads idle afterwards')
    .argument('<name>', 'session name')
    .action(async (name: string) => {
      printResult(await (await steering()).stop(name, 'cli'));
    });

  program
    .command('tail')
    .description("The session's last meaningful output lines, cleaned as for a phone (capture prints the raw screen)")
    .argument('<name>', 'session name')
    .option('-n, --lines <n>', `how many lines, 1 to ${TAIL_MAX_LINES} (default ${TAIL_DEFAULT_LINES})`, parseTailLines)
    .action(async (name: string, options: { lines?: number }) => {
      io.out(toPlainText(await (await steering()).tail(name, options.lines ?? TAIL_DEFAULT_LINES)));
    });

  program
    .command('list')
    .alias('ls')
    .description('List sessions')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const sessions = await (await engine()).sessions.list();
      print(options.json, sessions, formatSessionTable(sessions, Date.now()));
    });

  program
    .command('dashboard')
    .description('All sessions with their status, and totals')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const statuses = (await (await engine()).sessions.list()).map((view) => view.status);
      print(options.json, statuses, formatDashboard(statuses, Date.now()));
    });

  program
    .command('status')
    .description('Detailed status of one session: task, latest activity, test progress, pending prompt')
    .argument('<name>', 'session name')
    .option('--json', 'print JSON')
    .action(async (name: string, options: { json?: boolean }) => {
      const { status } = await (await engine()).sessions.get(name);
      print(options.json, status, toPlainText(formatSessionStatus(status, Date.now())));
    });

  program
    .command('kill')
    .description('Stop a session and remove it (its worktree is kept while it holds uncommitted or unmerged work)')
    .argument('<name>', 'session name')
    .option('--remove-worktree', 'also remove its worktree when it has no uncommitted changes (a branch with unmerged commits stays)')
    .option('--force', 'also discard its worktree and branch, whatever they hold')
    .action(async (name: string, options: { removeWorktree?: boolean; force?: boolean }) => {
      const killed = await (await engine()).sessions.kill(name, { worktree: options.force ? 'discard' : options.removeWorktree ? 'remove' : 'keep' });
      io.out([formatKilled(killed), ...(killed.worktreeOutcome ? [formatWorktreeOutcome(killed.worktreeOutcome)] : [])].join(' '));
    });

  program
    .command('diff')
    .description('What a session changed: its worktree against its base (committed, uncommitted and new files), else its directory against HEAD')
    .argument('<name>', 'session name')
    .addOption(new Option('--stat', 'every file with its +/− counts').conflicts('patch'))
    .option('--patch', 'the whole patch')
    .option('--against <ref>', 'compare with this commit instead')
    .option('--json', 'print JSON')
    .action(async (name: string, options: { stat?: boolean; patch?: boolean; against?: string; json?: boolean }) => {
      const wingman = await engine();
      if (options.json) {
        const { report, patch } = await collectSessionDiff(wingman.git, await wingman.sessions.requireKnown(parseSessionName(name)), { against: options.against });
        io.out(JSON.stringify(options.patch ? { ...report, patch } : report, null, 2));
        return;
      }
      const view = options.stat ? 'stat' : options.patch ? 'patch' : 'phone';
      const text = await diffSession({ wingman, session: name, view, against: options.against });
      // Only the phone view is written as Markdown; a patch is printed as git made it.
      io.out(view === 'phone' ? toPlainText(text) : text);
    });

  for (const decision of APPROVAL_DECISIONS) {
    const what = { approve: 'Approve the pending prompt once', always: 'Approve and remember the rule Claude suggests', deny: 'Deny the pending prompt' }[decision];
    const command = program
      .command(decision)
      .description(`${what} (ID: the short id from the notification)`)
      .argument('<name>', 'session name')
      .argument('[id]', 'prompt id');
    if (decision === 'deny') command.option('-r, --reason <text>', 'tell Claude what to do instead (a plan: what to change)', parseReason);
    command.action(async (name: string, id: string | undefined, options: { reason?: string }) => {
      printResult(await answerFromCli(await engine(), name, decision, id, options.reason));
    });
  }

  program
    .command('answer')
    .description('Answer the question a session asks: an option number or label, several for multi-select (1,2), one per question in order (2 1,2; quote ";"), or other: TEXT')
    .argument('<name>', 'session name')
    .argument('<choice...>', 'e.g. 2 · Blue · 1 1,2 · other: free text')
    .option('--id <id>', 'prompt id from the notification')
    .action(async (name: string, choice: string[], options: { id?: string }) => {
      printResult(await (await steering()).answer(name, choice.join(' '), options.id?.toLowerCase(), `cli:${io.env.USER ?? 'user'}`));
    });

  program
    .command('plan')
    .description('The whole plan a session asks to approve (plan mode), as it is sent to the phone')
    .argument('<name>', 'session name')
    .option('--json', 'print JSON (the messages)')
    .action(async (name: string, options: { json?: boolean }) => {
      const messages = await planFromCli(await engine(), name);
      print(options.json, messages, messages.join('\n\n'));
    });

  program
    .command('pending')
    .description('Prompts waiting for an answer')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const pending = await listPendingFromCli(await engine());
      const text = pending.length === 0 ? 'Nothing is waiting for an answer.' : pending.map((item) => `${item.session} [${item.id}] ${item.tool}(${item.detail})`).join('\n');
      print(options.json, pending, text);
    });

  program
    .command('monitor')
    .description('Run the monitor in the foreground: relay prompts, remind, announce (Ctrl-C stops)')
    .option('--poll-ms <ms>', 'screen reconcile interval', parseMilliseconds)
    .option('--remind-ms <ms>', 'reminder interval', parseMilliseconds)
    .action(async (options: { pollMs?: number; remindMs?: number }) => {
      const monitor = new Monitor({ wingman: await engine(), channel: createConsoleChannel(io.out), pollIntervalMs: options.pollMs, reminderIntervalMs: options.remindMs, logger: { warn: io.err } });
      await monitor.start();
      io.out(`wingman monitor running (socket ${(await engine()).paths.hookSocket}); Ctrl-C stops it.`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await monitor.stop();
    });

  program
    .command('doctor')
    .description('Check tmux, Claude Code (version against the tested range), the state directory and the hook socket')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const checks = await runDoctor(io.env);
      const code = doctorExitCode(checks);
      print(options.json, { ok: code === 0, checks }, formatDoctor(checks));
      if (code !== 0) process.exitCode = code;
    });

  program
    .command('detect')
    .description('Classify a captured Claude Code screen (for checking the screen rules)')
    .requiredOption('-f, --file <path>', 'a file holding `tmux capture-pane -p` output (- for stdin)')
    .option('--json', 'print JSON (default)')
    .action(async (options: { file: string }) => {
      const screen = options.file === '-' ? await readStdin() : await fs.readFile(options.file, 'utf8');
      // The state `wingman status` would report from this screen alone (an API error is `error`).
      const reading = detectClaudeScreen(screen);
      const { state } = deriveSessionState({ nowMs: Date.now(), alive: true, screen: reading });
      io.out(JSON.stringify({ ...reading, state, screenState: reading.state }));
    });

  try {
    await program.parseAsync([...argv]);
    return Number(process.exitCode ?? 0);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (isWingmanError(error)) {
      io.err(`wingman: ${error.message}`);
      return 1;
    }
    io.err(`wingman: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  }
}

function parsePositiveInt(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > 100_000) throw new InvalidArgumentError('expected a whole number from 1 to 100000');
  return parsed;
}

function parseTailLines(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > TAIL_MAX_LINES) throw new InvalidArgumentError(`expected a whole number from 1 to ${TAIL_MAX_LINES}`);
  return parsed;
}

function parseReason(value: string): string {
  const reason = value.trim();
  if (reason.length === 0 || reason.length > 2000) throw new InvalidArgumentError('expected what Claude should do instead, 1 to 2000 characters');
  return reason;
}

function parseMilliseconds(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 100 || parsed > 86_400_000) throw new InvalidArgumentError('expected milliseconds from 100 to 86400000');
  return parsed;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
