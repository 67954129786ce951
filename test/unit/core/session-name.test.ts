import { describe, expect, it } from 'vitest';
import { isValidSessionName, parseSessionName, tmuxSessionNameFor } from '../../../src/core/session-name.js';
import { WingmanError } from '../../../src/core/errors.js';

describe('session names', () => {
  it.each(['a', 'vsr-bugfix', 'api_v2', 'release.1', 'A'.repeat(64), '0-._x', 'x-'])('accepts %j', (name) => {
    expect(isValidSessionName(name)).toBe(true);
    expect(parseSessionName(name)).toBe(name);
  });

  it.each(['', 'A'.repeat(65), 'has space', 'semi;colon', 'a:b', 'quote"', "it's", 'new\nline', 'tab\t', '$(rm -rf /)', '`id`', 'ünïcode', '日本', 'a/b', '-rf', '.hidden', '..', '_x'])(
    'refuses %j with a message naming the rule',
    (name) => {
      expect(isValidSessionName(name)).toBe(false);
      expect(() => parseSessionName(name)).toThrowError(/letters, digits, "-", "_" and "\." only, starting with a letter or digit, 1 to 64 characters/);
    },
  );

  it('refuses non-strings with a typed error', () => {
    try {
      parseSessionName(42);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(WingmanError);
      expect((error as WingmanError).code).toBe('invalid_session_name');
    }
  });

  it('shortens very long names in the message', () => {
    expect(() => parseSessionName('x'.repeat(10_000))).toThrowError(/x{40}…"/);
  });

  it('maps dots to underscores for tmux, which would rewrite them itself', () => {
    expect(tmuxSessionNameFor('release.1')).toBe('release_1');
    expect(tmuxSessionNameFor('plain-name')).toBe('plain-name');
  });
});
