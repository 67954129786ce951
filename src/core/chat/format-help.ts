/** The chat commands and their forms, as `help` replies them (fits one WhatsApp message). */
export function formatHelp(): string {
  return [
    '🛩️ wingman commands',
    'sessions · status NAME: what each session is doing',
    'approve NAME [ID] · always NAME [ID]: allow the pending prompt (once / remember the rule)',
    'deny NAME [ID] [because REASON]: refuse; the reason tells Claude what to do instead',
    'answer NAME 2 · answer NAME Blue · answer NAME 1 3 · answer NAME other: TEXT: answer a question',
    'plan NAME: the whole plan waiting for approval',
    'tell NAME PROMPT: send a follow-up prompt',
    'stop NAME: interrupt the running turn',
    'tail NAME [N]: the last N lines of output (15)',
    'diff NAME: what the session changed',
    'trust NAME: trust the folder a new session asks about',
    'ID is the short code in the notification, for when several prompts wait.',
  ].join('\n');
}
