/**
 * Synthetic Claude Code 2.1.197 screens, laid out the way the real captures are: rules as wide as
 * the terminal, dialog bodies indented 3 with an equal right margin, options ` ❯ 1.` / `   2.`.
 */
export const rule = (width: number): string => '─'.repeat(width);

/**
 * Word wrap like Ink's wrap-ansi (hard mode, trimmed): a word moves to the next line when it does
 * not fit; a word longer than a whole line starts on the current one and is cut at the margin.
 */
export function wrap(text: string, indent: number, width: number): string[] {
  const room = width - 2 * indent;
  const rows: string[] = [''];
  for (const word of text.split(' ')) {
    let row = rows[rows.length - 1] ?? '';
    const needed = (row === '' ? 0 : 1) + word.length;
    if (row.length + needed <= room) {
      rows[rows.length - 1] = row === '' ? word : `${row} ${word}`;
      continue;
    }
    if (word.length <= room) {
      rows.push(word);
      continue;
    }
    let rest = word;
    if (row !== '' && row.length + 1 < room) {
      const take = room - row.length - 1;
      rows[rows.length - 1] = `${row} ${rest.slice(0, take)}`;
      rest = rest.slice(take);
    } else if (row !== '') rows.push('');
    while (rest.length > 0) {
      row = rows[rows.length - 1] ?? '';
      if (row !== '') rows.push('');
      rows[rows.length - 1] = rest.slice(0, room);
      rest = rest.slice(room);
    }
  }
  return rows.map((row) => `${' '.repeat(indent)}${row}`);
}

export interface BashDialogSpec {
  width?: number;
  command: string;
  description?: string;
  /** e.g. `Contains simple_expansion` or `This command requires approval`. */
  status?: string;
  options?: string[];
  /** Transcript lines above the dialog. */
  above?: string[];
}

export const THREE_OPTIONS = [' ❯ 1. Yes', '   2. Yes, and always allow access to proj/ from this project', '   3. No'];
export const TWO_OPTIONS = [' ❯ 1. Yes', '   2. No'];

export function bashDialog(spec: BashDialogSpec): string {
  const width = spec.width ?? 160;
  const body = spec.command.split('\n').flatMap((line) => wrap(line, 3, width));
  return [
    ...(spec.above ?? ['❯ RUNTOOL now', '', `● Bash(${spec.command.split('\n')[0] ?? ''})`, '  ⎿ \u00a0Waiting…', '']),
    rule(width),
    ' Bash command',
    '',
    ...body,
    ...wrap(spec.description ?? 'Run shell command', 3, width),
    '',
    ...(spec.status ? [` ${spec.status}`, ''] : []),
    ' Do you want to proceed?',
    ...(spec.options ?? THREE_OPTIONS),
    '',
    ' Esc to cancel · Tab to amend · ctrl+e to explain',
    '',
    '',
  ].join('\n');
}

/** An idle screen: transcript, input box (optionally with text) and footer. */
export function idleScreen(transcript: string[], options: { width?: number; input?: string; footer?: string } = {}): string {
  const width = options.width ?? 160;
  const input = (options.input ?? '').split('\n');
  return [
    ...transcript,
    '',
    rule(width),
    `❯\u00a0${input[0] ?? ''}`,
    ...input.slice(1).map((line) => `  ${line}`),
    rule(width),
    options.footer ?? '  ? for shortcuts · ← for agents',
    '',
  ].join('\n');
}

/** A generic dialog: rule, title, indented body, question, options, footer. */
export function dialog(spec: { width?: number; title: string; body: string[]; question: string; options: string[]; footer?: string; above?: string[] }): string {
  const width = spec.width ?? 160;
  return [
    ...(spec.above ?? ['❯ do it', '']),
    rule(width),
    ` ${spec.title}`,
    '',
    ...spec.body,
    '',
    ` ${spec.question}`,
    ...spec.options,
    '',
    ...(spec.footer === undefined ? [' Esc to cancel · Tab to amend'] : spec.footer === '' ? [] : [spec.footer]),
  ].join('\n');
}
