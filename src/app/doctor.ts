import path from 'node:path';
import { loadConfig, resolveConfig } from '../adapters/store/config-file.js';
import { resolveWingmanHome, wingmanPaths } from '../adapters/store/wingman-paths.js';
import { probeMonitor, probePath, probeSocketFile, probeTmux } from '../adapters/doctor/doctor-probes.js';
import { probeClaudeBinary } from '../agents/claude-code/binary-probe.js';
import { resolveClaudeBinary } from '../agents/claude-code/launch.js';
import { evaluateDoctor, type DoctorCheck, type DoctorInputs } from '../core/doctor/doctor-checks.js';
import { isWingmanError } from '../core/errors.js';

/**
 * `wingman doctor`: probes the machine (tmux, the Claude Code binary, the state directory, the
 * hook socket and whether a monitor answers) and judges each. A broken config is itself a check;
 * the others then run with the defaults (and the environment overrides).
 */
export async function runDoctor(env: NodeJS.ProcessEnv = process.env): Promise<DoctorCheck[]> {
  const paths = wingmanPaths(resolveWingmanHome(env));
  let configError: string | undefined;
  const config = await loadConfig(paths.config, env).catch((error: unknown) => {
    configError = isWingmanError(error) ? error.message : String(error);
    return resolveConfig({}, env);
  });
  const [tmux, claude, stateDir, dir, socket, monitor] = await Promise.all([
    probeTmux(),
    probeClaude(config.claude.bin, env.PATH),
    probePath(paths.home),
    probePath(path.dirname(paths.hookSocket)),
    probeSocketFile(paths.hookSocket),
    probeMonitor(paths.hookSocket),
  ]);
  const inputs: DoctorInputs = { configError, tmux, claude, stateDir: { path: paths.home, ...stateDir }, hookSocket: { path: paths.hookSocket, dir, socket, monitor } };
  return evaluateDoctor(inputs);
}

async function probeClaude(bin: string, searchPath: string | undefined): Promise<DoctorInputs['claude']> {
  let binary: string;
  try {
    binary = await resolveClaudeBinary(bin, searchPath);
  } catch (error) {
    return { found: false, message: isWingmanError(error) ? error.message : String(error) };
  }
  return { found: true, path: binary, version: (await probeClaudeBinary(binary)).version };
}
