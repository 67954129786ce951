import type { AgentTool, ChannelOutboundAdapter, OpenClawPluginApi, OpenClawPluginCommandDefinition, OpenClawPluginService, OpenClawPluginToolContext, OpenClawPluginToolFactory } from 'openclaw/plugin-sdk/plugin-entry';

type DispatchHandler = Parameters<OpenClawPluginApi['on']>[1];

/** Records what the plugin registers, with OpenClaw's observed shapes; the SDK ships no test api. */
export interface FakeOpenClaw {
  api: OpenClawPluginApi;
  commands: OpenClawPluginCommandDefinition[];
  /** The tools as a turn without an inbound sender (the operator's own run) gets them. */
  tools: AgentTool[];
  /** The tools as OpenClaw builds them for a turn with this context. */
  toolsFor(ctx: OpenClawPluginToolContext): AgentTool[];
  toolNames: string[][];
  services: OpenClawPluginService[];
  dispatch: DispatchHandler[];
  sent: Array<{ channel: string; to: string; text: string }>;
  logs: string[];
  config: Record<string, any>;
  adapters: Record<string, ChannelOutboundAdapter | undefined>;
}

export function createFakeOpenClaw(pluginConfig: Record<string, unknown>, config: Record<string, any> = {}): FakeOpenClaw {
  const factories: OpenClawPluginToolFactory[] = [];
  const fake: FakeOpenClaw = {
    commands: [],
    tools: [],
    toolsFor: (ctx) => factories.flatMap((factory) => [factory(ctx) ?? []].flat()),
    toolNames: [],
    services: [],
    dispatch: [],
    sent: [],
    logs: [],
    config,
    adapters: {},
    api: undefined as unknown as OpenClawPluginApi,
  };
  const adapterFor = (channel: string): ChannelOutboundAdapter => ({
    resolveTarget: ({ to }) => (to ? { ok: true, to } : { ok: false, error: new Error('no target') }),
    sendText: async ({ to, text }) => {
      fake.sent.push({ channel, to, text });
      return { messageId: `FAKE${fake.sent.length}` };
    },
  });
  fake.adapters.whatsapp = adapterFor('whatsapp');
  fake.api = {
    id: 'claude-code-wingman',
    registrationMode: 'full',
    config,
    pluginConfig,
    logger: { info: (m) => fake.logs.push(`info ${m}`), warn: (m) => fake.logs.push(`warn ${m}`), error: (m) => fake.logs.push(`error ${m}`) },
    runtime: {
      config: { current: () => fake.config },
      channel: { outbound: { loadAdapter: async (id: string) => fake.adapters[id] } },
    },
    registerCommand: (command) => fake.commands.push(command),
    registerService: (service) => fake.services.push(service),
    registerTool: (tool, opts) => {
      const factory = typeof tool === 'function' ? tool : () => tool;
      factories.push(factory);
      fake.toolNames.push(opts?.names ?? [opts?.name ?? (tool as AgentTool).name]);
      fake.tools.push(...[factory({}) ?? []].flat());
    },
    on: (hook, handler) => {
      if (hook === 'before_dispatch') fake.dispatch.push(handler);
    },
  };
  return fake;
}
