import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { WingmanError } from '../../../../src/core/errors.js';
import {
  alwaysAllowPermissions,
  formatPermissionDecision,
  HOOK_EVENT_NAMES,
  MAX_HOOK_STRING,
  parseHookEvent,
  type PermissionDecision,
  type PermissionRequestEvent,
} from '../../../../src/agents/claude-code/hook-events.js';

// Real stdin payloads captured from Claude Code 2.1.197 (repo root's sibling ../shared).
const examplesFile = fileURLToPath(new URL('../../../../../shared/claude-screens/hook-examples.json', import.meta.url));
const examples = JSON.parse(fs.readFileSync(examplesFile, 'utf8')) as Record<string, { stdin: Record<string, unknown> }>;
const example = (key: string): Record<string, unknown> => structuredClone(examples[key]!.stdin);

function rejection(input: unknown): WingmanError {
  try {
    parseHookEvent(input);
  } catch (error) {
    expect(error).toBeInstanceOf(WingmanError);
    expect((error as WingmanError).code).toBe('invalid_input');
    return error as WingmanError;
  }
  throw new Error('expected parseHookEvent to throw');
}

describe('parseHookEvent on real Claude Code payloads', () => {
  it.each(Object.keys(examples))('parses %s', (key) => {
    const raw = example(key);
    const event = parseHookEvent(raw);
    expect(event.hook_event_name).toBe(raw.hook_event_name);
    expect(event).toEqual(raw); // nothing dropped or rewritten, unknown fields included
  });

  it('covers every event wingman registers', () => {
    const seen = new Set(Object.values(examples).map((entry) => entry.stdin.hook_event_name));
    expect([...HOOK_EVENT_NAMES].filter((name) => !seen.has(name))).toEqual([]);
  });
});

describe('parseHookEvent rejects bad input clearly', () => {
  it.each([
    [null, /expected a JSON object/],
    [[1], /expected a JSON object/],
    ['PermissionRequest', /expected a JSON object/],
    [{ session_id: 's' }, /hook_event_name is missing/],
    [{ hook_event_name: 'PreCompact' }, /hook_event_name is "PreCompact"; expected one of SessionStart/],
    [{ hook_event_name: '__proto__' }, /hook_event_name is "__proto__"/],
    [{ hook_event_name: 'toString' }, /hook_event_name is "toString"/],
  ])('%j', (input, message) => {
    expect(rejection(input).message).toMatch(message);
  });

  it('names the missing or mistyped field', () => {
    const noTool = example('PermissionRequest:Bash');
    delete noTool.tool_name;
    expect(rejection(noTool).message).toMatch(/^Invalid PermissionRequest hook event: tool_name: /);

    const badInput = { ...example('PreToolUse:Bash'), tool_input: 'rm -rf /' };
    expect(rejection(badInput).message).toMatch(/tool_input: .*expected record/);

    const noSession = example('Stop');
    delete noSession.session_id;
    expect(rejection(noSession).message).toMatch(/session_id: /);

    const badSuggestions = { ...example('PermissionRequest:Bash'), permission_suggestions: [{ directories: [] }] };
    expect(rejection(badSuggestions).message).toMatch(/permission_suggestions\.0\.type/);
  });

  it('rejects oversized identifiers and tool input', () => {
    expect(rejection({ ...example('Stop'), session_id: 'x'.repeat(300) }).message).toMatch(/session_id: Too big/);
    expect(rejection({ ...example('Stop'), cwd: 'x'.repeat(MAX_HOOK_STRING + 1) }).message).toMatch(/cwd: Too big/);
    const bigWrite = { ...example('PermissionRequest:Write'), tool_input: { file_path: '/a', content: 'x'.repeat(300 * 1024) } };
    expect(rejection(bigWrite).message).toMatch(/tool_input: tool_input is larger than 256 KB/);
    const bigExtra = { ...example('Stop'), surprise: 'x'.repeat(70 * 1024) };
    expect(rejection(bigExtra).message).toMatch(/surprise: larger than 64 KB/);
    const manySuggestions = { ...example('PermissionRequest:Bash'), permission_suggestions: Array(101).fill({ type: 'setMode' }) };
    expect(rejection(manySuggestions).message).toMatch(/permission_suggestions: Too big/);
  });

  it('shortens oversized prose and tool results instead of losing the event', () => {
    const prompt = parseHookEvent({ ...example('UserPromptSubmit'), prompt: 'p'.repeat(MAX_HOOK_STRING + 10) });
    expect(prompt.hook_event_name === 'UserPromptSubmit' && prompt.prompt).toMatch(/^p{65536}…\[truncated by wingman\]$/);
    const read = parseHookEvent({ ...example('PostToolUse:Read'), tool_response: { content: 'r'.repeat(300 * 1024) } });
    expect(read.hook_event_name === 'PostToolUse' && read.tool_response).toEqual({ wingmanOmitted: true, bytes: 300 * 1024 + 14 });
  });

  it('does not let a __proto__ key reach the prototype', () => {
    const forged = JSON.parse(`{"hook_event_name":"Stop","session_id":"s","cwd":"/","transcript_path":"/t","__proto__":{"polluted":true}}`);
    const event = parseHookEvent(forged) as Record<string, unknown>;
    expect(Object.getPrototypeOf(event)).toBe(Object.prototype);
    expect(event.polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('formatPermissionDecision', () => {
  it('prints exactly what Claude Code reads from a PermissionRequest hook', () => {
    expect(formatPermissionDecision({ behavior: 'allow' })).toBe(
      '{"hookSpecificOutput":{"hookEventName":"PermissionRequest","decision":{"behavior":"allow"}}}',
    );
    expect(formatPermissionDecision({ behavior: 'deny', message: 'Not now (from phone)' })).toBe(
      '{"hookSpecificOutput":{"hookEventName":"PermissionRequest","decision":{"behavior":"deny","message":"Not now (from phone)"}}}',
    );
    expect(formatPermissionDecision({ behavior: 'deny', message: 'stop', interrupt: true })).toBe(
      '{"hookSpecificOutput":{"hookEventName":"PermissionRequest","decision":{"behavior":"deny","message":"stop","interrupt":true}}}',
    );
  });

  it('maps "always" to Claude\'s own suggestions as updatedPermissions', () => {
    const bash = parseHookEvent(example('PermissionRequest:Bash')) as PermissionRequestEvent;
    expect(formatPermissionDecision({ behavior: 'allow', updatedPermissions: alwaysAllowPermissions(bash) })).toBe(
      '{"hookSpecificOutput":{"hookEventName":"PermissionRequest","decision":{"behavior":"allow","updatedPermissions":' +
        '[{"type":"addDirectories","directories":["/srv/catproj"],"destination":"session"}]}}}',
    );
    const webFetch = parseHookEvent(example('PermissionRequest:WebFetch')) as PermissionRequestEvent;
    expect(alwaysAllowPermissions(webFetch)).toEqual([
      { type: 'addRules', destination: 'localSettings', rules: [{ toolName: 'WebFetch', ruleContent: 'domain:127.0.0.1' }], behavior: 'allow' },
    ]);
    const edit = parseHookEvent(example('PermissionRequest:Edit')) as PermissionRequestEvent;
    expect(alwaysAllowPermissions(edit)).toEqual([{ type: 'setMode', mode: 'acceptEdits', destination: 'session' }]);
    const question = parseHookEvent(example('PermissionRequest:AskUserQuestion')) as PermissionRequestEvent;
    expect(alwaysAllowPermissions(question)).toEqual([]);
  });

  it('leaves out suggestion kinds it does not know', () => {
    const event = parseHookEvent({
      ...example('PermissionRequest:Bash'),
      permission_suggestions: [{ type: 'teleport', where: 'mars' }, { type: 'setMode', mode: 'plan', destination: 'session' }],
    }) as PermissionRequestEvent;
    expect(alwaysAllowPermissions(event)).toEqual([{ type: 'setMode', mode: 'plan', destination: 'session' }]);
  });

  it.each([
    [{ behavior: 'ask' }, /behavior/],
    [{ behavior: 'allow', message: 'only deny takes a message' }, /Unrecognized key: "message"/],
    [{ behavior: 'deny', updatedPermissions: [] }, /Unrecognized key: "updatedPermissions"/],
    [{ behavior: 'allow', updatedPermissions: [{ type: 'setMode', mode: 'yolo', destination: 'session' }] }, /updatedPermissions\.0\.mode/],
  ])('refuses %j', (decision, message) => {
    expect(() => formatPermissionDecision(decision as unknown as PermissionDecision)).toThrowError(message);
  });
});
