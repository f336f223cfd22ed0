/**
 * The SQLite schema as numbered steps. `PRAGMA user_version` records how many have run; opening
 * a database runs the missing ones, each in its own transaction. Never edit a step that has
 * shipped: add the next one.
 *
 * From step 2 on, steps are written in SQL that PostgreSQL accepts as well (plain types: TEXT,
 * INTEGER, BIGINT for milliseconds since the epoch, DOUBLE PRECISION; no STRICT, no SQLite-only
 * functions), so a PostgreSQL backend can run them as they are. Step 1 is SQLite's own (STRICT
 * tables; its timestamps would be BIGINT in PostgreSQL).
 */
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
  // 2: what moderators see per server. Every question asked (level and lead passage, no text)
  // for /stats, kept for the statistics' longest window; the text of unclear and unanswered
  // questions for /unanswered, bounded per server by count; vote counts per answer and passage,
  // without voters, outliving the answers; the server's own settings (NULL: the default). And the
  // passage a vote was cast on, so a changed vote moves its count.
  `
  CREATE TABLE questions (
    id         TEXT PRIMARY KEY,
    guild_id   TEXT NOT NULL,
    asked_at   BIGINT NOT NULL,
    level      TEXT NOT NULL CHECK (level IN ('clear', 'closest', 'none')),
    passage_id TEXT
  );
  CREATE INDEX questions_by_guild ON questions (guild_id, asked_at);
  CREATE INDEX questions_by_time ON questions (asked_at);

  CREATE TABLE unanswered (
    id         TEXT PRIMARY KEY,
    guild_id   TEXT NOT NULL,
    asked_at   BIGINT NOT NULL,
    channel_id TEXT NOT NULL,
    question   TEXT NOT NULL,
    confidence DOUBLE PRECISION NOT NULL,
    passage_id TEXT
  );
  CREATE INDEX unanswered_by_guild ON unanswered (guild_id, asked_at, id);

  CREATE TABLE ratings (
    answer_key TEXT NOT NULL,
    passage_id TEXT NOT NULL,
    guild_id   TEXT NOT NULL,
    asked_at   BIGINT NOT NULL,
    up         INTEGER NOT NULL,
    down       INTEGER NOT NULL,
    PRIMARY KEY (answer_key, passage_id)
  );
  CREATE INDEX ratings_by_guild ON ratings (guild_id, asked_at);
  CREATE INDEX ratings_by_time ON ratings (asked_at);

  CREATE TABLE guild_settings (
    guild_id         TEXT PRIMARY KEY,
    qa_channel_ids   TEXT,
    cooldown_seconds INTEGER,
    private_answers  INTEGER,
    reply_locale     TEXT,
    updated_at       BIGINT NOT NULL
  );

  ALTER TABLE votes ADD COLUMN passage_id TEXT;
  `,
];
