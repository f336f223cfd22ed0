/** The store the configuration picks: SQLite in DATA_DIR by default, PostgreSQL with DATABASE_URL. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  databasePassword,
  describeOpenedStore,
  describeStoreLocation,
  openAnswerStore,
} from '../../src/storage/open-store.ts';
import { PostgresStore } from '../../src/storage/postgres/postgres-store.ts';
import { SqliteAnswerStore } from '../../src/storage/sqlite/sqlite-store.ts';
import { postgresAdminUrl, postgresSkip } from './backends.ts';
import { freshDatabase } from './postgres-server.ts';

const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const drop of drops) await drop();
});

describe('openAnswerStore', () => {
  it('opens SQLite in DATA_DIR without DATABASE_URL', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'odlomek-data-'));
    const store = await openAnswerStore({ DATA_DIR: dir, ANSWER_TTL_DAYS: 7 });
    expect(store).toBeInstanceOf(SqliteAnswerStore);
    await store.close();
    expect(describeStoreLocation({ DATA_DIR: dir, ANSWER_TTL_DAYS: 7 })).toBe(`DATA_DIR (${dir})`);
  });

  it.skipIf(postgresSkip !== undefined)(
    postgresSkip
      ? `opens PostgreSQL with DATABASE_URL: skipped: ${postgresSkip}`
      : 'opens PostgreSQL with DATABASE_URL',
    async () => {
      const database = await freshDatabase(postgresAdminUrl());
      drops.push(database.drop);
      const store = await openAnswerStore({ DATA_DIR: '/nonexistent', ANSWER_TTL_DAYS: 7, DATABASE_URL: database.url });
      expect(store).toBeInstanceOf(PostgresStore);
      await store.close();
    },
  );

  it('names a PostgreSQL database in log lines without its password', () => {
    const config = {
      DATA_DIR: 'data',
      ANSWER_TTL_DAYS: 7,
      DATABASE_URL: 'postgres://bot:s%40cret-geslo@db.example:5433/odlomek',
    };
    expect(describeStoreLocation(config)).toBe('PostgreSQL at db.example:5433/odlomek');
    expect(describeOpenedStore(config, false)).toBe('database: PostgreSQL at db.example:5433/odlomek');
    expect(databasePassword(config.DATABASE_URL)).toBe('s@cret-geslo');
    expect(databasePassword('postgres://bot@db/odlomek')).toBeUndefined();
  });
});
