import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWingmanHarness, type WingmanHarness } from './support/wingman-harness.js';
import { startMonitor, type RunningMonitor } from './support/monitor-process.js';
import { createWingman } from '../../src/app/create-wingman.js';
import { createChatEngine, type ChatEngine } from '../../src/app/chat-engine.js';
import type { RecordedRequest } from '../../src/demo/fake-messages-api.js';

const COLOUR = 'Which colour should the button be?';
const SIZES = 'Which sizes do you need?';

/** The tool_result text Claude Code sent the model in a request's last user message, if any. */
function toolResultOf(request: RecordedRequest): string | undefined {
  const messages = (request.body as { messages?: Array<{ role?: string; content?: unknown }> } | undefined)?.messages ?? [];
  const last = [...messages].reverse().find((message) => message.role === 'user');
  if (!last || !Array.isArray(last.content)) return undefined;
  const result = (last.content as Array<{ type?: string; content?: unknown }>).find((block) => block.type === 'tool_result');
  if (!result) return undefined;
  return typeof result.content === 'string' ? result.content : JSON.stringify(result.content);
}

describe('questions answered from outside the terminal, with the real Claude Code binary', () => {
  let h: WingmanHarness;
  let monitor: RunningMonitor | undefined;
  let engine: ChatEngine;

  /** The next main-turn request after `from` that carries a tool result: what the model got. */
  async function nextToolResult(from: number): Promise<string> {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const found = h.api.requests.slice(from).filter((request) => request.hasTools).map(toolResultOf).find((text) => text !== undefined);
      if (found !== undefined) return found;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no tool_result reached the API; requests: ${JSON.stringify(h.api.requests.slice(from).map((request) => request.lastUserText))}`);
  }

  /** Tool results since `from` that carry an answer (`"question"="answer"`). */
  const answersSent = (from: number) => h.api.requests.slice(from).filter((request) => request.hasTools).map(toolResultOf).filter((text) => text?.includes('"="'));

  const idle = () => h.waitForStatus('ask', (status) => status.state === 'idle');
  /** The picker itself on screen (2.1.332 fires the hook before it draws the dialog). */
  const pickerShown = (question: string) => h.waitForStatus('ask', (status) => status.state === 'waiting_answer' && status.pendingPrompt?.detail === question);

  beforeAll(async () => {
    h = await createWingmanHarness({ trustedProjects: true });
    const dir = await h.makeWorkdir('questions');
    expect((await h.wingman(['spawn', '--session', 'ask', '--workdir', dir])).exitCode).toBe(0);
    monitor = await startMonitor(h);
    // The chat engine as the plugin runs it, but with the monitor in its own process: answers go over the control socket.
    engine = createChatEngine(await createWingman({ env: { ...process.env, ...h.env } }), () => undefined);
  });

  afterAll(async () => {
    await monitor?.stop();
    await h?.close();
  });

  it('one notice lists the question and its options; `answer NAME 2` reaches the model as that option (hook)', async () => {
    const offset = monitor!.output().length;
    const from = h.api.requests.length;
    await h.wingman(['send', 'ask', 'ASK']);
    // The console channel indents every line after the first.
    await monitor!.waitFor(/❓ Session 'ask' asks \[\w+\]\n\s*Which colour should the button be\?\n\s*1\. Red – A red button\n\s*2\. Blue – A blue button\n\s*Reply: answer ask 1 · answer ask Red · answer ask other: your text/);
    const answered = await h.wingman(['answer', 'ask', '2']);
    expect(answered).toEqual({ exitCode: 0, stdout: "✓ Session 'ask' answered: Colour → Blue", stderr: '' });
    expect(await nextToolResult(from)).toContain(`"${COLOUR}"="Blue"`);
    await idle();
    const notices = monitor!.output().slice(offset);
    expect(notices).not.toContain('🔒');
    expect(notices.match(/❓/g)).toHaveLength(1);
  });

  it('a label (any case) through the chat engine, and free text', async () => {
    let from = h.api.requests.length;
    const first = monitor!.count(/❓ Session 'ask' asks/);
    await h.wingman(['send', 'ask', 'ASK']);
    await h.waitForStatus('ask', () => monitor!.count(/❓ Session 'ask' asks/) > first);
    expect(await engine.answer('ask', 'rED', undefined, 'chat:owner')).toEqual({ ok: true, text: "✓ Session 'ask' answered: Colour → Red" });
    expect(await nextToolResult(from)).toContain(`"${COLOUR}"="Red"`);
    await idle();

    from = h.api.requests.length;
    const before = monitor!.count(/❓ Session 'ask' asks/);
    await h.wingman(['send', 'ask', 'ASK']);
    await h.waitForStatus('ask', () => monitor!.count(/❓ Session 'ask' asks/) > before);
    expect((await h.wingman(['answer', 'ask', 'other:', 'a', 'green', 'one'])).stdout).toBe("✓ Session 'ask' answered: Colour → a green one");
    expect(await nextToolResult(from)).toContain(`"${COLOUR}"="a green one"`);
    await idle();
  });

  it('a stale id, an option that does not exist and approve are refused with nothing sent; the right answer then goes through', async () => {
    const from = h.api.requests.length;
    // Counted before the send: the hook's notice can come before the CLI's send returns.
    const before = monitor!.count(/❓ Session 'ask' asks/);
    await h.wingman(['send', 'ask', 'ASK']);
    await h.waitForStatus('ask', () => monitor!.count(/❓ Session 'ask' asks/) > before);
    const id = [...monitor!.output().matchAll(/❓ Session 'ask' asks \[(\w+)\]/g)].at(-1)![1];
    await pickerShown(COLOUR);
    const stale = await h.wingman(['answer', 'ask', '1', '--id', 'zzzz']);
    expect(stale.exitCode).toBe(1);
    expect(stale.stderr).toContain(`Prompt zzzz of session 'ask' is no longer pending; nothing was answered. Pending now: AskUserQuestion(${COLOUR}) [${id}]. To answer it: answer ask --id ${id}`);
    const wrong = await h.wingman(['answer', 'ask', '7']);
    expect(wrong).toMatchObject({ exitCode: 1, stderr: "Session 'ask': There is no option 7. Choose: 1 Red, 2 Blue, or other: your text." });
    const three = await h.wingman(['answer', 'ask', '3']);
    expect(three.stderr).toContain('3 is the row for your own answer: reply other: your text.');
    const approve = await h.wingman(['approve', 'ask']);
    expect(approve.exitCode).toBe(1);
    expect(approve.stderr).toContain("Session 'ask' asks a question, not for approval: reply answer ask");
    // Nothing reached the model, and the question still waits.
    expect(answersSent(from)).toEqual([]);
    await pickerShown(COLOUR);
    expect((await h.wingman(['answer', 'ask', 'blue', '--id', id!])).stdout).toBe("✓ Session 'ask' answered: Colour → Blue");
    expect(await nextToolResult(from)).toContain(`"${COLOUR}"="Blue"`);
    await idle();
  });

  it('two questions, the second multi-select: `answer NAME 2 1 2` answers both at once (hook)', async () => {
    const from = h.api.requests.length;
    await h.wingman(['send', 'ask', 'ASK2']);
    await monitor!.waitFor(/❓ Session 'ask' asks 2 questions \[\w+\]\n\s*1\) Colour: Which colour should the button be\?\n\s+1\. Red – A red button\n\s+2\. Blue – A blue button\n\s*2\) Size: Which sizes do you need\? \(choose one or more\)\n\s+1\. Small – A small button\n\s+2\. Large – A large button\n\s*Reply: answer ask 1 1,2 /);
    expect((await h.wingman(['answer', 'ask', '2', '1', '2'])).stdout).toBe("✓ Session 'ask' answered: Colour → Blue; Size → Small, Large");
    const result = await nextToolResult(from);
    expect(result).toContain(`"${COLOUR}"="Blue"`);
    expect(result).toContain(`"${SIZES}"="Small, Large"`);
    await idle();
  });

  it('two questions one at a time: the first answer is kept until the second comes (hook)', async () => {
    const from = h.api.requests.length;
    const before = monitor!.count(/❓ Session 'ask' asks 2 questions/);
    await h.wingman(['send', 'ask', 'ASK2']);
    await h.waitForStatus('ask', () => monitor!.count(/❓ Session 'ask' asks 2 questions/) > before);
    const first = await h.wingman(['answer', 'ask', 'Red']);
    expect(first.stdout).toMatch(/^✓ Session 'ask': 1 of 2 questions answered \(Colour → Red\)\. Still to answer \[\w+\]:\n2\) Size: Which sizes do you need\? \(choose one or more\)\n/);
    expect(answersSent(from)).toEqual([]);
    expect((await h.wingman(['answer', 'ask', 'large'])).stdout).toBe("✓ Session 'ask' answered: Colour → Red; Size → Large");
    const result = await nextToolResult(from);
    expect(result).toContain(`"${COLOUR}"="Red"`);
    expect(result).toContain(`"${SIZES}"="Large"`);
    await idle();
  });

  it('deny cancels the question', async () => {
    const from = h.api.requests.length;
    const before = monitor!.count(/❓ Session 'ask' asks/);
    await h.wingman(['send', 'ask', 'ASK']);
    await h.waitForStatus('ask', () => monitor!.count(/❓ Session 'ask' asks/) > before);
    expect((await h.wingman(['deny', 'ask'])).stdout).toBe("✗ Session 'ask' denied");
    await idle();
    expect(answersSent(from)).toEqual([]);
  });

  describe('with the monitor stopped, by keys on the picker', () => {
    beforeAll(async () => {
      await monitor?.stop();
      monitor = undefined;
    });

    it('a number', async () => {
      const from = h.api.requests.length;
      await h.wingman(['send', 'ask', 'ASK']);
      await pickerShown(COLOUR);
      expect(await h.wingman(['answer', 'ask', '2'])).toEqual({ exitCode: 0, stdout: "✓ Session 'ask' answered: Colour → Blue", stderr: '' });
      expect(await nextToolResult(from)).toContain(`"${COLOUR}"="Blue"`);
      await idle();
    });

    it('free text, typed into the "Type something" row', async () => {
      const from = h.api.requests.length;
      await h.wingman(['send', 'ask', 'ASK']);
      await pickerShown(COLOUR);
      expect((await h.wingman(['answer', 'ask', 'other:', 'big', 'green'])).stdout).toBe("✓ Session 'ask' answered: Colour → big green");
      expect(await nextToolResult(from)).toContain(`"${COLOUR}"="big green"`);
      await idle();
    });

    it('two questions, the second multi-select with free text too: toggles, typed text and the review checked before Submit', async () => {
      const from = h.api.requests.length;
      await h.wingman(['send', 'ask', 'ASK2']);
      await pickerShown(COLOUR);
      expect((await h.wingman(['answer', 'ask', '2; 1,2 other: tiny'])).stdout).toBe("✓ Session 'ask' answered: Colour → Blue; Size → Small, Large, tiny");
      const result = await nextToolResult(from);
      expect(result).toContain(`"${COLOUR}"="Blue"`);
      expect(result).toContain(`"${SIZES}"="Small, Large, tiny"`);
      await idle();
    });

    it('an invalid answer and approve are refused with nothing pressed; deny cancels by Esc', async () => {
      const from = h.api.requests.length;
      await h.wingman(['send', 'ask', 'ASK2']);
      await pickerShown(COLOUR);
      const wrong = await h.wingman(['answer', 'ask', 'Purple', '1']);
      expect(wrong.exitCode).toBe(1);
      expect(wrong.stderr).toContain('Question 1: "Purple" is not an option.');
      expect((await h.wingman(['approve', 'ask'])).stderr).toContain("asks a question, not for approval");
      const still = await pickerShown(COLOUR);
      expect(still.pendingPrompt?.options.find((option) => option.selected)?.label).toBe('Red');
      expect((await h.wingman(['deny', 'ask'])).stdout).toBe("✗ Session 'ask' denied");
      await idle();
      expect(answersSent(from)).toEqual([]);
    });
  });
});
