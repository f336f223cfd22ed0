/** The evaluation sets `npm run eval` scores, and the corpora each is scored on. */
import type { EvalSet } from './run-eval.ts';
import { DEV_CHAT_SET, DEV_MULTI_SET, DEV_SET, EXTRA_MULTI_QUESTIONS, EXTRA_QUESTIONS } from '../paths.ts';

export const EVAL_SETS: EvalSet[] = [
  { name: 'dev', file: DEV_SET, corpora: ['article', 'article+140'] },
  { name: 'dev-chat', file: DEV_CHAT_SET, corpora: ['article', 'article+140'] },
  { name: 'dev-multi', file: DEV_MULTI_SET, corpora: ['article+140'] },
  { name: 'own', file: EXTRA_QUESTIONS, corpora: ['article', 'article+140'] },
  { name: 'own-multi', file: EXTRA_MULTI_QUESTIONS, corpora: ['article+140'] },
  { name: 'dev-variants', file: DEV_SET, corpora: ['article'], variants: true },
];
