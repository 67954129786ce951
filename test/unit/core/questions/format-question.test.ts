import { describe, expect, it } from 'vitest';
import { colour, sizes } from '../../../support/sample-questions.js';
import { describeAnswers, formatQuestionAnswered, formatQuestionNotice, formatQuestionProgress, formatQuestionReminder } from '../../../../src/core/questions/format-question.js';
import { answersRecord, answerText, updatedInputFor } from '../../../../src/core/questions/question-answers.js';
import type { Question } from '../../../../src/core/questions/question.js';


describe('formatQuestionNotice', () => {
  it('one question: the id, the question, numbered options with descriptions, the reply forms', () => {
    expect(formatQuestionNotice({ session: 'app', id: 'k3m9', questions: [colour] })).toBe([
      "❓ Session 'app' asks [k3m9]",
      'Which colour should the button be?',
      '1. Red – A red button',
      '2. Blue – A blue button',
      'Reply: answer app 1 · answer app Red · answer app other: your text',
    ].join('\n'));
  });

  it('several questions: numbered with their headers, multi-select marked, one reply per question', () => {
    expect(formatQuestionNotice({ session: 'app', id: 'k3m9', questions: [colour, sizes] })).toBe([
      "❓ Session 'app' asks 2 questions [k3m9]",
      '1) Colour: Which colour should the button be?',
      '   1. Red – A red button',
      '   2. Blue – A blue button',
      '2) Size: Which sizes do you need? (choose one or more)',
      '   1. Small – A small button',
      '   2. Large – A large button',
      'Reply: answer app 1 1,2 (one answer per question, in order; ";" between answers with spaces; other: your text)',
    ].join('\n'));
  });

  it('a multi-select question alone suggests several choices; a label with spaces is not offered as a reply', () => {
    const text = formatQuestionNotice({ session: 'app', id: 'k3m9', questions: [sizes] });
    expect(text).toContain('Which sizes do you need? (choose one or more)');
    expect(text.split('\n').at(-1)).toBe('Reply: answer app 1,2 · answer app other: your text');
    const spaced = formatQuestionNotice({ session: 'app', id: 'k3m9', questions: [{ question: 'Theme?', multiSelect: false, options: [{ label: 'Dark mode' }, { label: 'Light' }] }] });
    expect(spaced.split('\n').at(-1)).toBe('Reply: answer app 1 · answer app other: your text');
  });

  it('questions already answered are left out', () => {
    const text = formatQuestionNotice({ session: 'app', id: 'k3m9', questions: [colour, sizes], from: 1 });
    expect(text.split('\n')[0]).toBe("❓ Session 'app' asks [k3m9]");
    expect(text).not.toContain('Which colour');
    expect(text).toContain('2) Size: Which sizes do you need?');
  });

  it('fits a phone at ~40 characters: short texts stay whole', () => {
    const short: Question = { question: 'Deploy to which environment right now?', multiSelect: false, options: [{ label: 'Staging', description: 'The staging cluster, safe' }, { label: 'Production', description: 'Live traffic, be careful' }] };
    const lines = formatQuestionNotice({ session: 'web', id: 'ab12', questions: [short] }).split('\n');
    expect(lines.slice(1, 4)).toEqual(['Deploy to which environment right now?', '1. Staging – The staging cluster, safe', '2. Production – Live traffic, be careful']);
  });

  it('fits a phone with long texts: questions, labels and descriptions are shortened', () => {
    const long: Question = {
      question: `Should I ${'really '.repeat(60)}do it?`,
      multiSelect: false,
      options: [{ label: 'L'.repeat(200), description: 'd'.repeat(500) }, { label: 'No', description: 'x '.repeat(300) }],
    };
    const lines = formatQuestionNotice({ session: 'web', id: 'ab12', questions: [long] }).split('\n');
    expect(lines[1]!.length).toBeLessThanOrEqual(200);
    expect(lines[1]!.endsWith('…')).toBe(true);
    for (const line of lines.slice(2, 4)) expect(line.length).toBeLessThanOrEqual(130);
    expect(lines[2]).toMatch(/^1\. L{59}… – d{59}…$/);
  });
});

describe('replies', () => {
  it('answered: each question by its header (or question) and the answer', () => {
    expect(formatQuestionAnswered('app', [colour, sizes], [{ labels: ['Blue'] }, { labels: ['Small', 'Large'], other: 'tiny' }])).toBe("✓ Session 'app' answered: Colour → Blue; Size → Small, Large, tiny");
    expect(describeAnswers([{ question: 'Proceed?', multiSelect: false, options: [{ label: 'Yes' }] }], [{ labels: ['Yes'] }])).toBe('"Proceed?" → Yes');
  });

  it('progress: what was answered and the questions still open, with the id', () => {
    expect(formatQuestionProgress({ session: 'app', id: 'k3m9', questions: [colour, sizes], from: 1, answered: [{ labels: ['Red'] }] })).toBe([
      "✓ Session 'app': 1 of 2 questions answered (Colour → Red). Still to answer [k3m9]:",
      '2) Size: Which sizes do you need? (choose one or more)',
      '   1. Small – A small button',
      '   2. Large – A large button',
      'Reply: answer app 1,2 · answer app other: your text',
    ].join('\n'));
  });

  it('a reminder repeats the notice with the time waited', () => {
    expect(formatQuestionReminder({ session: 'app', id: 'k3m9', questions: [colour] }, 5 * 60_000).split('\n')[0]).toBe("⏰ Still waiting (5 min): ❓ Session 'app' asks [k3m9]");
  });
});

describe('updatedInput', () => {
  it('keeps the tool input and adds answers keyed by question text, several joined by ", "', () => {
    const input = { questions: [{ question: colour.question }, { question: sizes.question }], metadata: { source: 'x' } };
    expect(updatedInputFor(input, [colour, sizes], [{ labels: ['Blue'] }, { labels: ['Small', 'Large'] }])).toEqual({
      ...input,
      answers: { 'Which colour should the button be?': 'Blue', 'Which sizes do you need?': 'Small, Large' },
    });
  });

  it('free text is the answer itself, after any chosen options', () => {
    expect(answerText({ labels: [], other: 'a green one' })).toBe('a green one');
    expect(answerText({ labels: ['Small'], other: 'tiny' })).toBe('Small, tiny');
    expect(answersRecord([colour], [{ labels: [], other: 'teal' }])).toEqual({ 'Which colour should the button be?': 'teal' });
  });
});
