import { describe, expect, it } from 'vitest';
import { detectTestProgress } from '../../../../src/core/status/test-progress.js';

describe('detectTestProgress', () => {
  it.each([
    ['vitest with failures', ' Test Files  1 failed | 3 passed (4)\n      Tests  2 failed | 8 passed (10)\n   Start at  10:00', 'vitest', 8, 2, 10],
    ['vitest all green', '      Tests  10 passed (10)', 'vitest', 10, 0, 10],
    ['vitest with skips', '      Tests  8 passed | 1 skipped (9)', 'vitest', 8, 0, 9],
    ['jest', 'Test Suites: 1 failed, 1 total\nTests:       2 failed, 8 passed, 10 total\nSnapshots:   0 total', 'jest', 8, 2, 10],
    ['pytest', '============ 2 failed, 8 passed in 0.12s ============', 'pytest', 8, 2, 10],
    ['pytest all green', '=================== 10 passed in 1.02s ===================', 'pytest', 10, 0, 10],
    ['pytest with errors', '===== 1 failed, 7 passed, 2 errors in 3.10s =====', 'pytest', 7, 3, 10],
    ['cargo', 'running 10 tests\ntest result: FAILED. 8 passed; 2 failed; 0 ignored; 0 measured; 0 filtered out', 'cargo', 8, 2, 10],
    ['mocha', '  8 passing (20ms)\n  2 failing\n\n  1) thing', 'mocha', 8, 2, 10],
    ['mocha all green', '  10 passing (5ms)', 'mocha', 10, 0, 10],
    ['go test -v', '=== RUN   TestA\n--- PASS: TestA (0.00s)\n--- FAIL: TestB (0.00s)\n--- PASS: TestC (0.00s)\nFAIL', 'go', 2, 1, 3],
  ])('%s', (_name, output, runner, passed, failed, total) => {
    expect(detectTestProgress(output)).toEqual({ runner, passed, failed, total, summary: `${passed}/${total} passing` });
  });

  it('reports the latest run when several are in the output', () => {
    const output = '      Tests  2 failed | 8 passed (10)\n...fixing...\n      Tests  10 passed (10)';
    expect(detectTestProgress(output)?.summary).toBe('10/10 passing');
  });

  it('finds nothing in output without a test summary', () => {
    expect(detectTestProgress('Compiled successfully.\nTests are important')).toBeUndefined();
    expect(detectTestProgress('')).toBeUndefined();
  });
});
