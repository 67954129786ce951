import { definePluginEntry } from 'openclaw/plugin-sdk/plugin-entry';
import { registerWingmanPlugin } from './register-plugin.js';

export default definePluginEntry({
  id: 'claude-code-wingman',
  name: 'Claude Code Wingman',
  description: 'Run many Claude Code sessions in tmux and steer them from chat: status, approvals, follow-up prompts.',
  register: registerWingmanPlugin,
});
