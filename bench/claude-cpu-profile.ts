/**
 * Reads what `--claude-cpu-prof DIR` left in DIR (Claude Code's CPU profiles, one per process, and
 * the bench's answers-*.json) and tells where Claude Code spent each answer's decision → shell time.
 *
 *   npx tsx bench/claude-cpu-profile.ts DIR
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { answerWork, formatAnswerWork, type AnswerWindow, type AnswerWork, type CpuProfile } from './lib/claude-cpu-profile.js';

interface SessionAnswers {
  session: string;
  pid: number;
  answers: AnswerWindow[];
}

/** Bun names a profile after its process: CPU.<date>.<time>.<pid>.<thread>.<seq> (1.4.6), CPU.<n>.<pid> (1.4.0). */
const profileOf = (files: readonly string[], pid: number) => files.find((file) => file.endsWith('.cpuprofile') && file.split('.').slice(1, -1).includes(String(pid)));

export async function reportClaudeCpuProfiles(dir: string): Promise<string> {
  const files = await fs.readdir(dir);
  const sections: string[] = [];
  for (const answersFile of files.filter((file) => /^answers-.*\.json$/.test(file)).sort()) {
    const sessions = JSON.parse(await fs.readFile(path.join(dir, answersFile), 'utf8')) as SessionAnswers[];
    const work: AnswerWork[] = [];
    const missing: string[] = [];
    for (const { session, pid, answers } of sessions) {
      const file = profileOf(files, pid);
      if (!file) {
        missing.push(session);
        continue;
      }
      work.push(...answerWork(JSON.parse(await fs.readFile(path.join(dir, file), 'utf8')) as CpuProfile, answers));
    }
    sections.push([`${answersFile.replace(/^answers-|\.json$/g, '')}:`, formatAnswerWork(work), ...(missing.length ? [`  no profile for ${missing.join(', ')} (Claude Code did not exit by SIGTERM?)`] : [])].join('\n'));
  }
  const text = sections.length ? sections.join('\n\n') : `No answers-*.json in ${dir}.`;
  await fs.writeFile(path.join(dir, 'answer-work.txt'), `${text}\n`);
  return text;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('usage: npx tsx bench/claude-cpu-profile.ts DIR\n');
    process.exit(2);
  }
  process.stdout.write(`${await reportClaudeCpuProfiles(path.resolve(dir))}\n`);
}
