/**
 * `npm run bench:bot`: the bot's answer latency under bursts of simultaneous `/ask` against a
 * bare discord.js pong bot, both started the same way against a fake Discord on 127.0.0.1 (see
 * tools/bench-bot/). Reports p50/p99 of answer and acknowledgement latency, the share
 * acknowledged within Discord's 3 s, and each bot's event-loop delay; exit code 0 whatever the
 * numbers. Options: --quick (bursts of 200 only, fewer rounds), --json. BENCH_BOT_NODE_ARGS adds
 * node flags to both bots (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to see where time goes).
 */
import { parseArgs } from 'node:util';
import { runScript } from '../src/run-script.ts';
import { FULL_RUN, QUICK_RUN, runBenchBot } from './bench-bot/run.ts';
import { formatBenchBotReport } from './bench-bot/report.ts';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { json: { type: 'boolean', default: false }, quick: { type: 'boolean', default: false } },
  });
  const report = await runBenchBot({
    ...(values.quick ? QUICK_RUN : FULL_RUN),
    log: (line) => console.error(`bench:bot: ${line}`),
  });
  console.log(values.json ? JSON.stringify(report) : formatBenchBotReport(report));
  return 0;
}

runScript('bench:bot', main);
