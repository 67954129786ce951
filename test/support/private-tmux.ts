import { randomBytes } from 'node:crypto';
import { TmuxClient } from '../../src/adapters/tmux/tmux-client.js';

/** A tmux server on its own socket, so tests never see or touch a user's sessions. */
export function createPrivateTmux(): TmuxClient & { socket: string } {
  const socket = `wingman-test-${process.pid}-${randomBytes(3).toString('hex')}`;
  return new TmuxClient({ socket }) as TmuxClient & { socket: string };
}
