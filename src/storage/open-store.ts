/** The store the configuration asks for: SQLite in DATA_DIR (the one backend so far). */
import type { Config } from '../config.ts';
import type { AnswerStore } from './answer-store.ts';
import { SqliteAnswerStore } from './sqlite/sqlite-store.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export function openAnswerStore(config: Pick<Config, 'DATA_DIR' | 'ANSWER_TTL_DAYS'>): AnswerStore {
  return SqliteAnswerStore.open(config.DATA_DIR, { ttlMs: config.ANSWER_TTL_DAYS * DAY_MS });
}
