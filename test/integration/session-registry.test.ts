import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SessionRegistry } from '../../src/adapters/store/session-registry.js';
import type { SessionRecord } from '../../src/core/session-record.js';
import { makeTempDir, removeDir } from '../support/temp-dir.js';

let dir: string;
let file: string;
const warnings: string[] = [];
const logger = { warn: (message: string) => warnings.push(message) };

const record = (name: string): SessionRecord => ({
  name,
  agent: 'claude',
  workdir: '/w',
  tmuxSession: name,
  createdAt: '2026-11-24T10:00:00.000Z',
  lastActivityAt: '2026-11-24T10:00:00.000Z',
  state: 'idle',
});

beforeEach(async () => {
  dir = await makeTempDir();
  file = path.join(dir, 'state', 'registry.json');
  warnings.length = 0;
});

afterEach(async () => {
  await removeDir(dir);
});

describe('SessionRegistry', () => {
  it('starts empty and creates its directory with private permissions', async () => {
    const registry = new SessionRegistry(file, logger);
    expect(await registry.read()).toEqual({ version: 1, sessions: {} });
    await registry.update((data) => {
      data.sessions.a = record('a');
    });
    expect((await fs.stat(path.dirname(file))).mode & 0o777).toBe(0o700);
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await fs.readFile(file, 'utf8')).sessions.a.name).toBe('a');
  });

  it('survives a restart: a new instance reads what the old one wrote', async () => {
    await new SessionRegistry(file, logger).update((data) => {
      data.sessions.kept = record('kept');
    });
    expect(Object.keys((await new SessionRegistry(file, logger).read()).sessions)).toEqual(['kept']);
  });

  it('loses no update when many writers (separate instances, as separate processes would be) race', async () => {
    const writers = Array.from({ length: 5 }, () => new SessionRegistry(file, logger));
    await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        writers[index % writers.length]!.update((data) => {
          data.sessions[`s${index}`] = record(`s${index}`);
        }),
      ),
    );
    expect(Object.keys((await writers[0]!.read()).sessions)).toHaveLength(40);
  });

  it('moves a corrupt file aside with a warning, never silently dropping it', async () => {
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, '{"version":1,"sessions":{"a":{"name":');
    const registry = new SessionRegistry(file, logger);
    expect(await registry.read()).toEqual({ version: 1, sessions: {} });
    const files = await fs.readdir(path.dirname(file));
    const aside = files.find((name) => name.startsWith('registry.json.corrupt-'));
    expect(aside).toBeDefined();
    expect(await fs.readFile(path.join(path.dirname(file), aside!), 'utf8')).toBe('{"version":1,"sessions":{"a":{"name":');
    expect(warnings[0]).toMatch(/registry was corrupt \(not valid JSON/);
  });

  it('treats a file of the wrong shape as corrupt and says which field', async () => {
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, JSON.stringify({ version: 1, sessions: { a: { ...record('a'), state: 'dancing' } } }));
    await new SessionRegistry(file, logger).read();
    expect(warnings[0]).toMatch(/sessions\.a\.state/);
  });

  it('reports an unwritable state directory clearly and leaves no partial file', async () => {
    const locked = path.join(dir, 'ro');
    await fs.mkdir(locked, { mode: 0o500 });
    const registry = new SessionRegistry(path.join(locked, 'registry.json'), logger);
    if (process.getuid?.() === 0) return; // root ignores directory permissions
    await expect(registry.update(() => undefined)).rejects.toMatchObject({ code: 'store_failed' });
    expect(await fs.readdir(locked)).toEqual([]);
  });
});
