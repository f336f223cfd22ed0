/**
 * `npx tsx tools/eval-diagnose.ts [set] [corpus] [split]` (a set of `npm run eval`: dev, dev-chat,
 * dev-multi, own or own-multi): for each question, where its article and its evidence passage
 * rank in the engine's full ranking, and the abstain features of the best passage. For studying misses; prints one line per question.
 */
import { Engine, loadArticlesFile, loadCorpus } from '../src/engine/index.ts';
import { abstainFeatures, confidenceOf } from '../src/engine/answer/abstain.ts';
import { abstainInput } from '../src/engine/answer/answer.ts';
import { readDevSet } from './eval/dev-set.ts';
import { readHoldout } from './eval/run-eval.ts';
import { runScript } from '../src/run-script.ts';
import { EVAL_SETS } from './eval/sets.ts';
import { DEFAULT_CORPUS_DIR, DISTRACTORS } from './paths.ts';
import { missingSharedFile } from './shared-files.ts';

async function main(): Promise<number> {
  const [setName = 'dev-multi', corpusName = 'article+140', splitName = 'tune'] = process.argv.slice(2);
  const file = EVAL_SETS.find((s) => s.name === setName && !s.variants)?.file;
  if (!file) {
    console.error(
      `eval-diagnose: no set "${setName}"; one of ${EVAL_SETS.filter((s) => !s.variants)
        .map((s) => s.name)
        .join(', ')}`,
    );
    return 1;
  }
  if (missingSharedFile('eval-diagnose', corpusName === 'article' ? [file] : [file, DISTRACTORS])) return 1;
  const corpus = await loadCorpus(DEFAULT_CORPUS_DIR);
  const docs =
    corpusName === 'article' ? corpus.documents : [...corpus.documents, ...(await loadArticlesFile(DISTRACTORS))];
  const engine = Engine.fromDocuments(docs, { synonyms: corpus.synonyms });
  const holdout = await readHoldout();
  const questions = (await readDevSet(file)).filter((q) =>
    splitName === 'all' ? true : splitName === 'tune' ? !holdout.has(q.id) : holdout.has(q.id),
  );
  for (const q of questions) {
    const { question, ranked } = engine.explain(q.question);
    const evRank = ranked.findIndex((r) => q.evidence.some((e) => r.passage.text.includes(e)));
    const docs: string[] = [];
    for (const r of ranked) if (!docs.includes(r.passage.doc)) docs.push(r.passage.doc);
    const expectedDoc = q.doc ?? (q.evidence.length ? 'putin-kim-2024-06' : undefined);
    const docRank = expectedDoc ? docs.indexOf(expectedDoc) : -2;
    const f = ranked.length ? abstainFeatures(abstainInput(question, ranked)) : undefined;
    const conf = f ? confidenceOf(f) : 0;
    const fs = f
      ? Object.entries(f)
          .filter(([, v]) => v !== 0)
          .map(([k, v]) => `${k}=${Math.round(v * 100) / 100}`)
          .join(' ')
      : '';
    const concepts = question.concepts
      .map((c) => `${c.alternatives[0]!.keys.join('+')}:${c.weight.toFixed(2)}${c.name ? 'N' : ''}`)
      .join(' ');
    const top = ranked[0]?.passage.id ?? '-';
    console.log(
      `${q.id} [${q.kind}] ev@${evRank + 1} doc@${docRank + 1} conf=${conf.toFixed(2)} top=${top} | ${q.question}\n    concepts: ${concepts}\n    ${fs}` +
        (evRank >= 0
          ? `\n    ev: ${ranked[evRank]!.passage.id} score=${ranked[evRank]!.score.toFixed(3)} vs top ${ranked[0]!.score.toFixed(3)}`
          : ''),
    );
  }
  return 0;
}

runScript('eval-diagnose', main);
