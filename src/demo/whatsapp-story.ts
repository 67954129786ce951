import fs from 'node:fs/promises';
import path from 'node:path';
import { createScriptedAgent, type AgentRule, type ScriptContext, type ToolCall } from './scripted-agent.js';

/**
 * The product's story told through a real OpenClaw agent turn (test/openclaw/agent-story.test.ts and
 * `npm run demo -- --whatsapp`): the owner delegates three pieces of work in one WhatsApp message,
 * asks for the dashboard and for one session's progress, steers another, answers a permission prompt
 * from the phone, and someone else on the allow-list is refused.
 *
 * OpenClaw's model is scripted (scripted-agent.ts) by these rules; the Claude Code sessions run the
 * real binary against the fake Messages API, so the tasks the model writes start with that API's
 * scenario words (TESTS, WRITE; fake-api-scenarios.ts).
 */

export const VSR = 'vsr-1131';
export const AUTH = 'auth-feature';
export const PROXY = 'proxy-refactor';
export const STORY_SKILL = 'claude-code-wingman';

export interface StoryProjects {
  vsr: string;
  auth: string;
  proxy: string;
}

/** The owner's messages and the non-owner's, in order. */
export function storyMessages(projects: StoryProjects) {
  return {
    delegate: `Start work on VSR issue #1131 in ${projects.vsr}, the authentication feature in ${projects.auth} and refactor the proxy in ${projects.proxy}`,
    dashboard: 'show me the dashboard',
    progress: "how's the vsr issue going?",
    // "tell NAME …" at the start of a message is wingman's own chat command (parse-chat-command.ts),
    // answered before the assistant; phrased as a request it goes to the assistant's wingman_send.
    steer: `Please tell ${PROXY} to run tests next`,
    approve: `approve ${AUTH}`,
    intruder: `Please start a session billing-fix in ${path.join(path.dirname(projects.vsr), 'billing')} to fix the billing bug`,
  };
}

/**
 * Three project folders. The VSR project's own Claude Code settings allow its (scripted) test run,
 * as a project that trusts `npm test` would, so its progress shows without a prompt; the auth
 * feature's new file still asks.
 */
export async function prepareStoryProjects(root: string): Promise<StoryProjects> {
  const projects = { vsr: path.join(root, 'vsr'), auth: path.join(root, 'auth-service'), proxy: path.join(root, 'edge-proxy') };
  for (const dir of Object.values(projects)) await fs.mkdir(dir, { recursive: true });
  await fs.mkdir(path.join(projects.vsr, '.claude'), { recursive: true });
  await fs.writeFile(path.join(projects.vsr, '.claude', 'settings.json'), `${JSON.stringify({ permissions: { allow: ['Bash(printf:*)'] } }, null, 2)}\n`);
  return projects;
}

const spawn = (session: string, workdir: string, task: string): ToolCall => ({ tool: 'wingman_spawn', args: { name: session, workdir, task } });

/** A session named earlier in the conversation whose name holds `word` (what a model remembers). */
function sessionNamed(word: string, context: ScriptContext): string {
  const fromCalls = context.earlierCalls.map((call) => call.args.name).filter((name): name is string => typeof name === 'string');
  const fromResults = context.earlierResults.flatMap((text) => [...text.matchAll(/Session '([\w.-]+)'/g)].map((match) => match[1]!));
  return [...fromCalls, ...fromResults].find((name) => name.includes(word.toLowerCase())) ?? word.toLowerCase();
}

const firstLine = (text: string) => text.split('\n')[0] ?? text;

export const STORY_RULES: AgentRule[] = [
  {
    when: /start work on (?:vsr )?issue #?(\d+) in (\S+), the auth\w* feature in (\S+) and refactor the proxy in (\S+?)\.?$/i,
    calls: (m) => [
      spawn(`vsr-${m[1]}`, m[2]!, `TESTS 8/10 Fix VSR issue #${m[1]} and run its tests`),
      spawn(AUTH, m[3]!, 'WRITE auth.ts export const login = (user: string) => user.length > 0;'),
      spawn(PROXY, m[4]!, 'Refactor the proxy module'),
    ],
    answer: (results) => `On it: three Claude Code sessions.\n${results.map((text) => `• ${firstLine(text)}`).join('\n')}`,
  },
  {
    when: /start a session ([\w.-]+) in (\S+) to (.+)$/i,
    calls: (m) => [spawn(m[1]!, m[2]!, m[3]!)],
    answer: (results) => results[0] ?? '',
  },
  {
    when: /\bdashboard\b/i,
    calls: () => [{ tool: 'wingman_status', args: {} }],
    answer: (results) => results[0] ?? '',
  },
  {
    when: /how'?s the (\w+) (?:issue|session|work) going/i,
    calls: (m, context) => [{ tool: 'wingman_status', args: { name: sessionNamed(m[1]!, context) } }],
    answer: (results, m, context) => {
      const status = results[0] ?? '';
      const progress = /Progress: (.+)/.exec(status)?.[1];
      const state = firstLine(status).replace(/^\S+\s+/, '');
      const name = sessionNamed(m[1]!, context);
      return progress ? `${name} is ${state.replace(`${name}: `, '')}; its last test run: ${progress}.` : `${name}: ${state}. No test run yet.`;
    },
  },
  {
    when: /tell ([\w.-]+) to (.+?)[.!?]*$/i,
    calls: (m) => [{ tool: 'wingman_send', args: { name: m[1]!, prompt: m[2]!.charAt(0).toUpperCase() + m[2]!.slice(1) } }],
    answer: (results) => results[0] ?? '',
  },
];

/** The model OpenClaw's agent runs in the story (an `options.reply` for startFakeMessagesApi). */
export const storyAgent = createScriptedAgent({ rules: STORY_RULES, skill: STORY_SKILL });
