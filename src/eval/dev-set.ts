import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Answer } from '../engine/types.ts';

const questionSchema = z.object({
  id: z.string(),
  question: z.string(),
  kind: z.string().default('plain'),
  evidence: z.array(z.string()),
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
  rank: number | null;
}

export interface Scores {
  answerable: number;
  hitAt1: number;
  hitAt3: number;
  mrr: number;
  /** Answerable questions the engine abstained on. */
  wronglyAbstained: QuestionResult[];
  unanswerable: number;
  /** Unanswerable questions it did abstain on. */
  abstained: number;
  /** Answerable questions whose evidence was not the first passage. */
  misses: QuestionResult[];
  /** Unanswerable questions it answered anyway. */
  falseAnswers: QuestionResult[];
  byKind: Map<string, { total: number; hitAt1: number }>;
}

/** Scores answers against the evidence: ranking metrics over answerable questions, abstention over the rest. */
export function score(results: QuestionResult[]): Scores {
  const answerable = results.filter((r) => r.question.evidence.length > 0);
  const unanswerable = results.filter((r) => r.question.evidence.length === 0);
  const byKind = new Map<string, { total: number; hitAt1: number }>();
  for (const r of answerable) {
    const k = byKind.get(r.question.kind) ?? { total: 0, hitAt1: 0 };
    k.total++;
    if (r.rank === 1) k.hitAt1++;
    byKind.set(r.question.kind, k);
  }
  const share = (n: number, of: number) => (of === 0 ? 1 : n / of);
  return {
    answerable: answerable.length,
    hitAt1: share(answerable.filter((r) => r.rank === 1).length, answerable.length),
    hitAt3: share(answerable.filter((r) => r.rank !== null && r.rank <= 3).length, answerable.length),
    mrr: share(answerable.reduce((sum, r) => sum + (r.rank ? 1 / r.rank : 0), 0), answerable.length),
    wronglyAbstained: answerable.filter((r) => !r.answer.answered),
    unanswerable: unanswerable.length,
    abstained: unanswerable.filter((r) => !r.answer.answered).length,
    misses: answerable.filter((r) => r.rank !== 1),
    falseAnswers: unanswerable.filter((r) => r.answer.answered),
    byKind,
  };
}
