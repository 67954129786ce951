import type { ChatEngine } from '../src/app/chat-engine.js';
import { parseChatCommand, requiresOwner } from '../src/core/chat/parse-chat-command.js';
import { isWingmanError } from '../src/core/errors.js';

export interface ChatMessage {
  text: string;
  /** As the channel reports it; recorded in the audit log. */
  senderId: string;
  /** Decided by the plugin from OpenClaw's owner / allow-list config. */
  senderIsOwner: boolean;
  isGroup?: boolean;
}

export type ChatReply = { handled: false } | { handled: true; text: string };

/**
 * Thin: parse the message, check who may do it, call the engine, return its reply. Messages that
 * are not wingman commands are left for the assistant.
 */
export async function handleChatMessage(message: ChatMessage, engine: ChatEngine, log: (error: unknown) => void = () => {}): Promise<ChatReply> {
  const parsed = parseChatCommand(message.text);
  if (!parsed) return { handled: false };
  if (!parsed.ok) return { handled: true, text: parsed.reason };
  const { command } = parsed;
  if (requiresOwner(command) && message.isGroup) {
    return { handled: true, text: 'Answer prompts in your direct chat with the assistant, not in a group.' };
  }
  if (requiresOwner(command) && !message.senderIsOwner) {
    const session = 'session' in command ? command.session : '';
    await engine.audit({ session, tool: '', detail: message.text.slice(0, 200), decision: 'refused', by: message.senderId || 'unknown', via: 'chat', note: 'not the owner' }).catch(log);
    return { handled: true, text: 'Only the owner can answer prompts or trust folders.' };
  }
  try {
    switch (command.kind) {
      case 'answer':
        return { handled: true, text: (await engine.answer(command.session, command.decision, command.id, `chat:${message.senderId}`)).text };
      case 'trust':
        return { handled: true, text: await engine.trust(command.session) };
      case 'sessions':
        return { handled: true, text: await engine.dashboard() };
      case 'status':
        return { handled: true, text: await engine.status(command.session) };
    }
  } catch (error) {
    if (isWingmanError(error)) return { handled: true, text: error.message };
    log(error);
    return { handled: true, text: 'wingman could not do that: an unexpected error was logged.' };
  }
}
