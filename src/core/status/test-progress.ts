export interface TestProgress {
  passed: number;
  failed: number;
  total: number;
  /** `8/10 passing`, for a phone screen. */
  summary: string;
  runner: 'vitest' | 'jest' | 'pytest' | 'go' | 'cargo' | 'mocha';
}

type Counts = Omit<TestProgress, 'summary' | 'total'> & { total?: number };

const count = (text: string, word: RegExp): number => Number(word.exec(text)?.[1] ?? 0);

/** Line matchers for each runner's closing summary, most specific first. */
const SUMMARY_RULES: ReadonlyArray<(line: string) => Counts | undefined> = [
  // vitest: " Tests  8 passed | 2 failed (10)"
  (line) => {
    const match = /^\s*Tests\s+((?:\d+ \w+(?: \| )?)+)\s*\((\d+)\)\s*$/.exec(line);
    if (!match) return undefined;
    return { runner: 'vitest', passed: count(match[1]!, /(\d+) passed/), failed: count(match[1]!, /(\d+) failed/), total: Number(match[2]) };
  },
  // jest: "Tests:       2 failed, 8 passed, 10 total"
  (line) => {
    const match = /^\s*Tests:\s+(.*\d+ total)\s*$/.exec(line);
    if (!match) return undefined;
    return { runner: 'jest', passed: count(match[1]!, /(\d+) passed/), failed: count(match[1]!, /(\d+) failed/), total: count(match[1]!, /(\d+) total/) };
  },
  // pytest: "===== 2 failed, 8 passed in 0.12s ====="
  (line) => {
    const match = /^=+ (.*\b(?:passed|failed)\b.*) in [\d.]+s(?: \([^)]*\))? =+$/.exec(line.trim());
    if (!match) return undefined;
    return { runner: 'pytest', passed: count(match[1]!, /(\d+) passed/), failed: count(match[1]!, /(\d+) failed/) + count(match[1]!, /(\d+) errors?/) };
  },
  // cargo: "test result: FAILED. 8 passed; 2 failed; 0 ignored; ..."
  (line) => {
    const match = /^\s*test result: \w+\. (\d+) passed; (\d+) failed;/.exec(line);
    if (!match) return undefined;
    return { runner: 'cargo', passed: Number(match[1]), failed: Number(match[2]) };
  },
];

/**
 * The latest test-run summary in some output (a pane, a Bash tool result), from vitest, jest,
 * pytest, go test, cargo test or mocha. Undefined when none is there.
 */
export function detectTestProgress(text: string): TestProgress | undefined {
  const lines = text.split('\n');
  for (let index = lines.length - 1; index >= 0; index -= 1) {
    const line = lines[index]!;
    for (const rule of SUMMARY_RULES) {
      const counts = rule(line);
      if (counts) return withSummary(counts);
    }
    // mocha prints "N passing" then, on a later line, "M failing".
    const passing = /^\s*(\d+) passing\b/.exec(line);
    if (passing) {
      const failing = lines.slice(index + 1, index + 4).map((next) => /^\s*(\d+) failing\b/.exec(next)).find(Boolean);
      return withSummary({ runner: 'mocha', passed: Number(passing[1]), failed: Number(failing?.[1] ?? 0) });
    }
  }
  return goTestProgress(lines);
}

/** go test -v prints one `--- PASS:` / `--- FAIL:` line per test and no totals line. */
function goTestProgress(lines: readonly string[]): TestProgress | undefined {
  const passed = lines.filter((line) => /^\s*--- PASS: /.test(line)).length;
  const failed = lines.filter((line) => /^\s*--- FAIL: /.test(line)).length;
  return passed + failed > 0 ? withSummary({ runner: 'go', passed, failed }) : undefined;
}

function withSummary(counts: Counts): TestProgress {
  const total = counts.total ?? counts.passed + counts.failed;
  return { ...counts, total, summary: `${counts.passed}/${total} passing` };
}
