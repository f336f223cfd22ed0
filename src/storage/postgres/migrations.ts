/**
 * The PostgreSQL schema, step for step the same as SQLite's (`../sqlite/migrations.ts`): the same
 * tables, columns and indexes, so both backends answer the same contract tests. Step 2 and most of
 * step 3 are the very same SQL (`../shared-migrations.ts`). Two parts differ, kept here beside
 * them:
 *
 * - Step 1 was written for SQLite alone: STRICT tables and INTEGER timestamps, which overflow
 *   PostgreSQL's 32-bit INTEGER (milliseconds since the epoch need BIGINT).
 * - A reload request's id is numbered by the database: SQLite's row id, PostgreSQL's identity
 *   column (SQLite has no GENERATED ... AS IDENTITY, PostgreSQL no row id).
 *
 * How many steps have run is kept in the table `schema_version` (SQLite keeps it in
 * `PRAGMA user_version`, which PostgreSQL does not have). Never edit a step that has shipped:
 * add the next one, to both lists.
 */
import {
  IDENTIFY_TURNS_STEP,
  PASSAGE_DIGESTS_STEP,
  RELOAD_SHARED_STEP,
  SERVER_DATA_STEP,
} from '../shared-migrations.ts';

export const POSTGRES_MIGRATIONS: readonly string[] = [
  // 1: the salt for user hashes, answer state for buttons, one vote per member per answer.
  `
  CREATE TABLE meta (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );

  CREATE TABLE answers (
    key            TEXT PRIMARY KEY,
    guild_id       TEXT,
    asker_hash     TEXT NOT NULL,
    question       TEXT NOT NULL,
    passage_ids    TEXT NOT NULL,
    corpus_version TEXT NOT NULL,
    locale         TEXT NOT NULL,
    created_at     BIGINT NOT NULL,
    expires_at     BIGINT NOT NULL
  );
  CREATE INDEX answers_by_expiry ON answers (expires_at);
  CREATE INDEX answers_by_guild ON answers (guild_id);

  CREATE TABLE votes (
    answer_key TEXT NOT NULL REFERENCES answers (key) ON DELETE CASCADE,
    voter_hash TEXT NOT NULL,
    vote       INTEGER NOT NULL CHECK (vote IN (-1, 1)),
    voted_at   BIGINT NOT NULL,
    PRIMARY KEY (answer_key, voter_hash)
  );
  `,
  // 2: what moderators see per server: the shared SQL.
  SERVER_DATA_STEP,
  // 3: cross-host reloads; the request's id is an identity column.
  `
  CREATE TABLE reload_requests (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    corpus_version TEXT NOT NULL,
    requested_by   TEXT NOT NULL,
    requested_at   BIGINT NOT NULL
  );
  ` + RELOAD_SHARED_STEP,
  // 4: identify turns shared by the hosts (see shared-migrations.ts).
  IDENTIFY_TURNS_STEP,
  // 5: the passages' digests with each answer (see shared-migrations.ts).
  PASSAGE_DIGESTS_STEP,
];
