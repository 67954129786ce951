import { describe, expect, it } from 'vitest';
import { chooseReply } from '../../../src/demo/fake-api-scenarios.js';

const ask = (prompt: string) => chooseReply({ tools: [{}], messages: [{ role: 'user', content: prompt }] }, () => 'toolu_1');

describe('the CALLTOOL scenario', () => {
  it('calls the named tool with the JSON input', () => {
    expect(ask('CALLTOOL mcp__srv__tool {"a":1}')).toMatchObject({
      kind: 'message', scenario: 'calltool', plan: { blocks: [{ type: 'tool_use', id: 'toolu_1', name: 'mcp__srv__tool', input: { a: 1 } }], stopReason: 'tool_use' },
    });
    expect(ask('CALLTOOL Read')).toMatchObject({ plan: { blocks: [{ name: 'Read', input: {} }] } });
  });

  it('echoes a malformed request instead of calling anything', () => {
    expect(ask('CALLTOOL x [1]')).toMatchObject({ scenario: 'echo' });
    expect(ask('CALLTOOL x {oops')).toMatchObject({ scenario: 'echo' });
  });
});
