import type { ChatEngine } from '../src/app/chat-engine.js';
import { parseChatCommand, requiresOwner, sessionOf, type ChatCommand } from '../src/core/chat/parse-chat-command.js';
import { formatHelp } from '../src/core/chat/format-help.js';
import { isWingmanError } from '../src/core/errors.js';

export interface ChatMessage {
  text: string;
  /** As the channel reports it; recorded in the audit log. */
  senderId: string;
  /** Decided by the plugin from OpenClaw's owner / allow-list config. */
  senderIsOwner: boolean;
  isGroup?: boolean;
}

/** `more`: further messages to send after `text`, in order (a long plan split to fit the chat). */
export type ChatReply = { handled: false } | { handled: true; text: string; more?: string[] };

const handled = (text: string, more?: string[]): ChatReply => (more && more.length > 0 ? { handled: true, text, more } : { handled: true, text });

/**
 * Thin: parse the message, check who may do it, call the engine, return its reply. Messages that
 * are not wingman commands (including everyday words that name no known session) are left for
 * the assistant.
 */
export async function handleChatMessage(message: ChatMessage, engine: ChatEngine, log: (error: unknown) => void = () => {}): Promise<ChatReply> {
  const parsed = parseChatCommand(message.text);
  if (!parsed) return { handled: false };
  try {
    if (parsed.looseSession !== undefined && !(await engine.isKnownSession(parsed.looseSession))) return { handled: false };
    if (!parsed.ok) return handled(parsed.reason);
    const { command } = parsed;
    if (requiresOwner(command) && message.isGroup) {
      return handled('Steer sessions in your direct chat with the assistant, not in a group.');
    }
    if (requiresOwner(command) && !message.senderIsOwner) {
      await engine.audit({ session: sessionOf(command) ?? '', tool: '', detail: message.text.slice(0, 200), decision: 'refused', by: message.senderId || 'unknown', via: 'chat', note: 'not the owner' }).catch(log);
      return handled('Only the owner can answer prompts, steer sessions or read their output.');
    }
    return await run(command, message, engine);
  } catch (error) {
    if (isWingmanError(error)) return handled(error.message);
    log(error);
    return handled('wingman could not do that: an unexpected error was logged.');
  }
}

async function run(command: ChatCommand, message: ChatMessage, engine: ChatEngine): Promise<ChatReply> {
  const by = `chat:${message.senderId}`;
  switch (command.kind) {
    case 'decision':
      return handled((await engine.decide(command.session, command.decision, command.id, by, command.reason)).text);
    case 'answer':
      return handled((await engine.answer(command.session, command.choices, command.id, by)).text);
    case 'plan': {
      const [first = '', ...more] = await engine.plan(command.session);
      return handled(first, more);
    }
    case 'stop':
      return handled((await engine.stop(command.session, by)).text);
    case 'tell':
      return handled((await engine.tell(command.session, command.prompt, by)).text);
    case 'tail':
      return handled(await engine.tail(command.session, command.lines));
    case 'diff':
      return handled(await engine.diff(command.session));
    case 'trust':
      return handled(await engine.trust(command.session));
    case 'sessions':
      return handled(await engine.dashboard());
    case 'status':
      return handled(await engine.status(command.session));
    case 'help':
      return handled(formatHelp());
  }
}
