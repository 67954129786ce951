import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectClaudeScreen } from '../../../../../src/agents/claude-code/screen/claude-screen.js';
import { isQuestionReview, questionFromScreen, readPicker, readQuestionReview, shownQuestionIndex, stripCheckbox } from '../../../../../src/agents/claude-code/screen/question-picker.js';
import { TESTED_VERSIONS } from '../../../../../src/agents/claude-code/versions.js';
import type { Question } from '../../../../../src/core/questions/question.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../fixtures/claude-screens');
const screen = (version: string, name: string) => readFileSync(path.join(FIXTURES, version, `${name}.txt`), 'utf8');
const promptOf = (version: string, name: string) => {
  const reading = detectClaudeScreen(screen(version, name));
  if (!reading.prompt) throw new Error(`${version}/${name}: no prompt (${reading.state})`);
  return reading.prompt;
};
const has = (version: string, name: string) => existsSync(path.join(FIXTURES, version, `${name}.txt`));

const colour: Question = { question: 'Which colour should the button be?', multiSelect: false, options: [{ label: 'Red' }, { label: 'Blue' }] };
const sizes: Question = { question: 'Which sizes do you need?', multiSelect: true, options: [{ label: 'Small' }, { label: 'Large' }] };

describe.each(TESTED_VERSIONS)('the AskUserQuestion picker of Claude Code %s', (version) => {
  it('single choice: the options, then the free-text row, "Chat about this" left out', () => {
    for (const name of ['ask-user-question', 'ask2-first-question']) {
      expect(readPicker(promptOf(version, name))).toEqual({
        options: [
          { index: 0, label: 'Red', checked: undefined, selected: true },
          { index: 1, label: 'Blue', checked: undefined, selected: false },
        ],
        freeText: { index: 2, label: 'Type something.', checked: undefined, selected: false, typed: false },
        submit: undefined,
        multiSelect: false,
      });
    }
  });

  it('multi-select: boxes, the free-text row and the Submit row', () => {
    expect(readPicker(promptOf(version, 'ask2-multiselect'))).toEqual({
      options: [
        { index: 0, label: 'Small', checked: false, selected: true },
        { index: 1, label: 'Large', checked: false, selected: false },
      ],
      freeText: { index: 2, label: 'Type something', checked: false, selected: false, typed: false },
      submit: { index: 3, label: 'Submit', checked: undefined, selected: false },
      multiSelect: true,
    });
  });

  it('the review tab is no question; its list is read', () => {
    const review = promptOf(version, 'ask2-submit');
    expect(isQuestionReview(review)).toBe(true);
    expect(readPicker(review)).toBeUndefined();
    expect(questionFromScreen(review)).toBeUndefined();
    expect(readQuestionReview(screen(version, 'ask2-submit'))).toEqual({
      answers: [
        { question: 'Which colour should the button be?', answer: 'Red' },
        { question: 'Which sizes do you need?', answer: 'Small' },
      ],
      unanswered: false,
    });
    expect(readQuestionReview(screen(version, 'ask2-multiselect'))).toBeUndefined();
  });

  it('the question on screen, without hook or transcript', () => {
    expect(questionFromScreen(promptOf(version, 'ask-user-question'))).toEqual(colour);
    expect(questionFromScreen(promptOf(version, 'ask2-multiselect'))).toEqual(sizes);
  });

  it('which question of several the picker shows', () => {
    expect(shownQuestionIndex([colour, sizes], promptOf(version, 'ask2-first-question').detail)).toBe(0);
    expect(shownQuestionIndex([colour, sizes], promptOf(version, 'ask2-multiselect').detail)).toBe(1);
  });

  it.runIf(has(version, 'ask-free-text-typed'))('typed free text shows in its row, which is then no placeholder', () => {
    expect(readPicker(promptOf(version, 'ask-free-text-focused'))?.freeText).toEqual({ index: 2, label: 'Type something.', checked: undefined, selected: true, typed: false });
    expect(readPicker(promptOf(version, 'ask-free-text-typed'))?.freeText).toEqual({ index: 2, label: 'big green', checked: undefined, selected: true, typed: true });
    // A typed row no longer says what it is, so the screen alone cannot tell the question's options.
    expect(questionFromScreen(promptOf(version, 'ask-free-text-typed'))).toBeUndefined();
  });

  it.runIf(has(version, 'ask2-own-answer-ticked'))('ticked boxes, typed own answer and the focused Submit row', () => {
    const ticked = readPicker(promptOf(version, 'ask2-multiselect-ticked'))!;
    expect(ticked.options.map((row) => [row.label, row.checked, row.selected])).toEqual([['Small', true, false], ['Large', false, true]]);
    const own = readPicker(promptOf(version, 'ask2-own-answer-ticked'))!;
    expect(own.freeText).toEqual({ index: 2, label: 'tiny', checked: true, selected: true, typed: true });
    expect(readPicker(promptOf(version, 'ask2-submit-focused'))!.submit).toEqual({ index: 3, label: 'Submit', checked: undefined, selected: true });
  });

  it.runIf(has(version, 'ask2-review-unanswered'))('a review with questions unanswered says so', () => {
    const prompt = promptOf(version, 'ask2-review-unanswered');
    expect(isQuestionReview(prompt)).toBe(true);
    expect(readQuestionReview(screen(version, 'ask2-review-unanswered'))).toEqual({ answers: [], unanswered: true });
  });
});

describe('picker rules', () => {
  it('strips multi-select boxes', () => {
    expect(stripCheckbox('[ ] Small')).toEqual({ label: 'Small', checked: false });
    expect(stripCheckbox('[✔] Small')).toEqual({ label: 'Small', checked: true });
    expect(stripCheckbox('Small')).toEqual({ label: 'Small' });
  });

  it('a long question cut on screen still names its question, unless two fit', () => {
    const long: Question = { question: 'Which of the following deployment targets should receive the new build first?', multiSelect: false, options: [] };
    expect(shownQuestionIndex([colour, long], 'Which of the following deployment targets…')).toBe(1);
    const twin: Question = { ...long, question: 'Which of the following deployment targets should be skipped?' };
    expect(shownQuestionIndex([long, twin], 'Which of the following deployment targets…')).toBeUndefined();
    expect(shownQuestionIndex([colour], 'Which')).toBeUndefined();
  });

  it('a review whose lines wrap', () => {
    const text = ['Review your answers', ' ● Which of the following deployment targets should', '   receive the new build first?', '   → Staging, then', '     production', '❯ 1. Submit answers', '  2. Cancel'].join('\n');
    expect(readQuestionReview(text)).toEqual({
      answers: [{ question: 'Which of the following deployment targets should receive the new build first?', answer: 'Staging, then production' }],
      unanswered: false,
    });
  });
});
