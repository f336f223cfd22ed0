/** The evaluation results as plain-text tables and lists for a terminal. */
import { table } from '../text-table.ts';
import type { QuestionResult, Tally } from './dev-set.ts';
import type { EvalSet, SetResult } from './run-eval.ts';
import type { TargetCheck } from './targets.ts';

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

function tallyCells(t: Tally): string[] {
  return [
    String(t.answerable),
    t.answerable ? pct(t.hitAt1) : '-',
    t.answerable ? pct(t.hitAt3) : '-',
    t.answerable ? t.mrr.toFixed(3) : '-',
    t.answerable ? `${t.wronglyAbstained}` : '-',
    t.unanswerable ? `${t.abstained}/${t.unanswerable} (${pct(t.abstained / t.unanswerable)})` : '-',
  ];
}

const TALLY_HEADER = ['answerable', 'hit@1', 'hit@3', 'MRR', 'abstained', 'unanswerable abstained'];

export function summaryTable(results: SetResult[]): string {
  return table(
    ['set', 'split', 'corpus', ...TALLY_HEADER],
    results.map((r) => [r.set, r.split, r.corpus, ...tallyCells(r.scores)]),
    (column) => column < 3,
  );
}

/** hit@1 by kind, one row per kind, one column per split (unanswerable kinds: share abstained). */
export function kindTable(results: SetResult[]): string {
  const columns = results.map((r) => `${r.split}`);
  const kinds = [...new Set(results.flatMap((r) => [...r.scores.byKind.keys()]))];
  const cell = (t: Tally | undefined) =>
    !t
      ? ''
      : t.answerable > 0
        ? `${pct(t.hitAt1)} of ${t.answerable}`
        : `${pct(t.abstained / t.unanswerable)} abst. of ${t.unanswerable}`;
  return table(
    ['kind', ...columns],
    kinds.map((kind) => [kind, ...results.map((r) => cell(r.scores.byKind.get(kind)))]),
  );
}

/** The held-out figures, the ones to report, on one line (the first a short look at the output shows). */
export function heldOutLine(results: SetResult[]): string | undefined {
  const held = results.filter((r) => r.split === 'held-out');
  if (held.length === 0) return undefined;
  const part = (r: SetResult) => {
    const t = r.scores;
    const abstained = t.unanswerable ? `, unanswerable abstained ${t.abstained}/${t.unanswerable}` : '';
    return `${r.set} on ${r.corpus} hit@1 ${pct(t.hitAt1)} of ${t.answerable}${abstained}`;
  };
  return `Held-out: ${held.map(part).join('; ')}.`;
}

function describeResult(r: QuestionResult): string {
  const first = r.answer.passages[0]?.passage.id ?? 'nothing';
  const state = r.answer.answered ? 'answered' : 'abstained';
  const rank = r.rank === null ? 'not among the passages' : `evidence at ${r.rank}`;
  return `${r.question.id} [${r.question.kind}] "${r.question.question}": ${rank}, ${state} (confidence ${r.answer.confidence}) with ${first}`;
}

export function missList(result: SetResult): string[] {
  const label = `${result.set} ${result.split} ${result.corpus}`;
  return [
    ...result.scores.misses.map((r) => `  miss (${label}) ${describeResult(r)}`),
    ...result.scores.falseAnswers.map((r) => `  answered unanswerable (${label}) ${describeResult(r)}`),
  ];
}

export function targetLines(checks: TargetCheck[]): string[] {
  return checks.map(
    (c) =>
      `  [${c.failures.length === 0 ? 'met' : 'MISSED'}] ${c.target.description} (${c.split})${c.failures.length ? `: ${c.failures.join('; ')}` : ''}`,
  );
}

export interface EvalReportOptions {
  /** Sets skipped because their file is missing, as the reader should find them. */
  missing: string[];
  /** List every miss and every unanswerable question answered. */
  misses: boolean;
}

/** The whole evaluation for a terminal: the summary, hit@1 by kind per set and corpus, the targets, and the misses. */
export function evalReport(
  sets: EvalSet[],
  results: SetResult[],
  checks: TargetCheck[],
  options: EvalReportOptions,
): string {
  const parts = [
    'Evaluation: hit@k counts only answered questions; "tune" questions chose the weights, "held-out" ones never did.',
  ];
  const heldOut = heldOutLine(results);
  if (heldOut) parts.push(heldOut);
  if (options.missing.length) parts.push(`Skipped (file not found): ${options.missing.join(', ')}`);
  parts.push(`\n${summaryTable(results)}`);
  for (const set of sets) {
    for (const corpus of set.corpora) {
      const group = results.filter((r) => r.set === set.name && r.corpus === corpus);
      if (group.length) parts.push(`\n${set.name} on ${corpus}, hit@1 by kind\n${kindTable(group)}`);
    }
  }
  parts.push(`\nTargets (all questions of a set, then its held-out part alone):\n${targetLines(checks).join('\n')}`);
  if (options.misses) parts.push('\nMisses and unanswerable questions answered:', ...results.flatMap(missList));
  return parts.join('\n');
}
