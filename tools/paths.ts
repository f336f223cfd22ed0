/** The data the dev tools read: the shipped corpus, and the shared folder beside the repository. */
import path from 'node:path';
import { REPO_ROOT } from '../src/paths.ts';

export { DEFAULT_CORPUS_DIR, REPO_ROOT } from '../src/paths.ts';
/** The read-only shared folder that sits beside the repository (evaluation set, distractors). */
export const SHARED_DIR = path.resolve(REPO_ROOT, '../shared');
export const DEV_SET = path.join(SHARED_DIR, 'eval/dev.jsonl');
/** Chat-style questions about the article, and questions about 15 of the distractor articles. */
export const DEV_CHAT_SET = path.join(SHARED_DIR, 'eval/dev-chat.jsonl');
export const DEV_MULTI_SET = path.join(SHARED_DIR, 'eval/dev-multi.jsonl');
export const DISTRACTORS = path.join(SHARED_DIR, 'data/slnews/articles.jsonl');
/** Questions the project wrote itself, apart from the dev set, to see whether changes generalise. */
export const EXTRA_QUESTIONS = path.join(REPO_ROOT, 'tests/fixtures/extra-questions.jsonl');
/** The project's own questions about 135 of the 140 other articles (scored with them loaded). */
export const EXTRA_MULTI_QUESTIONS = path.join(REPO_ROOT, 'tests/fixtures/extra-multi-questions.jsonl');
