import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileBeforeWrite } from '../../../src/app/file-before-write.js';

describe('the file a Write prompt would replace', () => {
  let root: string;
  let cwd: string;
  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'wingman-before-'));
    cwd = path.join(root, 'project');
    await fs.mkdir(cwd);
    await fs.writeFile(path.join(cwd, 'a.txt'), 'old\n');
    await fs.writeFile(path.join(root, 'secret.txt'), 'key\n');
    await fs.symlink(path.join(root, 'secret.txt'), path.join(cwd, 'link.txt'));
    await fs.writeFile(path.join(cwd, 'binary.bin'), Buffer.from([1, 0, 2]));
    await fs.writeFile(path.join(cwd, 'big.txt'), 'x'.repeat(300 * 1024));
  });
  afterAll(() => fs.rm(root, { recursive: true, force: true }));

  it('reads a file inside the session directory, by absolute or relative path', async () => {
    expect(await fileBeforeWrite('Write', { file_path: path.join(cwd, 'a.txt'), content: '' }, cwd)).toBe('old\n');
    expect(await fileBeforeWrite('Write', { file_path: 'a.txt', content: '' }, cwd)).toBe('old\n');
  });

  it('a file that does not exist yet is a new file, wherever it is', async () => {
    expect(await fileBeforeWrite('Write', { file_path: path.join(cwd, 'new.txt') }, cwd)).toBeNull();
    expect(await fileBeforeWrite('Write', { file_path: path.join(root, 'elsewhere.txt') }, cwd)).toBeNull();
  });

  it('never reads a file outside the session directory, through a symlink either', async () => {
    expect(await fileBeforeWrite('Write', { file_path: path.join(root, 'secret.txt') }, cwd)).toBeUndefined();
    expect(await fileBeforeWrite('Write', { file_path: path.join(cwd, 'link.txt') }, cwd)).toBeUndefined();
  });

  it('binary, large, other tools, odd input or no directory: unknown', async () => {
    expect(await fileBeforeWrite('Write', { file_path: path.join(cwd, 'binary.bin') }, cwd)).toBeUndefined();
    expect(await fileBeforeWrite('Write', { file_path: path.join(cwd, 'big.txt') }, cwd)).toBeUndefined();
    expect(await fileBeforeWrite('Write', { file_path: cwd }, cwd)).toBeUndefined();
    expect(await fileBeforeWrite('Edit', { file_path: path.join(cwd, 'a.txt') }, cwd)).toBeUndefined();
    expect(await fileBeforeWrite('Write', { file_path: 7 }, cwd)).toBeUndefined();
    expect(await fileBeforeWrite('Write', undefined, cwd)).toBeUndefined();
    expect(await fileBeforeWrite('Write', { file_path: path.join(cwd, 'a.txt') }, undefined)).toBeUndefined();
  });
});
