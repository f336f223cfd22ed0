/**
 * `npx tsx tools/explain-question.ts [article|article+140] "question" [evidence passage id]`: how
 * the engine read one question and how its best passages (and, if given, the expected one) were
 * weighed, concept by concept. For studying a miss by hand.
 */
import { Engine, loadArticlesFile, loadCorpus } from '../src/engine/index.ts';
import { runScript } from '../src/run-script.ts';
import { DEFAULT_CORPUS_DIR, DISTRACTORS } from './paths.ts';
import { missingSharedFile } from './shared-files.ts';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  // The corpus may be left out: a first argument that names none is the question, on the article.
  if (args[0] !== 'article' && args[0] !== 'article+140') args.unshift('article');
  const [corpusName, question = '', expected] = args;
  if (corpusName === 'article+140' && missingSharedFile('explain-question', [DISTRACTORS])) return 1;
  const corpus = await loadCorpus(DEFAULT_CORPUS_DIR);
  const docs =
    corpusName === 'article' ? corpus.documents : [...corpus.documents, ...(await loadArticlesFile(DISTRACTORS))];
  const engine = Engine.fromDocuments(docs, { synonyms: corpus.synonyms });
  const { question: parsed, ranked } = engine.explain(question);
  console.log(
    `answerType=${parsed.answerType} english=${parsed.english} unknownShare=${parsed.unknownShare.toFixed(2)}`,
  );
  for (const c of parsed.concepts)
    console.log(
      `  ${question.slice(c.span.start, c.span.end)} w=${c.weight.toFixed(2)} spec=${c.specificity.toFixed(2)}${c.name ? ' name' : ''}: ` +
        c.alternatives
          .slice(0, 10)
          .map((a) => `${a.keys.join('+')}(${a.weight.toFixed(2)})`)
          .join(' '),
    );
  const shown = ranked.slice(0, 4);
  const at = expected ? ranked.findIndex((r) => r.passage.id === expected) : -1;
  if (at >= 4) shown.push(ranked[at]!);
  for (const r of shown) {
    const e = r.evidence;
    console.log(
      `#${ranked.indexOf(r) + 1} ${r.passage.id} score=${r.score.toFixed(3)} bm25=${r.bm25.toFixed(2)} rankCov=${e.rankCoverage.toFixed(2)} sent=${e.rankSentenceCoverage.toFixed(2)} cue=${e.answerCue.toFixed(2)} doc=${e.documentCoverage.toFixed(2)} found=[${e.found.map((f) => f.toFixed(2)).join(' ')}]`,
    );
    console.log(`     ${r.passage.text.slice(0, 220).replace(/\n/g, ' ')}`);
  }
  return 0;
}

runScript('explain-question', main);
