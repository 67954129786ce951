import { describe, expect, it } from 'vitest';
import { HOOK_EVENT_NAMES, isHookEventName, parseHookEvent, type HookEventName } from '../../../../src/agents/claude-code/hook-events.js';
import { eventFromMcpArguments, mcpHookToolInput } from '../../../../src/agents/claude-code/mcp-hook-input.js';
import { allHookPayloads, FIXTURE_VERSIONS, type Payload } from '../../../support/claude-fixtures.js';
import { interpolateMcpHookInput } from '../../../support/claude-interpolation.js';

/** What Claude Code calls the tool with for `payload`, and what the MCP hook server makes of it. */
const roundTrip = (payload: Payload) => {
  const args = interpolateMcpHookInput(mcpHookToolInput(payload.hook_event_name as HookEventName), payload) as Record<string, unknown>;
  return eventFromMcpArguments(args);
};
const pick = (payload: Payload, keys: string[]) => Object.fromEntries(Object.entries(payload).filter(([key]) => keys.includes(key)));

describe.each(FIXTURE_VERSIONS)('an mcp_tool hook carries the real events of Claude Code %s', (version) => {
  const payloads = allHookPayloads(version).filter((payload) => isHookEventName(payload.hook_event_name));
  it.each(payloads.map((payload) => [`${String(payload.hook_event_name)}${payload.tool_name ? `:${String(payload.tool_name)}` : ''}`, payload] as const))(
    '%s arrives as the event wingman reads',
    (_, payload) => {
      const fields = Object.keys(mcpHookToolInput(payload.hook_event_name as HookEventName));
      expect(parseHookEvent(roundTrip(payload))).toEqual(parseHookEvent(pick(payload, fields)));
    },
  );
});

describe('mcpHookToolInput', () => {
  it('names the event and asks for each field by path', () => {
    expect(mcpHookToolInput('PermissionRequest')).toEqual({
      hook_event_name: 'PermissionRequest',
      session_id: '${session_id}',
      cwd: '${cwd}',
      transcript_path: '${transcript_path}',
      prompt_id: '${prompt_id}',
      permission_mode: '${permission_mode}',
      agent_id: '${agent_id}',
      agent_type: '${agent_type}',
      tool_name: '${tool_name}',
      tool_input: '${tool_input}',
      permission_suggestions: '${permission_suggestions}',
    });
  });

  it.each(HOOK_EVENT_NAMES)('%s: every value is one whole ${path}, so nothing else is mixed into a field', (name) => {
    for (const [key, value] of Object.entries(mcpHookToolInput(name))) {
      if (key === 'hook_event_name') expect(value).toBe(name);
      else expect(value).toBe(`\${${key}}`);
    }
  });
});

describe('eventFromMcpArguments', () => {
  const base = { hook_event_name: 'PostToolUseFailure', session_id: 's', cwd: '/w', transcript_path: '/t', tool_name: 'Bash', tool_input: '{"command":"ls"}' };

  it('reads "" as absent for optional fields, keeps it for required text', () => {
    expect(eventFromMcpArguments({ ...base, agent_id: '', error: '', is_interrupt: '', duration_ms: '' })).toEqual({
      hook_event_name: 'PostToolUseFailure', session_id: 's', cwd: '/w', transcript_path: '/t', tool_name: 'Bash', tool_input: { command: 'ls' }, error: '',
    });
  });

  it('turns numbers and booleans back from their strings', () => {
    expect(eventFromMcpArguments({ ...base, error: 'x', is_interrupt: 'true', duration_ms: '12' })).toMatchObject({ is_interrupt: true, duration_ms: 12 });
    expect(eventFromMcpArguments({ ...base, error: 'x', is_interrupt: 'false' })).toMatchObject({ is_interrupt: false });
  });

  it('leaves what does not convert for the hook server to refuse', () => {
    const event = eventFromMcpArguments({ ...base, tool_input: 'not json', error: 'x', duration_ms: 'soon' });
    expect(event).toMatchObject({ tool_input: 'not json', duration_ms: 'soon' });
    expect(() => parseHookEvent(event)).toThrow();
  });

  it('keeps a tool response that is plain text, and parses one that is JSON', () => {
    const post = { ...base, hook_event_name: 'PostToolUse', tool_response: 'hello' };
    expect(eventFromMcpArguments(post)).toMatchObject({ tool_response: 'hello' });
    expect(eventFromMcpArguments({ ...post, tool_response: '{"stdout":"hi"}' })).toMatchObject({ tool_response: { stdout: 'hi' } });
  });

  it('drops arguments the event has no field for, and passes an unknown event on as it came', () => {
    expect(eventFromMcpArguments({ ...base, error: 'x', sneaky: 'yes' })).not.toHaveProperty('sneaky');
    expect(eventFromMcpArguments({ hook_event_name: 'MessageDisplay', session_id: 's', extra: 1 })).toEqual({ hook_event_name: 'MessageDisplay', session_id: 's', extra: 1 });
  });

  it('does not expand a ${path} that a value itself contains', () => {
    const prompt = 'echo ${session_id} ${tool_input}';
    const event = roundTrip({ hook_event_name: 'UserPromptSubmit', session_id: 's', cwd: '/w', transcript_path: '/t', prompt });
    expect(event).toMatchObject({ prompt, session_id: 's' });
  });
});
