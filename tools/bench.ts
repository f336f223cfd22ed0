/**
 * `npm run bench`: build time, query latency (p50/p99) and heap of our engine against plain
 * minisearch, side by side, on the shipped article, with the 140 distractor articles, and on
 * synthetic corpora of about 20 000 and 100 000 passages. The targets are informational: the
 * exit code is 0 whatever the numbers.
 *
 * Options: --json (one JSON object on stdout), --quick (fewer runs, no 100 000-passage corpus).
 * Progress goes to stderr. Run through `npm run bench` so node has --expose-gc for exact heap figures.
 */
import { parseArgs } from 'node:util';
import { runScript } from '../src/run-script.ts';
import { FULL_RUN, QUICK_RUN, runBench } from './bench/run-bench.ts';
import { formatReport } from './bench/report-table.ts';
import { DEV_SET, DISTRACTORS } from './paths.ts';
import { missingSharedFile } from './shared-files.ts';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      quick: { type: 'boolean', default: false },
    },
  });
  if (missingSharedFile('bench', [DEV_SET, DISTRACTORS])) return 1;
  const options = values.quick ? QUICK_RUN : FULL_RUN;
  const report = await runBench({ ...options, log: (line) => console.error(`bench: ${line}`) });
  console.log(values.json ? JSON.stringify(report) : formatReport(report));
  return 0;
}

runScript('bench', main);
