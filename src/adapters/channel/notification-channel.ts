import { toPlainText } from '../../core/notify/phone-markdown.js';

/** Where the monitor's notifications go: WhatsApp through OpenClaw, or the console for the CLI. */
export interface NotificationChannel {
  readonly name: string;
  send(text: string): Promise<void>;
}

/** Prints each notification with a time stamp, as plain text (not the phone's Markdown); the CLI monitor's channel. */
export function createConsoleChannel(write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): NotificationChannel {
  return {
    name: 'console',
    async send(text) {
      write(`[${new Date().toISOString()}] ${toPlainText(text).replaceAll('\n', '\n    ')}`);
    },
  };
}
