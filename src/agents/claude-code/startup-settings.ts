import type { RendererSetting } from '../../core/config-schema.js';
import type { Renderer } from '../../core/session-record.js';
import type { SessionMode } from '../../core/session-mode.js';
import { PERMISSION_MODE_FLAGS } from './permission-modes.js';
import { compareVersions } from './versions.js';

/**
 * The first tested release whose own default renderer is full-screen; 2.1.197 defaults to the
 * inline one. Releases in between are untested and get the newer behaviour.
 */
export const FULLSCREEN_DEFAULT_SINCE = '2.1.332';

/**
 * The renderer a session gets. Left to itself, 2.1.332 starts full-screen only for installs first
 * started at 2.1.332 or later; an install that ran an older release starts inline and offers "Try
 * the new fullscreen renderer?" (up to 3 times), a server-side flag may flip it, and a crash while
 * going full-screen turns it off for the next launch. So wingman always says which.
 */
export function resolveRenderer(setting: RendererSetting, version: string | undefined): Renderer {
  if (setting !== 'default') return setting;
  // An unreadable version is most likely a new one.
  if (version === undefined) return 'fullscreen';
  return compareVersions(version, FULLSCREEN_DEFAULT_SINCE) >= 0 ? 'fullscreen' : 'inline';
}

/** The keys wingman adds to a session's own `--settings` file (never the user's settings). */
export interface ClaudeStartupSettings {
  permissions: { defaultMode: string };
  tui: 'fullscreen' | 'default';
  env: Record<string, string>;
  spinnerTipsEnabled: false;
  feedbackSurveyRate: 0;
  promptSuggestionEnabled: false;
  responseComparisonEnabled: false;
  awaySummaryEnabled: false;
}

/**
 * Settings that keep optional offers, surveys, tips and renderer trials off a session's screen, so
 * start-up and every later screen are what the reader expects and no Enter or digit wingman types
 * lands in a dialog it did not ask for. A `--settings` file outranks the user's own settings and
 * their `env`, so these hold whatever ~/.claude/settings.json says; the user's permission rules
 * still apply (checked with 2.1.197 and 2.1.332).
 */
export function buildStartupSettings(options: { mode: SessionMode; renderer: Renderer }): ClaudeStartupSettings {
  const fullscreen = options.renderer === 'fullscreen';
  return {
    // Any file naming a default mode stops "Make auto mode your default permission mode?", offered at
    // start-up when only the user's settings name one; its preselected Yes rewrites them to auto.
    permissions: { defaultMode: PERMISSION_MODE_FLAGS[options.mode] },
    // An explicit renderer also stops the "Try the new fullscreen renderer?" dialog and tip.
    tui: fullscreen ? 'fullscreen' : 'default',
    env: {
      // The variables decide before `tui` does: CLAUDE_CODE_NO_FLICKER=1 also beats the crash
      // fallback, and an inherited CLAUDE_CODE_DISABLE_ALTERNATE_SCREEN=1 wins unless set to 0 here.
      CLAUDE_CODE_NO_FLICKER: fullscreen ? '1' : '0',
      CLAUDE_CODE_DISABLE_ALTERNATE_SCREEN: fullscreen ? '0' : '1',
      // Session-quality, memory and other surveys take digit keys meant for a dialog.
      CLAUDE_CODE_DISABLE_FEEDBACK_SURVEY: '1',
    },
    // "Tip: …" lines under the spinner: noise on the phone and for the screen reader.
    spinnerTipsEnabled: false,
    feedbackSurveyRate: 0,
    // A suggested prompt is drawn in the input box, where it reads like typed text.
    promptSuggestionEnabled: false,
    // 2.1.332 may answer twice and ask which answer is better (ignored by 2.1.197).
    responseComparisonEnabled: false,
    // The recap after 5 minutes away: a session left idle for the phone is "away" most of the time.
    awaySummaryEnabled: false,
  };
}
