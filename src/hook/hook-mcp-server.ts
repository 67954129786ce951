/**
 * wingman's MCP hook server: Claude Code starts it once per session (the session's --mcp-config)
 * and calls its tool from `"type": "mcp_tool"` hooks, so no process starts per event. It logs each
 * event to the session's events file and relays it over one connection to wingman's hook socket
 * (0600, in a 0700 directory) with the session's secret; a PermissionRequest's call waits for the
 * decision wingman relays from the phone and returns it as the hook's JSON output.
 *
 * Rules, because Claude Code reads the tool's text as the hook's output: return nothing but a
 * decision, return nothing at once when wingman cannot be reached (the dialog then takes the
 * answer), never answer with an error (that reads as a failed hook), and never offer the tool to
 * the model: tools/list is empty, and a call of any other name is refused.
 */
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { CallToolRequestSchema, ListToolsRequestSchema, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { eventFromMcpArguments, MCP_HOOK_SERVER_NAME, MCP_HOOK_TOOL } from '../agents/claude-code/mcp-hook-input.js';
import { appendHookDecision, appendHookEvent, markReady } from './events-file.js';
import { WingmanChannel } from './wingman-channel.js';

const DEFAULT_DECISION_TIMEOUT_MS = 590_000;
/** No decision: Claude Code goes on as if no hook had run (its dialog, for a PermissionRequest). */
const NO_OUTPUT: CallToolResult = { content: [] };

function decisionTimeoutMs(): number {
  const value = Number(process.env.WINGMAN_HOOK_DECISION_TIMEOUT_MS);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_DECISION_TIMEOUT_MS;
}

const { WINGMAN_SESSION: session, WINGMAN_HOOK_SECRET: secret, WINGMAN_HOOK_SOCKET: socketPath, WINGMAN_EVENTS_FILE: eventsFile } = process.env;
const channel = session && secret && socketPath ? new WingmanChannel({ socketPath, session, secret, decisionTimeoutMs: decisionTimeoutMs() }) : undefined;

const server = new Server({ name: MCP_HOOK_SERVER_NAME, version: '1' }, { capabilities: { tools: {} } });

// Claude Code lists the tools once it has connected the server: from then on hooks reach us.
server.setRequestHandler(ListToolsRequestSchema, () => {
  markReady(process.env.WINGMAN_MCP_READY_FILE);
  return { tools: [] };
});

server.setRequestHandler(CallToolRequestSchema, async (request, extra): Promise<CallToolResult> => {
  const receivedAt = Date.now();
  if (request.params.name !== MCP_HOOK_TOOL) {
    return { isError: true, content: [{ type: 'text', text: `No tool named ${request.params.name}.` }] };
  }
  const event = eventFromMcpArguments(request.params.arguments ?? {});
  appendHookEvent(eventsFile, event, receivedAt);
  if (!channel) return NO_OUTPUT;
  if (event.hook_event_name !== 'PermissionRequest') {
    channel.notify(event, receivedAt);
    return NO_OUTPUT;
  }
  const reply = await channel.ask(event, receivedAt, extra.signal);
  if (reply?.type !== 'decision') return NO_OUTPUT;
  // The events log records what the hook did; stamped right before the result goes back, so the
  // benchmark can tell wingman's share of an answer from Claude Code's own work after it.
  const toolName = typeof event.tool_name === 'string' ? { tool_name: event.tool_name } : {};
  const toolUseId = typeof event.tool_use_id === 'string' ? { tool_use_id: event.tool_use_id } : {};
  appendHookDecision(eventsFile, { hook_event_name: 'PermissionRequest', ...toolName, ...toolUseId, behavior: reply.decision.behavior }, receivedAt);
  // The same bytes as formatPermissionDecision(): the hook server already validated the decision.
  return { content: [{ type: 'text', text: JSON.stringify({ hookSpecificOutput: { hookEventName: 'PermissionRequest', decision: reply.decision } }) }] };
});

// Claude Code closes our stdin when it exits (or is killed): nothing is left to serve.
const stop = () => {
  channel?.close();
  process.exit(0);
};
process.stdin.once('end', stop);
process.stdin.once('close', stop);
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdout.on('error', stop);

await server.connect(new StdioServerTransport());
channel?.open();
