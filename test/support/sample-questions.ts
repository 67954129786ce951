import type { Question } from '../../src/core/questions/question.js';

/** The fake API's ASK question (src/demo/fake-api-scenarios.ts), as the hook reports it. */
export const colour: Question = {
  question: 'Which colour should the button be?',
  header: 'Colour',
  multiSelect: false,
  options: [{ label: 'Red', description: 'A red button' }, { label: 'Blue', description: 'A blue button' }],
};

/** ASK2's second question: a multi-select. */
export const sizes: Question = {
  question: 'Which sizes do you need?',
  header: 'Size',
  multiSelect: true,
  options: [{ label: 'Small', description: 'A small button' }, { label: 'Large', description: 'A large button' }],
};
