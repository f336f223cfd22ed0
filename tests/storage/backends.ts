/**
 * The two backends the storage contract runs against, each on a real database: SQLite in a temp
 * folder, PostgreSQL in a database of its own on the run's test server (tests/postgres-setup.ts).
 * `postgresSkip` is the reason PostgreSQL tests are skipped here, or undefined when they run.
 */
import Database from 'better-sqlite3';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import type { Store } from '../../src/storage/store.ts';
import { DATABASE_FILE, SqliteAnswerStore } from '../../src/storage/sqlite/sqlite-store.ts';
import { PostgresStore } from '../../src/storage/postgres/postgres-store.ts';
import { adminQuery, freshDatabase } from './postgres-server.ts';

const WEEK = 7 * 24 * 3600 * 1000;

/** What both backends take (each has a few more options of its own). */
export interface CommonOptions {
  ttlMs: number;
  unansweredLimit?: number;
  statsRetentionMs?: number;
  now?: () => number;
}

/** A store on a fresh database, and a way to open the same database again or read a table raw. */
export interface OpenedStore {
  store: Store;
  reopen(options?: Partial<CommonOptions>): Promise<Store>;
  /** Every row of `table`, as the database has it (for "no user id is stored" checks). */
  rows(table: string): Promise<Record<string, unknown>[]>;
}

export interface Backend {
  name: 'SQLite' | 'PostgreSQL';
  /** Why this backend's tests are skipped here; undefined when they run. */
  skip: string | undefined;
  open(options?: Partial<CommonOptions>): Promise<OpenedStore>;
}

const postgres = inject('postgres');

/** Why the PostgreSQL tests do not run here (shown as the skipped tests' name), or undefined. */
export const postgresSkip: string | undefined = postgres.url ? undefined : (postgres.reason ?? 'no PostgreSQL');

/** The run's PostgreSQL server (its admin URL); only call when `postgresSkip` is undefined. */
export function postgresAdminUrl(): string {
  if (!postgres.url) throw new Error(postgresSkip);
  return postgres.url;
}

/** Stores to close after each test (`closeStores`), databases to drop after the file (`dropDatabases`). */
const opened: Store[] = [];
const drops: (() => Promise<void>)[] = [];

export async function closeStores(): Promise<void> {
  for (const store of opened.splice(0)) await store.close();
}

export async function dropDatabases(): Promise<void> {
  await closeStores();
  await Promise.all(drops.splice(0).map((drop) => drop()));
}

export const SQLITE: Backend = {
  name: 'SQLite',
  skip: undefined,
  async open(options = {}) {
    const dir = await mkdtemp(path.join(tmpdir(), 'odlomek-data-'));
    const open = (more: Partial<CommonOptions> = {}) => {
      const store = SqliteAnswerStore.open(dir, { ttlMs: WEEK, ...options, ...more });
      opened.push(store);
      return store;
    };
    return {
      store: open(),
      reopen: async (more) => open(more),
      rows: async (table) => {
        const db = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
        try {
          return db.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[];
        } finally {
          db.close();
        }
      },
    };
  },
};

export const POSTGRES: Backend = {
  name: 'PostgreSQL',
  skip: postgresSkip,
  async open(options = {}) {
    const database = await freshDatabase(postgresAdminUrl());
    drops.push(database.drop);
    const open = async (more: Partial<CommonOptions> = {}) => {
      const store = await PostgresStore.open(database.url, { ttlMs: WEEK, ...options, ...more });
      opened.push(store);
      return store;
    };
    return {
      store: await open(),
      reopen: open,
      rows: async (table) => (await adminQuery(database.url, `SELECT * FROM ${table}`)).rows,
    };
  },
};

export const BACKENDS: Backend[] = [SQLITE, POSTGRES];
