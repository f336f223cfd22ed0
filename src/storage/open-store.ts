/**
 * The store the configuration asks for: PostgreSQL when DATABASE_URL is set (several hosts share
 * it), else SQLite in DATA_DIR (one host, nothing to install or start).
 */
import path from 'node:path';
import type { Config } from '../config.ts';
import { DAY_MS } from './guild-store.ts';
import type { Store } from './store.ts';
import { DATABASE_FILE, SqliteAnswerStore } from './sqlite/sqlite-store.ts';

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

/** The SQLite file the store keeps in DATA_DIR, as an absolute path. */
export function sqliteFile(config: Pick<StoreConfig, 'DATA_DIR'>): string {
  return path.resolve(config.DATA_DIR, DATABASE_FILE);
}

/**
 * The line a start logs once the store is open, so an operator sees which database the bot uses:
 * the SQLite file and whether it was made now (`existed`: it was there before opening), or the
 * PostgreSQL server and database, never the password.
 */
export function describeOpenedStore(config: StoreConfig, existed: boolean): string {
  if (config.DATABASE_URL) return `database: ${describeStoreLocation(config)}`;
  return `database: SQLite file ${sqliteFile(config)} (${existed ? 'opened' : 'created'})`;
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
