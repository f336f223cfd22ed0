/**
 * The SQLite schema as numbered steps. `PRAGMA user_version` records how many have run; opening
 * a database runs the missing ones, each in its own transaction. Never edit a step that has
 * shipped: add the next one.
 *
 * Step 2 and most of step 3 are the SQL PostgreSQL runs too (`../shared-migrations.ts`). Step 1 is
 * SQLite's own (STRICT tables; its timestamps would be BIGINT in PostgreSQL, which has its own
 * step 1 in `../postgres/migrations.ts`), and so is the numbered id of a reload request.
 */
import {
  IDENTIFY_TURNS_STEP,
  PASSAGE_DIGESTS_STEP,
  RELOAD_SHARED_STEP,
  SERVER_DATA_STEP,
} from '../shared-migrations.ts';

export const MIGRATIONS: readonly string[] = [
  // 1: the salt for user hashes, answer state for buttons, one vote per member per answer.
  `
  CREATE TABLE meta (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT;

  CREATE TABLE answers (
    key            TEXT PRIMARY KEY,
    guild_id       TEXT,
    asker_hash     TEXT NOT NULL,
    question       TEXT NOT NULL,
    passage_ids    TEXT NOT NULL,          -- JSON array, best first
    corpus_version TEXT NOT NULL,
    locale         TEXT NOT NULL,
    created_at     INTEGER NOT NULL,       -- ms since the epoch
    expires_at     INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX answers_by_expiry ON answers (expires_at);
  CREATE INDEX answers_by_guild ON answers (guild_id);

  CREATE TABLE votes (
    answer_key TEXT NOT NULL REFERENCES answers (key) ON DELETE CASCADE,
    voter_hash TEXT NOT NULL,
    vote       INTEGER NOT NULL CHECK (vote IN (-1, 1)),
    voted_at   INTEGER NOT NULL,
    PRIMARY KEY (answer_key, voter_hash)
  ) STRICT;
  `,
  // 2: what moderators see per server (shared with PostgreSQL, see shared-migrations.ts).
  SERVER_DATA_STEP,
  // 3: cross-host reloads. The request's id is numbered by the database: SQLite's INTEGER
  // PRIMARY KEY is the row id (never reused while the newest row is kept, which pruning does).
  `
  CREATE TABLE reload_requests (
    id             INTEGER PRIMARY KEY,
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
