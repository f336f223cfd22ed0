/**
 * The benchmark itself: our engine against plain minisearch (default options, one document per
 * passage) on corpora from one article to about 100 000 passages. Both index exactly the same
 * passages, so the comparison shows what our analysis and re-ranking cost over bare BM25.
 */
import { availableParallelism, loadavg } from 'node:os';
import MiniSearch from 'minisearch';
import { Engine, loadArticlesFile, loadCorpus, type CorpusDocument } from '../../src/engine/index.ts';
import { chunkDocument } from '../../src/engine/corpus/chunk.ts';
import { readDevSet } from '../eval/dev-set.ts';
import { DEFAULT_CORPUS_DIR, DEV_SET, DISTRACTORS, EXTRA_MULTI_QUESTIONS, EXTRA_QUESTIONS } from '../paths.ts';
import { Prng } from './prng.ts';
import { replicateCorpus } from './replicate.ts';
import { collectNow, GC_AVAILABLE, heapUsed, MB, percentile, timed } from './measure.ts';

export interface BenchOptions {
  /** Passage counts of the synthetic corpora (replicated distractor articles), smallest first. */
  syntheticSizes: number[];
  /** Timed runs of every question on each engine. */
  repetitions: number;
  /** Untimed rounds over all questions first, so both engines are compiled and caches warm. */
  warmupRounds: number;
  /** Seed of the corpus replication: the same seed gives the same corpora. */
  seed: number;
  /** Use only the first questions of the dev set (smoke tests). */
  maxQuestions?: number;
  /**
   * New questions (the project's own, in a seeded order) each asked once, timed, after
   * `NEW_QUESTION_WARMUP` others: what a bot sees for a wording it has not met.
   */
  firstAsks: number;
  /** New questions asked untimed before the first asks (default `NEW_QUESTION_WARMUP`). */
  firstAskWarmup?: number;
  /** The project's own questions, the source of the first asks. */
  newQuestionSets?: string[];
  corpusDir?: string;
  devSet?: string;
  distractors?: string;
  /** Progress lines (the CLI sends them to stderr). */
  log?: (line: string) => void;
}

export const FULL_RUN: BenchOptions = {
  syntheticSizes: [20_000, 100_000],
  repetitions: 10,
  warmupRounds: 1,
  seed: 20_240_619,
  firstAsks: 500,
};
export const QUICK_RUN: BenchOptions = { ...FULL_RUN, syntheticSizes: [20_000], repetitions: 3, firstAsks: 200 };

/** New questions asked before the timed first asks, so the engine's word memory is as in a running bot. */
const NEW_QUESTION_WARMUP = 300;

export interface Latency {
  p50Ms: number;
  p99Ms: number;
}

export interface EngineMeasurement {
  /** Documents to searchable index (chunking included for both), median of the build runs. */
  buildMs: number;
  p50Ms: number;
  p99Ms: number;
  /** Live heap the built index adds (after garbage collection when available). */
  heapMB: number;
}

export interface CorpusMeasurement {
  name: string;
  /** Requested size for synthetic corpora; null for the real ones. */
  targetPassages: number | null;
  documents: number;
  passages: number;
  /** Distinct terms as plain minisearch sees them: shows the vocabulary growing with the corpus. */
  terms: number;
  ours: EngineMeasurement;
  /**
   * Our answers timed with no other engine in the process and no collection forced: what a bot
   * serving this corpus sees for a question asked before (its word memory and passage analyses
   * warm). The first two speed targets are read from it.
   */
  oursAlone: Latency;
  /** Our answers to questions asked for the first time, alone as `oursAlone` (see `BenchOptions.firstAsks`). */
  oursFirstAsk: Latency;
  plain: EngineMeasurement;
  /** ours / plain for every measurement. */
  ratio: EngineMeasurement;
}

export interface TargetResult {
  description: string;
  /** The corpus it was checked on, or null when that corpus was not part of this run. */
  corpus: string | null;
  value: number | null;
  limit: number;
  unit: 'ms' | '×';
  pass: boolean | null;
}

export interface BenchReport {
  questions: number;
  repetitions: number;
  warmupRounds: number;
  seed: number;
  /** Questions timed at their first ask, per corpus. */
  firstAsks: number;
  gcAvailable: boolean;
  /**
   * CPUs and the 1-minute load average before and after the run: tail latencies (p99) on a busy
   * machine say more about the neighbours than about the engine.
   */
  machine: { cpus: number; loadBefore: number; loadAfter: number };
  corpora: CorpusMeasurement[];
  targets: TargetResult[];
  runtimeMs: number;
}

interface CorpusSpec {
  name: string;
  targetPassages: number | null;
  /** Made on demand, so only one large corpus is in memory at a time. */
  documents: () => CorpusDocument[];
}

/** A way to answer a question; returns something so the work cannot be optimised away. */
type Ask = (question: string) => number;

/** The performance targets the issues set (the first engine's and issue 6's): informational, printed with a mark, never an exit failure. */
const TARGETS: {
  description: string;
  passages: number;
  limit: number;
  unit: 'ms' | '×';
  value: (c: CorpusMeasurement) => number;
}[] = [
  {
    description: 'query p50 ≤ 0.2× plain minisearch at ~20 000 passages',
    passages: 20_000,
    limit: 0.2,
    unit: '×',
    value: (c) => c.ratio.p50Ms,
  },
  {
    description: 'answer p50 ≤ 1 ms at ~20 000 passages (ours alone)',
    passages: 20_000,
    limit: 1,
    unit: 'ms',
    value: (c) => c.oursAlone.p50Ms,
  },
  {
    description: 'answer p99 ≤ 10 ms at ~100 000 passages (ours alone)',
    passages: 100_000,
    limit: 10,
    unit: 'ms',
    value: (c) => c.oursAlone.p99Ms,
  },
  {
    description: 'answer p50 ≤ 1 ms at ~20 000 passages, first asks',
    passages: 20_000,
    limit: 1,
    unit: 'ms',
    value: (c) => c.oursFirstAsk.p50Ms,
  },
  {
    description: 'answer p99 ≤ 10 ms at ~100 000 passages, first asks',
    passages: 100_000,
    limit: 10,
    unit: 'ms',
    value: (c) => c.oursFirstAsk.p99Ms,
  },
];

/** How often the small real corpora are built (the median is reported). */
const SMALL_CORPUS_BUILDS = 5;

export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const started = performance.now();
  const loadBefore = loadavg()[0]!;
  const log = options.log ?? (() => {});
  const corpus = await loadCorpus(options.corpusDir ?? DEFAULT_CORPUS_DIR);
  const articles = await loadArticlesFile(options.distractors ?? DISTRACTORS);
  const questions = (await readDevSet(options.devSet ?? DEV_SET)).map((q) => q.question).slice(0, options.maxQuestions);
  const newQuestions = await newQuestionsFor(options);
  const perCorpus = (options.firstAskWarmup ?? NEW_QUESTION_WARMUP) + options.firstAsks;

  const specs: CorpusSpec[] = [
    { name: 'shipped article', targetPassages: null, documents: () => corpus.documents },
    {
      name: `article + ${articles.length} articles`,
      targetPassages: null,
      documents: () => [...corpus.documents, ...articles],
    },
    ...options.syntheticSizes.map((size) => ({
      name: `~${size.toLocaleString('en-US').replace(/,/g, ' ')} passages`,
      targetPassages: size,
      documents: () => replicateCorpus(corpus.documents, articles, { targetPassages: size, seed: options.seed }),
    })),
  ];

  const corpora: CorpusMeasurement[] = [];
  for (const [n, spec] of specs.entries()) {
    const documents = spec.documents();
    log(`${spec.name}: ${documents.length} documents, building indexes…`);
    // Each corpus its own new questions: the process's word caches must not have met them on a
    // smaller corpus (they cycle only when the project's questions run out).
    const ownNew = Array.from(
      { length: perCorpus },
      (_, j) => newQuestions[(n * perCorpus + j) % newQuestions.length]!,
    );
    const measured = measureCorpus(spec, documents, corpus.synonyms, questions, ownNew, options);
    log(
      `${spec.name}: ${measured.passages} passages, ours p50 ${measured.ours.p50Ms.toFixed(2)} ms, plain p50 ${measured.plain.p50Ms.toFixed(2)} ms`,
    );
    corpora.push(measured);
  }

  return {
    questions: questions.length,
    repetitions: options.repetitions,
    warmupRounds: options.warmupRounds,
    firstAsks: options.firstAsks,
    seed: options.seed,
    gcAvailable: GC_AVAILABLE,
    machine: { cpus: availableParallelism(), loadBefore, loadAfter: loadavg()[0]! },
    corpora,
    targets: checkTargets(corpora),
    runtimeMs: performance.now() - started,
  };
}

function measureCorpus(
  spec: CorpusSpec,
  documents: CorpusDocument[],
  synonyms: string[][],
  questions: string[],
  newQuestions: string[],
  options: BenchOptions,
): CorpusMeasurement {
  // The real corpora build in milliseconds, where one run is mostly noise: repeat, keep the median.
  const builds = spec.targetPassages === null ? SMALL_CORPUS_BUILDS : 1;
  const ours = measureBuild(() => Engine.fromDocuments(documents, { synonyms }), builds);
  // Not from the answers' memory: each question is asked many times, and the answer path is what is timed.
  const askOurs: Ask = (q) => ours.value.ask(q, { remember: false }).passages.length;
  // Before plain's index exists: its heap and garbage are no part of a bot's answers.
  const oursAlone = measureAlone(askOurs, questions, options);
  const oursFirstAsk = measureFirstAsks(askOurs, newQuestions, options.firstAskWarmup ?? NEW_QUESTION_WARMUP);
  const plain = measureBuild(() => buildPlainMiniSearch(documents), builds);

  const askPlain: Ask = (q) => plain.value.search(q).length;
  const latency = measureQueries(askOurs, askPlain, questions, options);
  const oursResult: EngineMeasurement = { buildMs: ours.buildMs, heapMB: ours.heapMB, ...latency.ours };
  const plainResult: EngineMeasurement = { buildMs: plain.buildMs, heapMB: plain.heapMB, ...latency.plain };
  return {
    name: spec.name,
    targetPassages: spec.targetPassages,
    documents: documents.length,
    passages: ours.value.info().passageCount,
    terms: plain.value.termCount,
    ours: oursResult,
    oursAlone,
    oursFirstAsk,
    plain: plainResult,
    ratio: {
      buildMs: oursResult.buildMs / plainResult.buildMs,
      p50Ms: oursResult.p50Ms / plainResult.p50Ms,
      p99Ms: oursResult.p99Ms / plainResult.p99Ms,
      heapMB: oursResult.heapMB / plainResult.heapMB,
    },
  };
}

/**
 * The baseline: minisearch exactly as its README shows it, over the passages our chunker makes
 * (id = passage index), so both engines search the same units of text.
 */
export function buildPlainMiniSearch(documents: CorpusDocument[]): MiniSearch<{ id: number; text: string }> {
  const search = new MiniSearch<{ id: number; text: string }>({ fields: ['text'], storeFields: [] });
  search.addAll(documents.flatMap((d) => chunkDocument(d)).map((p, id) => ({ id, text: p.text })));
  return search;
}

/**
 * Median build time over `runs` builds, and the heap the last one holds (earlier builds are
 * garbage by then; repeated builds are only used for the small corpora).
 */
function measureBuild<T>(build: () => T, runs: number): { value: T; buildMs: number; heapMB: number } {
  const before = heapUsed();
  const times: number[] = [];
  let value: T | undefined;
  for (let i = 0; i < runs; i++) {
    const run = timed(build);
    times.push(run.ms);
    value = run.value;
  }
  return { value: value!, buildMs: percentile(times, 50), heapMB: (heapUsed() - before) / MB };
}

/**
 * Query latency of both engines over the questions. Per question each engine runs a block: one
 * untimed settling run, then the timed runs; which engine goes first alternates between
 * questions, so slow drifts (other processes, CPU clock) hit both alike. Blocks rather than
 * alternating every single run: plain minisearch scores nearly every passage on a large corpus
 * and leaves a lot of garbage and cold caches behind, which the next query would otherwise pay
 * for (at 100 000 passages that doubled our p50 and tripled our p99). For the same reason each
 * block starts after a full collection (untimed, with --expose-gc): plain's garbage is collected
 * before our block, not by a major collection in the middle of it (which made our p99 at 100 000
 * passages 13.5 ms in one run where our answers alone measure 5 ms), and ours before plain's.
 * That also spares each engine its own major collections, which is fair for the ratios; the
 * absolute targets are read from `measureAlone`, which forces none.
 */
function measureQueries(
  ours: Ask,
  plain: Ask,
  questions: string[],
  options: BenchOptions,
): Record<'ours' | 'plain', Latency> {
  for (let round = 0; round < options.warmupRounds; round++) {
    for (const q of questions) {
      ours(q);
      plain(q);
    }
  }
  const engines = { ours, plain };
  const samples = { ours: [] as number[], plain: [] as number[] };
  questions.forEach((q, i) => {
    const order = i % 2 === 0 ? (['ours', 'plain'] as const) : (['plain', 'ours'] as const);
    for (const who of order) {
      collectNow();
      samples[who].push(...timedBlock(engines[who], q, options.repetitions));
    }
  });
  return { ours: latencyOf(samples.ours), plain: latencyOf(samples.plain) };
}

/**
 * Our answer latency with nothing else running: the warm-up rounds, then per question one
 * settling run and the timed runs, with no collection forced (our own garbage is collected when
 * the engine's work makes it due, as in a bot).
 */
function measureAlone(ours: Ask, questions: string[], options: BenchOptions): Latency {
  for (let round = 0; round < options.warmupRounds; round++) for (const q of questions) ours(q);
  return latencyOf(questions.flatMap((q) => timedBlock(ours, q, options.repetitions)));
}

/** One untimed settling run of `q`, then the times of `repetitions` runs. */
function timedBlock(ask: Ask, q: string, repetitions: number): number[] {
  ask(q);
  return Array.from({ length: repetitions }, () => timed(() => ask(q)).ms);
}

const latencyOf = (samples: number[]): Latency => ({ p50Ms: percentile(samples, 50), p99Ms: percentile(samples, 99) });

/** The first asks' questions: the project's own, distinct, in an order fixed by the seed (each corpus takes its own slice). */
async function newQuestionsFor(options: BenchOptions): Promise<string[]> {
  const sets = options.newQuestionSets ?? [EXTRA_QUESTIONS, EXTRA_MULTI_QUESTIONS];
  const all = [...new Set((await Promise.all(sets.map((file) => readDevSet(file)))).flat().map((q) => q.question))];
  const random = new Prng(options.seed);
  for (let i = all.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all;
}

/**
 * Each new question asked once and timed, after `warmup` others untimed: the word memory holds
 * what earlier questions used, as in a bot that has been answering for a while, and nothing of
 * the timed question itself.
 */
function measureFirstAsks(ours: Ask, newQuestions: string[], warmup: number): Latency {
  for (const q of newQuestions.slice(0, warmup)) ours(q);
  return latencyOf(newQuestions.slice(warmup).map((q) => timed(() => ours(q)).ms));
}

function checkTargets(corpora: CorpusMeasurement[]): TargetResult[] {
  return TARGETS.map((t) => {
    const corpus = corpora.find((c) => c.targetPassages === t.passages);
    if (!corpus)
      return { description: t.description, corpus: null, value: null, limit: t.limit, unit: t.unit, pass: null };
    const value = t.value(corpus);
    return {
      description: t.description,
      corpus: corpus.name,
      value,
      limit: t.limit,
      unit: t.unit,
      pass: value <= t.limit,
    };
  });
}
