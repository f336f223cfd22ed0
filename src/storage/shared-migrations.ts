/**
 * The schema steps both backends run word for word: plain SQL that SQLite and PostgreSQL accept
 * alike (TEXT, INTEGER, BIGINT for milliseconds since the epoch, DOUBLE PRECISION; no STRICT, no
 * AUTOINCREMENT, no engine-only functions). The contract tests refuse engine-only syntax in them. Where the engines differ (step 1, written for SQLite before PostgreSQL came;
 * an id the database numbers itself in step 3) each backend keeps its own few lines beside these,
 * in `sqlite/migrations.ts` and `postgres/migrations.ts`.
 */

/**
 * Step 2: what moderators see per server. Every question asked (level and lead passage, no text)
 * for /stats, kept for the statistics' longest window; the text of unclear and unanswered
 * questions for /unanswered, bounded per server by count; vote counts per answer and passage,
 * without voters, outliving the answers; the server's own settings (NULL: the default). And the
 * passage a vote was cast on, so a changed vote moves its count.
 */
export const SERVER_DATA_STEP = `
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
  `;

/**
 * Step 3, the part both engines share: what a cross-host `/reload` leaves in the database besides
 * its request row (whose numbered id is engine-specific). Each host reports there what its shards
 * did with a request, and says every few seconds which shards it runs, so the host that asked
 * knows whom to wait for.
 */
export const RELOAD_SHARED_STEP = `
  CREATE TABLE reload_reports (
    request_id  BIGINT NOT NULL,
    host        TEXT NOT NULL,
    report      TEXT NOT NULL,          -- JSON: what each shard of the host did
    reported_at BIGINT NOT NULL,
    PRIMARY KEY (request_id, host)
  );

  CREATE TABLE hosts (
    host    TEXT PRIMARY KEY,
    shards  TEXT NOT NULL,              -- JSON array of shard ids
    seen_at BIGINT NOT NULL
  );
  CREATE INDEX hosts_by_time ON hosts (seen_at);
  `;

/**
 * Step 4: Discord's identify limit across hosts. Each `max_concurrency` bucket may identify once
 * per 5 seconds for the whole bot, so hosts reserve their shards' turns in one row per bucket:
 * the time the bucket's latest reserved identify goes ahead.
 */
export const IDENTIFY_TURNS_STEP = `
  CREATE TABLE identify_turns (
    bucket  INTEGER PRIMARY KEY,
    turn_at BIGINT NOT NULL
  );
  `;

/**
 * Step 5: what each passage of an answer said when it was given (a digest of its text, see
 * `engine/cited.ts`), so that after a reload a button can tell a passage that kept its id but not
 * its text (a paragraph inserted above shifts every id after it) and say so instead of quoting
 * another paragraph under the old question. NULL for answers saved before this step.
 */
export const PASSAGE_DIGESTS_STEP = `
  ALTER TABLE answers ADD COLUMN passage_digests TEXT;
  `;
