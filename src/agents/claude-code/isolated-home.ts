import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The Claude Code version these seeds were checked against (pinned in package.json). */
const SEEDED_VERSION = '2.1.197';

/**
 * Seeds an isolated HOME so the real `claude` binary starts straight at the input box:
 * no theme picker, login, API-key approval or release-notes screen. Project folders are
 * deliberately NOT pre-trusted: the folder-trust dialog must still appear.
 */
export async function createClaudeHome(dir: string, opts: { apiKey: string }): Promise<void> {
  await mkdir(path.join(dir, '.claude'), { recursive: true });
  const state = {
    numStartups: 1,
    theme: 'dark',
    hasCompletedOnboarding: true,
    lastOnboardingVersion: SEEDED_VERSION,
    lastReleaseNotesSeen: SEEDED_VERSION,
    // Claude Code stores only the last 20 characters of an approved ANTHROPIC_API_KEY.
    customApiKeyResponses: { approved: [opts.apiKey.slice(-20)], rejected: [] },
    autoUpdates: false,
    projects: {},
  };
  await writeFile(path.join(dir, '.claude.json'), `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  await writeFile(path.join(dir, '.claude', 'settings.json'), `${JSON.stringify({}, null, 2)}\n`);
}

/**
 * Environment for launching claude against a fake API inside the seeded HOME; merge it over the
 * inherited environment (PATH, TERM, LANG still come from there).
 */
export function claudeEnv(opts: { home: string; apiUrl: string; apiKey: string }): Record<string, string> {
  return {
    HOME: opts.home,
    ANTHROPIC_BASE_URL: opts.apiUrl,
    ANTHROPIC_API_KEY: opts.apiKey,
    // No telemetry, error reporting or update checks: nothing leaves 127.0.0.1.
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    DISABLE_AUTOUPDATER: '1',
    // Otherwise it tries to clone the official plugin marketplace at startup (fails offline).
    CLAUDE_CODE_DISABLE_OFFICIAL_MARKETPLACE_AUTOINSTALL: '1',
    // A "How is Claude doing?" survey would take digit keys meant for a dialog.
    CLAUDE_CODE_DISABLE_FEEDBACK_SURVEY: '1',
    CLAUDE_CODE_IDE_SKIP_AUTO_INSTALL: '1',
  };
}
