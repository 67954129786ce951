/**
 * The Claude Code releases wingman is tested against: the newest is the dev dependency (demo, e2e,
 * bench), the oldest supported one runs the e2e suite in CI too. Adopting a release: install it
 * (`scripts/install-claude-code.sh VERSION`), `npm run capture-screens -- --claude VERSION` and
 * `npx tsx scripts/record-claude-fixtures.ts --claude VERSION` (hook payloads, transcripts), review
 * the fixtures' diff, fix the rules, then move NEWEST_TESTED here and in package.json.
 */
export const OLDEST_SUPPORTED = '2.1.197';
export const NEWEST_TESTED = '2.1.332';
export const TESTED_VERSIONS = [OLDEST_SUPPORTED, NEWEST_TESTED] as const;

/** `2.1.332 (Claude Code)` → `2.1.332`; undefined when the output names no version. */
export function parseClaudeVersion(output: string): string | undefined {
  return /\b(\d+\.\d+\.\d+)\b/.exec(output)?.[1];
}

/** Compares dotted numeric versions: negative when a < b. */
export function compareVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    const diff = (left[index] ?? 0) - (right[index] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

export type VersionSupport = 'tested' | 'between' | 'newer' | 'older';

/** Where a version stands against the tested range; `between` is inside it but not itself tested. */
export function versionSupport(version: string): VersionSupport {
  if (compareVersions(version, OLDEST_SUPPORTED) < 0) return 'older';
  if (compareVersions(version, NEWEST_TESTED) > 0) return 'newer';
  return (TESTED_VERSIONS as readonly string[]).includes(version) ? 'tested' : 'between';
}
