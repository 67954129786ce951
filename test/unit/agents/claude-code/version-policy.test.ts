import { describe, expect, it } from 'vitest';
import { TESTED_RANGE, versionWarning } from '../../../../src/agents/claude-code/version-policy.js';
import { NEWEST_TESTED, OLDEST_SUPPORTED } from '../../../../src/agents/claude-code/versions.js';

describe('versionWarning', () => {
  it('is silent inside the tested range and for an unknown version', () => {
    expect(versionWarning(OLDEST_SUPPORTED)).toBeUndefined();
    expect(versionWarning(NEWEST_TESTED)).toBeUndefined();
    expect(versionWarning('2.1.250')).toBeUndefined();
    expect(versionWarning(undefined)).toBeUndefined();
  });

  it('names the version and the tested range, one line each way', () => {
    expect(TESTED_RANGE).toBe(`${OLDEST_SUPPORTED}–${NEWEST_TESTED}`);
    expect(versionWarning('2.2.0')).toBe(`Claude Code 2.2.0 is newer than wingman is tested with (${TESTED_RANGE}); if its screens are misread, install ${NEWEST_TESTED}.`);
    expect(versionWarning('2.0.5')).toBe(`Claude Code 2.0.5 is older than wingman supports (${TESTED_RANGE}); update it: npm install -g @anthropic-ai/claude-code@${NEWEST_TESTED}`);
    for (const version of ['2.2.0', '2.0.5', '10.0.0']) {
      const warning = versionWarning(version)!;
      expect(warning).not.toContain('\n');
      expect(warning.length).toBeLessThan(160);
    }
  });
});
