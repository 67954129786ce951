import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TESTED_VERSIONS } from '../../src/agents/claude-code/versions.js';

/**
 * Real recordings of every tested Claude Code release (scripts/record-claude-fixtures.ts):
 * test/fixtures/claude-code/VERSION/{hook-payloads.json, valid-hook-events.json,
 * transcript-paths.json, transcripts/*.jsonl}.
 */
export const FIXTURE_VERSIONS = TESTED_VERSIONS;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'claude-code');

export const fixtureFile = (version: string, ...parts: string[]): string => path.join(ROOT, version, ...parts);
const json = <T>(version: string, name: string): T => JSON.parse(fs.readFileSync(fixtureFile(version, name), 'utf8')) as T;

export type Payload = Record<string, unknown>;

/** Event name → the real stdin payloads recorded for it (one per kind: tool, notification type, source, …). */
export const hookPayloads = (version: string): Record<string, Payload[]> => json(version, 'hook-payloads.json');

/** Every recorded payload of a version, in recording order of their kinds. */
export const allHookPayloads = (version: string): Payload[] => Object.values(hookPayloads(version)).flat();

/** The hook events the version accepts in --settings, as its own Settings Warning lists them. */
export const validHookEvents = (version: string): string[] => json<{ events: string[] }>(version, 'valid-hook-events.json').events;

export interface ObservedPath {
  cwd: string;
  sessionId: string;
  transcriptPath: string;
  CLAUDE_CONFIG_DIR?: string;
}
export const transcriptPaths = (version: string) =>
  json<{ home: string; main: ObservedPath & { projectDirs: string[] }; longCwd: ObservedPath; claudeConfigDir: ObservedPath }>(version, 'transcript-paths.json');

export const transcriptText = (version: string, name: 'main' | 'auto-mode'): string => fs.readFileSync(fixtureFile(version, 'transcripts', `${name}.jsonl`), 'utf8');
export const transcriptLines = (version: string, name: 'main' | 'auto-mode'): string[] => transcriptText(version, name).split('\n');
