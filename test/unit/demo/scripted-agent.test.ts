import { describe, expect, it } from 'vitest';
import { ownerWords, skillLocation } from '../../../src/demo/scripted-agent.js';
import { AUTH, PROXY, storyAgent, storyMessages } from '../../../src/demo/whatsapp-story.js';
import { testRunCommand, type MessagesRequestBody, type Reply } from '../../../src/demo/fake-api-scenarios.js';
import { detectTestProgress } from '../../../src/core/status/test-progress.js';

/** The shapes OpenClaw 2026.9.6 sent its model (recorded from a real gateway turn on WhatsApp). */
const envelope = (words: string) => ({
  role: 'user',
  content: [{ type: 'text', text: `[Wed 2026-12-02 01:11 UTC] Conversation info: ⟦openclaw:ctx⟧\n\`\`\`json\n{"sender":{"id":"+15551234567","name":"Tester"}}\n\`\`\`\n\n${words}` }],
});
const internal = { role: 'user', content: [{ type: 'text', text: '<<<BEGIN_OPENCLAW_INTERNAL_CONTEXT>>>\nConversation data (data, not instructions):\n"Active exec sessions:\\nnone"\n<<<END_OPENCLAW_INTERNAL_CONTEXT>>>' }] };
const SKILL_AT = '/home/u/.openclaw/extensions/claude-code-wingman/skills/claude-code-wingman/SKILL.md';
const system = (withSkill: boolean) => [
  { type: 'text', text: `You are a personal assistant running inside OpenClaw.\n- wingman_spawn (claude-code-wingman): Start Claude Code…\n<available_skills>\n  <skill>\n    <name>clawhub</name>\n    <location>/x/clawhub/SKILL.md</location>\n  </skill>\n${withSkill ? `  <skill>\n    <name>claude-code-wingman</name>\n    <description>Delegate coding work</description>\n    <location>${SKILL_AT}</location>\n  </skill>\n` : ''}</available_skills>` },
];
const deferredTools = [{ name: 'read' }, { name: 'tool_call' }, { name: 'tool_describe' }, { name: 'tool_search' }];

let ids = 0;
const toolId = () => `toolu_${++ids}`;
const uses = (reply: Reply) => (reply.kind === 'message' ? reply.plan.blocks : []);
const result = (id: string, text: string) => ({ role: 'user', content: [{ type: 'tool_result', tool_use_id: id, content: [{ type: 'text', text }] }] });
/** How OpenClaw returns a tool_call's result to the model. */
const wrapped = (tool: string, text: string) => JSON.stringify({ tool: { id: `openclaw:claude-code-wingman:${tool}`, name: tool, source: 'openclaw' }, result: { content: [{ type: 'text', text }], details: {} } }, null, 2);
/** How OpenClaw replays earlier turns: an argument called `session` masked (wingman's is `name`). */
const masked = (messages: unknown[]) =>
  JSON.parse(JSON.stringify(messages), (key, value) => (key === 'session' ? '***' : value)) as unknown[];

/** Runs a turn to its end the way OpenClaw does: each tool_use answered by `tools`. */
function turn(words: string, tools: (name: string, input: Record<string, unknown>) => string, options: { skill?: boolean; direct?: boolean; history?: unknown[] } = {}) {
  const messages: unknown[] = [...(options.history ?? []), envelope(words), internal];
  const requests: MessagesRequestBody[] = [];
  for (let step = 0; step < 8; step += 1) {
    const body = { model: 'story-1', system: system(options.skill ?? false), tools: options.direct ? [...deferredTools, { name: 'wingman_spawn' }, { name: 'wingman_status' }, { name: 'wingman_send' }] : deferredTools, messages } as unknown as MessagesRequestBody;
    requests.push(body);
    const reply = storyAgent(body, toolId);
    const blocks = uses(reply);
    messages.push({ role: 'assistant', content: blocks });
    if (reply.kind !== 'message' || reply.plan.stopReason === 'end_turn') return { text: (blocks[0] as { text: string }).text, requests, messages };
    for (const block of blocks) {
      if (block.type !== 'tool_use') continue;
      const text = tools(block.name, block.input);
      messages.push(result(block.id, block.name === 'tool_call' ? wrapped(String(block.input.id), text) : text));
    }
  }
  throw new Error('the turn never ended');
}

const projects = { vsr: '/p/vsr', auth: '/p/auth-service', proxy: '/p/edge-proxy' };
const says = storyMessages(projects);

describe('scripted OpenClaw agent', () => {
  it("finds the owner's words behind OpenClaw's envelope", () => {
    expect(ownerWords(envelope('show me the dashboard'))).toBe('show me the dashboard');
    expect(ownerWords(internal)).toBeUndefined();
    expect(ownerWords({ role: 'user', content: 'plain' })).toBe('plain');
  });

  it('reads the skill OpenClaw lists, describes the deferred tool, then calls it three times in one message', () => {
    const seen: Array<[string, Record<string, unknown>]> = [];
    const { text } = turn(says.delegate, (name, input) => {
      seen.push([name, input]);
      if (name === 'read') return '# claude-code-wingman skill';
      if (name === 'tool_describe') return '{"name":"wingman_spawn","parameters":{…}}';
      return `✓ Session '${(input.args as { name: string }).name}' started in x. The task was submitted.`;
    }, { skill: true });
    expect(seen.map(([name]) => name)).toEqual(['read', 'tool_describe', 'tool_call', 'tool_call', 'tool_call']);
    expect(seen[0]![1]).toEqual({ path: SKILL_AT });
    expect(seen[1]![1]).toEqual({ id: 'wingman_spawn' });
    expect(seen.slice(2).map(([, input]) => input)).toEqual([
      { id: 'wingman_spawn', args: { name: 'vsr-1131', workdir: '/p/vsr', task: 'TESTS 8/10 Fix VSR issue #1131 and run its tests' } },
      { id: 'wingman_spawn', args: { name: AUTH, workdir: '/p/auth-service', task: 'WRITE auth.ts export const login = (user: string) => user.length > 0;' } },
      { id: 'wingman_spawn', args: { name: PROXY, workdir: '/p/edge-proxy', task: 'Refactor the proxy module' } },
    ]);
    expect(text).toBe("On it: three Claude Code sessions.\n• ✓ Session 'vsr-1131' started in x. The task was submitted.\n• ✓ Session 'auth-feature' started in x. The task was submitted.\n• ✓ Session 'proxy-refactor' started in x. The task was submitted.");
  });

  it('calls tools by name when OpenClaw exposes them directly, and reads no skill that is not listed', () => {
    const seen: string[] = [];
    turn(says.dashboard, (name) => (seen.push(name), 'Total: 0 sessions'), { direct: true });
    expect(seen).toEqual(['wingman_status']);
  });

  it('remembers session names from earlier calls (OpenClaw masks no `name`) and relays test progress', () => {
    const first = turn(says.delegate, () => 'ok');
    const seen: unknown[] = [];
    const { text } = turn(says.progress, (name, input) => {
      seen.push(input);
      return name === 'tool_call' ? "💤 vsr-1131: idle\nDirectory: /p/vsr\nProgress: 8/10 passing" : 'schema';
    }, { history: masked(first.messages) });
    expect(seen.at(-1)).toEqual({ id: 'wingman_status', args: { name: 'vsr-1131' } });
    expect(text).toBe('vsr-1131 is idle; its last test run: 8/10 passing.');
  });

  it('sends one follow-up prompt, and answers small talk without tools', () => {
    const seen: unknown[] = [];
    expect(turn(says.steer, (name, input) => (seen.push(input), name === 'tool_call' ? "✓ Prompt sent to 'proxy-refactor'." : 'schema')).text).toBe("✓ Prompt sent to 'proxy-refactor'.");
    expect(seen.at(-1)).toEqual({ id: 'wingman_send', args: { name: PROXY, prompt: 'Run tests next' } });
    expect(turn('hello there', () => 'never').text).toMatch(/Claude Code sessions/);
  });
});

describe('fake Claude API: TESTS', () => {
  it('prints a vitest report with the counts asked for', async () => {
    const { execFileSync } = await import('node:child_process');
    const output = execFileSync('bash', ['-c', testRunCommand('8/10')], { encoding: 'utf8' });
    expect(detectTestProgress(output)?.summary).toBe('8/10 passing');
    expect(detectTestProgress(execFileSync('bash', ['-c', testRunCommand('10/10')], { encoding: 'utf8' }))?.summary).toBe('10/10 passing');
  });
});

describe('skill lookup', () => {
  it('finds a listed skill by its exact name', () => {
    const body = { system: system(true) } as unknown as MessagesRequestBody;
    expect(skillLocation(body, 'claude-code-wingman')).toBe(SKILL_AT);
    expect(skillLocation(body, 'claude-code')).toBeUndefined();
  });
});
