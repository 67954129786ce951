import { z } from 'zod';

/** The tool Claude Code asks the user questions with. */
export const ASK_USER_QUESTION = 'AskUserQuestion';

/** One question of an AskUserQuestion call, as wingman reads it. */
export interface Question {
  question: string;
  /** The short tab title (`Colour`), when Claude gave one. */
  header?: string | undefined;
  options: QuestionOption[];
  /** Several options may be chosen (the dialog draws `[ ]` boxes and a Submit row). */
  multiSelect: boolean;
}

export interface QuestionOption {
  label: string;
  description?: string | undefined;
}

/**
 * AskUserQuestion's `tool_input` (`{questions: [{question, header, options: [{label,
 * description}], multiSelect}]}`, test/fixtures/claude-code/VERSION/hook-payloads.json). Loose:
 * fields wingman does not read (annotations, metadata) pass through untouched in `updatedInput`.
 */
const optionSchema = z.looseObject({
  label: z.string().trim().min(1).max(1000),
  description: z.string().max(4000).optional(),
});
const questionSchema = z.looseObject({
  question: z.string().trim().min(1).max(4000),
  header: z.string().max(200).optional(),
  options: z.array(optionSchema).max(20),
  multiSelect: z.boolean().optional(),
});
export const askUserQuestionInputSchema = z.looseObject({ questions: z.array(questionSchema).min(1).max(10) });

/** The questions of an AskUserQuestion input; undefined when it is not one wingman can answer. */
export function parseQuestions(input: unknown): Question[] | undefined {
  const parsed = askUserQuestionInputSchema.safeParse(input);
  if (!parsed.success) return undefined;
  return parsed.data.questions.map((item) => ({
    question: item.question,
    header: item.header?.trim() || undefined,
    options: item.options.map((option) => ({ label: option.label, description: option.description?.trim() || undefined })),
    multiSelect: item.multiSelect === true,
  }));
}
