import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { firstWarningFor } from '../../../src/adapters/store/warned-versions.js';
import { makeTempDir, removeDir } from '../../support/temp-dir.js';

describe('firstWarningFor', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await makeTempDir('wingman-warned-');
  });
  afterEach(async () => removeDir(dir));

  it('is true once per version, remembered in the file', async () => {
    const file = path.join(dir, 'state', 'warned-versions.json');
    expect(await firstWarningFor(file, '2.9.0')).toBe(true);
    expect(await firstWarningFor(file, '2.9.0')).toBe(false);
    expect(await firstWarningFor(file, '2.9.1')).toBe(true);
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toEqual({ versions: ['2.9.0', '2.9.1'] });
  });

  it('warns rather than stays silent when the file is unreadable or cannot be written', async () => {
    const garbage = path.join(dir, 'garbage.json');
    await fs.writeFile(garbage, 'nope');
    expect(await firstWarningFor(garbage, '2.9.0')).toBe(true);
    const blocked = path.join(dir, 'a-file', 'warned.json');
    await fs.writeFile(path.join(dir, 'a-file'), '');
    expect(await firstWarningFor(blocked, '2.9.0')).toBe(true);
    expect(await firstWarningFor(blocked, '2.9.0')).toBe(true);
  });
});
