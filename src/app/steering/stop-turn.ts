import type { Wingman } from '../create-wingman.js';
import type { EngineReply } from '../chat-engine.js';
import { WingmanError } from '../../core/errors.js';

// TODO(issue 11/13): a placeholder so the engine compiles; replaced by the real implementation.
export async function stopTurn(_request: { wingman: Wingman; session: string; by: string }): Promise<EngineReply> {
  throw new WingmanError('invalid_input', 'Not built yet.');
}
