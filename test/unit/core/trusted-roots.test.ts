import { describe, expect, it } from 'vitest';
import { isUnderTrustedRoot } from '../../../src/core/trusted-roots.js';

describe('isUnderTrustedRoot', () => {
  it.each([
    ['/home/me/code', ['/home/me/code'], true],
    ['/home/me/code/app', ['/home/me/code'], true],
    ['/home/me/codebase', ['/home/me/code'], false],
    ['/home/me', ['/home/me/code'], false],
    ['/etc', [], false],
    ['/srv/x', ['/home/me', '/srv'], true],
  ])('%s under %j → %s', (dir, roots, expected) => {
    expect(isUnderTrustedRoot(dir, roots)).toBe(expected);
  });
});
