import { describe, expect, it } from 'vitest';
import { buildStartupSettings, FULLSCREEN_DEFAULT_SINCE, resolveRenderer } from '../../../../src/agents/claude-code/startup-settings.js';
import { NEWEST_TESTED, OLDEST_SUPPORTED } from '../../../../src/agents/claude-code/versions.js';
import { ALL_SESSION_MODES } from '../../../../src/core/session-mode.js';
import { PERMISSION_MODE_FLAGS } from '../../../../src/agents/claude-code/permission-modes.js';

describe('resolveRenderer', () => {
  it("pins each release's own default: inline for 2.1.197, full-screen from 2.1.332", () => {
    expect(FULLSCREEN_DEFAULT_SINCE).toBe(NEWEST_TESTED);
    expect(resolveRenderer('default', OLDEST_SUPPORTED)).toBe('inline');
    expect(resolveRenderer('default', '2.1.331')).toBe('inline');
    expect(resolveRenderer('default', '2.1.332')).toBe('fullscreen');
    expect(resolveRenderer('default', '2.2.0')).toBe('fullscreen');
  });

  it('treats an unreadable version as a new one', () => {
    expect(resolveRenderer('default', undefined)).toBe('fullscreen');
  });

  it('keeps an explicit choice on every release', () => {
    for (const version of [OLDEST_SUPPORTED, NEWEST_TESTED, undefined]) {
      expect(resolveRenderer('inline', version)).toBe('inline');
      expect(resolveRenderer('fullscreen', version)).toBe('fullscreen');
    }
  });
});

describe('buildStartupSettings', () => {
  it('full-screen: tui and both renderer variables say so, whatever the user has set', () => {
    const settings = buildStartupSettings({ mode: 'manual', renderer: 'fullscreen' });
    expect(settings.tui).toBe('fullscreen');
    expect(settings.env).toMatchObject({ CLAUDE_CODE_NO_FLICKER: '1', CLAUDE_CODE_DISABLE_ALTERNATE_SCREEN: '0' });
  });

  it('inline: the classic renderer by setting and by both variables', () => {
    const settings = buildStartupSettings({ mode: 'manual', renderer: 'inline' });
    expect(settings.tui).toBe('default');
    expect(settings.env).toMatchObject({ CLAUDE_CODE_NO_FLICKER: '0', CLAUDE_CODE_DISABLE_ALTERNATE_SCREEN: '1' });
  });

  it("names the session's own default mode, with the same flag as --permission-mode", () => {
    for (const mode of ALL_SESSION_MODES) {
      expect(buildStartupSettings({ mode, renderer: 'fullscreen' }).permissions).toEqual({ defaultMode: PERMISSION_MODE_FLAGS[mode] });
    }
  });

  it('turns off surveys, tips, suggestions, answer comparisons and the away recap', () => {
    expect(buildStartupSettings({ mode: 'plan', renderer: 'inline' })).toEqual({
      permissions: { defaultMode: 'plan' },
      tui: 'default',
      env: { CLAUDE_CODE_NO_FLICKER: '0', CLAUDE_CODE_DISABLE_ALTERNATE_SCREEN: '1', CLAUDE_CODE_DISABLE_FEEDBACK_SURVEY: '1' },
      spinnerTipsEnabled: false,
      feedbackSurveyRate: 0,
      promptSuggestionEnabled: false,
      responseComparisonEnabled: false,
      awaySummaryEnabled: false,
    });
  });

  it('never sets hooks (the hook settings are merged in beside it)', () => {
    expect(buildStartupSettings({ mode: 'manual', renderer: 'fullscreen' })).not.toHaveProperty('hooks');
  });
});
