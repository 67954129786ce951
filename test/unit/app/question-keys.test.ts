import { describe, expect, it } from 'vitest';
import { colour, sizes } from '../../support/sample-questions.js';
import { answerQuestionByKeys, reviewProblem } from '../../../src/app/question-keys.js';
import { detectClaudeScreen } from '../../../src/agents/claude-code/screen/claude-screen.js';
import type { Question } from '../../../src/core/questions/question.js';
import type { QuestionAnswer } from '../../../src/core/questions/match-choices.js';
import { FakePicker } from './fake-picker.js';


async function answer(picker: FakePicker, answers: QuestionAnswer[], from = 0, extra: { questions?: Question[]; complete?: boolean } = {}) {
  return answerQuestionByKeys({
    tmux: picker.tmux(),
    tmuxSession: 'ask',
    label: 'ask',
    detect: detectClaudeScreen,
    questions: extra.questions ?? [...picker.questions],
    complete: extra.complete,
    from,
    answers,
    sleep: async () => {},
  });
}

describe('the fake picker reads like the real one', () => {
  it('question tabs and the review are waiting_answer prompts', () => {
    const picker = new FakePicker([colour, sizes]);
    expect(detectClaudeScreen(picker.screen())).toMatchObject({ state: 'waiting_answer', prompt: { detail: colour.question } });
    picker.keys(['Enter']);
    expect(detectClaudeScreen(picker.screen()).prompt?.options.map((option) => option.label)).toEqual(['[ ] Small', '[ ] Large', '[ ] Type something', 'Submit', 'Chat about this']);
    picker.keys(['Down', 'Down', 'Down', 'Enter']);
    expect(detectClaudeScreen(picker.screen()).prompt?.options.map((option) => option.label)).toEqual(['Submit answers', 'Cancel']);
  });
});

describe('answerQuestionByKeys', () => {
  it('a single choice: moves onto the option, sees it there, presses Enter once', async () => {
    const picker = new FakePicker([colour]);
    expect(await answer(picker, [{ labels: ['Blue'] }])).toEqual({ submitted: true });
    expect(picker.closed).toBe('submitted');
    expect(picker.chosen).toEqual(['Blue']);
    expect(picker.sent.filter((key) => key === 'Enter')).toHaveLength(1);
  });

  it('the option under the cursor already: moved away and back before Enter (proof the picker reads keys)', async () => {
    const picker = new FakePicker([colour]);
    await answer(picker, [{ labels: ['Red'] }]);
    expect(picker.sent).toEqual(['Down', 'Up', 'Enter']);
    expect(picker.chosen).toEqual(['Red']);
  });

  it('keys dropped while the picker is new are sent again; Enter only once it obeyed', async () => {
    const picker = new FakePicker([colour]);
    picker.dropFirst = 2;
    await answer(picker, [{ labels: ['Blue'] }]);
    expect(picker.chosen).toEqual(['Blue']);
    expect(picker.sent.filter((key) => key === 'Enter')).toHaveLength(1);
  });

  it('free text: the cursor on the "Type something" row, the text typed and seen there, then Enter', async () => {
    const picker = new FakePicker([colour]);
    expect(await answer(picker, [{ labels: [], other: 'big   green' }])).toEqual({ submitted: true });
    expect(picker.chosen).toEqual(['big green']);
    expect(picker.sent).toEqual(['Down', 'Down', 'text:big green', 'Enter']);
  });

  it('two questions, the second multi-select with free text: boxes ticked, text typed, Submit, the review checked and submitted', async () => {
    const picker = new FakePicker([colour, sizes]);
    expect(await answer(picker, [{ labels: ['Blue'] }, { labels: ['Small', 'Large'], other: 'tiny' }])).toEqual({ submitted: true });
    expect(picker.closed).toBe('submitted');
    expect(picker.chosen).toEqual(['Blue', 'Small, Large, tiny']);
    expect(picker.sent.filter((key) => key === 'Space')).toHaveLength(2);
  });

  it('only the first of two questions: entered, the picker left on the second', async () => {
    const picker = new FakePicker([colour, sizes]);
    expect(await answer(picker, [{ labels: ['Red'] }])).toEqual({ submitted: false });
    expect(picker.tab).toBe(1);
    expect(picker.closed).toBeUndefined();
    // The second, later, from the tab the picker shows.
    expect(await answer(picker, [{ labels: ['Large'] }], 1)).toEqual({ submitted: true });
    expect(picker.chosen).toEqual(['Red', 'Large']);
  });

  it('the picker shows another question than the one to answer: nothing is pressed', async () => {
    const picker = new FakePicker([colour, sizes]);
    await expect(answer(picker, [{ labels: ['Small'] }], 1)).rejects.toThrow("Session 'ask' no longer shows the question \"Which sizes do you need?\"; nothing was pressed.");
    expect(picker.sent).toEqual([]);
  });

  it('other options on screen than the question asked: nothing is pressed', async () => {
    const picker = new FakePicker([{ ...colour, options: [{ label: 'Green' }, { label: 'Blue' }] }]);
    await expect(answer(picker, [{ labels: ['Blue'] }], 0, { questions: [colour] })).rejects.toThrow('the dialog shows other options than the question asked (Green, Blue); nothing was pressed.');
    expect(picker.sent).toEqual([]);
  });

  it('a box that does not change stops before Submit', async () => {
    const picker = new FakePicker([sizes]);
    picker.ignoreSpace = true;
    await expect(answer(picker, [{ labels: ['Large'] }])).rejects.toThrow('the box of "Large" did not change; nothing was confirmed.');
    expect(picker.sent).not.toContain('Enter');
  });

  it('multi-select with every box already as wanted: still moved away and back before Enter on Submit', async () => {
    const picker = new FakePicker([sizes]);
    picker.checked[0]!.add(0);
    picker.cursor = 3;
    expect(await answer(picker, [{ labels: ['Small'] }])).toEqual({ submitted: true });
    expect(picker.sent).toEqual(['Down', 'Up', 'Enter']);
    expect(picker.chosen).toEqual(['Small']);
  });

  it('a review that does not show what was chosen is not submitted', async () => {
    const picker = new FakePicker([colour, sizes]);
    picker.reviewLie = 'Red';
    await expect(answer(picker, [{ labels: ['Blue'] }, { labels: ['Small'] }])).rejects.toThrow('the review shows "Red" for "Which colour should the button be?", not "Blue"; nothing was submitted.');
    expect(picker.closed).toBeUndefined();
  });

  it('only the current tab known (read off the screen): another question after it is no error', async () => {
    const picker = new FakePicker([colour, sizes]);
    expect(await answer(picker, [{ labels: ['Blue'] }], 0, { questions: [colour], complete: false })).toEqual({ submitted: false });
    expect(picker.tab).toBe(1);
  });

  it('a multi-select row already holding text the user did not give is refused before Submit', async () => {
    const picker = new FakePicker([sizes]);
    picker.typed[0] = 'leftover';
    await expect(answer(picker, [{ labels: ['Small'] }])).rejects.toThrow('own-answer row already holds "leftover"');
    expect(picker.closed).toBeUndefined();
  });
});

describe('reviewProblem', () => {
  const request = { questions: [colour, sizes], from: 0, answers: [{ labels: ['Red'] }, { labels: ['Small'] }] };
  it('accepts a review listing each answer', () => {
    expect(reviewProblem({ answers: [{ question: colour.question, answer: 'Red' }, { question: sizes.question, answer: 'Small' }], unanswered: false }, request)).toBeUndefined();
  });
  it('refuses one with unanswered questions, a missing question or another answer', () => {
    expect(reviewProblem(undefined, request)).toBe('the review of the answers is not readable');
    expect(reviewProblem({ answers: [], unanswered: true }, request)).toBe('the review says some questions are unanswered');
    expect(reviewProblem({ answers: [{ question: colour.question, answer: 'Red' }], unanswered: false }, request)).toBe('the review does not list "Which sizes do you need?"');
  });
});
