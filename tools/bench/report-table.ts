/** The benchmark report as a plain-text table for a terminal. */
import { tableLines } from '../text-table.ts';
import type { BenchReport, EngineMeasurement, TargetResult } from './run-bench.ts';

const COLUMNS = ['corpus', 'docs', 'passages', 'terms', 'engine', 'build ms', 'p50 ms', 'p99 ms', 'heap MB'] as const;
const ENGINE_COLUMN = COLUMNS.indexOf('engine');
const ROWS_PER_CORPUS = 5;

/** Enough digits to compare small numbers, no false precision on large ones. */
function num(x: number): string {
  if (!Number.isFinite(x)) return '-';
  const abs = Math.abs(x);
  return abs >= 100 ? x.toFixed(0) : abs >= 10 ? x.toFixed(1) : abs >= 1 ? x.toFixed(2) : x.toFixed(3);
}

const ratio = (x: number) => (Number.isFinite(x) ? `${num(x)}×` : '-');

function engineCells(m: EngineMeasurement, format: (x: number) => string): string[] {
  return [format(m.buildMs), format(m.p50Ms), format(m.p99Ms), format(m.heapMB)];
}

function targetLine(t: TargetResult): string {
  const mark = t.pass === null ? '[skip]' : t.pass ? '[PASS]' : '[FAIL]';
  const value =
    t.value === null ? 'not measured in this run' : `${num(t.value)}${t.unit === 'ms' ? ' ms' : '×'} on ${t.corpus}`;
  return `  ${mark} ${t.description}: ${value}`;
}

export function formatReport(report: BenchReport): string {
  const rows: string[][] = [];
  for (const c of report.corpora) {
    rows.push([c.name, String(c.documents), String(c.passages), String(c.terms), 'ours', ...engineCells(c.ours, num)]);
    rows.push(['', '', '', '', 'plain', ...engineCells(c.plain, num)]);
    rows.push(['', '', '', '', 'ours/plain', ...engineCells(c.ratio, ratio)]);
    rows.push(['', '', '', '', 'ours alone', '-', num(c.oursAlone.p50Ms), num(c.oursAlone.p99Ms), '-']);
    rows.push(['', '', '', '', 'first asks', '-', num(c.oursFirstAsk.p50Ms), num(c.oursFirstAsk.p99Ms), '-']);
  }
  // The corpus and engine names are text; the rest are numbers.
  const lines = tableLines(COLUMNS, rows, (column) => column === 0 || column === ENGINE_COLUMN);
  const body: string[] = [];
  lines.rows.forEach((line, i) => {
    // A blank line between corpora (five rows each: ours, plain, the ratio, ours alone, first asks).
    if (i > 0 && i % ROWS_PER_CORPUS === 0) body.push('');
    body.push(line);
  });
  return [
    `odlomek bench: our engine vs plain minisearch (default options) on ${report.questions} dev questions, ${report.warmupRounds} warm-up round(s), then`,
    `per question and engine 1 settling + ${report.repetitions} timed runs, engines taking turns per question, each block after a full collection;`,
    `"ours alone": the same runs before plain's index is built, no collection forced; "first asks": ${report.firstAsks} of the project's own`,
    `questions per corpus, each asked once after others, none asked on another corpus (the word caches warm, the question new); corpus seed ${report.seed}.`,
    `machine: ${report.machine.cpus} CPUs, load average ${report.machine.loadBefore.toFixed(1)} before and ${report.machine.loadAfter.toFixed(1)} after the run (p99 is sensitive to it).`,
    `build = documents to searchable index, chunking included for both; heap = live heap the index adds${report.gcAvailable ? '' : ' (no --expose-gc: includes garbage)'};`,
    'terms = distinct words as plain minisearch indexes them (the synthetic corpora grow their vocabulary like a news archive).',
    '',
    lines.header,
    lines.rule,
    ...body,
    lines.rule,
    '',
    'targets (informational):',
    ...report.targets.map(targetLine),
    '',
    `total runtime ${(report.runtimeMs / 1000).toFixed(1)} s`,
  ].join('\n');
}
