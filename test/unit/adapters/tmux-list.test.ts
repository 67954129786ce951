import { describe, expect, it } from 'vitest';
import { parseTmuxSessionList, TMUX_LIST_FORMAT } from '../../../src/adapters/tmux/tmux-list.js';

const line = (...fields: string[]) => fields.join('\u001f');

describe('parseTmuxSessionList', () => {
  it('asks tmux for every field it parses', () => {
    expect(TMUX_LIST_FORMAT.split('\u001f')).toHaveLength(11);
  });

  it('parses panes, one entry per session', () => {
    const out = [
      line('a', '100', 'claude', '0', '', '1795505690', '1795505600', 'a', '/w/a', 'c3449a95-49fb-4809-9e7e-092585d00f6f', '1795505699'),
      line('a', '101', 'bash', '0', '', '1795505690', '1795505600', 'a', '/w/a'),
      line('b_1', '200', 'bash', '1', '137', '1795505000', '1795504000', 'b.1', ''),
      line('user', '300', 'zsh', '0', '', '1', '1', '', ''),
      '',
    ].join('\n');
    expect(parseTmuxSessionList(out)).toEqual([
      { name: 'a', panePid: 100, currentCommand: 'claude', paneDead: false, paneDeadStatus: undefined, activityMs: 1795505690000, createdMs: 1795505600000, wingmanName: 'a', workdir: '/w/a', claudeSessionId: 'c3449a95-49fb-4809-9e7e-092585d00f6f', outputMs: 1795505699000 },
      { name: 'b_1', panePid: 200, currentCommand: 'bash', paneDead: true, paneDeadStatus: 137, activityMs: 1795505000000, createdMs: 1795504000000, wingmanName: 'b.1', workdir: undefined, claudeSessionId: undefined, outputMs: 0 },
      { name: 'user', panePid: 300, currentCommand: 'zsh', paneDead: false, paneDeadStatus: undefined, activityMs: 1000, createdMs: 1000, wingmanName: undefined, workdir: undefined, claudeSessionId: undefined, outputMs: 0 },
    ]);
  });
});
