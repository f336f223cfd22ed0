/**
 * The evaluation itself: every question set on the corpora it is meant for, split into the part
 * used to tune the engine and the held-out part that is only reported.
 */
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { AskOptions, Engine } from '../../src/engine/index.ts';
import { evidenceRank, readDevSet, score, type DevQuestion, type QuestionResult, type Scores } from './dev-set.ts';
import { deriveVariants } from './variants.ts';

/** Which corpus a set is scored on: the shipped article alone, or with the 140 distractor articles. */
export type CorpusName = 'article' | 'article+140';

export interface EvalSet {
  name: string;
  file: string;
  corpora: CorpusName[];
  /** Derived no-diacritics and typo variants rather than the file's own questions. */
  variants?: boolean;
}

export interface SetResult {
  set: string;
  corpus: CorpusName;
  split: 'tune' | 'held-out';
  results: QuestionResult[];
  scores: Scores;
}

const HOLDOUT_FILE = path.join(path.dirname(new URL(import.meta.url).pathname), 'holdout.txt');

/** Ids of the held-out questions (comments and blank lines skipped). */
export async function readHoldout(file = HOLDOUT_FILE): Promise<Set<string>> {
  const lines = (await readFile(file, 'utf8')).split('\n').map((l) => l.trim());
  return new Set(lines.filter((l) => l !== '' && !l.startsWith('#')));
}

export function ask(engine: Engine, questions: DevQuestion[], options: AskOptions = {}): QuestionResult[] {
  return questions.map((question) => {
    const answer = engine.ask(question.question, options);
    return { question, answer, rank: evidenceRank(answer, question.evidence) };
  });
}

/**
 * Scores every set that exists on disk on each of its corpora. Sets whose file is missing are
 * skipped (the caller says so); questions listed in `holdout` are scored apart.
 */
export async function runEval(
  sets: EvalSet[],
  engines: Record<CorpusName, Engine>,
  holdout: Set<string>,
  options: AskOptions = {},
): Promise<SetResult[]> {
  const results: SetResult[] = [];
  for (const set of sets) {
    if (!existsSync(set.file)) continue;
    let questions = await readDevSet(set.file);
    if (set.variants) questions = deriveVariants(questions);
    const parts = {
      tune: questions.filter((q) => !holdout.has(q.id)),
      'held-out': questions.filter((q) => holdout.has(q.id)),
    };
    for (const corpus of set.corpora) {
      for (const split of ['tune', 'held-out'] as const) {
        if (parts[split].length === 0) continue;
        const answers = ask(engines[corpus], parts[split], options);
        results.push({ set: set.name, corpus, split, results: answers, scores: score(answers) });
      }
    }
  }
  return results;
}
