/**
 * Re-renders RESULTS.md from a results.json (e.g. after the report's wording changed), without
 * measuring again:  npx tsx bench/render-results.ts [bench/results.json] [bench/RESULTS.md]
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { BENCH_DIR } from './lib/paths.js';
import { evaluateTargets, renderResults, type BenchResults } from './lib/report.js';

const input = path.resolve(process.argv[2] ?? path.join(BENCH_DIR, 'results.json'));
const output = path.resolve(process.argv[3] ?? path.join(path.dirname(input), 'RESULTS.md'));
const results = JSON.parse(await fs.readFile(input, 'utf8')) as BenchResults;
results.targets = evaluateTargets(results);
await fs.writeFile(output, renderResults(results));
process.stderr.write(`wrote ${output}\n`);
