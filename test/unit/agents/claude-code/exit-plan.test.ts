import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planFromPrompt, planFromToolInput } from '../../../../src/agents/claude-code/exit-plan.js';
import { openPlanIn, readOpenPlan } from '../../../../src/agents/claude-code/transcript-plan.js';
import type { TranscriptEntry } from '../../../../src/agents/claude-code/transcript.js';
import { makeTempDir, removeDir } from '../../../support/temp-dir.js';

describe('the plan of an ExitPlanMode call', () => {
  it('is the input’s plan, trimmed (2.1.332 adds planFilePath)', () => {
    expect(planFromToolInput('ExitPlanMode', { plan: 'Step one\nStep two\n', planFilePath: '/h/.claude/plans/p.md' })).toBe('Step one\nStep two');
    expect(planFromToolInput('ExitPlanMode', {})).toBeUndefined();
    expect(planFromToolInput('ExitPlanMode', { plan: '  ' })).toBeUndefined();
    expect(planFromToolInput('Bash', { plan: 'not a plan' })).toBeUndefined();
  });

  it('is what the plan dialog shows, and nothing for "Exit plan mode?" without a plan', () => {
    expect(planFromPrompt({ tool: 'ExitPlanMode', detail: 'Create hello.txt\nRun the tests' })).toBe('Create hello.txt\nRun the tests');
    expect(planFromPrompt({ tool: 'ExitPlanMode', detail: 'Claude wants to exit plan mode' })).toBeUndefined();
    expect(planFromPrompt({ tool: 'Bash', detail: 'ls' })).toBeUndefined();
  });
});

const use = (id: string, plan?: string): TranscriptEntry => ({ kind: 'tool_use', id, tool: 'ExitPlanMode', input: plan === undefined ? {} : { plan } });
const result = (id: string): TranscriptEntry => ({ kind: 'tool_result', toolUseId: id, output: 'rejected', isError: true, shell: false });

describe('the waiting plan in a transcript', () => {
  it('is the latest ExitPlanMode call without a result', () => {
    expect(openPlanIn([use('a', 'old plan'), result('a'), { kind: 'prompt', text: 'again', command: false }, use('b', 'new plan')])).toBe('new plan');
  });

  it('is none once that call has its result, or when it carries no plan', () => {
    expect(openPlanIn([use('a', 'old plan'), result('a')])).toBeUndefined();
    expect(openPlanIn([use('a', 'old plan'), result('a'), use('b')])).toBeUndefined();
    expect(openPlanIn([])).toBeUndefined();
  });

  describe('read from the file Claude Code writes', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await makeTempDir();
    });
    afterAll(() => removeDir(dir));

    it('finds the whole plan at the end of the transcript; a missing file gives nothing', async () => {
      const file = path.join(dir, 'session.jsonl');
      const plan = Array.from({ length: 80 }, (_, index) => `Step ${index + 1}: something rather long to make the plan big`).join('\n');
      const lines = [
        { type: 'user', message: { role: 'user', content: 'PLAN it' } },
        { type: 'mode', mode: 'plan' },
        { type: 'assistant', message: { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_1', name: 'ExitPlanMode', input: { plan } }] } },
      ];
      await fs.writeFile(file, `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`);
      expect(await readOpenPlan({ hookPath: file, env: {}, cwd: dir })).toBe(plan);
      expect(await readOpenPlan({ hookPath: path.join(dir, 'missing.jsonl'), env: {}, cwd: dir })).toBeUndefined();
    });
  });
});
