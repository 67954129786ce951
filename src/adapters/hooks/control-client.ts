import net from 'node:net';
import { controlReplySchema, type ControlReply, type ControlRequest } from '../../core/control-protocol.js';
import { WingmanError } from '../../core/errors.js';

const NO_MONITOR = new Set(['ENOENT', 'ECONNREFUSED']);

/** Sends one request to a running monitor; `undefined` when no monitor listens. */
export function sendControl(socketPath: string, request: ControlRequest, timeoutMs = 30_000): Promise<ControlReply | undefined> {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection(socketPath);
    let data = '';
    socket.setEncoding('utf8');
    socket.setTimeout(timeoutMs, () => {
      socket.destroy();
      reject(new WingmanError('timeout', 'The wingman monitor did not answer in time.'));
    });
    socket.on('connect', () => socket.write(`${JSON.stringify(request)}\n`));
    socket.on('data', (chunk: string) => (data += chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (NO_MONITOR.has(error.code ?? '')) resolve(undefined);
      else reject(new WingmanError('store_failed', `Cannot reach the wingman monitor: ${error.message}`, { cause: error }));
    });
    socket.on('close', () => {
      if (!data) return resolve(undefined);
      try {
        resolve(controlReplySchema.parse(JSON.parse(data.split('\n')[0] ?? '')));
      } catch (error) {
        reject(new WingmanError('invalid_input', 'The wingman monitor sent an unreadable reply.', { cause: error }));
      }
    });
  });
}
