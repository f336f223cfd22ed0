/**
 * `npm run bench:reload`: reloading about 100 000 passages while the live engine answers (the
 * event loop's longest block and the answers' latency, before and during), and the bot's start
 * with that corpus and a warm index cache against a bare discord.js bot's, both against a fake
 * Discord on 127.0.0.1 (see tools/bench-reload/). The corpus and its index cache are written once
 * under the system's temp folder and reused. Exit code 0 whatever the numbers. Options: --quick
 * (20 000 passages), --json.
 *
 * Both bots are started as their users start them, with plain `node` (tools/bench-bot/processes.ts):
 * ours as `npm start` runs it, through the launcher that imports its bundle (launch/bundle.mjs;
 * the bundle is brought up to date before the rounds, as the index cache is warmed), the pong bot
 * as one JavaScript file. Until issue 11's start work both ran under tsx (`node --import tsx`),
 * which added about 0.4 s to each and more to ours, whose two hundred modules each went through
 * tsx's loader thread: ratios from before then are not comparable with later ones.
 */
import { parseArgs } from 'node:util';
import { runScript } from '../src/run-script.ts';
import { FULL_RUN, QUICK_RUN, runBenchReload } from './bench-reload/run.ts';
import { formatBenchReloadReport } from './bench-reload/report.ts';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { json: { type: 'boolean', default: false }, quick: { type: 'boolean', default: false } },
  });
  const report = await runBenchReload({
    ...(values.quick ? QUICK_RUN : FULL_RUN),
    log: (line) => console.error(`bench:reload: ${line}`),
  });
  console.log(values.json ? JSON.stringify(report) : formatBenchReloadReport(report));
  return 0;
}

runScript('bench:reload', main);
