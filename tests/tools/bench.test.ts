// Smoke tests of the benchmark: the synthetic corpora and the shape of the report. No timing
// assertions: numbers depend on the machine.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadArticlesFile, loadCorpus, type CorpusDocument } from '../../src/engine/index.ts';
import { chunkDocument } from '../../src/engine/corpus/chunk.ts';
import { replicateCorpus } from '../../tools/bench/replicate.ts';
import { runBench } from '../../tools/bench/run-bench.ts';
import { formatReport } from '../../tools/bench/report-table.ts';
import { percentile } from '../../tools/bench/measure.ts';
import { CORPUS, DEV_SET, DISTRACTORS } from '../helpers.ts';

let shipped: CorpusDocument[];
let articles: CorpusDocument[];

beforeAll(async () => {
  shipped = (await loadCorpus(CORPUS)).documents;
  articles = await loadArticlesFile(DISTRACTORS);
});

const passageCount = (docs: CorpusDocument[]) => docs.reduce((n, d) => n + chunkDocument(d).length, 0);

describe('corpus replication', () => {
  it('gives the same corpus for the same seed and another for another seed', () => {
    const a = replicateCorpus(shipped, articles, { targetPassages: 4_000, seed: 7 });
    const b = replicateCorpus(shipped, articles, { targetPassages: 4_000, seed: 7 });
    const c = replicateCorpus(shipped, articles, { targetPassages: 4_000, seed: 8 });
    expect(b).toEqual(a);
    expect(c.map((d) => d.text)).not.toEqual(a.map((d) => d.text));
    // A smaller corpus is the start of a larger one, so results across sizes are comparable.
    const larger = replicateCorpus(shipped, articles, { targetPassages: 5_000, seed: 7 });
    expect(larger.slice(0, a.length)).toEqual(a);
  });

  it('reaches about the requested number of passages, the real articles first and once', () => {
    const docs = replicateCorpus(shipped, articles, { targetPassages: 5_000, seed: 1 });
    const passages = passageCount(docs);
    expect(passages).toBeGreaterThanOrEqual(5_000);
    expect(passages).toBeLessThan(5_000 * 1.02);
    expect(docs.slice(0, 1 + articles.length)).toEqual([...shipped, ...articles]);
    expect(docs.filter((d) => d.slug === shipped[0]!.slug)).toHaveLength(1);
  });

  it('makes every replica different text under its own id, with every passage a verbatim slice', () => {
    const docs = replicateCorpus(shipped, articles, { targetPassages: 6_000, seed: 3 });
    expect(new Set(docs.map((d) => d.slug)).size).toBe(docs.length);
    expect(new Set(docs.map((d) => d.text)).size).toBe(docs.length);
    for (const doc of docs) {
      for (const p of chunkDocument(doc)) expect(doc.text.slice(p.start, p.end)).toBe(p.text);
    }
  });

  it('grows the vocabulary beyond the original articles', () => {
    const words = (docs: CorpusDocument[]) =>
      new Set(docs.flatMap((d) => d.text.toLowerCase().match(/\p{L}+/gu) ?? []));
    const originals = words(articles);
    const replicated = words(replicateCorpus(shipped, articles, { targetPassages: 6_000, seed: 3 }));
    expect(replicated.size).toBeGreaterThan(originals.size * 1.2);
  });
});

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const samples = [5, 1, 4, 2, 3];
    expect(percentile(samples, 50)).toBe(3);
    expect(percentile(samples, 99)).toBe(5);
    expect(percentile(samples, 0)).toBe(1);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('runBench', () => {
  it('measures both engines on every corpus and reports the targets it could check', async () => {
    const report = await runBench({
      syntheticSizes: [2_500],
      repetitions: 1,
      warmupRounds: 0,
      seed: 5,
      maxQuestions: 3,
      firstAsks: 4,
      firstAskWarmup: 2,
      corpusDir: CORPUS,
      devSet: DEV_SET,
      distractors: DISTRACTORS,
    });
    expect(report.questions).toBe(3);
    expect(report.machine.cpus).toBeGreaterThan(0);
    expect(report.corpora.map((c) => c.name)).toEqual([
      'shipped article',
      `article + ${articles.length} articles`,
      '~2 500 passages',
    ]);
    expect(report.corpora.map((c) => c.targetPassages)).toEqual([null, null, 2_500]);
    expect(report.corpora[0]!.passages).toBe(11);
    expect(report.corpora[2]!.passages).toBeGreaterThanOrEqual(2_500);
    for (const c of report.corpora) {
      expect(c.terms).toBeGreaterThan(0);
      for (const m of [c.ours, c.plain, c.ratio]) {
        expect(Object.keys(m).sort()).toEqual(['buildMs', 'heapMB', 'p50Ms', 'p99Ms']);
        for (const key of ['buildMs', 'p50Ms', 'p99Ms'] as const) expect(m[key]).toBeGreaterThan(0);
        expect(Number.isNaN(m.heapMB)).toBe(false);
      }
      expect(c.oursAlone.p50Ms).toBeGreaterThan(0);
      expect(c.oursAlone.p99Ms).toBeGreaterThanOrEqual(c.oursAlone.p50Ms);
      expect(c.oursFirstAsk.p50Ms).toBeGreaterThan(0);
    }
    // No target's corpus (20 000, 100 000 passages) was part of this run.
    expect(report.firstAsks).toBe(4);
    expect(report.targets).toHaveLength(5);
    expect(report.targets.every((t) => t.pass === null && t.value === null && t.corpus === null)).toBe(true);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    const table = formatReport(report);
    expect(table).toContain('~2 500 passages');
    expect(table).toContain('ours/plain');
    expect(table).toContain('ours alone');
    expect(table).toContain('first asks');
    expect(table).toContain('[skip]');
  });
});
