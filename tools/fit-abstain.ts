/**
 * `npm run fit-abstain`: fits the abstain model (`src/engine/answer/abstain.ts`) on the tuning part
 * of the evaluation questions and prints the weights to paste there, with what each threshold
 * would do on the tuning questions and, apart, on the held-out ones (which play no part in the fit).
 *
 * Data: every tuning question of dev, dev-chat (on the article alone and with the 140 distractor
 * articles) and dev-multi (with the 140), read through `Engine.explain`; the features of its best
 * passage, labelled "answer" when the corpus answers it and "abstain" otherwise. Questions for
 * which nothing at all is retrieved abstain anyway and are left out.
 *
 * Fit: logistic regression with a small L2 penalty, both labels weighed equally in total, by
 * gradient descent; weights whose meaning fixes their sign (more coverage can only raise the
 * confidence, a missing name only lower it) are kept to that sign, so confidence is monotone in
 * them. Weights set by hand in the model (`FIXED`, see `abstain.ts` for why) are held at their
 * value while the others are fitted around them.
 */
import { Engine, loadArticlesFile, loadCorpus } from '../src/engine/index.ts';
import {
  ABSTAIN_MODEL,
  abstainFeatures,
  confidenceOf,
  type AbstainFeatures,
  type AbstainModel,
} from '../src/engine/answer/abstain.ts';
import { abstainInput } from '../src/engine/answer/answer.ts';
import { readDevSet, type DevQuestion } from './eval/dev-set.ts';
import { readHoldout } from './eval/run-eval.ts';
import { runScript } from '../src/run-script.ts';
import { DEFAULT_CORPUS_DIR, DEV_CHAT_SET, DEV_MULTI_SET, DEV_SET, DISTRACTORS } from './paths.ts';
import { missingSharedFile } from './shared-files.ts';

interface Example {
  set: string;
  features: AbstainFeatures;
  answerable: boolean;
}

/** Signs the weights must keep: +1 only positive, -1 only negative, 0 free. */
const SIGNS: Record<keyof AbstainModel, number> = {
  bias: 0,
  coverage: 1,
  sentenceCoverage: 1,
  documentCoverage: 1,
  missesName: -1,
  documentMissesName: -1,
  largestMiss: -1,
  noFactCue: -1,
  noOtherCue: -1,
  english: 0,
  unknownShare: -1,
  focusCoverage: 1,
  pairCoverage: 1,
};
const L2 = 0.01;
const STEPS = 20_000;
const LEARNING_RATE = 0.5;

function examples(set: string, engine: Engine, questions: DevQuestion[]): Example[] {
  const out: Example[] = [];
  for (const q of questions) {
    const { question, ranked } = engine.explain(q.question);
    if (ranked.length === 0) continue;
    const features = abstainFeatures(abstainInput(question, ranked));
    out.push({ set, features, answerable: q.evidence.length > 0 });
  }
  return out;
}

/** Weights set by hand in `ABSTAIN_MODEL`, not fitted. */
const FIXED: Partial<Record<keyof AbstainModel, number>> = { noFactCue: ABSTAIN_MODEL.noFactCue };

function fit(data: Example[]): AbstainModel {
  const names = (Object.keys(SIGNS) as (keyof AbstainModel)[]).filter((n) => !Object.hasOwn(FIXED, n));
  const zero = (): AbstainModel => ({ ...SIGNS, ...Object.fromEntries(names.map((n) => [n, 0])), ...FIXED });
  const model = zero();
  const positives = data.filter((d) => d.answerable).length;
  const weightOf = (d: Example) =>
    d.answerable ? data.length / (2 * positives) : data.length / (2 * (data.length - positives));
  for (let step = 0; step < STEPS; step++) {
    const gradient = zero();
    for (const d of data) {
      const error = (confidenceOf(d.features, model) - (d.answerable ? 1 : 0)) * weightOf(d);
      gradient.bias += error;
      for (const n of Object.keys(d.features) as (keyof AbstainFeatures)[]) gradient[n] += error * d.features[n];
    }
    for (const n of names) {
      const penalty = n === 'bias' ? 0 : L2 * model[n];
      model[n] -= LEARNING_RATE * (gradient[n] / data.length + penalty);
      if (SIGNS[n] > 0) model[n] = Math.max(0, model[n]);
      if (SIGNS[n] < 0) model[n] = Math.min(0, model[n]);
    }
  }
  return model;
}

function thresholdTable(model: AbstainModel, groups: Map<string, Example[]>): string {
  const lines = [
    'threshold  ' + [...groups.keys()].map((g) => `${g}: answerable abstained / unanswerable abstained`).join('   '),
  ];
  for (const threshold of [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7]) {
    const cells = [...groups.values()].map((data) => {
      const answerable = data.filter((d) => d.answerable);
      const unanswerable = data.filter((d) => !d.answerable);
      const abstains = (d: Example) => confidenceOf(d.features, model) < threshold;
      return `${answerable.filter(abstains).length}/${answerable.length} ${unanswerable.filter(abstains).length}/${unanswerable.length}`;
    });
    lines.push(`${threshold.toFixed(2).padEnd(11)}${cells.map((c) => c.padEnd(50)).join('')}`);
  }
  return lines.join('\n');
}

async function main(): Promise<number> {
  if (missingSharedFile('fit-abstain', [DEV_SET, DEV_CHAT_SET, DEV_MULTI_SET, DISTRACTORS])) return 1;
  const corpus = await loadCorpus(DEFAULT_CORPUS_DIR);
  const article = Engine.fromDocuments(corpus.documents, { synonyms: corpus.synonyms });
  const mixed = Engine.fromDocuments([...corpus.documents, ...(await loadArticlesFile(DISTRACTORS))], {
    synonyms: corpus.synonyms,
  });
  const holdout = await readHoldout();
  const split = async (file: string) => {
    const all = await readDevSet(file);
    return { tune: all.filter((q) => !holdout.has(q.id)), held: all.filter((q) => holdout.has(q.id)) };
  };
  const dev = await split(DEV_SET);
  const chat = await split(DEV_CHAT_SET);
  const multi = await split(DEV_MULTI_SET);
  const tune = [
    ...examples('dev', article, dev.tune),
    ...examples('dev+140', mixed, dev.tune),
    ...examples('chat', article, chat.tune),
    ...examples('chat+140', mixed, chat.tune),
    ...examples('multi', mixed, multi.tune),
  ];
  const held = [
    ...examples('chat', article, chat.held),
    ...examples('chat+140', mixed, chat.held),
    ...examples('multi', mixed, multi.held),
  ];
  const model = fit(tune);
  const round = (x: number) => Math.round(x * 100) / 100;
  console.log(`Fitted on ${tune.length} tuning questions (${tune.filter((d) => d.answerable).length} answerable):\n`);
  console.log(
    `export const ABSTAIN_MODEL: AbstainModel = ${JSON.stringify(Object.fromEntries(Object.entries(model).map(([k, v]) => [k, round(v)])), null, 2)};\n`,
  );
  const bySet = (data: Example[]) => {
    const groups = new Map<string, Example[]>();
    for (const d of data) groups.set(d.set, [...(groups.get(d.set) ?? []), d]);
    return groups;
  };
  console.log(`Tuning questions:\n${thresholdTable(model, bySet(tune))}\n`);
  console.log(`Held-out questions (not used in the fit):\n${thresholdTable(model, bySet(held))}`);
  return 0;
}

runScript('fit-abstain', main);
