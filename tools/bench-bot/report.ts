/** The `npm run bench:bot` report as a text table. */
import { table } from '../text-table.ts';
import type { BenchBotReport } from './run.ts';

const ms = (n: number) => (Number.isFinite(n) ? String(Math.round(n)) : '–');
const share = (n: number) => `${(n * 100).toFixed(1)} %`;

export function formatBenchBotReport(report: BenchBotReport): string {
  const rows = report.summaries.flatMap((s) =>
    (['ours', 'pong'] as const).map((bot) => {
      const r = s[bot];
      return [
        `${s.size}`,
        s.mix,
        bot,
        ms(r.answerP50Ms),
        ms(r.answerP99Ms),
        ms(r.ackP50Ms),
        ms(r.ackP99Ms),
        share(r.ackedInTime),
        share(r.direct),
        String(r.unanswered),
        ms(r.loopDelayP99Ms),
        ms(r.loopDelayMaxMs),
        Number.isFinite(r.cpuPerInteractionMs) ? r.cpuPerInteractionMs.toFixed(2) : '–',
      ];
    }),
  );
  const lines = [
    'Bursts of simultaneous /ask on the fake Discord (medians over the rounds; ms from dispatch)',
    "CPU ms/ask: the bot process's CPU time (all threads, /proc) from a burst's dispatch until it settled, per interaction",
    '',
    table(
      [
        'burst',
        'questions',
        'bot',
        'answer p50',
        'answer p99',
        'ack p50',
        'ack p99',
        'acked ≤3 s',
        'direct',
        'lost',
        'loop p99',
        'loop max',
        'CPU ms/ask',
      ],
      rows,
      (column) => column <= 2,
    ),
    '',
    ...report.summaries.map(
      (s) => `burst of ${s.size} (${s.mix} questions): answer p50 ours / pong = ${s.p50Ratio.toFixed(2)}×`,
    ),
    `spawn to ready: ours ${ms(report.readyMs.ours)} ms, pong ${ms(report.readyMs.pong)} ms`,
    '',
    'Targets:',
    ...report.targets.map(
      (t) => `  ${t.pass ? 'met ' : 'MISSED'}  ${t.description}: ${t.value.toFixed(2)} (limit ${t.limit})`,
    ),
  ];
  return lines.join('\n');
}
