import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readTurnMark, turnMovedOn } from '../../../../../src/agents/claude-code/screen/turn-marks.js';
import { TESTED_VERSIONS } from '../../../../../src/agents/claude-code/versions.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../fixtures/claude-screens');
const screenOf = (version: string, name: string) => readFileSync(path.join(FIXTURES, version, `${name}.txt`), 'utf8');

describe.each(TESTED_VERSIONS)('readTurnMark on %s screens', (version) => {
  it('names the running prompt, not the one queued behind it', () => {
    expect(readTurnMark(screenOf(version, 'working-queued-prompt'))).toEqual({ prompt: 'SLOW queue check', interruptions: 0 });
    expect(readTurnMark(screenOf(version, 'working-tool-running'))).toEqual({ prompt: 'RUNTOOL sleep 6 && touch slept.txt', interruptions: 0 });
  });

  it('counts interrupted turns; text typed in the box is no prompt', () => {
    expect(readTurnMark(screenOf(version, 'interrupted-after-tokens'))).toEqual({ prompt: 'SLOW streaming check', interruptions: 1 });
    expect(readTurnMark(screenOf(version, 'interrupted-before-first-token'))).toEqual({ prompt: undefined, interruptions: 0 });
    expect(readTurnMark(screenOf(version, 'idle-typed'))).toEqual({ prompt: undefined, interruptions: 0 });
  });

  it('an interrupt or a new prompt moves the screen on from a running turn', () => {
    const running = readTurnMark(screenOf(version, 'working-streaming'));
    expect(turnMovedOn(running, running)).toBe(false);
    expect(turnMovedOn(running, readTurnMark(screenOf(version, 'interrupted-after-tokens')))).toBe(true);
    expect(turnMovedOn(running, readTurnMark(screenOf(version, 'working-queued-prompt')))).toBe(true);
    // Interrupted before the first token: the prompt leaves the transcript for the input box.
    expect(turnMovedOn(readTurnMark(screenOf(version, 'working-waiting-first-token')), readTurnMark(screenOf(version, 'interrupted-before-first-token')))).toBe(true);
  });
});
