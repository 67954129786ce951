import { describe, expect, it } from 'vitest';
import { deriveSessionState, HOOK_FRESH_MS } from '../../../../src/core/status/derive-state.js';
import type { HookTimeline } from '../../../../src/core/status/hook-timeline.js';

const now = 1_000_000;
const prompt = { tool: 'Bash', detail: 'npm test', options: [{ key: '1', label: 'Yes', kind: 'yes' as const }] };
const hook = (name: NonNullable<HookTimeline['lastEvent']>['name'], ageMs: number, extra: HookTimeline = {}): HookTimeline => ({
  lastEvent: { name, atMs: now - ageMs },
  ...extra,
});

describe('deriveSessionState', () => {
  it('a dead process is exited whatever the screen or hooks say', () => {
    expect(deriveSessionState({ nowMs: now, alive: false, screen: { state: 'working' }, hooks: hook('PreToolUse', 0) })).toEqual({ state: 'exited', source: 'process' });
  });

  it('the exited screen and a SessionEnd hook mean exited', () => {
    expect(deriveSessionState({ nowMs: now, alive: true, screen: { state: 'exited' } }).state).toBe('exited');
    expect(deriveSessionState({ nowMs: now, alive: true, screen: { state: 'unknown' }, hooks: hook('SessionEnd', 10, { ended: { reason: 'other', atMs: now - 10 } }) }).state).toBe('exited');
  });

  it('a dialog on screen wins, with its prompt', () => {
    expect(deriveSessionState({ nowMs: now, alive: true, screen: { state: 'waiting_approval', prompt }, hooks: hook('Stop', 10) })).toEqual({ state: 'waiting_approval', source: 'screen', prompt });
    expect(deriveSessionState({ nowMs: now, alive: true, screen: { state: 'waiting_trust' } }).state).toBe('waiting_trust');
    expect(deriveSessionState({ nowMs: now, alive: true, screen: { state: 'waiting_answer' } }).state).toBe('waiting_answer');
  });

  it('a fresh PermissionRequest hook covers a screen that has not redrawn yet', () => {
    const open = { tool: 'Bash', input: { command: 'x' }, atMs: now - 100, suggestions: [] };
    expect(deriveSessionState({ nowMs: now, alive: true, screen: { state: 'working' }, hooks: hook('PermissionRequest', 100, { openPermission: open }) })).toEqual({ state: 'waiting_approval', source: 'hook' });
  });

  it('a denied dialog (no hook fires) reads idle once the screen shows the input box again', () => {
    const open = { tool: 'Bash', input: { command: 'x' }, atMs: now - 100, suggestions: [] };
    expect(deriveSessionState({ nowMs: now, alive: true, screen: { state: 'idle' }, hooks: hook('PermissionRequest', 100, { openPermission: open }) }).state).toBe('idle');
    const stale = { ...open, atMs: now - HOOK_FRESH_MS - 1 };
    expect(deriveSessionState({ nowMs: now, alive: true, screen: { state: 'working' }, hooks: hook('PermissionRequest', HOOK_FRESH_MS + 1, { openPermission: stale }) }).state).toBe('working');
  });

  it('an Esc interrupt (no hook) reads idle after the last hook goes stale', () => {
    expect(deriveSessionState({ nowMs: now, alive: true, screen: { state: 'idle' }, hooks: hook('PreToolUse', HOOK_FRESH_MS + 1) }).state).toBe('idle');
  });

  it('a fresh start-of-turn hook reads working before the spinner is drawn', () => {
    expect(deriveSessionState({ nowMs: now, alive: true, screen: { state: 'idle' }, hooks: hook('UserPromptSubmit', 50) })).toEqual({ state: 'working', source: 'hook' });
  });

  it('an API error ending reads error, from the hook or from the screen', () => {
    const failure = { error: 'server_error', atMs: now - 10 };
    expect(deriveSessionState({ nowMs: now, alive: true, screen: { state: 'idle' }, hooks: hook('StopFailure', 10, { failure }) })).toEqual({ state: 'error', source: 'hook' });
    expect(deriveSessionState({ nowMs: now, alive: true, screen: { state: 'idle', apiError: true } })).toEqual({ state: 'error', source: 'screen' });
    expect(deriveSessionState({ nowMs: now, alive: true, screen: { state: 'working' }, hooks: hook('StopFailure', 10, { failure }) }).state).toBe('working');
  });

  it('falls back to the last hook when the screen is unreadable, and to unknown without either', () => {
    expect(deriveSessionState({ nowMs: now, alive: true, screen: { state: 'unknown' }, hooks: hook('PreToolUse', 60_000) }).state).toBe('working');
    expect(deriveSessionState({ nowMs: now, alive: true, screen: { state: 'unknown' }, hooks: hook('Stop', 60_000) }).state).toBe('idle');
    expect(deriveSessionState({ nowMs: now, alive: true, screen: { state: 'unknown' } })).toEqual({ state: 'unknown', source: 'screen' });
    expect(deriveSessionState({ nowMs: now, alive: true })).toEqual({ state: 'unknown', source: 'screen' });
  });
});
