import fs from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';

const IDENTITY = ['-c', 'user.name=Wingman Test', '-c', 'user.email=wingman@example.invalid', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main'];

/** Runs git as a person would in `cwd` (with a test identity); returns stdout. */
export async function git(cwd: string, ...args: string[]): Promise<string> {
  const result = await execa('git', [...IDENTITY, ...args], { cwd, stdin: 'ignore' });
  return result.stdout;
}

/** A repository at `dir` on branch main with `files` committed. */
export async function makeRepo(dir: string, files: Record<string, string> = { 'README.md': '# demo\n' }): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  await git(dir, 'init', '-q', '-b', 'main');
  await writeFiles(dir, files);
  await git(dir, 'add', '-A');
  await git(dir, 'commit', '-q', '-m', 'initial');
  return fs.realpath(dir);
}

export async function writeFiles(dir: string, files: Record<string, string>): Promise<void> {
  for (const [file, content] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await fs.writeFile(path.join(dir, file), content);
  }
}

export const exists = (file: string) => fs.access(file).then(() => true, () => false);

/** Branch names of the repository. */
export async function branches(repo: string): Promise<string[]> {
  return (await git(repo, 'branch', '--format=%(refname:short)')).split('\n').filter(Boolean).sort();
}

/** Paths of its worktrees, the main checkout first. */
export async function worktreePaths(repo: string): Promise<string[]> {
  return (await git(repo, 'worktree', 'list', '--porcelain')).split('\n').filter((line) => line.startsWith('worktree ')).map((line) => line.slice('worktree '.length));
}
