import type { OpenClawConfig } from 'openclaw/plugin-sdk/plugin-entry';
import type { PluginApprovalGateway } from './openclaw-approvals.js';
import { OPENCLAW_TIMEOUT_MAX_MS } from '../core/approvals/openclaw-approval.js';

const CONNECT_TIMEOUT_MS = 20_000;
const CALL_TIMEOUT_MS = 30_000;

/**
 * A gateway client with the `operator.approvals` scope, made by OpenClaw's own
 * `createOperatorApprovalsGatewayClient` (openclaw/plugin-sdk/gateway-runtime): inside the gateway it
 * connects over loopback with the in-process approval runtime token, so no token is configured.
 * Imported lazily: only the gateway process has OpenClaw to import.
 */
export async function connectPluginApprovalGateway(config: OpenClawConfig, logger: { warn(message: string): void; debug?(message: string): void }): Promise<PluginApprovalGateway> {
  const runtime = await import('openclaw/plugin-sdk/gateway-runtime');
  let settle: { resolve(): void; reject(error: Error): void } | undefined;
  const ready = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  let connected = false;
  const client = await runtime.createOperatorApprovalsGatewayClient({
    config,
    clientDisplayName: 'claude-code-wingman',
    onHelloOk: () => {
      connected = true;
      settle?.resolve();
    },
    onConnectError: (error: Error) => settle?.reject(error),
    onClose: (code: number, reason: string) => {
      if (!connected) settle?.reject(new Error(`the gateway closed the approvals connection (${code}): ${reason}`));
      else logger.warn(`wingman: OpenClaw approvals connection closed (${code}): ${reason}`);
    },
  });
  const timer = setTimeout(() => settle?.reject(new Error(`no answer from the gateway within ${CONNECT_TIMEOUT_MS} ms`)), CONNECT_TIMEOUT_MS);
  try {
    await runtime.startGatewayClientWhenEventLoopReady(client, {});
    await ready;
  } catch (error) {
    client.stop();
    throw error;
  } finally {
    clearTimeout(timer);
  }
  // Each call and its answer at debug level: the shapes are OpenClaw's and may change.
  const trace = async <T>(method: string, params: unknown, run: Promise<T>): Promise<T> => {
    try {
      const result = await run;
      logger.debug?.(`wingman: ${method} ${JSON.stringify(params)} -> ${JSON.stringify(result)}`);
      return result;
    } catch (error) {
      logger.debug?.(`wingman: ${method} ${JSON.stringify(params)} failed: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
  };
  return {
    request: (params) => trace('plugin.approval.request', params, client.request('plugin.approval.request', params, { expectFinal: false, timeoutMs: CALL_TIMEOUT_MS })),
    // Held open until someone answers or the request expires (at most 10 minutes).
    waitDecision: (id) => trace('plugin.approval.waitDecision', { id }, client.request('plugin.approval.waitDecision', { id }, { timeoutMs: OPENCLAW_TIMEOUT_MAX_MS + CALL_TIMEOUT_MS })),
    resolve: (id, decision) => trace('plugin.approval.resolve', { id, decision }, client.request('plugin.approval.resolve', { id, decision }, { timeoutMs: CALL_TIMEOUT_MS })),
    close: () => client.stopAndWait({ timeoutMs: 5_000 }).catch(() => client.stop()),
  };
}
