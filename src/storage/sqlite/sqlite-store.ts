/**
 * The SQLite backend of `AnswerStore` (better-sqlite3): one file, WAL, created and migrated on
 * open. The only code that speaks SQL. better-sqlite3 is synchronous; each call is a few
 * microseconds on an indexed table, so the async methods simply run it and resolve.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { AnswerStore, FoundAnswer, NewAnswer, StoredAnswer, Vote, VoteOutcome } from '../answer-store.ts';
import { ANSWER_KEY_PATTERN, newAnswerKey } from '../answer-key.ts';
import { newSalt, userHash } from '../user-hash.ts';
import { MIGRATIONS } from './migrations.ts';

/** The database file's name inside DATA_DIR. */
export const DATABASE_FILE = 'odlomek.sqlite3';

export interface SqliteStoreOptions {
  /** How long an answer's buttons keep working. */
  ttlMs: number;
  /** The clock (tests move it). */
  now?: () => number;
}

interface AnswerRow {
  key: string;
  guild_id: string | null;
  asker_hash: string;
  question: string;
  passage_ids: string;
  corpus_version: string;
  locale: string;
  created_at: number;
  expires_at: number;
}

const VOTE_VALUE: Record<Vote, number> = { up: 1, down: -1 };

export class SqliteAnswerStore implements AnswerStore {
  private readonly salt: string;
  private readonly now: () => number;

  private constructor(
    private readonly db: Database.Database,
    private readonly ttlMs: number,
    now: (() => number) | undefined,
  ) {
    this.now = now ?? Date.now;
    this.salt = this.readOrMakeSalt();
  }

  /** Opens (creating the folder and file on first use) and migrates the database in `dataDir`. */
  static open(dataDir: string, options: SqliteStoreOptions): SqliteAnswerStore {
    mkdirSync(dataDir, { recursive: true });
    const db = new Database(path.join(dataDir, DATABASE_FILE));
    try {
      // WAL: readers never wait for the writer, and a commit is one append. FULL syncs the log on
      // every commit, so an acknowledged write survives a power cut, not only a killed process.
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      // Another process (a second bot on the same folder, a backup) may hold the lock briefly.
      db.pragma('busy_timeout = 5000');
      migrate(db);
      return new SqliteAnswerStore(db, options.ttlMs, options.now);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  async saveAnswer(answer: NewAnswer): Promise<string> {
    const now = this.now();
    const key = newAnswerKey();
    this.db
      .prepare(
        `INSERT INTO answers (key, guild_id, asker_hash, question, passage_ids, corpus_version, locale, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        key,
        answer.guildId,
        this.hash(answer.askerId),
        answer.question,
        JSON.stringify(answer.passageIds),
        answer.corpusVersion,
        answer.locale,
        now,
        now + this.ttlMs,
      );
    return key;
  }

  async findAnswer(key: string, viewerId: string): Promise<FoundAnswer | undefined> {
    const row = this.liveRow(key);
    if (!row) return undefined;
    return { ...toStored(row), byAsker: row.asker_hash === this.hash(viewerId) };
  }

  async vote(key: string, voterId: string, vote: Vote): Promise<VoteOutcome> {
    const value = VOTE_VALUE[vote];
    const voter = this.hash(voterId);
    return this.db.transaction((): VoteOutcome => {
      if (!this.liveRow(key)) return 'unknown-answer';
      const before = this.db
        .prepare('SELECT vote FROM votes WHERE answer_key = ? AND voter_hash = ?')
        .get(key, voter) as { vote: number } | undefined;
      if (before?.vote === value) return 'unchanged';
      this.db
        .prepare(
          `INSERT INTO votes (answer_key, voter_hash, vote, voted_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (answer_key, voter_hash) DO UPDATE SET vote = excluded.vote, voted_at = excluded.voted_at`,
        )
        .run(key, voter, value, this.now());
      return before ? 'changed' : 'counted';
    })();
  }

  async voteCounts(key: string): Promise<Record<Vote, number>> {
    const row = this.db
      .prepare(
        `SELECT coalesce(sum(vote = 1), 0) AS up, coalesce(sum(vote = -1), 0) AS down FROM votes WHERE answer_key = ?`,
      )
      .get(key) as { up: number; down: number };
    return { up: row.up, down: row.down };
  }

  async forgetGuild(guildId: string): Promise<{ answers: number; votes: number }> {
    return this.db.transaction(() => {
      const votes = this.db
        .prepare('DELETE FROM votes WHERE answer_key IN (SELECT key FROM answers WHERE guild_id = ?)')
        .run(guildId).changes;
      const answers = this.db.prepare('DELETE FROM answers WHERE guild_id = ?').run(guildId).changes;
      return { answers, votes };
    })();
  }

  async pruneExpired(): Promise<number> {
    // Votes go with their answers (ON DELETE CASCADE).
    return this.db.prepare('DELETE FROM answers WHERE expires_at <= ?').run(this.now()).changes;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  /** The answer row under `key` if it exists and has not expired. */
  private liveRow(key: string): AnswerRow | undefined {
    if (!ANSWER_KEY_PATTERN.test(key)) return undefined;
    const row = this.db.prepare('SELECT * FROM answers WHERE key = ?').get(key) as AnswerRow | undefined;
    return row && row.expires_at > this.now() ? row : undefined;
  }

  private hash(userId: string): string {
    return userHash(this.salt, userId);
  }

  private readOrMakeSalt(): string {
    // INSERT OR IGNORE: two processes opening a new database at once agree on the first salt.
    this.db.prepare(`INSERT OR IGNORE INTO meta (name, value) VALUES ('user_hash_salt', ?)`).run(newSalt());
    return (this.db.prepare(`SELECT value FROM meta WHERE name = 'user_hash_salt'`).get() as { value: string }).value;
  }
}

/** Runs the migrations this database has not had yet, each with its version bump in one transaction. */
function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length)
    throw new Error(
      `the database was written by a newer version of odlomek (schema ${current}, this one knows ${MIGRATIONS.length})`,
    );
  MIGRATIONS.slice(current).forEach((sql, i) => {
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${current + i + 1}`);
    }).immediate();
  });
}

function toStored(row: AnswerRow): StoredAnswer {
  return {
    key: row.key,
    question: row.question,
    passageIds: JSON.parse(row.passage_ids) as string[],
    corpusVersion: row.corpus_version,
    locale: row.locale,
    guildId: row.guild_id,
    createdAt: new Date(row.created_at),
    expiresAt: new Date(row.expires_at),
  };
}
