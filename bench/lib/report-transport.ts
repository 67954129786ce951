import type { BenchResults } from './report.js';
import type { Summary } from './stats.js';

const ms = (value: number | null | undefined) => (value === null || value === undefined ? '–' : Math.abs(value) >= 100 ? String(Math.round(value)) : value.toFixed(1));
const num = (value: number | null | undefined, digits = 1) => (value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(digits));
const trio = (summary: Summary | undefined) => (summary ? `${ms(summary.p50)} / ${ms(summary.p95)} / ${ms(summary.max)}` : '–');

/** What the per-session MCP hook servers cost while idle (issue 14). */
export function mcpServerSection(results: BenchResults): string[] {
  const measured = [
    ...(results.real?.mcpServers ? [{ label: `${results.real.n} real Claude Code ${results.real.claudeVersion.split(' ')[0]}`, cost: results.real.mcpServers }] : []),
    ...results.fake.filter((result) => result.wingman.mcpServers).map((result) => ({ label: `${result.n} fake`, cost: result.wingman.mcpServers! })),
  ];
  if (measured.length === 0) return [];
  const out = ['## Cost of the MCP hook servers (one per session, idle)', ''];
  out.push('Measured over the idle window: CPU from /proc/PID/stat (10 ms ticks), memory at its end, mean / max over the servers. USS = the pages only that server has (what one more session costs); PSS shares the node binary\'s pages out among every process that maps them; RSS counts them in full.');
  out.push('');
  out.push('| sessions | servers | CPU % of a core, mean / max | USS MB | anon MB | PSS MB | RSS MB |');
  out.push('|---|---|---|---|---|---|---|');
  for (const { label, cost } of measured) {
    out.push(`| ${label} | ${cost.servers} | ${num(cost.cpuPctMean, 3)} / ${num(cost.cpuPctMax, 3)} | ${num(cost.ussMB.mean)} / ${num(cost.ussMB.max)} | ${num(cost.anonMB.mean)} / ${num(cost.anonMB.max)} | ${num(cost.pssMB.mean)} / ${num(cost.pssMB.max)} | ${num(cost.rssMB.mean)} / ${num(cost.rssMB.max)} |`);
  }
  out.push('');
  return out;
}

/** The same two latencies through the real OpenClaw gateway and WhatsApp channel. */
export function openclawSection(results: BenchResults): string[] {
  const oc = results.openclaw;
  if (!oc) return [];
  const p = oc.prompts;
  const out = [`## Through OpenClaw and WhatsApp (what the user feels)`, ''];
  out.push(`One real Claude Code ${oc.claudeVersion.split(' ')[0]} session with the MCP hook server; wingman's monitor as our plugin's service in a real OpenClaw ${oc.openclawVersion} gateway (gateway up in ${num(oc.gatewayStartMs / 1000, 0)} s) with the real @openclaw/whatsapp channel, only Baileys' socket faked. p50 / p95 / max, ms, ${p.prompts} prompts.`);
  out.push('');
  out.push('| what | latency |');
  out.push('|---|---|');
  out.push(`| notification: dialog drawn → the socket's sendMessage of the notice | ${trio(p.notificationMs)} |`);
  out.push(`| answer: \`approve NAME\` emitted by the socket (messages.upsert) → the tool starts | ${trio(p.answerMs)} |`);
  out.push(`| answer, from the message's file in the fake's inbox (adds its 100 ms polling) | ${trio(oc.answerFromInboxMs)} |`);
  if (p.fromHookMs) out.push(`| notification from the hook's invocation (the call reaching the MCP hook server) → sendMessage | ${trio(p.fromHookMs)} |`);
  if (p.replyToOutputMs) out.push(`| answer, part 1: messages.upsert → the decision handed to Claude Code (OpenClaw's inbound path, our plugin, wingman's monitor and MCP hook server) | ${trio(p.replyToOutputMs)} |`);
  if (p.outputToStartMs) out.push(`| answer, part 2: decision handed over → the tool starts (Claude Code's own work) | ${trio(p.outputToStartMs)} |`);
  out.push(`| missed / answered twice | ${p.missed} / ${p.answeredTwice} |`);
  out.push('');
  if (oc.notes.length > 0) out.push(...oc.notes.slice(0, 10).map((note) => `- ${note}`), '');
  return out;
}
