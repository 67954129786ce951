import path from 'node:path';

/**
 * Where Claude Code keeps a session's transcript: `<config dir>/projects/<slug of cwd>/<id>.jsonl`,
 * the config dir being $CLAUDE_CONFIG_DIR or $HOME/.claude. The slug replaces every character but
 * ASCII letters and digits by `-` (so `/`, `.`, `_`, `+`, `@` all become `-`); a slug over 200
 * characters is cut to 200 and gets `-<hash>` appended. Read from the 2.1.197 and 2.1.332 binaries
 * and checked against the files they wrote (test/fixtures/claude-code/VERSION/transcript-paths.json).
 */

const MAX_SLUG = 200;
const SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Claude Code's hash for over-long slugs: Java's String.hashCode over UTF-16 code units. */
function stringHash(text: string): number {
  let hash = 0;
  for (let index = 0; index < text.length; index += 1) hash = (hash << 5) - hash + text.charCodeAt(index) | 0;
  return hash;
}

/** The folder name under `projects/` for a working directory. */
export function claudeProjectDirName(cwd: string): string {
  const slug = cwd.replace(/[^a-zA-Z0-9]/g, '-');
  return slug.length <= MAX_SLUG ? slug : `${slug.slice(0, MAX_SLUG)}-${Math.abs(stringHash(cwd)).toString(36)}`;
}

export interface TranscriptLocation {
  /** The environment the session was launched with (wingman's `claude.env` over its own). */
  env: Readonly<Record<string, string | undefined>>;
  /** The home directory when the env names none. */
  homedir: string;
  cwd: string;
  sessionId: string;
}

/** Claude Code's config dir for a session: $CLAUDE_CONFIG_DIR, else $HOME/.claude. */
export function claudeConfigDir(env: TranscriptLocation['env'], homedir: string): string {
  const custom = env.CLAUDE_CONFIG_DIR;
  if (custom && path.isAbsolute(custom)) return custom;
  const home = env.HOME && path.isAbsolute(env.HOME) ? env.HOME : homedir;
  return path.join(home, '.claude');
}

/** The transcript a session writes; undefined when the id could not name a file. */
export function transcriptPathFor(location: TranscriptLocation): string | undefined {
  if (!SESSION_ID.test(location.sessionId) || !path.isAbsolute(location.cwd)) return undefined;
  return path.join(claudeConfigDir(location.env, location.homedir), 'projects', claudeProjectDirName(location.cwd), `${location.sessionId}.jsonl`);
}

/**
 * The latest hook event's `transcript_path` when there is one (it follows `/clear` and
 * `--resume` to a new file), else the path computed from the launch.
 */
export function resolveTranscriptPath(fromHook: string | undefined, location: Partial<TranscriptLocation> & Pick<TranscriptLocation, 'env' | 'homedir'>): string | undefined {
  if (fromHook && path.isAbsolute(fromHook) && fromHook.endsWith('.jsonl')) return fromHook;
  if (location.cwd === undefined || location.sessionId === undefined) return undefined;
  return transcriptPathFor({ ...location, cwd: location.cwd, sessionId: location.sessionId });
}
