import { describe, expect, it } from 'vitest';
import { colour } from '../../../support/sample-questions.js';
import { matchChoices, type ChoiceMatch } from '../../../../src/core/questions/match-choices.js';
import { parseQuestions, type Question } from '../../../../src/core/questions/question.js';

const sizes: Question = {
  question: 'Which sizes do you need?',
  header: 'Size',
  multiSelect: true,
  options: [{ label: 'Small' }, { label: 'Large' }],
};
const theme: Question = { question: 'Which theme?', multiSelect: false, options: [{ label: 'Dark mode' }, { label: 'Light mode' }] };
const extras: Question = { question: 'Extras?', multiSelect: true, options: [{ label: 'Icons' }, { label: 'Sounds' }, { label: 'Big text' }] };

const ok = (result: ChoiceMatch) => {
  if (!result.ok) throw new Error(result.message);
  return result.answers;
};
const error = (result: ChoiceMatch) => {
  if (result.ok) throw new Error(`matched: ${JSON.stringify(result.answers)}`);
  return result.message;
};

describe('matchChoices, one single-choice question', () => {
  it.each([
    ['2', 'Blue'],
    ['1', 'Red'],
    ['blue', 'Blue'],
    ['BLUE', 'Blue'],
    ['  Red  ', 'Red'],
    ['"Blue"', 'Blue'],
    ['Blue.', 'Blue'],
  ])('%j chooses %s', (text, label) => {
    expect(ok(matchChoices([colour], text))).toEqual([{ labels: [label] }]);
  });

  it('other: takes the rest as the user\'s own answer, spacing tidied', () => {
    expect(ok(matchChoices([colour], 'other: a   green one'))).toEqual([{ labels: [], other: 'a green one' }]);
    expect(ok(matchChoices([colour], 'OTHER:teal'))).toEqual([{ labels: [], other: 'teal' }]);
    expect(ok(matchChoices([colour], 'other: red; no, blue'))).toEqual([{ labels: [], other: 'red; no, blue' }]);
  });

  it('labels with spaces need nothing special when one question is left', () => {
    expect(ok(matchChoices([theme], 'light MODE'))).toEqual([{ labels: ['Light mode'] }]);
  });

  it.each([
    ['3', '3 is the row for your own answer: reply other: your text. Choose: 1 Red, 2 Blue, or other: your text.'],
    ['7', 'There is no option 7. Choose: 1 Red, 2 Blue, or other: your text.'],
    ['0', 'There is no option 0. Choose: 1 Red, 2 Blue, or other: your text.'],
    ['Purple', '"Purple" is not an option. Choose: 1 Red, 2 Blue, or other: your text.'],
    ['1 2', '"1 2" is not an option. Choose: 1 Red, 2 Blue, or other: your text.'],
    ['other:', '"other:" needs your own answer after it, e.g. other: something else.'],
    ['   ', 'No answer given. Choose: 1 Red, 2 Blue, or other: your text.'],
  ])('%j is refused: %s', (text, message) => {
    expect(error(matchChoices([colour], text))).toBe(message);
  });

  it('a very long wrong answer is shortened in the reply', () => {
    const message = error(matchChoices([colour], 'x'.repeat(500)));
    expect(message.length).toBeLessThan(120);
    expect(message).toContain('…');
  });
});

describe('matchChoices, one multi-select question', () => {
  it.each([
    ['1,2', ['Small', 'Large']],
    ['2, 1', ['Small', 'Large']],
    ['1 2', ['Small', 'Large']],
    ['large', ['Large']],
    ['Small, Large', ['Small', 'Large']],
    ['2,2', ['Large']],
  ])('%j chooses %j, in the question\'s order', (text, labels) => {
    expect(ok(matchChoices([sizes], text))).toEqual([{ labels }]);
  });

  it('free text joins the chosen options or stands alone', () => {
    expect(ok(matchChoices([sizes], '1 other: tiny'))).toEqual([{ labels: ['Small'], other: 'tiny' }]);
    expect(ok(matchChoices([sizes], '1, 2, other: a tiny one'))).toEqual([{ labels: ['Small', 'Large'], other: 'a tiny one' }]);
    expect(ok(matchChoices([sizes], 'other: medium'))).toEqual([{ labels: [], other: 'medium' }]);
  });

  it('labels with spaces among several choices', () => {
    expect(ok(matchChoices([extras], 'big text, icons'))).toEqual([{ labels: ['Icons', 'Big text'] }]);
  });

  it.each([
    ['1,9', 'There is no option 9. Choose (one or more, e.g. 1,2): 1 Small, 2 Large, or other: your text.'],
    ['1 medium', '"1 medium" is not an option. Choose (one or more, e.g. 1,2): 1 Small, 2 Large, or other: your text.'],
    [',', 'No option chosen. Choose (one or more, e.g. 1,2): 1 Small, 2 Large, or other: your text.'],
    ['1 other:', '"other:" needs your own answer after it, e.g. other: something else.'],
  ])('%j is refused: %s', (text, message) => {
    expect(error(matchChoices([sizes], text))).toBe(message);
  });
});

describe('matchChoices, several questions', () => {
  it('one word per question, in order', () => {
    expect(ok(matchChoices([colour, theme], '2 1'))).toEqual([{ labels: ['Blue'] }, { labels: ['Dark mode'] }]);
  });

  it('more words than questions are the choices of the one multi-select question', () => {
    expect(ok(matchChoices([colour, sizes], '2 1 2'))).toEqual([{ labels: ['Blue'] }, { labels: ['Small', 'Large'] }]);
    expect(ok(matchChoices([sizes, colour], '1 2 red'))).toEqual([{ labels: ['Small', 'Large'] }, { labels: ['Red'] }]);
    expect(ok(matchChoices([colour, sizes], 'red small large'))).toEqual([{ labels: ['Red'] }, { labels: ['Small', 'Large'] }]);
  });

  it('commas group a multi-select answer', () => {
    expect(ok(matchChoices([colour, sizes], '1 1,2'))).toEqual([{ labels: ['Red'] }, { labels: ['Small', 'Large'] }]);
  });

  it('";" separates answers, so labels with spaces work too', () => {
    expect(ok(matchChoices([theme, colour], 'light mode; blue'))).toEqual([{ labels: ['Light mode'] }, { labels: ['Blue'] }]);
    expect(ok(matchChoices([colour, sizes], '2; 1,2 other: tiny'))).toEqual([{ labels: ['Blue'] }, { labels: ['Small', 'Large'], other: 'tiny' }]);
    expect(ok(matchChoices([colour, sizes], '1\n2'))).toEqual([{ labels: ['Red'] }, { labels: ['Large'] }]);
  });

  it('other: takes the rest of the text', () => {
    expect(ok(matchChoices([colour, theme], '1 other: solarized dark'))).toEqual([{ labels: ['Red'] }, { labels: [], other: 'solarized dark' }]);
    expect(ok(matchChoices([colour, sizes], '2 1 other: tiny'))).toEqual([{ labels: ['Blue'] }, { labels: ['Small'], other: 'tiny' }]);
  });

  it('fewer answers answer the first questions left; `from` skips those answered', () => {
    expect(ok(matchChoices([colour, sizes], 'red'))).toEqual([{ labels: ['Red'] }]);
    expect(ok(matchChoices([colour, sizes], '1 2', 1))).toEqual([{ labels: ['Small', 'Large'] }]);
    expect(ok(matchChoices([colour, sizes, theme], '2', 1))).toEqual([{ labels: ['Large'] }]);
  });

  it.each([
    [[colour, theme], '1 2 1', '2 questions are left to answer, but 3 answers were given; separate answers with ";".'],
    [[colour, theme], '1; 2; 1', '2 questions are left to answer, but 3 answers were given; separate answers with ";".'],
    [[sizes, extras], '1 2 1', '2 questions are left to answer, but 3 answers were given; separate answers with ";".'],
    [[colour, theme], 'dark mode', 'Question 1: "dark" is not an option. Choose for question 1 ("Which colour should the button be?"): 1 Red, 2 Blue, or other: your text.'],
    [[colour, theme], '1 dark mode', '2 questions are left to answer, but 3 answers were given; separate answers with ";".'],
    [[colour, sizes], 'Purple 1', 'Question 1: "Purple" is not an option. Choose for question 1 ("Which colour should the button be?"): 1 Red, 2 Blue, or other: your text.'],
  ])('%#: %j is refused', (questions, text, message) => {
    expect(error(matchChoices(questions as Question[], text as string))).toBe(message);
  });

  it('nothing is left to answer', () => {
    expect(error(matchChoices([colour], '1', 1))).toBe('Every question is already answered.');
  });
});

describe('parseQuestions', () => {
  it('reads AskUserQuestion input as Claude Code sends it', () => {
    const input = { questions: [{ question: 'Which colour should the button be?', header: 'Colour', options: [{ label: 'Red', description: 'A red button' }, { label: 'Blue', description: 'A blue button' }], multiSelect: false }] };
    expect(parseQuestions(input)).toEqual([{ ...colour }]);
  });

  it('defaults multiSelect to false and drops empty headers and descriptions', () => {
    expect(parseQuestions({ questions: [{ question: 'Q?', header: ' ', options: [{ label: 'A', description: '' }] }] })).toEqual([
      { question: 'Q?', header: undefined, multiSelect: false, options: [{ label: 'A', description: undefined }] },
    ]);
  });

  it.each([
    [undefined],
    [{}],
    [{ questions: [] }],
    [{ questions: [{ question: '', options: [] }] }],
    [{ questions: [{ question: 'Q?', options: [{ label: '' }] }] }],
    [{ questions: 'Q?' }],
  ])('refuses %j', (input) => {
    expect(parseQuestions(input)).toBeUndefined();
  });
});
