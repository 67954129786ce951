/**
 * Whether the text in a session's input box is a prompt it was given (Claude Code puts the prompt
 * back in the box when its turn is interrupted before the first answer token). The box wraps long
 * prompts over several rows, so whitespace is ignored: anything else typed there is someone's
 * unsent text, which wingman never clears on its own.
 */
export function isRestoredPrompt(boxText: string, prompts: ReadonlyArray<string | undefined>): boolean {
  const squeeze = (text: string) => text.replace(/\s+/g, '');
  const typed = squeeze(boxText);
  return typed !== '' && prompts.some((prompt) => prompt !== undefined && squeeze(prompt) === typed);
}
