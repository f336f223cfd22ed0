/**
 * `npm run eval`: scores the engine on the development questions, on the shipped corpus alone and
 * with the 140 distractor articles added, and lists every miss.
 *
 * Options: --corpus DIR, --dev FILE, --distractors FILE, --extra FILE, --json (machine-readable summary).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Engine } from '../engine/engine.ts';
import { loadCorpus, loadArticlesFile } from '../engine/corpus/load.ts';
import { CorpusError } from '../engine/corpus/corpus-error.ts';
import { evidenceRank, readDevSet, score, type DevQuestion, type Scores } from '../eval/dev-set.ts';
import { deriveVariants } from '../eval/variants.ts';
import { DEFAULT_CORPUS_DIR, DEV_SET, DISTRACTORS, EXTRA_QUESTIONS, REPO_ROOT } from './paths.ts';

/** The issue's targets: on the shipped corpus also perfect abstention; with distractors only hit@1. */
const TARGETS = {
  shipped: { hitAt1: 0.95, hitAt3: 1, abstention: true },
  withDistractors: { hitAt1: 0.9, hitAt3: 0, abstention: false },
};

function evaluate(engine: Engine, questions: DevQuestion[]): Scores {
  return score(
    questions.map((question) => {
      const answer = engine.ask(question.question);
      return { question, answer, rank: evidenceRank(answer, question.evidence) };
    }),
  );
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const mark = (ok: boolean) => (ok ? 'ok' : 'BELOW TARGET');

function report(label: string, engine: Engine, s: Scores, target: { hitAt1: number; hitAt3: number; abstention: boolean }): boolean {
  const abstentionOk = !target.abstention || (s.abstained === s.unanswerable && s.wronglyAbstained.length === 0);
  const ok = s.hitAt1 >= target.hitAt1 && s.hitAt3 >= target.hitAt3 && abstentionOk;
  console.log(`\n${label}: ${engine.info().documents.length} articles, ${engine.info().passageCount} passages`);
  console.log(`  hit@1 ${pct(s.hitAt1)} (target ${pct(target.hitAt1)})   hit@3 ${pct(s.hitAt3)}   MRR ${s.mrr.toFixed(3)}   over ${s.answerable} answerable`);
  console.log(`  abstained on ${s.abstained}/${s.unanswerable} unanswerable (${pct(s.unanswerable ? s.abstained / s.unanswerable : 1)}); answerable wrongly abstained: ${s.wronglyAbstained.length}`);
  console.log(`  by kind: ${[...s.byKind].map(([k, v]) => `${k} ${v.hitAt1}/${v.total}`).join(', ')}`);
  for (const m of s.misses) {
    const got = m.answer.passages.map((p) => p.passage.id).join(' ');
    console.log(`  miss ${m.question.id} [${m.question.kind}] "${m.question.question}": evidence at ${m.rank ?? '-'}; got ${m.answer.passages[0]?.passage.id ?? 'nothing'} (${got})`);
  }
  for (const m of s.wronglyAbstained) console.log(`  wrongly abstained ${m.question.id} "${m.question.question}" (confidence ${m.answer.confidence})`);
  for (const m of s.falseAnswers) console.log(`  answered unanswerable ${m.question.id} "${m.question.question}" with ${m.answer.passages[0]?.passage.id} (confidence ${m.answer.confidence})`);
  console.log(`  ${mark(ok)}`);
  return ok;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string', default: DEFAULT_CORPUS_DIR },
      dev: { type: 'string', default: DEV_SET },
      distractors: { type: 'string', default: DISTRACTORS },
      extra: { type: 'string', default: EXTRA_QUESTIONS },
      json: { type: 'boolean', default: false },
    },
  });
  for (const file of [values.dev, values.distractors]) {
    if (!existsSync(file)) {
      console.error(`eval: ${file} not found (the shared folder must sit beside the repository)`);
      return 1;
    }
  }
  const questions = await readDevSet(values.dev);
  const corpus = await loadCorpus(values.corpus);
  const shipped = Engine.fromDocuments(corpus.documents, { synonyms: corpus.synonyms, dir: values.corpus });
  const extra = await loadArticlesFile(values.distractors);
  const mixed = Engine.fromDocuments([...corpus.documents, ...extra], { synonyms: corpus.synonyms, dir: values.corpus });
  const a = evaluate(shipped, questions);
  const b = evaluate(mixed, questions);
  if (values.json) {
    const summary = (s: Scores) => ({
      hitAt1: s.hitAt1, hitAt3: s.hitAt3, mrr: s.mrr, abstained: s.abstained, unanswerable: s.unanswerable,
      wronglyAbstained: s.wronglyAbstained.map((r) => r.question.id), misses: s.misses.map((r) => r.question.id),
    });
    console.log(JSON.stringify({ shipped: summary(a), withDistractors: summary(b) }));
    return 0;
  }
  console.log(`Development set: ${questions.length} questions (${a.answerable} answerable, ${a.unanswerable} not answered by the article)`);
  const okA = report('(a) shipped corpus', shipped, a, TARGETS.shipped);
  const okB = report('(b) shipped corpus + distractor articles', mixed, b, TARGETS.withDistractors);
  const c = evaluate(shipped, deriveVariants(questions));
  console.log(`\n(c) robustness, shipped corpus: the questions again without diacritics and with one typo (${c.answerable + c.unanswerable} variants, no target)`);
  console.log(`  hit@1 ${pct(c.hitAt1)}   hit@3 ${pct(c.hitAt3)}   abstained on ${c.abstained}/${c.unanswerable} unanswerable; answerable wrongly abstained: ${c.wronglyAbstained.length}`);
  for (const m of c.misses) console.log(`  miss ${m.question.id} "${m.question.question}": evidence at ${m.rank ?? '-'}`);
  if (existsSync(values.extra)) {
    const d = evaluate(shipped, await readDevSet(values.extra));
    console.log(`\n(d) the project's own questions (${path.relative(REPO_ROOT, values.extra)}), written apart from the dev set, shipped corpus (no target)`);
    console.log(`  hit@1 ${pct(d.hitAt1)}   hit@3 ${pct(d.hitAt3)}   abstained on ${d.abstained}/${d.unanswerable} unanswerable; answerable wrongly abstained: ${d.wronglyAbstained.length}`);
    for (const m of d.misses) console.log(`  miss ${m.question.id} "${m.question.question}": evidence at ${m.rank ?? '-'}`);
    for (const m of d.wronglyAbstained) console.log(`  wrongly abstained ${m.question.id} "${m.question.question}" (confidence ${m.answer.confidence})`);
    for (const m of d.falseAnswers) console.log(`  answered unanswerable ${m.question.id} "${m.question.question}" (confidence ${m.answer.confidence})`);
  }
  console.log(okA && okB ? '\nAll targets met.' : '\nSome targets are not met.');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof CorpusError ? error.message : `eval failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
