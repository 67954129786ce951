import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { formatHelp } from '../../src/core/chat/format-help.js';
import { parseChatCommand } from '../../src/core/chat/parse-chat-command.js';
import { createWingmanTools } from '../../src/plugin/plugin-tools.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const pkg = JSON.parse(read('package.json'));
const manifest = JSON.parse(read('openclaw.plugin.json'));

interface Skill {
  frontmatter: string;
  /** metadata.openclaw (OpenClaw reads it as JSON5; ours is plain JSON so this test can read it too). */
  openclaw: { emoji?: string; os?: string[]; requires?: { bins?: string[]; anyBins?: string[] }; install?: Array<Record<string, unknown>> };
  body: string;
}

function readSkill(file: string): Skill {
  const [, frontmatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(read(file)) ?? [];
  const metadata = /^metadata:\n([\s\S]*)$/m.exec(frontmatter)?.[1] ?? '{}';
  return { frontmatter, openclaw: JSON.parse(metadata).openclaw, body };
}

/** The one a user installs (`openclaw skills install ./skills/claude-code-wingman`): the agent runs the CLI. */
const standalone = readSkill('skills/claude-code-wingman/SKILL.md');
/** The one the plugin ships (openclaw.plugin.json `skills`): the agent calls the plugin's tools. */
const shipped = readSkill('plugin-skills/claude-code-wingman/SKILL.md');

/** `x` for every `` `x` `` in the text. */
const codeSpans = (text: string) => [...text.matchAll(/`([^`\n]+)`/g)].map((match) => match[1]!);
const section = (text: string, heading: string) => text.split(/^## /m).find((part) => part.startsWith(heading)) ?? '';

describe('the skill, as OpenClaw gates it', () => {
  it('on its own, it requires every binary the text has the agent run, and offers to install wingman', () => {
    expect(standalone.openclaw.emoji).toBe('🛩️');
    // `bins`, not `anyBins`: each is needed (wingman runs claude in tmux). OpenClaw shows only one
    // install option (the first node one), so there is exactly one: this package's bin.
    expect(standalone.openclaw.requires).toEqual({ bins: ['wingman', 'claude', 'tmux'] });
    expect(standalone.openclaw.install).toEqual([{ id: 'node', kind: 'node', package: pkg.name, bins: Object.keys(pkg.bin) }]);
  });

  it("shipped by the plugin, it requires only tmux: the agent calls the plugin's tools, and Claude Code may be configured by path", () => {
    expect(shipped.openclaw).toEqual({ ...standalone.openclaw, requires: { bins: ['tmux'] }, install: undefined });
    expect(shipped.openclaw.install).toBeUndefined();
  });

  it('both copies carry the same name, description and text', () => {
    const fields = (skill: Skill) => skill.frontmatter.split('\n').filter((line) => /^(name|description|version|homepage):/.test(line));
    expect(fields(shipped)).toEqual(fields(standalone));
    expect(fields(standalone)).toHaveLength(4);
    expect(shipped.body).toBe(standalone.body);
  });

  it('the description stays one line under 160 characters (OpenClaw puts it in every prompt)', () => {
    const description = /^description: "(.*)"$/m.exec(standalone.frontmatter)?.[1] ?? '';
    expect(description.length).toBeGreaterThan(40);
    expect(description.length).toBeLessThan(160);
  });
});

describe('the skill text', () => {
  const text = standalone.body;

  it("names every tool the plugin declares, with parameters the tools' schemas have", () => {
    const tools = new Map(createWingmanTools(async () => Promise.reject(new Error('not called'))).map((tool) => [tool.name, tool]));
    expect([...tools.keys()]).toEqual(manifest.contracts.tools);
    for (const name of tools.keys()) expect(text).toContain(`\`${name}\``);
    // Table rows: | … | `wingman_x` `{a, b}` | … |
    const rows = [...text.matchAll(/`(wingman_\w+)` `\{([^}]*)\}`/g)];
    expect(rows.length).toBeGreaterThanOrEqual(tools.size);
    for (const [, name, params] of rows) {
      const properties = Object.keys((tools.get(name!)?.parameters as { properties?: object } | undefined)?.properties ?? {});
      for (const param of params!.split(',').map((word) => word.trim()).filter(Boolean)) expect(properties, `${name} {${param}}`).toContain(param);
    }
  });

  it('tells the agent to run only wingman commands that exist', async () => {
    let help = '';
    await runCli(['node', 'wingman', '--help'], { out: (line) => (help += `${line}\n`), err: (line) => (help += `${line}\n`), env: {} });
    const commands = new Set([...help.matchAll(/^ {2}([a-z]+)(?:\|[a-z]+)?\b/gm)].map((match) => match[1]!));
    expect(commands.has('spawn')).toBe(true);
    const used = codeSpans(text).filter((span) => /^wingman [a-z]/.test(span));
    expect(used.length).toBeGreaterThanOrEqual(8);
    for (const span of used) {
      for (const verb of span.split(' ')[1]!.split('|')) expect(commands, span).toContain(verb);
    }
  });

  it('lists every chat command `help` lists, each in a form the chat parser takes', () => {
    const chat = section(text, 'Chat commands');
    const verbs = formatHelp()
      .split('\n')
      .slice(1)
      .flatMap((line) => line.split(' · ').map((part) => part.split(' ')[0]!))
      .filter((word) => /^[a-z]+$/.test(word));
    expect(new Set(verbs)).toEqual(new Set(['sessions', 'status', 'approve', 'always', 'deny', 'answer', 'plan', 'tell', 'stop', 'tail', 'diff', 'trust']));
    for (const verb of [...verbs, 'help']) expect(chat).toMatch(new RegExp(`\`${verb}[ \`]`));
    const example: Record<string, string> = { NAME: 'vsr-1131', CHOICE: '2', PROMPT: 'run the tests next', REASON: 'use a temp dir', '[ID]': 'k3f9', '[N]': '20' };
    const forms = codeSpans(chat).filter((span) => /^[a-z]/.test(span));
    expect(forms.length).toBeGreaterThanOrEqual(13);
    for (const form of forms) {
      const message = form.replace('[because REASON]', 'because REASON').replace(/\[ID\]|\[N\]|[A-Z]+/g, (word) => example[word] ?? word);
      expect(parseChatCommand(message), `${form} → ${message}`).toMatchObject({ ok: true });
    }
  });

  it('explains naming, asks before trusting a folder, and never approves for the user', () => {
    expect(section(text, 'Naming sessions')).toContain('`vsr-1131`');
    expect(section(text, 'Folder trust')).toMatch(/ask/i);
    expect(section(text, 'Folder trust')).toMatch(/Never trust a folder yourself/);
    expect(text).toMatch(/^## Permission prompts: never approve on the user's behalf$/m);
    expect(section(text, 'Permission prompts')).toMatch(/do not approve, deny or answer it yourself/);
  });
});
