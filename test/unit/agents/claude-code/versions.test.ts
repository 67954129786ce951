import { describe, expect, it } from 'vitest';
import { compareVersions, NEWEST_TESTED, OLDEST_SUPPORTED, parseClaudeVersion, versionSupport } from '../../../../src/agents/claude-code/versions.js';

describe('Claude Code versions', () => {
  it('reads the version claude --version prints', () => {
    expect(parseClaudeVersion('2.1.332 (Claude Code)\n')).toBe('2.1.332');
    expect(parseClaudeVersion('claude 10.0.1')).toBe('10.0.1');
    expect(parseClaudeVersion('no version here')).toBeUndefined();
  });

  it('compares numerically, not as text', () => {
    expect(compareVersions('2.1.332', '2.1.197')).toBeGreaterThan(0);
    expect(compareVersions('2.1.99', '2.1.197')).toBeLessThan(0);
    expect(compareVersions('2.2.0', '2.1.999')).toBeGreaterThan(0);
    expect(compareVersions('2.1.197', '2.1.197')).toBe(0);
    expect(compareVersions('2.1', '2.1.0')).toBe(0);
  });

  it('places a version against the tested range', () => {
    expect(versionSupport(OLDEST_SUPPORTED)).toBe('tested');
    expect(versionSupport(NEWEST_TESTED)).toBe('tested');
    expect(versionSupport('2.1.250')).toBe('between');
    expect(versionSupport('2.1.333')).toBe('newer');
    expect(versionSupport('2.0.10')).toBe('older');
  });
});
