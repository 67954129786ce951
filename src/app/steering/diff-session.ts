import type { Wingman } from '../create-wingman.js';
import { WingmanError } from '../../core/errors.js';

// TODO(issue 11/13): a placeholder so the engine compiles; replaced by the real implementation.
export async function diffSession(_request: { wingman: Wingman; session: string }): Promise<string> {
  throw new WingmanError('invalid_input', 'Not built yet.');
}
