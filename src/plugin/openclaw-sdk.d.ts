/**
 * The slice of OpenClaw's plugin SDK (openclaw 2026.9.6, `openclaw/plugin-sdk/plugin-entry`) that
 * wingman uses, declared here because the `openclaw` package (835 MB, Node 24) is the host, not a
 * build dependency: at run time OpenClaw resolves the import itself. Shapes copied from its .d.ts
 * (see docs/research/openclaw-plugin-notes.md).
 */
declare module 'openclaw/plugin-sdk/plugin-entry' {
  export type OpenClawConfig = Record<string, any>;

  export interface PluginLogger {
    debug?(message: string): void;
    info(message: string): void;
    warn(message: string): void;
    error(message: string): void;
  }

  export interface PluginCommandContext {
    senderId?: string;
    channel: string;
    /** The provider channel (`whatsapp`); `channel` may name the surface instead. */
    channelId?: string;
    accountId?: string;
    isAuthorizedSender: boolean;
    senderIsOwner?: boolean;
    args?: string;
    commandBody: string;
    config: OpenClawConfig;
    from?: string;
  }

  export interface PluginCommandResult {
    text?: string;
  }

  export interface OpenClawPluginCommandDefinition {
    name: string;
    description: string;
    acceptsArgs?: boolean;
    requireAuth?: boolean;
    requiredScopes?: string[];
    handler(ctx: PluginCommandContext): PluginCommandResult | Promise<PluginCommandResult>;
  }

  export interface OpenClawPluginServiceContext {
    config: OpenClawConfig;
    stateDir: string;
    logger: PluginLogger;
  }

  export interface OpenClawPluginService {
    id: string;
    start(ctx: OpenClawPluginServiceContext): void | Promise<void>;
    stop?(ctx: OpenClawPluginServiceContext): void | Promise<void>;
  }

  export interface AgentToolResult {
    content: Array<{ type: 'text'; text: string }>;
    details: unknown;
  }

  export interface AgentTool {
    name: string;
    label: string;
    description: string;
    parameters: Record<string, unknown>;
    execute(toolCallId: string, params: any, signal?: AbortSignal): Promise<AgentToolResult>;
  }

  /** What OpenClaw tells a tool factory about the turn that calls the tool (runtime-provided, not tool args). */
  export interface OpenClawPluginToolContext {
    messageChannel?: string;
    /** Trusted sender id from the inbound message. */
    requesterSenderId?: string;
    /** Trusted owner bit from the inbound message. */
    senderIsOwner?: boolean;
  }

  export type OpenClawPluginToolFactory = (ctx: OpenClawPluginToolContext) => AgentTool | AgentTool[] | null | undefined;

  export interface BeforeDispatchEvent {
    content: string;
    channel?: string;
    senderId?: string;
    isGroup?: boolean;
  }

  export interface BeforeDispatchContext {
    channelId?: string;
    accountId?: string;
    senderId?: string;
  }

  export interface ChannelOutboundAdapter {
    resolveTarget?(params: { cfg?: OpenClawConfig; to?: string; allowFrom?: string[]; mode?: 'explicit' | 'implicit' }): { ok: true; to: string } | { ok: false; error: Error };
    sendText?(ctx: { cfg: OpenClawConfig; to: string; text: string; accountId?: string | null }): Promise<unknown>;
  }

  export interface OpenClawPluginApi {
    id: string;
    registrationMode: string;
    config: OpenClawConfig;
    pluginConfig?: Record<string, unknown>;
    logger: PluginLogger;
    runtime: {
      config: { current(): OpenClawConfig };
      channel: { outbound: { loadAdapter(id: string): Promise<ChannelOutboundAdapter | undefined> } };
    };
    registerCommand(command: OpenClawPluginCommandDefinition): void;
    registerService(service: OpenClawPluginService): void;
    registerTool(tool: AgentTool | OpenClawPluginToolFactory, opts?: { name?: string; names?: string[]; optional?: boolean }): void;
    on(hookName: 'before_dispatch', handler: (event: BeforeDispatchEvent, ctx: BeforeDispatchContext) => Promise<{ handled: boolean; text?: string } | void>): void;
  }

  export function definePluginEntry(options: { id: string; name: string; description: string; register(api: OpenClawPluginApi): void }): unknown;
}

/** `openclaw/plugin-sdk/gateway-runtime` (openclaw 2026.9.6): the operator-approvals gateway client. */
declare module 'openclaw/plugin-sdk/gateway-runtime' {
  import type { OpenClawConfig } from 'openclaw/plugin-sdk/plugin-entry';

  export interface GatewayClient {
    start(): void;
    stop(): void;
    stopAndWait(opts?: { timeoutMs?: number }): Promise<void>;
    request<T = any>(method: string, params?: unknown, opts?: { timeoutMs?: number | null; expectFinal?: boolean; signal?: AbortSignal }): Promise<T>;
    readonly connected: boolean;
  }

  export function createOperatorApprovalsGatewayClient(params: {
    config: OpenClawConfig;
    gatewayUrl?: string;
    clientDisplayName?: string;
    onHelloOk?: (hello: unknown) => void;
    onConnectError?: (error: Error) => void;
    onClose?: (code: number, reason: string) => void;
    onEvent?: (event: { event: string; payload?: unknown }) => void;
  }): Promise<GatewayClient>;

  export function startGatewayClientWhenEventLoopReady(client: { start(): void }, options?: { timeoutMs?: number; signal?: AbortSignal }): Promise<{ ready: boolean; aborted: boolean }>;
}
