import { defineConfig } from 'vitest/config';

// Unit tests are pure and fast; integration and e2e tests drive real tmux and the
// real Claude Code binary, so they run with little parallelism on the 2-core CI box, and the
// projects that start Claude Code run one after another (sequence.groupOrder), never together:
// two projects of two Claude Code 2.1.332 sessions each, beside OpenClaw's gateway, kept both
// cores so busy that its full-screen UI took seconds to redraw.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
          pool: 'forks',
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'reliability',
          include: ['test/reliability/**/*.test.ts'],
          sequence: { groupOrder: 1 },
          testTimeout: 180_000,
          hookTimeout: 120_000,
          pool: 'forks',
          maxWorkers: 2,
        },
      },
      {
        test: {
          // A real OpenClaw gateway under Node 24 (scripts/install-openclaw.sh); runs after the
          // other projects so the gateway does not compete with tmux and Claude for the 2 cores.
          name: 'openclaw',
          include: ['test/openclaw/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 420_000,
          pool: 'forks',
          maxWorkers: 1,
          fileParallelism: false,
          sequence: { groupOrder: 4 },
        },
      },
      {
        test: {
          // The benchmark's smoke mode (N = 3 fake sessions); `npm run bench` runs the full one.
          name: 'bench',
          include: ['test/bench/**/*.test.ts'],
          sequence: { groupOrder: 3 },
          testTimeout: 120_000,
          hookTimeout: 130_000,
          pool: 'forks',
          maxWorkers: 1,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          sequence: { groupOrder: 2 },
          testTimeout: 120_000,
          hookTimeout: 120_000,
          pool: 'forks',
          maxWorkers: 2,
          fileParallelism: true,
        },
      },
    ],
  },
});
