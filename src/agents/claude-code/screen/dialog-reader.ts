import type { PendingPrompt } from '../../../core/session-state.js';
import { findOptionBlock, optionKind, type OptionBlock } from './dialog-options.js';
import { isBlank, isRule, screenWidth, unwrapLines } from '../../../core/screen/pane-text.js';
import { dialogDetail, type DialogKind } from './dialog-details.js';

export type DialogState = 'waiting_trust' | 'waiting_approval' | 'waiting_answer';

export interface DialogReading {
  state: DialogState;
  prompt: PendingPrompt;
}

/** A live dialog's options end the screen: below them only its footer (1–2 lines in 2.1.197). */
const MAX_LINES_BELOW_OPTIONS = 3;

/** The title line under a dialog's top rule, as Claude Code 2.1.197 draws it. */
const TITLES: Readonly<Record<string, DialogKind>> = {
  'Accessing workspace:': 'trust',
  'Bash command': 'bash',
  'Edit file': 'edit',
  'Create file': 'write',
  Fetch: 'fetch',
  'Tool use': 'tool',
  'Read file': 'read',
  'Ready to code?': 'plan',
  'Exit plan mode?': 'plan',
};
/** AskUserQuestion's header: ` ☐ Colour`, or a tab bar `←  ☐ Colour  ☐ Size  ✔ Submit  →`. */
const QUESTION_TABS = /^\s*(?:←\s+)?[☐☒✔] /;
/** The picker's footer, the first line under its options. */
const PICKER_FOOTER = /^Enter to select · /;
/** The question right above a permission dialog's options. */
const APPROVAL_QUESTION = /^(?:Do you want to .+\?|.*\bWould you like to proceed\?)$/;
/** Only the Bash dialog offers to explain the command (used when its title scrolled off). */
const BASH_FOOTER = /\bctrl\+e to explain\b/;
/** A dialog's own footer under its options, indented 0–1 (answers in the transcript are indented 2). */
const DIALOG_FOOTER = /^ ?(?:Esc to cancel|Enter to (?:select|confirm))\b/;
/** 2.1.332's plan dialogs draw their top rule two columns in, under a `▔▔▔` row. */
const INDENTED_RULE = /^ {1,2}─{20,}$/;
/** The transcript above a dialog: a past prompt or a message line, both at column 0. */
const TRANSCRIPT_LINE = /^(?:❯ |●)/;

const STATE_OF: Readonly<Record<DialogKind, DialogState>> = {
  trust: 'waiting_trust',
  question: 'waiting_answer',
  bash: 'waiting_approval',
  edit: 'waiting_approval',
  write: 'waiting_approval',
  fetch: 'waiting_approval',
  tool: 'waiting_approval',
  read: 'waiting_approval',
  plan: 'waiting_approval',
  generic: 'waiting_approval',
};

export interface DialogHeader {
  rule: number;
  titleIndex: number;
  title: string;
  kind?: DialogKind | undefined;
}

const nextNonBlank = (lines: readonly string[], from: number, step: 1 | -1): number => {
  let index = from;
  while (index >= 0 && index < lines.length && isBlank(lines[index])) index += step;
  return index;
};

function titleKind(title: string): DialogKind | undefined {
  if (QUESTION_TABS.test(title)) return 'question';
  return TITLES[title.trim()];
}

/**
 * The dialog's top rule and title: the nearest rule above the options whose title is known (plans
 * and pickers draw a second rule inside), else the nearest rule. Stops at the transcript; undefined
 * when a tall dialog pushed its top off screen.
 */
function findHeader(lines: readonly string[], optionsStart: number): DialogHeader | undefined {
  let nearest: DialogHeader | undefined;
  for (let index = optionsStart - 1; index >= 0; index -= 1) {
    const line = lines[index] ?? '';
    if (TRANSCRIPT_LINE.test(line)) break;
    if (!isRule(line) && !INDENTED_RULE.test(line)) continue;
    const titleIndex = nextNonBlank(lines, index + 1, 1);
    const title = (lines[titleIndex] ?? '').trim();
    const header = { rule: index, titleIndex, title, kind: titleKind(lines[titleIndex] ?? '') };
    if (header.kind) return header;
    nearest ??= header;
  }
  return nearest;
}

/** Kind of a dialog without a known title, from its question, footer and options. */
function inferKind(question: string, footer: string, block: OptionBlock): DialogKind | undefined {
  if (PICKER_FOOTER.test(footer)) return 'question';
  if (block.options.some((option) => /\btrust this folder\b/i.test(option.label))) return 'trust';
  if (!APPROVAL_QUESTION.test(question)) return undefined;
  if (/^Do you want to make this edit to /.test(question)) return 'edit';
  if (/^Do you want to create /.test(question)) return 'write';
  if (/\bfetch this content\?$/.test(question)) return 'fetch';
  if (BASH_FOOTER.test(footer)) return 'bash';
  return 'generic';
}

function isLiveBottom(lines: readonly string[], end: number): boolean {
  const below = lines.slice(end + 1).filter((line) => !isBlank(line));
  return below.length <= MAX_LINES_BELOW_OPTIONS && !below.some((line) => isRule(line) || line.startsWith('❯'));
}

/**
 * Reads the dialog at the bottom of the screen (folder trust, permission, plan approval, question
 * picker), or undefined when the bottom is not a dialog this version of Claude Code draws.
 */
export function readDialog(lines: readonly string[]): DialogReading | undefined {
  const block = findOptionBlock(lines);
  if (!block || !isLiveBottom(lines, block.end)) return undefined;
  const width = screenWidth(lines);
  const header = findHeader(lines, block.start);
  const question = (lines[nextNonBlank(lines, block.start - 1, -1)] ?? '').trim();
  const footerLine = lines[nextNonBlank(lines, block.end + 1, 1)] ?? '';
  const footer = footerLine.trim();
  // Without its rule and title on screen, a dialog must at least show its own footer; an
  // unnumbered list (indented lines under a `❯`) needs a known title or the footer.
  if (!header && !DIALOG_FOOTER.test(footerLine)) return undefined;
  if (!block.numbered && !header?.kind && !DIALOG_FOOTER.test(footerLine)) return undefined;
  const kind = header?.kind ?? inferKind(question, footer, block);
  if (!kind) return undefined;

  const { tool, detail } = dialogDetail({ lines, kind, header, question, optionsStart: block.start, width });
  const options = block.options.map((option) => {
    // A label wrapped onto the next line continues it; a shorter hint or description under it does not.
    const shown = kind === 'question' ? [option.label] : unwrapLines([lines[option.index] ?? '', ...option.continuation], { width, mirrorIndent: true });
    const label = (shown[0] ?? '').trim().replace(/^❯ /, '').replace(/^\d{1,2}\.\s?/, '').trim();
    return { key: option.key, label, kind: kind === 'question' ? ('other' as const) : optionKind(label), selected: option.selected };
  });
  return { state: STATE_OF[kind], prompt: { tool, detail, options } };
}
