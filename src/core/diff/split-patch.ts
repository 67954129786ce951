/** One file's part of a unified diff. */
export interface PatchChunk {
  path: string;
  /** The hunks (`@@ …` and the lines after), without git's headers. */
  hunks: string[];
  binary: boolean;
}

/** Undoes git's C-style quoting of unusual paths (`"a\\tb"`). */
function unquote(name: string): string {
  if (!name.startsWith('"') || !name.endsWith('"')) return name;
  const escapes: Record<string, string> = { n: '\n', t: '\t', '"': '"', '\\': '\\', a: '\x07', b: '\b', f: '\f', r: '\r', v: '\v' };
  const bytes: number[] = [];
  const body = name.slice(1, -1);
  for (let index = 0; index < body.length; index += 1) {
    const char = body[index]!;
    if (char !== '\\') {
      bytes.push(...Buffer.from(char));
      continue;
    }
    const octal = /^[0-7]{3}/.exec(body.slice(index + 1));
    if (octal) {
      bytes.push(parseInt(octal[0], 8));
      index += 3;
      continue;
    }
    const next = body[index + 1] ?? '';
    bytes.push(...Buffer.from(escapes[next] ?? next));
    index += 1;
  }
  return Buffer.from(bytes).toString('utf8');
}

/** `a/x` → `x` (the prefixes are fixed by `--src-prefix=a/ --dst-prefix=b/`). */
const strip = (name: string, prefix: string) => {
  const plain = unquote(name);
  return plain.startsWith(prefix) ? plain.slice(prefix.length) : plain;
};

/** A `---`/`+++` line's name: git ends one holding a space with a tab. */
const nameOf = (line: string) => line.slice(4).replace(/\t$/, '');

function pathOf(header: string, lines: readonly string[]): string {
  const plus = lines.find((line) => line.startsWith('+++ '));
  if (plus && nameOf(plus) !== '/dev/null') return strip(nameOf(plus), 'b/');
  const minus = lines.find((line) => line.startsWith('--- '));
  if (minus && nameOf(minus) !== '/dev/null') return strip(nameOf(minus), 'a/');
  // Binary or mode-only changes have no ---/+++ lines: `diff --git a/P b/P` with the same P twice (no renames).
  const rest = header.slice('diff --git '.length);
  if (rest.startsWith('"')) return strip(rest.slice(0, rest.indexOf('" ') + 1), 'a/');
  const half = (rest.length - 1) / 2;
  return strip(rest.slice(0, half), 'a/');
}

/** Splits `git diff` output into one chunk per file. */
export function splitPatch(patch: string): PatchChunk[] {
  const chunks: PatchChunk[] = [];
  const lines = patch.split('\n');
  let start = -1;
  const close = (end: number) => {
    if (start === -1) return;
    const part = lines.slice(start, end);
    const firstHunk = part.findIndex((line) => line.startsWith('@@'));
    const hunks = firstHunk === -1 ? [] : part.slice(firstHunk);
    while (hunks.length > 0 && hunks.at(-1) === '') hunks.pop();
    chunks.push({ path: pathOf(part[0]!, firstHunk === -1 ? part : part.slice(0, firstHunk)), hunks, binary: part.some((line) => /^Binary files .* differ$/.test(line) || line === 'GIT binary patch') });
  };
  lines.forEach((line, index) => {
    if (!line.startsWith('diff --git ')) return;
    close(index);
    start = index;
  });
  close(lines.length);
  return chunks;
}
