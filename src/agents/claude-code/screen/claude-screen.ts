/** The Claude Code screen reader; its rules live in read-claude-screen.ts and the dialog-* modules. */
export { detectClaudeScreen, type ClaudeScreenReading } from './read-claude-screen.js';
