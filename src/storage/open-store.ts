/** The store the configuration asks for: SQLite in DATA_DIR (the one backend so far). */
import type { Config } from '../config.ts';
import { DAY_MS } from './guild-store.ts';
import type { Store } from './store.ts';
import { SqliteAnswerStore } from './sqlite/sqlite-store.ts';

export function openAnswerStore(
  config: Pick<Config, 'DATA_DIR' | 'ANSWER_TTL_DAYS'> & Partial<Pick<Config, 'UNANSWERED_LOG_MAX'>>,
): Store {
  return SqliteAnswerStore.open(config.DATA_DIR, {
    ttlMs: config.ANSWER_TTL_DAYS * DAY_MS,
    ...(config.UNANSWERED_LOG_MAX ? { unansweredLimit: config.UNANSWERED_LOG_MAX } : {}),
  });
}
