// The evaluation's first lines: what a short look at `npm run eval` shows must be the held-out
// figures, the ones to report.
import { describe, expect, it } from 'vitest';
import { evalReport, heldOutLine } from '../../tools/eval/report.ts';
import type { SetResult } from '../../tools/eval/run-eval.ts';

function result(
  set: string,
  split: SetResult['split'],
  corpus: SetResult['corpus'],
  hits: number,
  of: number,
  abstained = 0,
  unanswerable = 0,
): SetResult {
  const tally = {
    answerable: of,
    hitAt1: hits / of,
    hitAt3: hits / of,
    mrr: hits / of,
    wronglyAbstained: 0,
    unanswerable,
    abstained,
  };
  return {
    set,
    split,
    corpus,
    results: [],
    scores: { ...tally, byKind: new Map(), misses: [], falseAnswers: [], wronglyAbstainedResults: [] },
  };
}

describe('the held-out line', () => {
  it('gives each held-out set with its corpus, hit@1 and abstentions, and leaves the tuning part out', () => {
    const line = heldOutLine([
      result('dev-chat', 'tune', 'article', 90, 100, 20, 25),
      result('dev-chat', 'held-out', 'article', 42, 46, 9, 12),
      result('dev-multi', 'held-out', 'article+140', 14, 20),
    ]);
    expect(line).toBe(
      'Held-out: dev-chat on article hit@1 91.3 % of 46, unanswerable abstained 9/12; dev-multi on article+140 hit@1 70.0 % of 20.',
    );
  });

  it("is the report's second line, before a note of sets skipped", () => {
    const results = [result('dev-chat', 'held-out', 'article', 42, 46, 9, 12)];
    const lines = evalReport([], results, [], { missing: ['dev-multi.jsonl'], misses: false }).split('\n');
    expect(lines[1]).toBe(heldOutLine(results));
    expect(lines[2]).toContain('Skipped');
  });

  it('is left out when no held-out set was run', () => {
    expect(heldOutLine([result('dev', 'tune', 'article', 35, 36)])).toBeUndefined();
  });
});
