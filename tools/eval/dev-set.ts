import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Answer } from '../../src/engine/index.ts';

const questionSchema = z.object({
  id: z.string(),
  question: z.string(),
  kind: z.string().default('plain'),
  evidence: z.array(z.string()),
  /** For questions about one article of many: the article's id. */
  doc: z.string().optional(),
});

export type DevQuestion = z.infer<typeof questionSchema>;

/** Reads an evaluation set: one JSON object per line with id, question, kind and evidence strings. */
export async function readDevSet(file: string): Promise<DevQuestion[]> {
  const lines = (await readFile(file, 'utf8')).split('\n');
  const questions: DevQuestion[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const parsed = questionSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues[0]?.message ?? 'invalid question'}`);
    questions.push(parsed.data);
  });
  return questions;
}

/** 1-based rank of the first passage that contains one of the evidence strings, or null. */
export function evidenceRank(answer: Answer, evidence: string[]): number | null {
  const index = answer.passages.findIndex((r) => evidence.some((e) => r.passage.text.includes(e)));
  return index === -1 ? null : index + 1;
}

export interface QuestionResult {
  question: DevQuestion;
  answer: Answer;
  /** Rank of the evidence among the returned passages, answered or not. */
  rank: number | null;
}

/** Hits over answerable questions and abstentions over unanswerable ones, for one group of questions. */
export interface Tally {
  answerable: number;
  /** Answered with the evidence first: what a user reads as a right answer. */
  hitAt1: number;
  /** Answered with the evidence among the first three passages. */
  hitAt3: number;
  /** Mean reciprocal rank of the evidence in answered questions. */
  mrr: number;
  wronglyAbstained: number;
  unanswerable: number;
  abstained: number;
}

export interface Scores extends Tally {
  byKind: Map<string, Tally>;
  /** Answerable questions not answered with the evidence first (abstained ones included). */
  misses: QuestionResult[];
  /** Answerable questions the engine abstained on. */
  wronglyAbstainedResults: QuestionResult[];
  /** Unanswerable questions it answered anyway. */
  falseAnswers: QuestionResult[];
}

/** True when the question was answered with its evidence within the first `k` passages. */
export const hit = (r: QuestionResult, k: number): boolean => r.answer.answered && r.rank !== null && r.rank <= k;

function tally(results: QuestionResult[]): Tally {
  const answerable = results.filter((r) => r.question.evidence.length > 0);
  const unanswerable = results.filter((r) => r.question.evidence.length === 0);
  const share = (n: number) => (answerable.length === 0 ? 0 : n / answerable.length);
  return {
    answerable: answerable.length,
    hitAt1: share(answerable.filter((r) => hit(r, 1)).length),
    hitAt3: share(answerable.filter((r) => hit(r, 3)).length),
    mrr: share(answerable.reduce((sum, r) => sum + (r.answer.answered && r.rank ? 1 / r.rank : 0), 0)),
    wronglyAbstained: answerable.filter((r) => !r.answer.answered).length,
    unanswerable: unanswerable.length,
    abstained: unanswerable.filter((r) => !r.answer.answered).length,
  };
}

/**
 * Scores answers against the evidence. A question counts as a hit only when the engine answered
 * it: a right passage under "the article does not say" is not an answer a user can use.
 */
export function score(results: QuestionResult[]): Scores {
  const kinds = new Map<string, QuestionResult[]>();
  for (const r of results) kinds.set(r.question.kind, [...(kinds.get(r.question.kind) ?? []), r]);
  const answerable = results.filter((r) => r.question.evidence.length > 0);
  return {
    ...tally(results),
    byKind: new Map([...kinds].map(([kind, group]) => [kind, tally(group)])),
    misses: answerable.filter((r) => !hit(r, 1)),
    wronglyAbstainedResults: answerable.filter((r) => !r.answer.answered),
    falseAnswers: results.filter((r) => r.question.evidence.length === 0 && r.answer.answered),
  };
}
