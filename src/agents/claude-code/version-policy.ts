import { NEWEST_TESTED, OLDEST_SUPPORTED, versionSupport } from './versions.js';

/** `2.1.197–2.1.332`: the releases wingman is tested with, for messages. */
export const TESTED_RANGE = `${OLDEST_SUPPORTED}–${NEWEST_TESTED}`;

/**
 * What to tell the user about a version outside the tested range (wingman still runs it); undefined
 * inside the range or when the version is unknown.
 */
export function versionWarning(version: string | undefined): string | undefined {
  if (version === undefined) return undefined;
  switch (versionSupport(version)) {
    case 'newer':
      return `Claude Code ${version} is newer than wingman is tested with (${TESTED_RANGE}); if its screens are misread, install ${NEWEST_TESTED}.`;
    case 'older':
      return `Claude Code ${version} is older than wingman supports (${TESTED_RANGE}); update it: npm install -g @anthropic-ai/claude-code@${NEWEST_TESTED}`;
    default:
      return undefined;
  }
}
