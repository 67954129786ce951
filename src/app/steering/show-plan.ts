import type { Wingman } from '../create-wingman.js';
import type { Monitor } from '../monitor.js';
import { WingmanError } from '../../core/errors.js';

// TODO(issue 11/13): a placeholder so the engine compiles; replaced by the real implementation.
export async function showPlan(_request: { wingman: Wingman; monitor: Monitor | undefined; session: string }): Promise<string[]> {
  throw new WingmanError('invalid_input', 'Not built yet.');
}
