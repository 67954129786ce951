import { setTimeout as delay } from 'node:timers/promises';
import type { ServerResponse } from 'node:http';

/** One content block of a scripted assistant message. */
export type PlannedBlock =
  | { type: 'text'; text: string }
  | { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> };

/** A scripted assistant message and how fast to stream it. */
export interface MessagePlan {
  blocks: PlannedBlock[];
  stopReason: 'end_turn' | 'tool_use';
  /** Pause between text deltas; 0 streams everything at once. */
  chunkDelayMs?: number;
  /** Characters per text delta. */
  chunkSize?: number;
}

let messageCounter = 0;

export function nextMessageId(): string {
  messageCounter += 1;
  return `msg_fake_${String(messageCounter).padStart(6, '0')}`;
}

function usage(outputTokens: number): Record<string, number> {
  return { input_tokens: 42, output_tokens: outputTokens, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };
}

function approxTokens(plan: MessagePlan): number {
  const chars = plan.blocks.reduce((n, b) => n + (b.type === 'text' ? b.text.length : JSON.stringify(b.input).length), 0);
  return Math.max(1, Math.ceil(chars / 4));
}

/** The same message as a non-streaming JSON body (for requests without `stream: true`). */
export function messageJson(plan: MessagePlan, model: string): Record<string, unknown> {
  return {
    id: nextMessageId(),
    type: 'message',
    role: 'assistant',
    model,
    content: plan.blocks.map((b) => ({ ...b })),
    stop_reason: plan.stopReason,
    stop_sequence: null,
    usage: usage(approxTokens(plan)),
  };
}

function chunks(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out.length > 0 ? out : [''];
}

const sleep = (ms: number): Promise<void> => delay(ms);

/**
 * Streams a message with the same event sequence the real Messages API uses, so the
 * Anthropic SDK inside Claude Code assembles it exactly as it would a real answer.
 */
export async function writeMessageStream(res: ServerResponse, plan: MessagePlan, model: string): Promise<void> {
  const send = (event: string, data: Record<string, unknown>): void => {
    if (!res.destroyed) res.write(`event: ${event}\ndata: ${JSON.stringify({ type: event, ...data })}\n\n`);
  };
  const delay = plan.chunkDelayMs ?? 0;
  const size = plan.chunkSize ?? 24;

  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'request-id': `req_fake_${Date.now()}`,
  });
  send('message_start', {
    message: {
      id: nextMessageId(), type: 'message', role: 'assistant', model, content: [],
      stop_reason: null, stop_sequence: null, usage: usage(1),
    },
  });
  send('ping', {});

  for (const [index, block] of plan.blocks.entries()) {
    if (block.type === 'text') {
      send('content_block_start', { index, content_block: { type: 'text', text: '' } });
      for (const piece of chunks(block.text, size)) {
        if (delay > 0) await sleep(delay);
        if (res.destroyed) return; // client gave up (Esc interrupt or server closing)
        send('content_block_delta', { index, delta: { type: 'text_delta', text: piece } });
      }
    } else {
      send('content_block_start', { index, content_block: { type: 'tool_use', id: block.id, name: block.name, input: {} } });
      // Real servers split the JSON arbitrarily; two pieces exercise the client's reassembly.
      const json = JSON.stringify(block.input);
      const cut = Math.floor(json.length / 2);
      send('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: json.slice(0, cut) } });
      send('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: json.slice(cut) } });
    }
    send('content_block_stop', { index });
  }

  send('message_delta', { delta: { stop_reason: plan.stopReason, stop_sequence: null }, usage: { output_tokens: approxTokens(plan) } });
  send('message_stop', {});
  res.end();
}
