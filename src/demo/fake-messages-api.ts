import { setTimeout as delay } from 'node:timers/promises';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  chooseReply, lastMessageHasToolResult, lastUserText,
  type MessagesRequestBody, type Reply, type ScenarioName,
} from './fake-api-scenarios.js';
import { messageJson, writeMessageStream } from './sse.js';

export type { MessagesRequestBody, Reply, ScenarioName } from './fake-api-scenarios.js';

export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  model?: string;
  stream?: boolean;
  /** True for main-turn requests; the title request has no `tools`. */
  hasTools: boolean;
  lastUserText?: string;
  hasToolResult: boolean;
  scenario?: ScenarioName;
  status: number;
  /** Endpoints this fake does not implement (answered with a harmless 404). */
  unknown: boolean;
  receivedAt: number;
  body?: unknown;
}

/** `script` follows the prompt grammar; the others fail every /v1/messages request. */
export type FakeApiMode = 'script' | 'error500' | 'error401' | 'error529';

export interface FakeMessagesApi {
  url: string;
  port: number;
  requests: RecordedRequest[];
  setMode(mode: FakeApiMode): void;
  close(): Promise<void>;
}

const FORCED: Record<Exclude<FakeApiMode, 'script'>, Reply> = {
  error500: { kind: 'error', scenario: 'error', status: 500, errorType: 'api_error', message: 'Internal server error' },
  error401: { kind: 'error', scenario: 'error', status: 401, errorType: 'authentication_error', message: 'invalid x-api-key' },
  error529: { kind: 'error', scenario: 'error', status: 529, errorType: 'overloaded_error', message: 'Overloaded' },
};

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(raw: string): unknown {
  try {
    return raw.length > 0 ? JSON.parse(raw) : undefined;
  } catch {
    return undefined;
  }
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_fake_${Date.now()}` });
  res.end(JSON.stringify(body));
}

export interface FakeMessagesApiOptions {
  port?: number;
  host?: '127.0.0.1';
  /** Replaces the prompt grammar: OpenClaw's own model in the agent-turn tests is scripted this way. */
  reply?: (body: MessagesRequestBody, toolId: () => string) => Reply;
}

/** A scripted Anthropic Messages API for the real Claude Code binary (see fake-api-scenarios.ts). */
export async function startFakeMessagesApi(options: FakeMessagesApiOptions = {}): Promise<FakeMessagesApi> {
  const host = options.host ?? '127.0.0.1';
  const requests: RecordedRequest[] = [];
  let mode: FakeApiMode = 'script';
  let toolCounter = 0;
  // A per-server tag: Claude Code drops a tool_use whose id repeats one already in the conversation
  // (e.g. a session that outlives a restarted fake API), leaving "[Tool use interrupted]".
  const tag = randomBytes(4).toString('hex');
  const toolId = (): string => `toolu_fake_${tag}_${String(++toolCounter).padStart(4, '0')}`;

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const method = req.method ?? 'GET';
    const body = parseJson(await readBody(req));
    const record: RecordedRequest = {
      method, path, hasTools: false, hasToolResult: false, status: 200, unknown: false, receivedAt: Date.now(), body,
    };
    requests.push(record);

    // Claude Code probes the base URL with `HEAD /` at startup.
    if ((method === 'HEAD' || method === 'GET') && path === '/') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(method === 'GET' ? 'fake Anthropic Messages API\n' : undefined);
      return;
    }
    if (method === 'POST' && path === '/v1/messages/count_tokens') {
      sendJson(res, 200, { input_tokens: Math.ceil(JSON.stringify(body ?? '').length / 4) });
      return;
    }
    if (method === 'POST' && path === '/v1/messages') {
      const request = (body ?? {}) as MessagesRequestBody;
      const model = typeof request.model === 'string' ? request.model : 'claude-fake';
      Object.assign(record, {
        model,
        stream: request.stream === true,
        hasTools: Array.isArray(request.tools) && request.tools.length > 0,
        lastUserText: lastUserText(request),
        hasToolResult: lastMessageHasToolResult(request),
      });
      const reply = mode === 'script' ? (options.reply ?? chooseReply)(request, toolId) : FORCED[mode];
      record.scenario = reply.scenario;
      if (reply.kind === 'message' && (reply.firstByteDelayMs ?? 0) > 0) {
        await delay(reply.firstByteDelayMs);
        if (res.destroyed || req.socket.destroyed) return; // the client gave up waiting (Esc)
      }
      if (reply.kind === 'error') {
        record.status = reply.status;
        sendJson(res, reply.status, { type: 'error', error: { type: reply.errorType, message: reply.message } });
      } else if (request.stream === true) {
        await writeMessageStream(res, reply.plan, model);
      } else {
        sendJson(res, 200, messageJson(reply.plan, model));
      }
      return;
    }
    record.unknown = true;
    record.status = 404;
    sendJson(res, 404, { type: 'error', error: { type: 'not_found_error', message: `fake API: no ${method} ${path}` } });
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { type: 'error', error: { type: 'api_error', message: String(error) } });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://${host}:${port}`,
    port,
    requests,
    setMode: (next) => {
      mode = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets and slow streams would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}
