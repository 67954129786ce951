import type { FakeResult, MonitorSideResult } from './fake-scenario.js';
import type { ProfileSummary } from './monitor-host.js';
import type { RealResult } from './real-scenario.js';
import type { OpenClawResult } from './openclaw-scenario.js';
import { mcpServerSection, openclawSection } from './report-transport.js';
import type { WindowStats } from './measure.js';
import type { PhaseStats } from './prompt-tracker.js';
import type { Summary } from './stats.js';
import type { SchedSummary } from './schedstat.js';
import { QUIET_FULL_TICK_MS } from '../../src/core/monitor-cadence.js';

export interface TargetCheck {
  target: string;
  measured: string;
  pass: boolean | null;
  /** How far from the target when missed (the headroom when met). */
  margin: string;
}

export interface BenchResults {
  meta: {
    startedAt: string;
    finishedAt: string;
    durationS: number;
    mode: 'smoke' | 'full';
    label?: string;
    machine: { cpus: number; cpuModel: string; memGB: number; node: string; tmux: string; platform: string };
    loadAverageBefore: number[];
    loadAverageAfter: number[];
    staleSources: string[];
    /** Per scenario: how long the run waited for other work to settle, and the machine's busy % then. */
    machineBeforeScenario?: Record<string, { waitedS: number; busyPct: number }>;
    git: string;
    dist: string;
    /** Child CPU per `tmux -V` exec, direct and through the counting shim (its overhead is the difference). */
    execCost?: { tmuxClientMs: number | null; viaShimMs: number | null };
    /** Hook forwarder start-up (spawn → it has read the event) on the machine before the run, sequential. */
    hookStartFloorMs?: { p50: number; max: number } | null;
  };
  fake: FakeResult[];
  /** Real Claude Code with wingman's default hook transport (the MCP hook server), and with the forwarder (+ the polling baseline). */
  real?: RealResult;
  realCommand?: RealResult;
  /** One real Claude Code session, answers only (20 prompts one after another), per transport (issue 14). */
  realOne?: RealResult;
  realOneCommand?: RealResult;
  /** The same latencies through the real OpenClaw gateway and its WhatsApp channel (faked socket). */
  openclaw?: OpenClawResult;
  targets: TargetCheck[];
  /** Another run (e.g. an older build, measured with --dist) shown side by side in the cost section. */
  compare?: { label: string; fake: FakeResult[] };
}

type Row = { label: string; n: number; wingman: MonitorSideResult; baseline?: MonitorSideResult | undefined; transport: 'mcp' | 'command'; real: boolean; answersOnly?: boolean; claudeMainThread?: SchedSummary | undefined };

const transportLabel = (transport: 'mcp' | 'command') => (transport === 'mcp' ? 'MCP hook server' : 'forwarder');

function rows(results: BenchResults): Row[] {
  const list: Row[] = results.fake.map((result) => {
    const transport = result.params.transport ?? 'command';
    return { label: `${result.n} fake, ${transportLabel(transport)}`, n: result.n, wingman: result.wingman, baseline: result.baseline, transport, real: false };
  });
  // Both real runs of a size are compared with its one polling run (on the forwarder's sessions: with the monitor down either transport leaves the dialog to keys).
  for (const [mcp, command] of [[results.realOne, results.realOneCommand], [results.real, results.realCommand]] as const) {
    const baseline = command?.baseline ?? mcp?.baseline;
    for (const real of [mcp, command]) {
      if (real) list.push({ label: `${real.n} real Claude Code ${real.claudeVersion.split(' ')[0]}, ${transportLabel(real.transport ?? 'command')}${real.params.answersOnly ? ', answers only' : ''}`, n: real.n, wingman: real.wingman, baseline: real.baseline ?? baseline, transport: real.transport ?? 'command', real: true, answersOnly: real.params.answersOnly === true, claudeMainThread: real.claudeMainThread });
    }
  }
  return list;
}

const ms = (value: number | null | undefined) => (value === null || value === undefined ? '–' : Math.abs(value) >= 100 ? String(Math.round(value)) : value.toFixed(1));
const pct = (value: number | null | undefined) => (value === null || value === undefined ? '–' : value.toFixed(Math.abs(value) >= 10 ? 1 : 2));
const num = (value: number | null | undefined, digits = 1) => (value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(digits));
const mark = (pass: boolean | null) => (pass === null ? '➖ not measured' : pass ? '✅ pass' : '❌ FAIL');
const trio = (summary: Summary | undefined) => (summary ? `${ms(summary.p50)} / ${ms(summary.p95)} / ${ms(summary.max)}` : '–');
const duo = (summary: Summary | undefined) => (summary ? `${ms(summary.p50)} / ${ms(summary.p95)}` : '–');

/** Polling's latency over wingman's; a notice handed over before the dialog was drawn (≤ 0 ms) counts as 1 ms. */
function ratio(baseline: number | null | undefined, wingman: number | null | undefined): number | null {
  if (!baseline || wingman === null || wingman === undefined) return null;
  return baseline / Math.max(wingman, 1);
}

const hasPrompts = (phase: PhaseStats | undefined): phase is PhaseStats => phase !== undefined && phase.prompts > 0;

/** The counting shim's own CPU per exec (an extra /bin/sh), which a real deployment does not pay. */
function shimOverheadMs(results: BenchResults): number | null {
  const cost = results.meta.execCost;
  if (!cost || cost.tmuxClientMs === null || cost.viaShimMs === null) return null;
  return Math.max(0, cost.viaShimMs - cost.tmuxClientMs);
}

function withoutShimPct(results: BenchResults, window: WindowStats): number | null {
  const shim = shimOverheadMs(results);
  if (shim === null || window.cpuTotalPct === null) return null;
  return Math.max(0, window.cpuTotalPct - (shim * window.tmuxPerSec) / 10);
}

export function evaluateTargets(results: BenchResults): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const at = (n: number) => results.fake.find((result) => result.n === n);

  const n50 = at(50);
  const prompts50 = hasPrompts(n50?.wingman.prompts) ? n50!.wingman.prompts : undefined;
  const notifyP95 = prompts50?.notificationMs.p95 ?? null;
  checks.push({
    target: 'notification p95 < 300 ms at N = 50',
    measured: prompts50 ? `${ms(notifyP95)} ms` : 'not run',
    pass: notifyP95 === null ? null : notifyP95 < 300,
    margin: notifyP95 === null ? '' : notifyP95 < 300 ? `${ms(300 - notifyP95)} ms headroom` : `${ms(notifyP95 - 300)} ms over (${num(notifyP95 / 300, 2)}× the target)`,
  });
  const answerP95 = prompts50?.answerMs.p95 ?? null;
  checks.push({
    target: 'answer p95 < 150 ms at N = 50',
    measured: prompts50 ? `${ms(answerP95)} ms` : 'not run',
    pass: answerP95 === null ? null : answerP95 < 150,
    margin: answerP95 === null ? '' : answerP95 < 150 ? `${ms(150 - answerP95)} ms headroom` : `${ms(answerP95 - 150)} ms over (${num(answerP95 / 150, 2)}× the target)`,
  });
  const n100 = at(100);
  const idleCpu = n100?.wingman.idle.cpuTotalPct ?? null;
  checks.push({
    target: 'idle monitor CPU < 1 % of a core at N = 100 (monitor process + the tmux clients it spawns)',
    measured: n100 ? `${pct(idleCpu)} % (monitor process alone ${pct(n100.wingman.idle.cpuSelfPctExact ?? n100.wingman.idle.cpuSelfPct)} %; ≈ ${pct(withoutShimPct(results, n100.wingman.idle))} % without the benchmark's counting shim)` : 'not run',
    pass: idleCpu === null ? null : idleCpu < 1,
    margin: idleCpu === null ? '' : idleCpu < 1 ? `${pct(1 - idleCpu)} points headroom` : `${pct(idleCpu - 1)} points over (${num(idleCpu, 1)}× the budget)`,
  });
  const phases = rows(results).filter((row) => hasPrompts(row.wingman.prompts)).map((row) => ({ label: row.label, phase: row.wingman.prompts }));
  const missed = phases.reduce((sum, item) => sum + item.phase.missed, 0);
  const twice = phases.reduce((sum, item) => sum + item.phase.answeredTwice, 0);
  const total = phases.reduce((sum, item) => sum + item.phase.prompts, 0);
  checks.push({
    target: '0 prompts missed, 0 answered twice (wingman, every N)',
    measured: `${missed} missed, ${twice} answered twice of ${total} prompts`,
    pass: total === 0 ? null : missed === 0 && twice === 0,
    margin: missed + twice === 0 ? '' : phases.filter((item) => item.phase.missed + item.phase.answeredTwice > 0).map((item) => `${item.label}: ${item.phase.missed} missed, ${item.phase.answeredTwice} twice`).join('; '),
  });
  const ratios = rows(results)
    .filter((row) => row.transport === 'mcp' && hasPrompts(row.wingman.prompts) && hasPrompts(row.baseline?.prompts))
    .map((row) => {
      const p50 = ratio(row.baseline!.prompts.notificationMs.p50, row.wingman.prompts.notificationMs.p50);
      const p95 = ratio(row.baseline!.prompts.notificationMs.p95, row.wingman.prompts.notificationMs.p95);
      return { label: row.label, p50, p95, worst: p50 === null || p95 === null ? null : Math.min(p50, p95) };
    });
  const worst = ratios.filter((item) => item.worst !== null).sort((a, b) => a.worst! - b.worst!)[0];
  checks.push({
    target: '≥ 20× lower notification latency (dialog drawn → notice) than 5 s polling, at every N (p50 and p95), with the MCP hook server',
    measured: ratios.map((item) => `${item.label}: ${num(item.p50, 0)}× / ${num(item.p95, 0)}×`).join('; ') || 'not run',
    pass: worst === undefined ? null : ratios.every((item) => item.worst !== null && item.worst >= 20),
    margin: worst ? `lowest: ${worst.label} ${num(worst.worst, 1)}×` : '',
  });
  const real = results.real && results.real.transport === 'mcp' && hasPrompts(results.real.wingman.prompts) ? results.real : undefined;
  const fromHook = real?.wingman.prompts.fromHookMs?.p95 ?? null;
  checks.push({
    target: `notification p95 < 100 ms from the PermissionRequest hook's invocation, 5 real Claude Code ${real?.claudeVersion.split(' ')[0] ?? ''} sessions, MCP hook server`,
    measured: real ? `${ms(fromHook)} ms (from the dialog drawn: ${ms(real.wingman.prompts.notificationMs.p95)} ms)` : 'not run',
    pass: fromHook === null ? null : fromHook < 100,
    margin: fromHook === null ? '' : fromHook < 100 ? `${ms(100 - fromHook)} ms headroom` : `${ms(fromHook - 100)} ms over`,
  });
  const answer = real?.wingman.prompts.answerMs.p95 ?? null;
  checks.push({
    target: 'answer p95 < 100 ms with real Claude Code (reply at the monitor → the tool starts), MCP hook server',
    measured: real ? `${ms(answer)} ms (forwarder: ${ms(results.realCommand?.wingman.prompts.answerMs.p95)} ms; polling's keys: ${ms(results.realCommand?.baseline?.prompts.answerMs.p95)} ms)` : 'not run',
    pass: answer === null ? null : answer < 100,
    margin: answer === null ? '' : answer < 100 ? `${ms(100 - answer)} ms headroom` : `${ms(answer - 100)} ms over`,
  });
  const one = results.realOne && hasPrompts(results.realOne.wingman.prompts) ? results.realOne : undefined;
  const oneAnswer = one?.wingman.prompts.answerMs.p95 ?? null;
  checks.push({
    target: `answer p95 < 100 ms with real Claude Code, 1 session (${one?.wingman.prompts.prompts ?? 20} prompts one after another; reply at the monitor → the tool starts), MCP hook server`,
    measured: one ? `${ms(oneAnswer)} ms (wingman's share, reply → decision handed over: ${ms(one.wingman.prompts.replyToOutputMs?.p95)} ms; forwarder: ${ms(results.realOneCommand?.wingman.prompts.answerMs.p95)} ms; polling's keys: ${ms(results.realOneCommand?.baseline?.prompts.answerMs.p95)} ms)` : 'not run',
    pass: oneAnswer === null ? null : oneAnswer < 100,
    margin: oneAnswer === null ? '' : oneAnswer < 100 ? `${ms(100 - oneAnswer)} ms headroom` : `${ms(oneAnswer - 100)} ms over`,
  });
  const servers = results.real?.mcpServers;
  const uss = servers?.ussMB.max ?? null;
  const idleCpuMax = servers?.cpuPctMax ?? null;
  checks.push({
    target: 'per-session MCP hook server < 20 MB and ≈ 0 % CPU idle (memory: unique pages, USS; RSS also counts the node binary shared by every node process; CPU: every server under 0.5 % of a core)',
    measured: servers ? `USS ${num(uss, 1)} MB max (RSS ${num(servers.rssMB.max, 1)}, anon ${num(servers.anonMB.max, 1)}, PSS ${num(servers.pssMB.max, 1)} MB), CPU ${num(idleCpuMax, 3)} % max over ${num(servers.windowMs / 1000, 0)} s idle, ${servers.servers} servers` : 'not run',
    pass: uss === null || idleCpuMax === null ? null : uss < 20 && idleCpuMax < 0.5,
    margin: uss === null ? '' : uss < 20 ? `${num(20 - uss, 1)} MB headroom` : `${num(uss - 20, 1)} MB over`,
  });
  return checks;
}

/** Real Claude Code's answers step by step: wingman's share, Claude Code's own work, and the shell's. */
function realAnswerSection(withPrompts: Row[]): string[] {
  const realRows = withPrompts.filter((row) => row.real);
  if (realRows.length === 0) return [];
  const out = ['### Answer with real Claude Code, step by step (ms, p50 / p95)', ''];
  out.push("reply = the reply reaches wingman's monitor (polling: its `send-keys 1` starts). **wingman's share:** reply → decision handed over (the monitor relays the reply to the session's MCP hook server, which returns it as the hook call's result; stamped by the server just before it writes the result to Claude Code's pipe). **Claude Code's own work:** decision → Claude Code starts the tool's shell (it handles the hook result, renders its frame, and forks `bash -c 'source <snapshot> … eval <command>'`; the time stamp of a `bash` wrapper set as CLAUDE_CODE_SHELL / SHELL). **The shell:** shell start → the command runs (one more bash exec for the wrapper, then Claude's snapshot sourced, then `date`). With the forwarder, reply → shell start also holds the forwarder printing the decision and exiting; with keys, tmux delivering the key and Claude Code reading it and closing the dialog.");
  out.push('');
  out.push('| N sessions, hook transport | reply → the command runs (the answer) | reply → decision handed over (wingman) | decision → Claude Code starts the shell (Claude Code) | reply → Claude Code starts the shell | shell start → the command runs (bash) |');
  out.push('|---|---|---|---|---|---|');
  const keys = new Set<PhaseStats>();
  for (const row of realRows) {
    const w = row.wingman.prompts;
    out.push(`| ${row.label} | ${duo(w.answerMs)} | ${duo(w.replyToOutputMs)} | ${duo(w.decisionToShellMs)} | ${duo(w.replyToShellMs)} | ${duo(w.shellToStartMs)} |`);
    const b = row.baseline?.prompts;
    if (row.transport === 'command' && hasPrompts(b) && !keys.has(b)) {
      keys.add(b);
      out.push(`| ${row.n} real Claude Code, 5 s polling's keys${row.answersOnly ? ', answers only' : ''} | ${duo(b.answerMs)} | – | – | ${duo(b.replyToShellMs)} | ${duo(b.shellToStartMs)} |`);
    }
  }
  out.push('');
  return [...out, ...mainThreadTable(realRows)];
}

/** Claude Code's part of the answer as its main thread spent it (RealResult.claudeMainThread). */
function mainThreadTable(realRows: Row[]): string[] {
  const measured = realRows.filter((row) => row.claudeMainThread && row.claudeMainThread.wall.count > 0);
  if (measured.length === 0) return [];
  return [
    "Claude Code's main thread from the decision to the shell (Linux's schedstat of that thread, read every 2 ms, interpolated at both ends): **on a CPU** = its own code running; **waiting for a CPU** = runnable while every core was taken; **blocked** = asleep in a futex or syscall. A CPU profile cannot tell the first two apart.",
    '',
    '| N sessions, hook transport | answers | decision → shell | on a CPU | waiting for a CPU | blocked |',
    '|---|---|---|---|---|---|',
    ...measured.map(({ label, claudeMainThread: t }) => `| ${label} | ${t!.wall.count} | ${duo(t!.wall)} | ${duo(t!.run)} | ${duo(t!.wait)} | ${duo(t!.blocked)} |`),
    '',
  ];
}

function cpuCell(window: WindowStats | undefined): string {
  if (!window) return '–';
  return `${pct(window.cpuTotalPct)} (${pct(window.cpuSelfPctExact ?? window.cpuSelfPct)} + ${pct(window.cpuChildrenPct)})`;
}

function tickCell(window: WindowStats | undefined): string {
  if (!window || window.ticks === undefined) return '–';
  const reads = window.statusReads !== undefined && window.ticks > 0 ? ` · ${num(window.statusReads / window.ticks, 1)} screen reads/tick` : '';
  return `${window.ticks} ticks · ${ms(window.tickMs?.p50)} / ${ms(window.tickMs?.max)} ms${reads}`;
}

export function renderResults(results: BenchResults): string {
  const { meta } = results;
  const out: string[] = [];
  const list = rows(results);
  out.push('# Benchmark: wingman monitor vs. 5-second `capture-pane` polling (issues 6 and 14)');
  out.push('');
  out.push(`Generated by \`npx tsx bench/run-bench.ts${meta.mode === 'smoke' ? ' --smoke' : ''}\` (issue 6) on ${meta.startedAt.slice(0, 16).replace('T', ' ')} UTC in ${Math.round(meta.durationS / 60)} min; code: git ${meta.git}, build ${meta.dist}.`);
  out.push(`Machine: ${meta.machine.cpus} × ${meta.machine.cpuModel}, ${meta.machine.memGB} GB, ${meta.machine.platform}, node ${meta.machine.node}, ${meta.machine.tmux}. Load average before / after: ${meta.loadAverageBefore.join(' ')} / ${meta.loadAverageAfter.join(' ')}.`);
  const settled = Object.entries(meta.machineBeforeScenario ?? {});
  if (settled.length > 0) out.push(`Other work on the machine just before each scenario (busy % of one core, after waiting up to the limit for it to settle): ${settled.map(([label, item]) => `${label} ${item.busyPct} %${item.waitedS > 5 ? ` (waited ${item.waitedS} s)` : ''}`).join(', ')}.`);
  if (meta.staleSources.length > 0) out.push(`⚠️ dist/ was older than ${meta.staleSources.length} source file(s) when this ran.`);
  out.push('');
  out.push('## Targets');
  out.push('');
  out.push('| target | measured | result | margin |');
  out.push('|---|---|---|---|');
  for (const check of results.targets) out.push(`| ${check.target} | ${check.measured} | ${mark(check.pass)} | ${check.margin} |`);
  out.push('');

  const withPrompts = list.filter((row) => hasPrompts(row.wingman.prompts));
  if (withPrompts.length > 0) {
    out.push('## Latency (ms)');
    out.push('');
    out.push('Notification: dialog drawn → notice in the channel. Answer: reply reaches the monitor → the tool starts. p50 / p95 / max.');
    out.push('');
    out.push('| N sessions, hook transport | wingman notify | 5 s polling notify | polling ÷ wingman p50 / p95 | ≥ 20× | wingman answer | polling answer | machine busy while prompting (% of 1 core, 200 = all) |');
    out.push('|---|---|---|---|---|---|---|---|');
    for (const row of withPrompts) {
      const w = row.wingman.prompts;
      const b = row.baseline?.prompts;
      const r50 = ratio(b?.notificationMs.p50, w.notificationMs.p50);
      const r95 = ratio(b?.notificationMs.p95, w.notificationMs.p95);
      const ok = r50 !== null && r95 !== null ? r50 >= 20 && r95 >= 20 : null;
      out.push(
        `| ${row.label} | ${trio(w.notificationMs)} | ${trio(b?.notificationMs)} | ${num(r50, 0)}× / ${num(r95, 0)}× | ${ok === null ? '–' : ok ? '✅' : '❌'} | ${trio(w.answerMs)} | ${trio(b?.answerMs)} | ${num(row.wingman.prompting?.machineBusyPct, 0)} |`,
      );
    }
    out.push('');
    out.push("Where wingman's time goes (p50 / p95): notification = hook start (dialog drawn → the hook has read the event: the forwarder's process start-up, or the call reaching the MCP hook server) + relay (→ notice sent by the monitor); answer = reply → the hook hands the agent the decision (wingman's share: fake agents, and real Claude Code with the MCP hook server, from the decision line it logs as it returns the result) + decision → the tool starts (the agent's own work; for real Claude Code split further below). Negative: before the dialog was drawn (Claude Code 2.1.332 fires the hook 0.3–0.5 s before it draws the dialog).");
    out.push('');
    out.push('| N sessions, hook transport | hook start (from the dialog drawn) | relay in the monitor | hook invoked → notice | hook invoked → dialog drawn | reply → decision handed over | decision → tool starts |');
    out.push('|---|---|---|---|---|---|---|');
    for (const row of withPrompts) {
      const w = row.wingman.prompts;
      out.push(`| ${row.label} | ${duo(w.forwarderStartMs)} | ${duo(w.relayMs)} | ${duo(w.fromHookMs)} | ${duo(w.hookBeforeDrawnMs)} | ${duo(w.replyToOutputMs)} | ${duo(w.outputToStartMs)} |`);
    }
    out.push('');
    out.push(...realAnswerSection(withPrompts));
    out.push(...mcpServerSection(results));

    out.push('## Correctness');
    out.push('');
    out.push('| N sessions | prompts wingman / polling | wingman missed / answered twice | wingman notified twice | other monitor messages | polling missed / answered twice |');
    out.push('|---|---|---|---|---|---|');
    for (const row of withPrompts) {
      const w = row.wingman.prompts;
      const b = row.baseline?.prompts;
      const other = Object.entries(w.otherMessages).map(([kind, count]) => `${kind} ×${count}`).join(', ') || 'none';
      out.push(`| ${row.label} | ${w.prompts} / ${b?.prompts ?? '–'} | ${w.missed} / ${w.answeredTwice} ${w.missed + w.answeredTwice === 0 ? '✅' : '❌'} | ${w.notifiedTwice} | ${other} | ${b ? `${b.missed} / ${b.answeredTwice}` : '–'} |`);
    }
    out.push('');
    out.push('"✅" messages are the monitor\'s "finished" announcements (one per turn it saw end). A polling "miss" is a prompt it had not noticed when the benchmark gave up on it (60 s).');
    const problems = list.flatMap((row) => [...row.wingman.prompts.missedDetail.map((line) => `${row.label} wingman: ${line}`), ...row.wingman.prompts.refusedAnswers.map((line) => `${row.label} wingman refused: ${line}`)]);
    if (problems.length > 0) {
      out.push('');
      out.push('Problems:');
      for (const line of problems.slice(0, 20)) out.push(`- ${line}`);
    }
    out.push('');
  }
  out.push(...openclawSection(results));

  out.push('## Cost of the monitor');
  out.push('');
  out.push('CPU in % of ONE core: total (monitor process + the tmux clients, via the counting `sh` shim, it spawned). RSS: the monitor process, max. Ticks: the monitor\'s reconcile loop (1 s pause after each tick).');
  out.push('');
  out.push('| N sessions | CPU idle % | CPU all working % | CPU while prompting % | RSS idle / working MB | tmux execs/s idle / working | ticks, idle | ticks, all working | tmux server CPU idle / working % | 5 s polling: CPU idle %, tmux execs/s |');
  out.push('|---|---|---|---|---|---|---|---|---|---|');
  for (const row of list.filter((item) => !item.answersOnly)) {
    const w = row.wingman;
    const b = row.baseline?.idle;
    out.push(
      `| ${row.label} | ${cpuCell(w.idle)} | ${cpuCell(w.working)} | ${cpuCell(w.prompting)} | ${num(w.idle.rssMaxMB, 0)} / ${num(w.working?.rssMaxMB, 0)} | ${num(w.idle.tmuxPerSec, 1)} / ${num(w.working?.tmuxPerSec, 1)} | ${tickCell(w.idle)} | ${tickCell(w.working)} | ${pct(w.idle.tmuxServerCpuPct)} / ${pct(w.working?.tmuxServerCpuPct)} | ${b ? `${pct(b.cpuTotalPct)}, ${num(b.tmuxPerSec, 1)}` : '–'} |`,
    );
  }
  out.push('');
  const commandRows = list.filter((row) => row.wingman.idle.ticks && !row.answersOnly);
  if (commandRows.length > 0) {
    out.push('tmux commands per tick (the monitor\'s TmuxClient), idle | all working:');
    out.push('');
    out.push('| N sessions | idle | all working |');
    out.push('|---|---|---|');
    const perTick = (window: WindowStats | undefined) => {
      if (!window?.ticks) return '–';
      return Object.entries(window.tmuxByCommand ?? {}).sort((a, b) => b[1] - a[1]).map(([command, count]) => `${command} ${num(count / window.ticks!, 1)}`).join(', ') || 'none';
    };
    for (const row of commandRows) out.push(`| ${row.label} | ${perTick(row.wingman.idle)} | ${perTick(row.wingman.working)} |`);
    out.push('');
  }
  if (results.compare && results.compare.fake.length > 0) out.push(...comparison(results));

  const measuredOps = results.fake.filter((result) => result.wingman.micro).at(-1);
  if (measuredOps?.wingman.micro) {
    const micro = measuredOps.wingman.micro;
    out.push(`### What one operation costs inside the monitor process (N = ${measuredOps.n}, RSS ${num(micro.rssMB, 0)} MB; CPU ms / wall ms, mean of 20)`);
    out.push('');
    out.push('| operation | CPU ms | wall ms |');
    out.push('|---|---|---|');
    const op = (label: string, cost: { cpuMs: number; wallMs: number } | undefined) => cost && out.push(`| ${label} | ${num(cost.cpuMs, 2)} | ${num(cost.wallMs, 1)} |`);
    op('one tmux exec through TmuxClient/execa (`list-panes -a`, the idle tick\'s call)', micro.listSessions);
    op('one tmux exec through TmuxClient/execa (`tmux -V`)', micro.tmuxVersionExeca);
    op('one bare `child_process.spawn` (`tmux -V`)', micro.rawSpawn);
    op('`capture-pane -S -300` of one session through TmuxClient', micro.capturePane300);
    op(`registry read (JSON + zod, ${micro.sessions} sessions)`, micro.registryRead);
    op(`fs.stat of every session's events.jsonl (${micro.sessions})`, micro.statEveryEventsFile);
    out.push('');
  }

  const profiled = results.fake.filter((result) => result.wingman.profile).at(-1);
  if (profiled?.wingman.profile) {
    out.push(...profileSection(`idle, N = ${profiled.n}`, profiled.wingman.profile));
    if (profiled.wingman.profileWorking) out.push(...profileSection(`all working, N = ${profiled.n}`, profiled.wingman.profileWorking));
  }
  out.push(...diagnosis(results));
  out.push(...method(results));
  return `${out.join('\n')}\n`;
}

function comparison(results: BenchResults): string[] {
  const out: string[] = [];
  const compare = results.compare!;
  out.push(`### Before / after: ${compare.label}`);
  out.push('');
  out.push('| N sessions | build | CPU idle % | CPU all working % | tmux execs/s idle / working | ticks, idle | ticks, all working |');
  out.push('|---|---|---|---|---|---|---|');
  for (const old of compare.fake) {
    const current = results.fake.find((result) => result.n === old.n);
    out.push(`| ${old.n} fake | ${compare.label} | ${cpuCell(old.wingman.idle)} | ${cpuCell(old.wingman.working)} | ${num(old.wingman.idle.tmuxPerSec, 1)} / ${num(old.wingman.working?.tmuxPerSec, 1)} | ${tickCell(old.wingman.idle)} | ${tickCell(old.wingman.working)} |`);
    if (current) out.push(`| ${current.n} fake | this run | ${cpuCell(current.wingman.idle)} | ${cpuCell(current.wingman.working)} | ${num(current.wingman.idle.tmuxPerSec, 1)} / ${num(current.wingman.working?.tmuxPerSec, 1)} | ${tickCell(current.wingman.idle)} | ${tickCell(current.wingman.working)} |`);
  }
  out.push('');
  return out;
}

function profileSection(label: string, profile: ProfileSummary): string[] {
  const out: string[] = [];
  const total = profile.busyMs || 1;
  out.push(`## CPU profile of the monitor process (${label})`);
  out.push('');
  out.push(`${ms(profile.wallMs / 1000)} s sampled with node:inspector: ${ms(profile.busyMs)} ms of samples on the JS thread, process.cpuUsage ${ms(profile.cpuUs / 1000)} ms (${pct((profile.cpuUs / 1000 / profile.wallMs) * 100)} % of a core; profiling itself adds some), ${profile.ticks} ticks (${profile.tickMs.length ? `${ms(Math.min(...profile.tickMs))}–${ms(Math.max(...profile.tickMs))} ms each` : '–'}), ${profile.statusReads} screen reads, tmux: ${Object.entries(profile.tmux).map(([command, count]) => `${command} ×${count}`).join(', ') || 'none'}.`);
  out.push('');
  out.push('| self time by category | ms | share |');
  out.push('|---|---|---|');
  for (const item of profile.categories.slice(0, 10)) out.push(`| ${item.name} | ${ms(item.ms)} | ${pct((item.ms / total) * 100)} % |`);
  out.push('');
  const interesting = /^(tick|changedSinceLastRead|list|statusOf|reconcile|reconcileSession|capturePane|runSequence|execa|spawn|readRecentHookEvents|detectClaudeScreen|deriveSessionState|buildHookTimeline|buildSessionStatus|update|load|read|lock|parseHookEvent|listSessions|planReconcile|needsReconcile|openFromHook|notify|onHookEvent|stat)\b/;
  const inclusive = profile.inclusive.filter((item) => interesting.test(item.name)).slice(0, 14);
  if (inclusive.length > 0) {
    out.push('| function, inclusive (synchronous part) | ms | share |');
    out.push('|---|---|---|');
    for (const item of inclusive) out.push(`| \`${item.name}\` | ${ms(item.ms)} | ${pct((item.ms / total) * 100)} % |`);
    out.push('');
  }
  return out;
}

/** The data-driven part of the closing note: what each missed target costs and where the time goes. */
function diagnosis(results: BenchResults): string[] {
  const out: string[] = [];
  const fake = [...results.fake].sort((a, b) => a.n - b.n);
  if (fake.length === 0) return out;
  out.push('## Diagnosis (computed from this run)');
  out.push('');
  const largest = fake.at(-1)!;
  const idle = largest.wingman.idle;
  const ticks = idle.ticks || 0;
  const perTickMs = ticks > 0 && idle.cpuTotalPct !== null ? ((idle.cpuTotalPct / 100) * idle.wallMs) / ticks : null;
  const childPerExec = idle.tmuxExecs > 0 && idle.cpuChildrenPct !== null ? ((idle.cpuChildrenPct / 100) * idle.wallMs) / idle.tmuxExecs : null;
  const selfPerTick = ticks > 0 ? (((idle.cpuSelfPctExact ?? idle.cpuSelfPct ?? 0) / 100) * idle.wallMs) / ticks : null;
  const shim = shimOverheadMs(results);
  if (results.meta.execCost) out.push(`- **Cost of one tmux exec in its own process:** ${ms(results.meta.execCost.tmuxClientMs)} ms CPU for a bare \`tmux -V\`, ${ms(results.meta.execCost.viaShimMs)} ms through the counting shim (the shim's /bin/sh adds ≈ ${ms(shim)} ms per exec; subtract ${pct(shim === null ? null : (shim * idle.tmuxPerSec) / 10)} points from the idle figure below for a deployment without it).`);
  out.push(`- **Idle CPU, N = ${largest.n}:** ${pct(idle.cpuTotalPct)} % of a core = ${ticks} ticks in ${num(idle.wallMs / 1000, 0)} s × ≈ ${ms(perTickMs)} ms CPU per tick (${ms(selfPerTick)} ms in the monitor process, ${num(idle.tmuxExecs / Math.max(ticks, 1), 1)} tmux execs per tick at ≈ ${ms(childPerExec)} ms each in the client). Idle CPU by N: ${fake.map((result) => `${result.n}: ${pct(result.wingman.idle.cpuTotalPct)} %`).join(', ')} — a fixed cost per tick, hardly a per-session one.`);
  const working = largest.wingman.working;
  if (working) {
    out.push(`- **All working, N = ${largest.n}:** ${pct(working.cpuTotalPct)} % of a core, ${num(working.tmuxPerSec, 1)} tmux execs/s; a tick reads every changed screen (${num((working.statusReads ?? 0) / Math.max(working.ticks ?? 1, 1), 0)} per tick) in one tmux call and runs the screen rules over each; a tick takes ${ms(working.tickMs?.p50)} ms (p50).`);
  }
  const n50 = results.fake.find((result) => result.n === 50);
  const p = n50?.wingman.prompts;
  if (p && hasPrompts(p)) {
    const floor = results.meta.hookStartFloorMs;
    if ((n50!.params.transport ?? 'command') === 'mcp') {
      out.push(`- **Notification at N = 50 (MCP hook server):** p95 ${ms(p.notificationMs.p95)} ms = the hook call reaching the agent's MCP hook server p95 ${ms(p.forwarderStartMs?.p95)} ms (no process starts per event) + relay in the monitor p95 ${ms(p.relayMs?.p95)} ms. Machine busy while prompting: ${num(n50!.wingman.prompting?.machineBusyPct, 0)} % of one core (200 = both cores).`);
      out.push(`- **Answer at N = 50 (MCP hook server):** p95 ${ms(p.answerMs.p95)} ms = reply → the decision returned by the MCP hook server p95 ${ms(p.replyToOutputMs?.p95)} ms + decision → the agent acts p95 ${ms(p.outputToStartMs?.p95)} ms.`);
    } else {
      out.push(`- **Notification at N = 50:** p95 ${ms(p.notificationMs.p95)} ms = hook process start-up p95 ${ms(p.forwarderStartMs?.p95)} ms (a new \`node hook-forwarder.js\` per event, which Claude Code also pays; ${floor ? `${ms(floor.p50)} ms p50 when started alone on the quiet machine before the run` : 'floor not measured'}) + relay in the monitor p95 ${ms(p.relayMs?.p95)} ms. Machine busy while prompting: ${num(n50!.wingman.prompting?.machineBusyPct, 0)} % of one core (200 = both cores), mostly the agents' own hook processes (five per prompt).`);
      out.push(`- **Answer at N = 50:** p95 ${ms(p.answerMs.p95)} ms = reply → decision printed by the waiting hook p95 ${ms(p.replyToOutputMs?.p95)} ms + decision printed → hook process exited p95 ${ms(p.outputToStartMs?.p95)} ms (the agent, like Claude Code, acts when the hook process has exited).`);
    }
  }
  for (const realRow of [results.realOne, results.realOneCommand, results.real, results.realCommand]) {
    if (!realRow || !hasPrompts(realRow.wingman.prompts)) continue;
    const r = realRow.wingman.prompts;
    const baselineAnswer = ((realRow.n === 1 ? results.realOneCommand : results.realCommand)?.baseline ?? realRow.baseline)?.prompts.answerMs.p50;
    out.push(`- **Real Claude Code ${realRow.claudeVersion.split(' ')[0]}, N = ${realRow.n}, ${transportLabel(realRow.transport ?? 'command')}:** notification from the hook's invocation p50 ${ms(r.fromHookMs?.p50)} / p95 ${ms(r.fromHookMs?.p95)} ms (invocation → the hook has read the event p50 ${ms(r.forwarderStartMs && r.hookBeforeDrawnMs && r.forwarderStartMs.p50 !== null && r.hookBeforeDrawnMs.p50 !== null ? r.forwarderStartMs.p50 + r.hookBeforeDrawnMs.p50 : null)} ms, relay p50 ${ms(r.relayMs?.p50)} ms); the hook fires p50 ${ms(r.hookBeforeDrawnMs?.p50)} ms before the dialog is drawn, so from the dialog drawn: p50 ${ms(r.notificationMs.p50)} / p95 ${ms(r.notificationMs.p95)} ms. Answer p50 ${ms(r.answerMs.p50)} / p95 ${ms(r.answerMs.p95)} ms (the polling baseline's keypress answer: p50 ${ms(baselineAnswer)} ms for the same tool)${r.replyToShellMs ? ` = reply → Claude Code starts the tool's shell p50 ${ms(r.replyToShellMs.p50)} / p95 ${ms(r.replyToShellMs.p95)} ms${r.replyToOutputMs && r.decisionToShellMs ? ` (wingman's share, reply → decision handed over, p50 ${ms(r.replyToOutputMs.p50)} / p95 ${ms(r.replyToOutputMs.p95)} ms; Claude Code's own work from the decision to the shell p50 ${ms(r.decisionToShellMs.p50)} / p95 ${ms(r.decisionToShellMs.p95)} ms)` : ''} + shell start → the command runs p50 ${ms(r.shellToStartMs?.p50)} / p95 ${ms(r.shellToStartMs?.p95)} ms` : ''}.`);
  }
  const mcp = results.real?.transport === 'mcp' ? results.real.wingman.prompts : undefined;
  const command = results.realCommand?.wingman.prompts;
  if (mcp && command && hasPrompts(mcp) && hasPrompts(command)) {
    out.push(
      `- **Hook transport (issue 14), same machine, same run:** from the hook's invocation to the notice, MCP hook server p50 ${ms(mcp.fromHookMs?.p50)} / p95 ${ms(mcp.fromHookMs?.p95)} ms against the forwarder's p50 ${ms(command.fromHookMs?.p50)} / p95 ${ms(command.fromHookMs?.p95)} ms (its process start-up not counted: that is when node starts, not when Claude Code asked); reply → tool starts p50 ${ms(mcp.answerMs.p50)} / p95 ${ms(mcp.answerMs.p95)} ms against p50 ${ms(command.answerMs.p50)} / p95 ${ms(command.answerMs.p95)} ms (Claude Code acts on the call's result at once instead of waiting for a process to print and exit). The MCP hook server is the default (\`claude.hookTransport: auto\`), the forwarder the fallback; what each release does when the server is down, slow or dead, and why the model cannot call it: docs/research/mcp-tool-hooks.md.`,
    );
  }
  out.push('');
  out.push(...proposals(results));
  return out;
}

/** Claude Code's http hooks, checked against 2.1.197: the one lever left for notification latency, and why it is not used. */
const HTTP_HOOK_VERDICT = 'The only lever with a large effect is Claude Code\'s `"type": "http"` hook, which needs no process: checked with 2.1.197, its POST reaches a loopback listener ≈ 85 ms BEFORE the dialog is drawn (a `node` command hook starts ≈ 170 ms after it), a refused connection leaves the dialog answerable by keys at once, and headers interpolate `$WINGMAN_HOOK_SECRET` (the URL, with its port, is not interpolated). Not adopted: Claude trusts any answer on that port, and a loopback TCP port is open to every local user — while the monitor is down anyone on the machine could listen there and approve prompts. The hook socket (0600 in a 0700 directory) cannot be taken over that way; issue 14 removes the process start instead, with `mcp_tool` hooks on a per-session MCP hook server that talks to that socket.';

/** What to change, where, and what it should buy, for each target this run missed. */
function proposals(results: BenchResults): string[] {
  const out: string[] = [];
  const failed = (prefix: string) => results.targets.find((check) => check.target.startsWith(prefix))?.pass === false;
  const fake = [...results.fake].sort((a, b) => a.n - b.n);
  const largest = fake.at(-1);
  const micro = results.fake.map((result) => result.wingman.micro).filter(Boolean).at(-1);
  const n50 = results.fake.find((result) => result.n === 50)?.wingman.prompts;
  const floor = results.meta.hookStartFloorMs;
  const items: string[] = [];
  if (failed('idle monitor CPU') && largest) {
    const idle = largest.wingman.idle;
    const ticks = idle.ticks || 1;
    items.push(
      `**Idle CPU (${pct(idle.cpuTotalPct)} % at N = ${largest.n}, budget 1 %).** Quiet ticks (\`src/core/monitor-cadence.ts\`) already replace the per-second \`tmux list-panes\` with a signal 0 per pane pid and one registry stat, listing tmux every ${QUIET_FULL_TICK_MS / 1000} s; what is left is ≈ ${ms(((idle.cpuTotalPct ?? 0) / 100) * idle.wallMs / ticks)} ms per tick${micro ? ` (one \`list-panes\` exec through execa costs ${num(micro.listSessions.cpuMs, 1)} ms in the monitor process)` : ''}. Next: keep one tmux control-mode client (\`tmux -C\`) open for the monitor — commands over its stdin, no fork per call.`,
    );
  }
  if (largest?.wingman.working && (largest.wingman.working.cpuTotalPct ?? 0) > 20) {
    const working = largest.wingman.working;
    items.push(
      `**All sessions working (${pct(working.cpuTotalPct)} % of a core at N = ${largest.n}; ticks of ${ms(working.tickMs?.p50)} ms; no target, but the next bottleneck).** Every changed screen of a tick is already read in ONE tmux invocation (\`TmuxClient.capturePanes\`); what is left is tmux rendering and the screen rules over ${num((working.statusReads ?? 0) / Math.max(working.ticks ?? 1, 1), 0)} screens of 345 lines per tick:`,
      '  - `SessionService.statusOf()` when called by the monitor: capture the visible screen only; the 300 lines of history (`STATUS_HISTORY_LINES`) feed `wingman status` (test progress, latest activity), not state or dialog detection — about 45 lines instead of 345 per read.',
      '  - `Monitor.changedSinceLastRead()`: a hooked session that is `working` reports its tools and its turn end through hooks; its screen only adds Esc / deny (no hook) — read it at most every 3–5 s rather than on every tick it printed (the spinner prints continuously).',
    );
  }
  if (failed('notification p95') && n50) {
    items.push(
      `**Notification p95 at N = 50 (${ms(n50.notificationMs.p95)} ms, target 300 ms).** wingman's own part — the relay from the hook socket to the channel — is p50 ${ms(n50.relayMs?.p50)} / p95 ${ms(n50.relayMs?.p95)} ms. The rest is the hook process starting: a new \`node hook-forwarder.js\` for each event (${floor ? `${ms(floor.p50)} ms alone on the quiet machine; ` : ''}p50 ${ms(n50.forwarderStartMs?.p50)} / p95 ${ms(n50.forwarderStartMs?.p95)} ms with 50 sessions\' hook processes competing for 2 cores). Fixes:`,
      `  - ${HTTP_HOOK_VERDICT}`,
      '  - The forwarder (the fallback transport) imports only node builtins; with 50 sessions\' hooks on 2 cores the tail is CPU contention, not wingman.',
      '  - The relay tail (p95 above p50) comes from the event loop being blocked while a busy tick runs tmux; one capture per tick (above) keeps that short.',
    );
  }
  if (failed('≥ 20×')) {
    const worst = results.targets.find((check) => check.target.startsWith('≥ 20×'));
    const real = results.real?.wingman.prompts;
    items.push(
      `**20× against polling (${worst?.margin}).** ${real && results.real ? `With real Claude Code the hook start is p50 ${ms(real.forwarderStartMs?.p50)} / p95 ${ms(real.forwarderStartMs?.p95)} ms (five Claude Code processes keep both cores busy: ${num(results.real.wingman.prompting?.machineBusyPct, 0)} % while prompting) and the relay p50 ${ms(real.relayMs?.p50)} ms; ` : ''}polling's latency is half its 5 s period on average, so 20× needs notification ≲ 125 ms p50 / 240 ms p95.`,
    );
  }
  if (items.length === 0) return out;
  out.push('## Proposed fixes for the missed targets');
  out.push('');
  for (const item of items) out.push(item.startsWith('  - ') ? item : `- ${item}`);
  out.push('');
  return out;
}

function method(results: BenchResults): string[] {
  const fake = results.fake[0];
  const out: string[] = [];
  out.push('## Method');
  out.push('');
  out.push('- **Sessions.** Fake agents (`bench/fake-agent.mjs`) run in real tmux panes (160×45, private `-L wingman-bench-*` server, 400 lines of scrollback so `capture-pane -S -300` reads as much as for a long real session) and draw Claude Code 2.1.197\'s real screens (input box `❯`+U+00A0 between `─` rules; the Bash dialog with ` ❯ 1. Yes` / `2. Yes, and always allow …` / `3. No` / `Esc to cancel · Tab to amend`; the `esc to interrupt` footer with a spinner redrawn every 200 ms while working). Per prompt they fire UserPromptSubmit, PreToolUse, PermissionRequest, PostToolUse and Stop (a working turn, too, starts with UserPromptSubmit and ends with Stop), with the WINGMAN_* environment wingman puts on its tmux sessions: with the MCP hook server (the default) as `mcp_tool` calls on wingman\'s `dist/src/hook/hook-mcp-server.js`, which each agent starts once through the MCP SDK\'s stdio client with Claude Code\'s `${path}` interpolation of the hook input; with the forwarder as a new `node dist/src/hook/hook-forwarder.js` per event. A decision answers the dialog, none leaves it to keys 1/2/3/Esc, and a key cancels a still-waiting hook (as Claude Code does). Sessions are registered in wingman\'s registry with the matching hook secrets.');
  out.push('- **wingman.** The real `Monitor` (from dist/, built by `createWingman` with WINGMAN_HOME / WINGMAN_TMUX_SOCKET, default settings: 1 s tick) runs in its own node process (`bench/monitor-host.mjs`) with an in-memory channel that time-stamps each notice; the benchmark answers each notice at once with `monitor.desk.answer(session, "approve", id)`, as the chat handler does.');
  out.push('- **5 s polling baseline.** `bench/baseline-monitor.sh`: the original shell wingman\'s loop (master-monitor.sh) at 5 s: `list-sessions`, then per session `capture-pane | grep -qE "Do you want|…"`, and for a new prompt `capture-pane -S -50` for the details; answers are `tmux send-keys 1`. It runs on the same sessions after wingman\'s monitor is stopped (the forwarder then finds no socket and exits at once, so the dialog waits for keys, as with Claude Code).');
  out.push(`- **Real Claude Code.** 5 sessions spawned by wingman (real \`claude\` ${results.real?.claudeVersion.split(' ')[0] ?? results.realCommand?.claudeVersion.split(' ')[0] ?? '?'}, isolated HOME, loopback fake Messages API), first with the MCP hook server, then 5 fresh sessions with the forwarder, on which the polling baseline runs afterwards; the same for ONE session answering ${results.realOne?.params.rounds ?? 20} prompts one after another (answers only, no idle / working windows); prompt \`RUNTOOL date +%s%3N >> t-SEQ.txt\` raises a Bash permission dialog. Dialog drawn = first appearance of \`proceed?\` in the pane\'s output stream (\`tmux pipe-pane\`, polled every 5 ms); hook invoked = the MCP hook server\'s receipt of the call, or the forwarder\'s process start (its \`performance.timeOrigin\`, logged in events.jsonl; Claude\'s \`sh -c exec node\` before it is not counted); tool started = the time stamp the command itself wrote (a second line would mean it ran twice); decision handed over = the MCP hook server's \`{at, requestAt, decision}\` line in events.jsonl; shell started = the time stamp (\`$EPOCHREALTIME\`) of a \`bash\` wrapper set as CLAUDE_CODE_SHELL and SHELL, which then execs /bin/bash (the wrapper runs in every real row, so each answer holds its one extra bash start). A turn's end is its Stop hook event in events.jsonl (a stat every 100 ms), not the screen, so the benchmark runs no tmux while prompting (1 s screen reads only for a session without hook events yet, or after an Esc). Working = \`SLOW\` answers streaming.`);
  out.push('- **Times.** Dialog drawn = when the fake agent\'s write of the dialog frame to the pty completed; tool started = when the agent got the allow (hook decision with the hook process exited, or the key). Hook start-up = the forwarder\'s own time stamp in events.jsonl. All processes read the same clock.');
  out.push('- **CPU / RSS / execs.** `/proc/PID/stat` utime+stime of the monitor process (and `process.cpuUsage()` inside it) plus cutime+cstime of the children it reaped (tmux clients and the counting `sh` shim, which adds one `/bin/sh` start per exec); VmRSS sampled every 0.5 s; tmux execs counted by a `tmux` shim first on the monitor\'s PATH (one byte per exec); tmux commands per tick and screen reads from wrappers in the monitor host.');
  if (fake) {
    const p = fake.params;
    out.push(`- **Load model.** Prompts arrive at about ${p.promptRate}/s over all sessions (each session waits a random gap of mean N/${p.promptRate} s, at least 1 s, between its prompts; seed ${p.seed}), answered at once; prompts per session: ${results.fake.map((result) => `N=${result.n}: ${result.params.wingmanPrompts} (polling ${result.params.baselinePrompts})`).join(', ')}. Windows: idle ${results.fake.map((result) => `${result.params.idleMs / 1000} s`).join(' / ')}, all working ${p.workMs / 1000} s, polling idle ${p.baselineIdleMs / 1000} s. Each prompt starts five hook processes (≈ 0.1–0.2 s CPU each here), so the rate is kept at what one core can carry.`);
  }
  out.push('- **Caveats.** The machine is shared with other work (see the busy figures above); contention inflates latencies, above all the start-up of the per-event hook process. The polling baseline\'s webhook call is left out, which favours it.');
  out.push('');
  return out;
}
