/** The `npm run bench:reload` report as text. */
import { table } from '../text-table.ts';
import type { BenchReloadReport } from './run.ts';
import type { Window } from './stall.ts';

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');

export function formatBenchReloadReport(report: BenchReloadReport): string {
  const row = (name: string, w: Window) => [
    name,
    String(Math.round(w.ms)),
    String(w.answers),
    ms(w.answerP50Ms),
    ms(w.answerP99Ms),
    ms(w.answerMaxMs),
    ms(w.loopDelayP99Ms),
    ms(w.loopDelayMaxMs),
  ];
  return [
    `Reloading ${report.passages} passages while the live engine answers (a new question every ~1 ms)`,
    '',
    table(
      ['window', 'ms', 'answers', 'answer p50', 'answer p99', 'answer max', 'loop p99', 'loop max'],
      [row('idle', report.idle), row('reload, rebuilt', report.rebuild), row('reload, cached', report.cached)],
    ),
    '',
    `Start to ready (spawn to "ready as"), warm index cache: ours ${Math.round(report.start.oursMs)} ms, ` +
      `bare pong bot ${Math.round(report.start.pongMs)} ms: ${report.start.ratio.toFixed(2)}×`,
    '',
    'Targets:',
    ...report.targets.map(
      (t) => `  ${t.pass ? 'met ' : 'MISSED'}  ${t.description}: ${t.value.toFixed(2)} (limit ${t.limit})`,
    ),
  ].join('\n');
}
