import { z } from 'zod';
import { WingmanError } from './errors.js';
import { isValidSessionName } from './session-name.js';
import { formatZodIssues } from './zod-errors.js';

/**
 * Requests from wingman's own front doors (the CLI) to a running monitor, over the same unix
 * socket as the hooks. The socket is 0600 in a 0700 directory, so only the user can send them.
 */
export const controlRequestSchema = z.strictObject({
  type: z.literal('control'),
  /** `answer`: approve/always/deny (deny may carry a `reason`); `question`: `choices` for a question; `plan`: the pending plan's text. */
  action: z.enum(['answer', 'pending', 'question', 'plan']),
  session: z.string().refine(isValidSessionName, { message: 'not a valid session name' }).optional(),
  id: z.string().regex(/^[a-z0-9]{1,12}$/i).optional(),
  decision: z.enum(['approve', 'always', 'deny']).optional(),
  /** A deny's reason, sent to Claude as what to do instead. */
  reason: z.string().min(1).max(2000).optional(),
  /** A question's answer as the user typed it: `2`, `Blue`, `1 3`, `other: free text`. */
  choices: z.string().min(1).max(2000).optional(),
  by: z.string().min(1).max(200),
});
export type ControlRequest = z.output<typeof controlRequestSchema>;

export const controlReplySchema = z.strictObject({
  type: z.literal('control-result'),
  ok: z.boolean(),
  text: z.string(),
  data: z.unknown().optional(),
});
export type ControlReply = z.output<typeof controlReplySchema>;

export function parseControlRequest(json: unknown): ControlRequest {
  const result = controlRequestSchema.safeParse(json);
  if (!result.success) throw new WingmanError('invalid_input', `Invalid control request: ${formatZodIssues(result.error)}`);
  return result.data;
}
