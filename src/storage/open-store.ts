/**
 * The store the configuration asks for: PostgreSQL when DATABASE_URL is set (several hosts share
 * it), else SQLite in DATA_DIR (one host, nothing to install or start).
 */
import type { Config } from '../config.ts';
import { DAY_MS } from './guild-store.ts';
import type { Store } from './store.ts';
import { SqliteAnswerStore } from './sqlite/sqlite-store.ts';

export type StoreConfig = Pick<Config, 'DATA_DIR' | 'ANSWER_TTL_DAYS'> &
  Partial<Pick<Config, 'UNANSWERED_LOG_MAX' | 'DATABASE_URL'>>;

export async function openAnswerStore(config: StoreConfig): Promise<Store> {
  const options = {
    ttlMs: config.ANSWER_TTL_DAYS * DAY_MS,
    ...(config.UNANSWERED_LOG_MAX ? { unansweredLimit: config.UNANSWERED_LOG_MAX } : {}),
  };
  if (config.DATABASE_URL) {
    // Loaded only when asked for: a bot on SQLite never loads the PostgreSQL client.
    const { PostgresStore } = await import('./postgres/postgres-store.ts');
    return PostgresStore.open(config.DATABASE_URL, options);
  }
  return SqliteAnswerStore.open(config.DATA_DIR, options);
}

/** Where the store is, for log lines: the database's host and name (never its password), or DATA_DIR. */
export function describeStoreLocation(config: StoreConfig): string {
  if (!config.DATABASE_URL) return `DATA_DIR (${config.DATA_DIR})`;
  try {
    const url = new URL(config.DATABASE_URL);
    return `PostgreSQL at ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
  } catch {
    return 'PostgreSQL (DATABASE_URL)';
  }
}

/** The password in DATABASE_URL, to keep out of every log line. */
export function databasePassword(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return decodeURIComponent(new URL(url).password) || undefined;
  } catch {
    return undefined;
  }
}
