import { setTimeout as delay } from 'node:timers/promises';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Wingman } from '../app/create-wingman.js';
import { Monitor } from '../app/monitor.js';
import { createChatEngine } from '../app/chat-engine.js';
import { handleChatMessage } from '../../handlers/chat-message.js';
import type { NotificationChannel } from '../adapters/channel/notification-channel.js';
import { formatSpawnOutcome } from '../core/format-replies.js';
import { toPlainText } from '../core/notify/phone-markdown.js';
import type { SessionState } from '../core/session-state.js';

const OWNER = '+15550001111';
const STEP_TIMEOUT_MS = 60_000;

/** What the phone shows: wingman's messages on the left, the owner's on the right. */
export interface ChatPrinter {
  fromWingman(text: string): void;
  fromOwner(text: string): void;
  note(text: string): void;
}

export function consoleChatPrinter(write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): ChatPrinter {
  const indent = (text: string, prefix: string) => text.split('\n').map((line) => `${prefix}${line}`).join('\n');
  return {
    // The terminal shows Markdown as typed: the phone's code blocks print as plain lines.
    fromWingman: (text) => write(`\n📱 wingman:\n${indent(toPlainText(text), '   │ ')}`),
    fromOwner: (text) => write(`\n${' '.repeat(30)}you: ${text}`),
    note: (text) => write(`\n— ${text}`),
  };
}

/** A channel that prints to the "phone" and lets the story wait for the message it expects. */
class PhoneChannel implements NotificationChannel {
  readonly name = 'demo-phone';
  private readonly messages: string[] = [];
  private readonly waiters: Array<() => void> = [];

  constructor(private readonly printer: ChatPrinter) {}

  async send(text: string): Promise<void> {
    this.messages.push(text);
    this.printer.fromWingman(text);
    for (const wake of this.waiters.splice(0)) wake();
  }

  async waitFor(pattern: RegExp, what: string): Promise<RegExpExecArray> {
    const deadline = Date.now() + STEP_TIMEOUT_MS;
    for (;;) {
      for (const message of this.messages) {
        const match = pattern.exec(message);
        if (match) return match;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`the phone never got ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 1_000));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}

export interface StoryTask {
  name: string;
  workdir: string;
  prompt: string;
}

/**
 * The product's main job as the phone sees it: the monitor relays a permission prompt and a
 * question, the owner answers both from the chat, and the sessions table closes the story.
 */
export async function runPhoneStory(wingman: Wingman, tasks: { approve: StoryTask; question: StoryTask; busy: StoryTask }, printer: ChatPrinter): Promise<void> {
  const channel = new PhoneChannel(printer);
  const monitor = new Monitor({ wingman, channel, pollIntervalMs: 500, logger: { warn: (message) => printer.note(`monitor: ${message}`) } });
  await monitor.start();
  const engine = createChatEngine(wingman, () => monitor);
  const say = async (text: string) => {
    printer.fromOwner(text);
    const reply = await handleChatMessage({ text, senderId: OWNER, senderIsOwner: true }, engine, (error) => printer.note(String(error)));
    if (reply.handled) for (const message of [reply.text, ...(reply.more ?? [])]) printer.fromWingman(message);
  };
  try {
    for (const task of [tasks.approve, tasks.question, tasks.busy]) {
      await fs.mkdir(task.workdir, { recursive: true });
      printer.note(`wingman spawn --session ${task.name} --workdir ${task.workdir} --prompt ${JSON.stringify(task.prompt)}`);
      printer.note(formatSpawnOutcome(await wingman.sessions.spawn({ name: task.name, workdir: task.workdir, prompt: task.prompt })));
    }

    await channel.waitFor(new RegExp(`Session '${tasks.approve.name}' needs approval`), `the approval prompt of ${tasks.approve.name}`);
    await say(`approve ${tasks.approve.name}`);
    await waitForState(wingman, tasks.approve.name, 'idle');

    await channel.waitFor(new RegExp(`Session '${tasks.question.name}' asks`), `the question of ${tasks.question.name}`);
    await say(`answer ${tasks.question.name} 2`);
    await waitForState(wingman, tasks.question.name, 'idle');

    await say('sessions');
  } finally {
    await monitor.stop();
  }
}

async function waitForState(wingman: Wingman, name: string, state: SessionState): Promise<void> {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if ((await wingman.sessions.get(name)).status.state === state) return;
    await delay(250);
  }
  throw new Error(`session ${name} did not become ${state}`);
}

export function storyTasks(projects: string): { approve: StoryTask; question: StoryTask; busy: StoryTask } {
  return {
    approve: { name: 'api-build', workdir: path.join(projects, 'api-server'), prompt: 'RUNTOOL mkdir -p build && echo built > build/out.txt' },
    question: { name: 'ui-colour', workdir: path.join(projects, 'web-ui'), prompt: 'ASK Which colour should the button be?' },
    busy: { name: 'docs-slow', workdir: path.join(projects, 'docs-site'), prompt: 'SLOW explain the architecture in detail' },
  };
}
