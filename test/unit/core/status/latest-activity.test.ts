import { describe, expect, it } from 'vitest';
import { describeToolCall, detectLatestActivity, toolCallDetail } from '../../../../src/core/status/latest-activity.js';

describe('describeToolCall', () => {
  it.each([
    ['Bash', { command: 'npm test', description: 'Run tests' }, 'Running: npm test'],
    ['Edit', { file_path: '/w/src/a.ts', old_string: 'a', new_string: 'b' }, 'Editing: /w/src/a.ts'],
    ['Write', { file_path: 'new.txt', content: 'x' }, 'Writing: new.txt'],
    ['Read', { file_path: 'README.md' }, 'Reading: README.md'],
    ['WebFetch', { url: 'https://example.com', prompt: 'summarise' }, 'Fetching: https://example.com'],
    ['Grep', { pattern: 'TODO' }, 'Searching: TODO'],
    ['mcp__github__create_issue', { title: 'Bug' }, 'Using mcp__github__create_issue: {"title":"Bug"}'],
    ['ExitPlanMode', {}, 'Using ExitPlanMode'],
  ])('%s %j → %s', (tool, input, expected) => {
    expect(describeToolCall(tool, input)).toBe(expected);
  });

  it('shortens long details to one line', () => {
    const text = describeToolCall('Bash', { command: `echo ${'x'.repeat(200)}\nsecond` });
    expect(text.length).toBeLessThanOrEqual('Running: '.length + 80);
    expect(text.endsWith('…')).toBe(true);
  });

  it('names the detail of a pending prompt', () => {
    expect(toolCallDetail('Bash', { command: 'rm -rf ./build && npm run build' })).toBe('rm -rf ./build && npm run build');
  });
});

describe('detectLatestActivity from the transcript', () => {
  it('takes the latest tool call or answer line', () => {
    expect(detectLatestActivity(['● Bash(npm test)', '  ⎿  ok'])).toBe('Running: npm test');
    expect(detectLatestActivity(['● Bash(npm test)', '● All tests pass.'])).toBe('All tests pass.');
    expect(detectLatestActivity(['nothing here'])).toBeUndefined();
  });

  it('stops at the latest prompt: a turn with no activity yet is not described by the one before', () => {
    expect(detectLatestActivity(['❯ first', '● Echo: first', '', '❯ SLOW second', '', '✶ Pondering…'])).toBeUndefined();
    expect(detectLatestActivity(['❯ first', '● Echo: first', '', '❯ SLOW second', '● This ans'])).toBe('This ans');
    // The live input box (❯ + NBSP) is no prompt of the transcript.
    expect(detectLatestActivity(['❯ first', '● Bash(make)', '─'.repeat(20), '❯\u00a0typed', '─'.repeat(20)])).toBe('Running: make');
  });

  it('looks past a prompt queued behind the running turn (2.1.332 draws it at column 0, marked Queued)', () => {
    expect(detectLatestActivity(['❯ SLOW queue check', '● Bash(make)', '❯ and add a test for it', '  ⎿  Queued · ctrl+x ctrl+s to send now', '· Gusting…'])).toBe('Running: make');
  });
});
