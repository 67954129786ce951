import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH, PROXY, VSR } from '../../src/demo/whatsapp-story.js';
import { formatPhoneTranscript } from '../../src/demo/phone-transcript.js';
import { TOOL_REFUSAL } from '../../src/plugin/plugin-tools.js';
import { NON_OWNER, OWNER, REPO_ROOT, STRANGER, jidOf, type SentMessage } from './support/openclaw-harness.js';
import { createStoryWorld, type StoryWorld } from './support/story-world.js';

const SKILL_FILE = path.join(REPO_ROOT, 'skills', 'claude-code-wingman', 'SKILL.md');
const TOOLS = ['wingman_spawn', 'wingman_send', 'wingman_status', 'wingman_capture', 'wingman_tail', 'wingman_diff', 'wingman_stop', 'wingman_kill'];
const STEP_MS = 240_000;

interface Block { type?: string; name?: string; id?: string; input?: Record<string, unknown>; text?: string; tool_use_id?: string; content?: unknown }
interface Body { system?: Array<{ text?: string }>; tools?: Array<{ name: string }>; messages?: Array<{ role: string; content: Block[] | string }> }

const bodies = (world: StoryWorld) => world.model.requests.filter((request) => request.path === '/v1/messages').map((request) => request.body as Body);
const blocksOf = (content: Block[] | string): Block[] => (typeof content === 'string' ? [{ type: 'text', text: content }] : content);
/** Every tool_use the model sent, in order, as OpenClaw first sent it back. */
function modelCalls(world: StoryWorld): Array<{ id: string; name: string; input: Record<string, unknown> }> {
  const calls = new Map<string, { id: string; name: string; input: Record<string, unknown> }>();
  for (const body of bodies(world)) {
    for (const message of body.messages ?? []) {
      if (message.role !== 'assistant') continue;
      for (const block of blocksOf(message.content)) if (block.type === 'tool_use' && !calls.has(block.id!)) calls.set(block.id!, { id: block.id!, name: block.name!, input: block.input ?? {} });
    }
  }
  return [...calls.values()];
}
/** The spawn calls OpenClaw replays to the model in a request (its history of earlier turns). */
const replayedSpawns = (body: Body) =>
  (body.messages ?? []).filter((message) => message.role === 'assistant').flatMap((message) => blocksOf(message.content)).filter((block) => block.type === 'tool_use' && block.name === 'tool_call' && block.input?.id === 'wingman_spawn').map((block) => block.input!.args);
/** OpenClaw's approval id in its WhatsApp message (`*ID:* plugin:<uuid>`). */
const approvalId = (text: string) => /(plugin:[0-9a-f-]{36})/.exec(text)?.[1] ?? '';
/** The text OpenClaw returned to the model for a tool_use. */
function toolResult(world: StoryWorld, toolUseId: string): string {
  for (const body of bodies(world).reverse()) {
    for (const message of body.messages ?? []) {
      for (const block of blocksOf(message.content)) if (block.type === 'tool_result' && block.tool_use_id === toolUseId) return JSON.stringify(block.content);
    }
  }
  return '';
}
const wingmanCalls = (world: StoryWorld, tool: string) => modelCalls(world).filter((call) => call.name === 'tool_call' && call.input.id === tool);

/**
 * The seed's story through a real OpenClaw agent turn: the real gateway (Node 24), the real WhatsApp
 * channel with only Baileys' socket faked, a scripted model on 127.0.0.1, this plugin, and real
 * Claude Code in real tmux. Then OpenClaw's own approval surface: reactions on the approval message
 * OpenClaw sends for each Claude Code permission prompt (approvals.plugin routes them to the owner).
 */
describe('the story on WhatsApp through a real OpenClaw agent turn', () => {
  let world: StoryWorld;
  let started = 0;
  const owner = () => world.sentTo(OWNER);
  const waitForOwnerMessage = async (predicate: (message: SentMessage) => boolean, after = 0, what = 'a message', timeoutMs = 120_000) => {
    const message = await world.oc.waitForSent((sent) => sent.index >= after && sent.jid.startsWith(OWNER.slice(1)) && predicate(sent), { timeoutMs, what });
    await owner();
    return message;
  };
  const ask = async (from: string, text: string, match: (reply: string) => boolean, timeoutMs = STEP_MS) => {
    const message = await world.say(from, text);
    const reply = await world.oc.waitForReply(message, { timeoutMs, match });
    await world.sentTo(from);
    return reply.text;
  };
  /** The OpenClaw plugin approval message for a session's prompt, sent after message index `after`. */
  const approvalMessage = (session: string, after: number) => waitForOwnerMessage((message) => /Plugin approval required/.test(message.text) && message.text.includes(`Claude Code · ${session}`), after, `the OpenClaw approval for ${session}`);

  beforeAll(async () => {
    started = Date.now();
    world = await createStoryWorld({ log: (line) => console.info(`[story] ${line}`) });
  }, 480_000);

  afterAll(async () => {
    if (world) {
      await owner().catch(() => undefined);
      await world.sentTo(NON_OWNER).catch(() => undefined);
      if (process.env.OPENCLAW_TEST_KEEP === '1') await fs.writeFile(path.join(world.oc.root, 'model-last-request.json'), JSON.stringify(bodies(world).at(-1), null, 2)).catch(() => undefined);
      console.info(`[story] timings (ms): ${JSON.stringify({ ...world.timings, total: Date.now() - started })}\n${formatPhoneTranscript(world.lines, { [OWNER]: 'owner', [NON_OWNER]: 'teammate' })}`);
      await world.close();
    }
  }, 60_000);

  it('1. one owner message starts three sessions: the agent calls wingman_spawn three times', async () => {
    const reply = await ask(OWNER, world.says.delegate, (text) => text.startsWith('On it'));
    expect(reply).toBe(
      [
        'On it: three Claude Code sessions.',
        `• ✓ Session '${VSR}' started in ${world.projects.vsr}. The task was submitted.`,
        `• ✓ Session '${AUTH}' started in ${world.projects.auth}. The task was submitted.`,
        `• ✓ Session '${PROXY}' started in ${world.projects.proxy}. The task was submitted.`,
      ].join('\n'),
    );
    expect(wingmanCalls(world, 'wingman_spawn').map((call) => (call.input.args as { name: string }).name)).toEqual([VSR, AUTH, PROXY]);
    for (const name of [VSR, AUTH, PROXY]) await world.waitForStatus(name, (status) => !['starting', 'unknown', 'exited'].includes(status.state));
  }, STEP_MS);

  it('the model was given our tools (names and descriptions in the prompt, schemas through tool_describe)', () => {
    const first = bodies(world)[0]!;
    const system = (first.system ?? []).map((block) => block.text ?? '').join('\n');
    for (const tool of TOOLS) expect(system).toMatch(new RegExp(`- ${tool} \\(claude-code-wingman\\): \\S`));
    const describe = modelCalls(world).find((call) => call.name === 'tool_describe' && call.input.id === 'wingman_spawn')!;
    const schema = toolResult(world, describe.id);
    for (const field of ['Session name', 'workdir', 'task', 'mode', 'accept-edits']) expect(schema).toContain(field);
  });

  it.skipIf(!existsSync(SKILL_FILE))('the model was given our skill: listed by OpenClaw, and its text when read', async () => {
    const first = bodies(world)[0]!;
    const system = (first.system ?? []).map((block) => block.text ?? '').join('\n');
    expect(system).toMatch(/<name>claude-code-wingman<\/name>/);
    const read = modelCalls(world).find((call) => call.name === 'read')!;
    expect(String(read.input.path)).toMatch(/claude-code-wingman\/SKILL\.md$/);
    const text = await fs.readFile(SKILL_FILE, 'utf8');
    const body = text.replace(/^---[\s\S]*?---\s*/, '').split('\n').find((line) => line.trim().length > 20)!;
    expect(toolResult(world, read.id)).toContain(JSON.stringify(body.trim()).slice(1, -1).slice(0, 60));
  });

  it('2. "show me the dashboard": the table with every session and its state', async () => {
    const reply = await ask(OWNER, world.says.dashboard, (text) => text.includes('Total:'));
    expect(reply).toMatch(/^SESSION\s+STATUS\s+AGE\s+LAST ACTIVITY\s+DIRECTORY/);
    for (const name of [VSR, AUTH, PROXY]) expect(reply).toMatch(new RegExp(`^${name}\\s+\\S+ (idle|working|waiting_approval)\\s`, 'm'));
    expect(reply).toMatch(/Total: 3 sessions \| Working: \d \| Waiting: \d \| Error: 0/);
  }, STEP_MS);

  it('3. "how\'s the vsr issue going?": the agent checks the session and its reply carries the test progress', async () => {
    await world.waitForStatus(VSR, (status) => status.progress === '8/10 passing', 90_000);
    const reply = await ask(OWNER, world.says.progress, (text) => text.startsWith(VSR));
    expect(reply).toBe(`${VSR} is idle; its last test run: 8/10 passing.`);
    expect(wingmanCalls(world, 'wingman_status').at(-1)!.input.args).toEqual({ name: VSR });
    // OpenClaw replays the first turn's calls with the names as sent: it would mask an argument called `session` as "***".
    const replayed = replayedSpawns(bodies(world).at(-1)!) as Array<{ name: string }>;
    expect(replayed.map((args) => args.name)).toEqual([VSR, AUTH, PROXY]);
  }, STEP_MS);

  it('4. "tell proxy-refactor to run tests next": wingman_send, submitted exactly once', async () => {
    await world.waitForStatus(PROXY, (status) => status.state === 'idle', 90_000);
    const reply = await ask(OWNER, world.says.steer, (text) => text.includes(PROXY));
    expect(reply).toMatch(new RegExp(`^✓ .*'${PROXY}'`));
    expect(wingmanCalls(world, 'wingman_send').at(-1)!.input.args).toEqual({ name: PROXY, prompt: 'Run tests next' });
    const submitted = () => world.claudeApi.requests.filter((request) => request.hasTools && request.lastUserText === 'Run tests next' && !request.hasToolResult);
    for (let waited = 0; submitted().length === 0 && waited < 30_000; waited += 200) await new Promise((resolve) => setTimeout(resolve, 200));
    await world.waitForStatus(PROXY, (status) => status.state === 'idle', 60_000);
    expect(submitted()).toHaveLength(1);
  }, STEP_MS);

  it("5. a permission prompt reaches the owner's WhatsApp (wingman's notice and OpenClaw's approval); `approve NAME` wins and the tool runs", async () => {
    const notice = await waitForOwnerMessage((message) => message.text.startsWith(`🔒 Session '${AUTH}' needs approval`), 0, 'the approval notice');
    // The file, `new file, +1` and its first line as `+line`, verbatim in a code block (OpenClaw's WhatsApp Markdown would turn a `+ ` line into a bullet).
    expect(notice.text).toMatch(new RegExp(`^🔒 Session '${AUTH}' needs approval \\[\\w+\\]\\n\\n\`\`\`\\nWrite\\(.*auth\\.ts\\) new file, \\+1\\n\\+export const login.*\\n\`\`\`\\nReply: approve ${AUTH} · always ${AUTH} · deny ${AUTH}$`));
    const approval = await approvalMessage(AUTH, 0);
    expect(approval.text).toContain('React with:');
    expect(await ask(OWNER, world.says.approve, (text) => text.includes(AUTH))).toBe(`✓ Session '${AUTH}' approved (once)`);
    await world.waitForStatus(AUTH, (status) => status.state === 'idle', 60_000);
    expect(await fs.readFile(path.join(world.projects.auth, 'auth.ts'), 'utf8')).toContain('export const login');
    // The OpenClaw request is withdrawn with the same decision, and the phone is told.
    const id = approvalId(approval.text);
    const resolved = await waitForOwnerMessage((message) => message.text.includes(id) && /Plugin approval allowed once/.test(message.text), approval.index + 1, 'the withdrawn OpenClaw approval');
    expect(resolved.text).toMatch(/^✅ Plugin approval allowed once\./);
  }, STEP_MS);

  it('6. someone else on the allow-list asks the agent to start a session: refused, nothing starts, audited', async () => {
    const reply = await ask(NON_OWNER, world.says.intruder, (text) => text.length > 0);
    expect(reply).toBe(TOOL_REFUSAL);
    const list = await world.wingman(['list', '--json']);
    expect(JSON.parse(list.stdout).map((session: { name: string }) => session.name).sort()).toEqual([AUTH, PROXY, VSR].sort());
    const audit = (await fs.readFile(path.join(world.oc.wingmanHome, 'audit.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as Record<string, string>);
    expect(audit.filter((entry) => entry.tool === 'wingman_spawn')).toEqual([expect.objectContaining({ session: 'billing-fix', decision: 'refused', by: NON_OWNER, via: 'chat', note: 'not the owner' })]);
  }, STEP_MS);

  describe("OpenClaw's approval message, answered by reaction", () => {
    /** The owner asks the agent to make auth-feature run a command: a fresh Bash prompt. */
    const promptFor = async (command: string) => {
      await world.waitForStatus(AUTH, (status) => status.state === 'idle', 60_000);
      const before = (await world.oc.sent()).length;
      await ask(OWNER, `Please tell ${AUTH} to RUNTOOL ${command}`, (text) => text.includes(AUTH));
      await world.waitForStatus(AUTH, (status) => status.state === 'waiting_approval', 60_000);
      return approvalMessage(AUTH, before);
    };

    it('a reaction from a number not on the allow-list does nothing; the owner’s 👍 lets the tool run', async () => {
      const approval = await promptFor('echo yes > yes.txt');
      const id = approvalId(approval.text);
      // Even pointed at the owner's chat (as only a forged reaction could be), it is refused.
      await world.react(STRANGER, approval, '👍', { chatJid: jidOf(OWNER) });
      await world.oc.waitForLog(new RegExp(`approval reaction denied id=${id} sender=`), 30_000);
      expect((await world.waitForStatus(AUTH, () => true)).state).toBe('waiting_approval');
      expect(existsSync(path.join(world.projects.auth, 'yes.txt'))).toBe(false);

      await world.react(OWNER, approval, '👍');
      await waitForOwnerMessage((message) => message.text === `✓ Session '${AUTH}' approved (once)`, approval.index + 1, 'the approval after 👍');
      await world.waitForStatus(AUTH, (status) => status.state === 'idle', 60_000);
      expect(await fs.readFile(path.join(world.projects.auth, 'yes.txt'), 'utf8')).toBe('yes\n');
      const audit = (await fs.readFile(path.join(world.oc.wingmanHome, 'audit.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as Record<string, string>);
      expect(audit.at(-1)).toMatchObject({ session: AUTH, tool: 'Bash', decision: 'approve', by: 'openclaw:plugin-approval', via: 'hook' });
    }, STEP_MS);

    it('👎 denies: the tool does not run', async () => {
      const approval = await promptFor('echo no > no.txt');
      await world.react(OWNER, approval, '👎');
      await waitForOwnerMessage((message) => message.text === `✗ Session '${AUTH}' denied`, approval.index + 1, 'the denial after 👎');
      await world.waitForStatus(AUTH, (status) => status.state !== 'waiting_approval', 60_000);
      expect(existsSync(path.join(world.projects.auth, 'no.txt'))).toBe(false);
    }, STEP_MS);
  });
});
