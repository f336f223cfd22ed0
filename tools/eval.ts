/**
 * `npm run eval`: scores the engine on every evaluation set, on the shipped corpus alone and with
 * the 140 distractor articles added, by kind, with the held-out questions (`tools/eval/holdout.txt`)
 * apart from the ones used for tuning, then checks the targets and lists every miss.
 *
 * Options: --corpus DIR, --distractors FILE, --json (machine-readable results), --no-misses.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Engine, loadArticlesFile, loadCorpus } from '../src/engine/index.ts';
import { runScript } from '../src/run-script.ts';
import { readHoldout, runEval } from './eval/run-eval.ts';
import { checkTargets } from './eval/targets.ts';
import { evalReport } from './eval/report.ts';
import { EVAL_SETS as SETS } from './eval/sets.ts';
import { DEFAULT_CORPUS_DIR, DEV_SET, DISTRACTORS, REPO_ROOT } from './paths.ts';
import { missingSharedFile } from './shared-files.ts';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string', default: DEFAULT_CORPUS_DIR },
      distractors: { type: 'string', default: DISTRACTORS },
      json: { type: 'boolean', default: false },
      'no-misses': { type: 'boolean', default: false },
    },
  });
  if (missingSharedFile('eval', [DEV_SET, values.distractors])) return 1;
  const corpus = await loadCorpus(values.corpus);
  const extra = await loadArticlesFile(values.distractors);
  const engines = {
    article: Engine.fromDocuments(corpus.documents, { synonyms: corpus.synonyms, dir: values.corpus }),
    'article+140': Engine.fromDocuments([...corpus.documents, ...extra], {
      synonyms: corpus.synonyms,
      dir: values.corpus,
    }),
  };
  const results = await runEval(SETS, engines, await readHoldout());
  const checks = checkTargets(results);
  if (values.json) {
    console.log(
      JSON.stringify({
        results: results.map(({ set, corpus: c, split, scores }) => ({
          set,
          corpus: c,
          split,
          ...scores,
          byKind: Object.fromEntries(scores.byKind),
          misses: scores.misses.map((m) => m.question.id),
          wronglyAbstainedResults: undefined,
          falseAnswers: scores.falseAnswers.map((m) => m.question.id),
        })),
        targets: checks.map((c) => ({
          target: c.target.description,
          split: c.split,
          met: c.failures.length === 0,
          failures: c.failures,
        })),
      }),
    );
    return 0;
  }
  const missing = SETS.filter((s) => !existsSync(s.file)).map((s) => path.relative(REPO_ROOT, s.file));
  console.log(evalReport(SETS, results, checks, { missing, misses: !values['no-misses'] }));
  return 0;
}

runScript('eval', main);
