import { describe, expect, it } from 'vitest';
import { storeError } from '../../../src/adapters/store/store-errors.js';

describe('storeError', () => {
  it.each([
    ['ENOSPC', 'Cannot save the session registry /x: the disk is full.'],
    ['EDQUOT', 'Cannot save the session registry /x: the disk is full.'],
    ['EROFS', 'Cannot save the session registry /x: the state directory is not writable.'],
    ['EACCES', 'Cannot save the session registry /x: the state directory is not writable.'],
    ['EPERM', 'Cannot save the session registry /x: the state directory is not writable.'],
  ])('%s → %s', (code, message) => {
    const error = storeError('Cannot save the session registry /x', Object.assign(new Error('raw'), { code }));
    expect(error).toMatchObject({ code: 'store_failed', message });
  });

  it('keeps the cause for the log', () => {
    const cause = Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
    expect(storeError('Cannot read it', cause)).toMatchObject({ message: 'Cannot read it: EIO: i/o error.', cause });
  });
});
