import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachedBinaryProbe } from '../../../src/adapters/store/binary-info-cache.js';
import type { ClaudeBinaryInfo } from '../../../src/agents/claude-code/binary-probe.js';
import { makeTempDir, removeDir } from '../../support/temp-dir.js';

describe('cachedBinaryProbe', () => {
  let dir: string;
  let binary: string;
  let cacheFile: string;
  let calls: string[];
  let answer: ClaudeBinaryInfo;
  const probe = async (file: string) => {
    calls.push(file);
    return answer;
  };

  beforeEach(async () => {
    dir = await makeTempDir('wingman-cache-');
    binary = path.join(dir, 'claude');
    cacheFile = path.join(dir, 'state', 'claude-binaries.json');
    await fs.writeFile(binary, 'v1');
    calls = [];
    answer = { version: '2.1.332', permissionModes: ['manual', 'auto'] };
  });
  afterEach(async () => removeDir(dir));

  it('asks the binary once, then answers from memory and, in a new process, from the file', async () => {
    const first = cachedBinaryProbe(cacheFile, probe);
    expect(await first(binary)).toEqual(answer);
    expect(await first(binary)).toEqual(answer);
    const later = cachedBinaryProbe(cacheFile, probe);
    expect(await later(binary)).toEqual(answer);
    expect(calls).toEqual([binary]);
    expect((await fs.stat(cacheFile)).mode & 0o777).toBe(0o600);
  });

  it('asks again when the binary changes (mtime or size)', async () => {
    const cached = cachedBinaryProbe(cacheFile, probe);
    await cached(binary);
    await fs.writeFile(binary, 'version two');
    answer = { version: '2.1.400' };
    expect(await cached(binary)).toEqual({ version: '2.1.400' });
    expect(calls).toHaveLength(2);
  });

  it('keys by the real path, so a symlink to the same binary shares the entry', async () => {
    const link = path.join(dir, 'link');
    await fs.symlink(binary, link);
    const cached = cachedBinaryProbe(cacheFile, probe);
    await cached(binary);
    await cachedBinaryProbe(cacheFile, probe)(link);
    expect(calls).toHaveLength(1);
  });

  it('does not keep an answer without a version (it may have been a slow start)', async () => {
    answer = {};
    const cached = cachedBinaryProbe(cacheFile, probe);
    await cached(binary);
    await cached(binary);
    expect(calls).toHaveLength(2);
  });

  it('probes anyway when the cache file is garbage or the binary cannot be stat-ed', async () => {
    await fs.mkdir(path.dirname(cacheFile), { recursive: true });
    await fs.writeFile(cacheFile, '{ not json');
    expect(await cachedBinaryProbe(cacheFile, probe)(binary)).toEqual(answer);
    expect(await cachedBinaryProbe(cacheFile, probe)(path.join(dir, 'missing'))).toEqual(answer);
    expect(calls).toHaveLength(2);
  });
});
