import { execa } from 'execa';
import { parsePermissionModeChoices } from './permission-modes.js';
import { parseClaudeVersion } from './versions.js';

/** What wingman learns from a Claude Code binary before launching it. */
export interface ClaudeBinaryInfo {
  /** `claude --version`, e.g. `2.1.332`; undefined when it could not be read. */
  version?: string | undefined;
  /** The `--permission-mode` choices its `--help` lists; undefined when not found. */
  permissionModes?: string[] | undefined;
}

/** Each call is quick (0.1–0.5 s warm) but a cold 245 MB binary can take far longer once. */
const PROBE_TIMEOUT_MS = 30_000;

async function output(binary: string, flag: string): Promise<string> {
  const result = await execa(binary, [flag], { reject: false, stdin: 'ignore', timeout: PROBE_TIMEOUT_MS, env: { NO_COLOR: '1' } });
  return result.exitCode === 0 ? String(result.stdout) : '';
}

/** Asks the binary itself; never throws (a failed probe leaves the fields undefined). */
export async function probeClaudeBinary(binary: string): Promise<ClaudeBinaryInfo> {
  const [version, help] = await Promise.all([output(binary, '--version').catch(() => ''), output(binary, '--help').catch(() => '')]);
  return { version: parseClaudeVersion(version), permissionModes: parsePermissionModeChoices(help) };
}
