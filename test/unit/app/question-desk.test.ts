import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { colour, sizes } from '../../support/sample-questions.js';
import { ApprovalDesk } from '../../../src/app/approval-desk.js';
import type { HookEventContext } from '../../../src/adapters/hooks/hook-server.js';
import type { AuditEntry } from '../../../src/adapters/store/audit-log.js';
import type { TmuxClient } from '../../../src/adapters/tmux/tmux-client.js';
import { parseHookEvent, type PermissionRequestEvent } from '../../../src/agents/claude-code/hook-events.js';
import { detectClaudeScreen } from '../../../src/agents/claude-code/screen/claude-screen.js';
import { TESTED_VERSIONS } from '../../../src/agents/claude-code/versions.js';
import { FakePicker } from './fake-picker.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/claude-code');
/** The real PermissionRequest payload of AskUserQuestion, per tested version. */
const askEvent = (version: string) => {
  const payloads = JSON.parse(readFileSync(path.join(fixtures, version, 'hook-payloads.json'), 'utf8')) as { PermissionRequest: Array<{ tool_name: string }> };
  return parseHookEvent(payloads.PermissionRequest.find((event) => event.tool_name === 'AskUserQuestion')) as PermissionRequestEvent;
};

const ask2Input = { questions: [colour, sizes].map(({ question, header, options, multiSelect }) => ({ question, header, options, multiSelect })) };

let sent: string[];
let audit: AuditEntry[];
let picker: FakePicker;

function desk(): ApprovalDesk {
  let ids = 0;
  return new ApprovalDesk({
    tmux: picker.tmux() as unknown as TmuxClient,
    channel: { name: 'test', send: async (text) => void sent.push(text) },
    audit: { append: async (entry: AuditEntry) => void audit.push(entry) } as never,
    detectScreen: detectClaudeScreen,
    now: () => 1_000,
    newId: () => `q${++ids}`,
  });
}

function hook() {
  const answers: unknown[] = [];
  let open = true;
  const ctx: HookEventContext = {
    receivedAt: 1_000,
    respond: (answer) => {
      if (!open) return false;
      open = false;
      answers.push(answer);
      return true;
    },
    onClose: () => {},
  };
  return { ctx, answers };
}

beforeEach(() => {
  sent = [];
  audit = [];
  picker = new FakePicker([colour]);
});

describe.each(TESTED_VERSIONS)('a question through its PermissionRequest hook (payload of %s)', (version) => {
  it('one notice with the options; `answer` allows with the answers in updatedInput', async () => {
    const d = desk();
    const { ctx, answers } = hook();
    await d.openFromHook('ask', 'ask', askEvent(version), ctx);
    expect(sent).toEqual([
      "❓ Session 'ask' asks [q1]\nWhich colour should the button be?\n1. Red – A red button\n2. Blue – A blue button\nReply: answer ask 1 · answer ask Red · answer ask other: your text",
    ]);
    expect(await d.answerQuestion('ask', '2', undefined, 'chat:owner')).toEqual({ ok: true, text: "✓ Session 'ask' answered: Colour → Blue" });
    expect(answers).toEqual([{ behavior: 'allow', updatedInput: { ...askEvent(version).tool_input, answers: { 'Which colour should the button be?': 'Blue' } } }]);
    expect(audit).toEqual([expect.objectContaining({ session: 'ask', decision: 'answer', via: 'hook', by: 'chat:owner', note: 'Which colour should the button be?=Blue', promptId: 'q1' })]);
    expect(d.pendingFor('ask')).toBeUndefined();
    expect(picker.sent).toEqual([]);
  });
});

describe('questions at the desk', () => {
  it('bad input: a one-line reason, nothing sent, the question still open', async () => {
    const d = desk();
    const { ctx, answers } = hook();
    await d.openFromHook('ask', 'ask', askEvent('2.1.332'), ctx);
    expect(await d.answerQuestion('ask', 'purple', undefined, 'cli')).toEqual({ ok: false, text: `Session 'ask': "purple" is not an option. Choose: 1 Red, 2 Blue, or other: your text.` });
    expect(answers).toEqual([]);
    expect(audit.at(-1)).toMatchObject({ decision: 'refused' });
    expect(d.pendingFor('ask')).toBeDefined();
  });

  it('a stale id answers nothing; approve and always are refused with a pointer to answer; deny denies', async () => {
    const d = desk();
    const { ctx, answers } = hook();
    await d.openFromHook('ask', 'ask', askEvent('2.1.332'), ctx);
    const stale = await d.answerQuestion('ask', '1', 'zzzz', 'cli');
    expect(stale.ok).toBe(false);
    expect(stale.text).toContain('Prompt zzzz of session \'ask\' is no longer pending; nothing was answered. Pending now: AskUserQuestion(Which colour should the button be?) [q1]. To answer it: answer ask --id q1 …');
    for (const decision of ['approve', 'always'] as const) {
      expect((await d.answer('ask', decision, undefined, 'cli')).text).toBe("Session 'ask' asks a question, not for approval: reply answer ask with an option's number or label (or other: your text); deny ask cancels it.");
    }
    expect(answers).toEqual([]);
    expect((await d.answer('ask', 'deny', undefined, 'cli')).text).toBe("✗ Session 'ask' denied");
    expect(answers).toEqual([expect.objectContaining({ behavior: 'deny' })]);
  });

  it('an answer for a prompt that is a permission dialog is refused', async () => {
    const d = desk();
    const bash = parseHookEvent({ ...askEvent('2.1.332'), tool_name: 'Bash', tool_input: { command: 'ls' } }) as PermissionRequestEvent;
    await d.openFromHook('ask', 'ask', bash, hook().ctx);
    expect((await d.answerQuestion('ask', '1', undefined, 'cli')).text).toBe("Session 'ask' waits for approval, not an answer: reply approve ask or deny ask.");
  });

  it('two questions one at a time: the first kept, the hook answered once both are', async () => {
    const d = desk();
    const { ctx, answers } = hook();
    await d.openFromHook('ask', 'ask', { ...askEvent('2.1.332'), tool_input: ask2Input }, ctx);
    expect(sent[0]).toContain("❓ Session 'ask' asks 2 questions [q1]");
    const first = await d.answerQuestion('ask', 'red', undefined, 'cli');
    expect(first.text.split('\n')[0]).toBe("✓ Session 'ask': 1 of 2 questions answered (Colour → Red). Still to answer [q1]:");
    expect(answers).toEqual([]);
    expect((await d.answerQuestion('ask', '1 2', 'q1', 'cli')).text).toBe("✓ Session 'ask' answered: Colour → Red; Size → Small, Large");
    expect(answers).toEqual([{ behavior: 'allow', updatedInput: { ...ask2Input, answers: { 'Which colour should the button be?': 'Red', 'Which sizes do you need?': 'Small, Large' } } }]);
  });

  it('a reminder repeats the question notice', async () => {
    const d = desk();
    await d.openFromHook('ask', 'ask', askEvent('2.1.332'), hook().ctx);
    await d.remind(0);
    expect(sent.at(-1)).toMatch(/^⏰ Still waiting \(0 min\): ❓ Session 'ask' asks \[q1\]\nWhich colour/);
  });

  it('no hook: opened from the screen once, answered by keys on the picker', async () => {
    const d = desk();
    const prompt = detectClaudeScreen(picker.screen()).prompt!;
    await d.openQuestionFromScreen('ask', 'ask', prompt, { questions: [colour] });
    await d.openQuestionFromScreen('ask', 'ask', prompt, { questions: [colour] });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('1. Red – A red button');
    expect(await d.answerQuestion('ask', 'blue', undefined, 'cli')).toEqual({ ok: true, text: "✓ Session 'ask' answered: Colour → Blue" });
    expect(picker.chosen).toEqual(['Blue']);
    expect(audit.at(-1)).toMatchObject({ decision: 'answer', via: 'keys' });
    expect(d.pendingFor('ask')).toBeUndefined();
  });

  it('no hook and no transcript: the question as the screen shows it', async () => {
    const d = desk();
    await d.openQuestionFromScreen('ask', 'ask', detectClaudeScreen(picker.screen()).prompt!, undefined);
    expect(sent[0]).toBe("❓ Session 'ask' asks [q1]\nWhich colour should the button be?\n1. Red\n2. Blue\nReply: answer ask 1 · answer ask Red · answer ask other: your text");
  });

  it('no hook: deny presses Esc on the picker', async () => {
    const d = desk();
    await d.openQuestionFromScreen('ask', 'ask', detectClaudeScreen(picker.screen()).prompt!, { questions: [colour] });
    expect((await d.answer('ask', 'deny', undefined, 'cli')).text).toBe("✗ Session 'ask' denied");
    expect(picker.closed).toBe('cancelled');
  });
});
