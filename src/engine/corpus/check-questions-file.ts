/**
 * The check questions file of a corpus folder (`questions.jsonl`): one JSON object per line,
 * `{"question": "…", "expect": "article#3"}`, or `"expect": null` where the bot should say the
 * article does not tell. Like `synonyms.txt` it is a corpus-support file, never an article.
 */
import path from 'node:path';
import { zod } from '../util/zod.ts';
import { MAX_QUESTION_LENGTH } from '../question-limit.ts';
import type { CorpusProblem } from '../types.ts';
import { forEachJsonLine } from './json-lines.ts';

/** Name of the check questions file in a corpus folder (it is never read as an article). */
export const CHECK_QUESTIONS_FILE = 'questions.jsonl';

/**
 * Whether `rel` is a check questions file: its name in any case. `Questions.jsonl` was read as an
 * article file, every line refused for want of "id", "title", "date" and "text".
 */
export function isCheckQuestionsFile(rel: string): boolean {
  return path.basename(rel).toLowerCase() === CHECK_QUESTIONS_FILE;
}

export interface CheckQuestion {
  question: string;
  /** The passage that should come first, or null: the bot should abstain. */
  expect: string | null;
  /** Where it was written: `questions.jsonl:3`. */
  source: string;
}

export interface CheckQuestions {
  questions: CheckQuestion[];
  /** Lines that could not be read, each with its file and line; the other lines still count. */
  problems: CorpusProblem[];
}

const line = zod.object({
  question: zod
    .string({ error: '"question" must be text' })
    .trim()
    .min(1, '"question" must not be empty')
    .max(MAX_QUESTION_LENGTH, `"question" must be at most ${MAX_QUESTION_LENGTH} characters`),
  expect: zod.union([zod.string().trim().min(1), zod.null()], {
    error: '"expect" must be a passage id such as "article#3", or null for "should abstain"',
  }),
});

/** Parses one check questions file; `rel` is its path in the corpus folder, for problems and sources. */
export function parseCheckQuestions(content: string, rel: string): CheckQuestions {
  const questions: CheckQuestion[] = [];
  const problems: CorpusProblem[] = [];
  forEachJsonLine(content, rel, problems, (value, where) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !('expect' in value)) {
      problems.push({ ...where, message: 'must be a JSON object with "question" and "expect"' });
      return;
    }
    const parsed = line.safeParse(value);
    if (!parsed.success) {
      problems.push({ ...where, message: parsed.error.issues.map((i) => i.message).join('; ') });
      return;
    }
    questions.push({ ...parsed.data, source: `${rel}:${where.line}` });
  });
  return { questions, problems };
}
