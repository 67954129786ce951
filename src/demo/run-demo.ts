import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createWingman } from '../app/create-wingman.js';
import { resolveConfig } from '../adapters/store/config-file.js';
import { consoleChatPrinter, runPhoneStory, storyTasks } from './phone-story.js';
import { claudeEnv, createClaudeHome } from '../agents/claude-code/isolated-home.js';
import { startFakeMessagesApi } from './fake-messages-api.js';
import { waitForProcessExit } from './process-exit.js';

const DEMO_KEY = 'sk-ant-api03-wingman-demo-key-000000000000000000000000';
const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * `npm run demo`: three real Claude Code sessions against the bundled fake Messages API on
 * loopback, in a private tmux server and a throwaway WINGMAN_HOME, steered from a simulated phone:
 * the monitor relays a permission prompt and a question, the owner answers both in the chat, and
 * the sessions table ends it. Nothing leaves the machine and nothing touches the user's own tmux
 * or Claude settings.
 */
async function main(): Promise<void> {
  // `--whatsapp`: the same story through a real OpenClaw gateway and WhatsApp channel (whatsapp-demo.ts).
  if (process.argv.includes('--whatsapp')) return (await import('./whatsapp-demo.js')).runWhatsAppDemo();
  const keep = process.argv.includes('--keep');
  const root = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'wingman-demo-')));
  const claudeHome = path.join(root, 'claude-home');
  const projects = path.join(root, 'projects');
  await fs.mkdir(claudeHome);
  const api = await startFakeMessagesApi();
  await createClaudeHome(claudeHome, { apiKey: DEMO_KEY });
  const socket = `wingman-demo-${randomBytes(3).toString('hex')}`;
  const claudeBin = process.env.WINGMAN_CLAUDE_BIN ?? path.join(PACKAGE_ROOT, 'node_modules', '.bin', 'claude');
  const env = { ...process.env, WINGMAN_HOME: path.join(root, 'wingman-home'), WINGMAN_TMUX_SOCKET: socket, WINGMAN_CLAUDE_BIN: claudeBin };
  const config = resolveConfig({ claude: { env: claudeEnv({ home: claudeHome, apiUrl: api.url, apiKey: DEMO_KEY }) }, trustedRoots: [projects] }, env);
  const wingman = await createWingman({ env, config });

  console.log(`Fake Messages API on ${api.url}; private tmux socket "${socket}"; state in ${env.WINGMAN_HOME}\n`);
  try {
    await runPhoneStory(wingman, storyTasks(projects), consoleChatPrinter());
    if (keep) {
      console.log(`\nSessions kept. Look at one: tmux -L ${socket} attach -t docs-slow`);
      console.log('Press Ctrl-C to stop the demo (the fake API lives in this process) and remove everything.');
      await new Promise((resolve) => process.once('SIGINT', resolve));
    }
  } finally {
    const panes = await wingman.tmux.listSessions().catch(() => []);
    await wingman.tmux.killServer();
    // Claude Code still writes into its HOME while it exits; wait so the removal does not race it.
    await Promise.all(panes.map((pane) => waitForProcessExit(pane.panePid)));
    await api.close();
    await fs.rm(root, { recursive: true, force: true, maxRetries: 5 });
  }
  console.log('\nDemo finished; its tmux server and files were removed (npm run demo -- --keep to explore them).');
}


main().catch((error: unknown) => {
  console.error(`demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
