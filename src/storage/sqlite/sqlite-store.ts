/**
 * The SQLite backend of the store (better-sqlite3), the default: one file, WAL, created and
 * migrated on open. better-sqlite3 is synchronous; each call is
 * a few microseconds on an indexed table, so the async methods simply run it and resolve. The
 * PostgreSQL backend (`../postgres/postgres-store.ts`) keeps the same contract for several hosts.
 */
import Database from 'better-sqlite3';
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FoundAnswer, NewAnswer, Vote, VoteOutcome } from '../answer-store.ts';
import {
  DAY_MS,
  type AskedLevel,
  type AskedQuestion,
  type DailyQuestions,
  type DailyVotes,
  type ForgottenGuild,
  type GuildActivity,
  type StoredGuildSettings,
  type UnansweredQuestion,
} from '../guild-store.ts';
import type { Store } from '../store.ts';
import {
  answerValues,
  settingsValues,
  toLiveHost,
  toReloadReport,
  toReloadRequest,
  toSettings,
  toStoredAnswer,
  toUnanswered,
  VOTE_VALUE,
  type AnswerRow,
  type HostRow,
  type ReloadReportRow,
  type ReloadRequestRow,
  type SettingsRow,
  type UnansweredRow,
} from '../rows.ts';
import { ANSWER_KEY_PATTERN, newAnswerKey } from '../answer-key.ts';
import { newSalt, userHash } from '../user-hash.ts';
import { DEFAULT_UNANSWERED_LIMIT, dueForTrim, STATS_RETENTION_DAYS, TRIM_EVERY } from '../limits.ts';
import { RELOAD_RETENTION_MS, type HostReloadReport, type LiveHost, type ReloadRequest } from '../reload-store.ts';
import { describeStorageError, isSqliteBusy } from '../storage-error.ts';
import { log } from '../../log.ts';
import { MIGRATIONS } from './migrations.ts';
import { GroupCommit } from './group-commit.ts';

/** The database file's name inside DATA_DIR. */
export const DATABASE_FILE = 'odlomek.sqlite3';

export interface SqliteStoreOptions {
  /** How long an answer's buttons keep working. */
  ttlMs: number;
  /** Most unclear or unanswered questions kept per server (default `DEFAULT_UNANSWERED_LIMIT`). */
  unansweredLimit?: number;
  /** How long question and vote counts are kept (default `STATS_RETENTION_DAYS`). */
  statsRetentionMs?: number;
  /** The clock (tests move it). */
  now?: () => number;
  /** How long a write waits for another process's lock (default `BUSY_TIMEOUT_MS`). */
  busyTimeoutMs?: number;
  /**
   * Caps the file at this many pages (of 4 KiB) after the schema is in place; a write past it
   * fails as on a full disk (tests use it to simulate one). Default: no cap.
   */
  maxPages?: number;
}

export { DEFAULT_UNANSWERED_LIMIT, STATS_RETENTION_DAYS, TRIM_EVERY };

/**
 * How long another process may hold the write lock before a write gives up. better-sqlite3 waits
 * synchronously, stalling every interaction in flight: at 5 s each of them outlived Discord's 3 s
 * and failed, where the point of giving up is that answers go out without buttons. Half a second
 * still covers a backup's or `forget-guild`'s short transaction.
 */
export const BUSY_TIMEOUT_MS = 500;

/**
 * After a write gave up on a lock, how long later writes fail at once instead of waiting
 * `busyTimeoutMs` each: better-sqlite3 waits on the event loop, so a stuck lock would otherwise
 * stall every answer by seconds.
 */
export const LOCKED_PAUSE_MS = 30_000;
/** A write that failed on the lock after this share of the busy timeout waited it out (timers are coarse). */
const WAITED_OUT_SHARE = 0.9;

/** Between tries of a step SQLite refused as busy without waiting (see `whileBusy`). */
const BUSY_RETRY_PAUSE_MS = 20;

/**
 * SQLite copies the write-ahead log back into the database file (a checkpoint, with its fsync)
 * when a commit finds the log past `wal_autocheckpoint` pages. Left at its default (1000 pages,
 * about 250 answers' states) that lands in the middle of a burst of answers, blocking the event
 * loop for tens to hundreds of milliseconds, and made each answer's state save about twice as
 * expensive on average. Instead the store checkpoints once writes have been quiet this long
 * (after the burst)...
 */
export const CHECKPOINT_WHEN_QUIET_MS = 500;
/**
 * ...and SQLite itself only when the log reaches this many pages (16 MiB) without a quiet moment
 * (sustained load), so the log stays bounded. Durability is unchanged: a commit is in the log
 * either way; a checkpoint only moves it into the main file.
 */
export const WAL_PAGES_BEFORE_CHECKPOINT = 4000;

export class SqliteAnswerStore implements Store {
  private readonly salt: string;
  private readonly now: () => number;
  private readonly ttlMs: number;
  private readonly unansweredLimit: number;
  private readonly statsRetentionMs: number;
  private readonly busyTimeoutMs: number;
  /** While set (a time on the real clock), writes do not wait for a lock: one has been stuck. */
  private waitingPausedUntil: number | undefined;
  /** Per server: unanswered entries logged since the log was last trimmed to its limit. */
  private readonly untrimmed = new Map<string, number>();
  /** When the last write ran (`performance.now()`), and the timer of the checkpoint waiting for quiet. */
  private lastWriteAt = 0;
  private checkpointTimer: NodeJS.Timeout | undefined;
  /** Each statement prepared once: preparing costs more than running a small insert. */
  private readonly statements = new Map<string, Database.Statement>();

  private constructor(
    private readonly db: Database.Database,
    options: SqliteStoreOptions,
  ) {
    this.insertAnswers = this.immediate((rows: unknown[][]) => {
      const insert = this.sql(
        `INSERT INTO answers (key, guild_id, asker_hash, question, passage_ids, corpus_version, locale, created_at, expires_at, passage_digests)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const row of rows) insert.run(...row);
    });
    this.now = options.now ?? Date.now;
    this.ttlMs = options.ttlMs;
    this.unansweredLimit = options.unansweredLimit ?? DEFAULT_UNANSWERED_LIMIT;
    this.statsRetentionMs = options.statsRetentionMs ?? STATS_RETENTION_DAYS * DAY_MS;
    this.busyTimeoutMs = options.busyTimeoutMs ?? BUSY_TIMEOUT_MS;
    this.salt = this.readOrMakeSalt();
    this.inode = statSync(db.name).ino;
  }

  /** The database file's inode as opened: a file deleted or put in its place has another (or none). */
  private readonly inode: number;
  /** Said once: the same line after every quiet moment would bury the rest of the log. */
  private replacedFileSaid = false;

  /**
   * Says, once, that the database file was deleted or replaced while the store has it open (a
   * cleanup of DATA_DIR, a restore from a backup): SQLite goes on writing to the file it opened,
   * which is gone at the next start, so what the bot saves meanwhile would be lost without a word.
   */
  private checkFileIsOurs(): void {
    if (this.replacedFileSaid) return;
    const now = statSync(this.db.name, { throwIfNoEntry: false });
    if (now?.ino === this.inode) return;
    this.replacedFileSaid = true;
    log.error(
      `the database file ${this.db.name} was ${now ? 'replaced' : 'deleted'} while the bot runs: what it saves now is lost when it stops. Restart the bot to use ${now ? 'the file there now' : 'a new file'}`,
    );
  }

  /** Opens (creating the folder and file on first use) and migrates the database in `dataDir`. */
  static open(dataDir: string, options: SqliteStoreOptions): SqliteAnswerStore {
    try {
      mkdirSync(dataDir, { recursive: true });
    } catch (error) {
      // Node says "EEXIST: file already exists, mkdir …" for a file where the folder should be.
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' || code === 'ENOTDIR')
        throw new Error(`${dataDir} is a file, or inside one, not a folder: point DATA_DIR at a folder`, {
          cause: error,
        });
      throw error;
    }
    const db = new Database(path.join(dataDir, DATABASE_FILE));
    try {
      // WAL: readers never wait for the writer, and a commit is one append. NORMAL syncs at
      // checkpoints, not on every commit: a committed write survives a killed process (it is in
      // the OS's buffers) and the file stays consistent after a power cut, which may only take the
      // last moments' button states and log lines. FULL's fsync per commit blocked the event loop
      // for milliseconds per answer, two commits an answer: under a burst, most of the reply time.
      const busyTimeoutMs = options.busyTimeoutMs ?? BUSY_TIMEOUT_MS;
      // Another process (a second bot on the same folder, a backup) may hold the lock briefly.
      db.pragma(`busy_timeout = ${busyTimeoutMs}`);
      whileBusy(busyTimeoutMs, () => db.pragma('journal_mode = WAL'));
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      db.pragma(`wal_autocheckpoint = ${WAL_PAGES_BEFORE_CHECKPOINT}`);
      migrate(db);
      // SQLite never lowers the cap below the pages in use.
      if (options.maxPages !== undefined) db.pragma(`max_page_count = ${options.maxPages}`);
      return new SqliteAnswerStore(db, options);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  async saveAnswer(answer: NewAnswer): Promise<string> {
    const now = this.now();
    const key = newAnswerKey();
    await this.answerRows.add(answerValues(key, answer, this.hash(answer.askerId), now, this.ttlMs));
    return key;
  }

  /** Answers' states, saved a burst at a time (see `GroupCommit`), in a transaction made once. */
  private readonly answerRows = new GroupCommit<unknown[]>((rows) => this.writing(() => this.insertAnswers(rows)));
  /** Inserts answer rows in one transaction (made once: better-sqlite3 builds a wrapper per `transaction` call). */
  private readonly insertAnswers: (rows: unknown[][]) => void;

  async findAnswer(key: string, viewerId: string): Promise<FoundAnswer | undefined> {
    const row = this.liveRow(key);
    if (!row) return undefined;
    return { ...toStoredAnswer(row), byAsker: row.asker_hash === this.hash(viewerId) };
  }

  async vote(key: string, voterId: string, vote: Vote, passageId?: string): Promise<VoteOutcome> {
    const value = VOTE_VALUE[vote];
    const voter = this.hash(voterId);
    return this.writing(
      this.immediate((): VoteOutcome => {
        const answer = this.liveRow(key);
        if (!answer) return 'unknown-answer';
        const before = this.sql('SELECT vote, passage_id FROM votes WHERE answer_key = ? AND voter_hash = ?').get(
          key,
          voter,
        ) as { vote: number; passage_id: string | null } | undefined;
        if (before?.vote === value) return 'unchanged';
        this.sql(
          `INSERT INTO votes (answer_key, voter_hash, vote, voted_at, passage_id) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (answer_key, voter_hash) DO UPDATE
           SET vote = excluded.vote, voted_at = excluded.voted_at, passage_id = excluded.passage_id`,
        ).run(key, voter, value, this.now(), passageId ?? null);
        if (answer.guild_id !== null) {
          if (before?.passage_id) this.countRating(answer, before.passage_id, before.vote, -1);
          if (passageId) this.countRating(answer, passageId, value, 1);
        }
        return before ? 'changed' : 'counted';
      }),
    );
  }

  /** Adds `by` (1 or -1) to the up or down count of an answer's passage in its server's vote counts. */
  private countRating(answer: AnswerRow, passageId: string, vote: number, by: 1 | -1): void {
    this.sql(
      `INSERT INTO ratings (answer_key, passage_id, guild_id, asked_at, up, down) VALUES (?, ?, ?, ?, 0, 0)
         ON CONFLICT (answer_key, passage_id) DO NOTHING`,
    ).run(answer.key, passageId, answer.guild_id, answer.created_at);
    // Never below zero: the count a change takes back may have been pruned with old statistics.
    const column = vote > 0 ? 'up' : 'down';
    this.sql(
      `UPDATE ratings SET ${column} = CASE WHEN ${column} + ? < 0 THEN 0 ELSE ${column} + ? END
         WHERE answer_key = ? AND passage_id = ?`,
    ).run(by, by, answer.key, passageId);
  }

  async voteCounts(key: string): Promise<Record<Vote, number>> {
    const row = this.sql(
      `SELECT coalesce(sum(vote = 1), 0) AS up, coalesce(sum(vote = -1), 0) AS down FROM votes WHERE answer_key = ?`,
    ).get(key) as { up: number; down: number };
    return { up: row.up, down: row.down };
  }

  async forgetGuild(guildId: string): Promise<ForgottenGuild> {
    this.untrimmed.delete(guildId);
    return this.writing(
      this.immediate((): ForgottenGuild => {
        const run = (sql: string) => this.sql(sql).run(guildId).changes;
        const votes = run('DELETE FROM votes WHERE answer_key IN (SELECT key FROM answers WHERE guild_id = ?)');
        return {
          answers: run('DELETE FROM answers WHERE guild_id = ?'),
          votes,
          questions: run('DELETE FROM questions WHERE guild_id = ?'),
          unanswered: run('DELETE FROM unanswered WHERE guild_id = ?'),
          ratings: run('DELETE FROM ratings WHERE guild_id = ?'),
          settings: run('DELETE FROM guild_settings WHERE guild_id = ?'),
        };
      }),
    );
  }

  async pruneExpired(): Promise<number> {
    const now = this.now();
    return this.writing(
      this.immediate(() => {
        const statsFrom = now - this.statsRetentionMs;
        this.sql('DELETE FROM questions WHERE asked_at < ?').run(statsFrom);
        this.sql('DELETE FROM ratings WHERE asked_at < ?').run(statsFrom);
        this.pruneReloads(now - RELOAD_RETENTION_MS);
        // Votes go with their answers (ON DELETE CASCADE).
        return this.sql('DELETE FROM answers WHERE expires_at <= ?').run(now).changes;
      }),
    );
  }

  async recordQuestion(q: AskedQuestion): Promise<void> {
    this.writing(this.immediate(() => this.insertQuestion(q, q.askedAt ?? this.now())));
  }

  async forgetQuestions(guildId: string, askedUpTo: number): Promise<void> {
    this.writing(
      this.immediate(() => {
        this.sql('DELETE FROM questions WHERE guild_id = ? AND asked_at <= ?').run(guildId, askedUpTo);
        this.sql('DELETE FROM unanswered WHERE guild_id = ? AND asked_at <= ?').run(guildId, askedUpTo);
      }),
    );
  }

  async recordQuestions(questions: readonly AskedQuestion[]): Promise<void> {
    if (questions.length === 0) return;
    const now = this.now();
    this.writing(
      this.immediate(() => {
        for (const q of questions) this.insertQuestion(q, q.askedAt ?? now);
      }),
    );
  }

  /** One question's rows (inside the caller's transaction), and the server's log trimmed when due. */
  private insertQuestion(q: AskedQuestion, now: number): void {
    // The same id in both tables: each table's ids are its own.
    const id = q.id ?? newAnswerKey();
    const inserted = this.sql(
      'INSERT INTO questions (id, guild_id, asked_at, level, passage_id) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
    ).run(id, q.guildId, now, q.level, q.passageId);
    if (q.level === 'clear' || inserted.changes === 0) return;
    this.sql(
      `INSERT INTO unanswered (id, guild_id, asked_at, channel_id, question, confidence, passage_id)
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
    ).run(id, q.guildId, now, q.channelId, q.question, q.confidence, q.passageId);
    // Trimming looks past `unansweredLimit` entries, so it is done every TRIM_EVERY entries of a
    // server, not each time: the log holds at most TRIM_EVERY - 1 more than the limit, and reads
    // never return more than the limit.
    if (!dueForTrim(this.untrimmed, q.guildId)) return;
    // The oldest entry still kept; everything older goes.
    const last = this.sql(
      'SELECT asked_at, id FROM unanswered WHERE guild_id = ? ORDER BY asked_at DESC, id DESC LIMIT 1 OFFSET ?',
    ).get(q.guildId, this.unansweredLimit - 1) as { asked_at: number; id: string } | undefined;
    if (last)
      this.sql('DELETE FROM unanswered WHERE guild_id = ? AND (asked_at < ? OR (asked_at = ? AND id < ?))').run(
        q.guildId,
        last.asked_at,
        last.asked_at,
        last.id,
      );
  }

  async unansweredQuestions(guildId: string, since?: Date): Promise<UnansweredQuestion[]> {
    const rows = this.sql(
      `SELECT asked_at, channel_id, question, confidence, passage_id FROM unanswered
         WHERE guild_id = ? AND asked_at >= ? ORDER BY asked_at DESC, id DESC LIMIT ?`,
    ).all(guildId, since?.getTime() ?? 0, this.unansweredLimit) as UnansweredRow[];
    return rows.map(toUnanswered);
  }

  async guildActivity(guildId: string, since: Date): Promise<GuildActivity> {
    const from = since.getTime();
    const questions = this.sql(
      `SELECT asked_at / ${DAY_MS} AS day, level, passage_id, count(*) AS n FROM questions
         WHERE guild_id = ? AND asked_at >= ? GROUP BY asked_at / ${DAY_MS}, level, passage_id`,
    ).all(guildId, from) as { day: number; level: AskedLevel; passage_id: string | null; n: number }[];
    const votes = this.sql(
      `SELECT asked_at / ${DAY_MS} AS day, passage_id, sum(up) AS up, sum(down) AS down FROM ratings
         WHERE guild_id = ? AND asked_at >= ? GROUP BY asked_at / ${DAY_MS}, passage_id`,
    ).all(guildId, from) as { day: number; passage_id: string; up: number; down: number }[];
    return {
      questions: questions.map((r): DailyQuestions => ({
        day: r.day,
        level: r.level,
        passageId: r.passage_id,
        count: r.n,
      })),
      votes: votes
        .filter((r) => r.up + r.down > 0)
        .map((r): DailyVotes => ({ day: r.day, passageId: r.passage_id, up: r.up, down: r.down })),
    };
  }

  async guildSettings(guildId: string): Promise<StoredGuildSettings> {
    const row = this.sql(
      'SELECT qa_channel_ids, cooldown_seconds, private_answers, reply_locale FROM guild_settings WHERE guild_id = ?',
    ).get(guildId) as SettingsRow | undefined;
    return toSettings(row);
  }

  async saveGuildSettings(guildId: string, s: StoredGuildSettings): Promise<void> {
    const values = settingsValues(s);
    if (values.every((v) => v === null)) {
      this.writing(() => this.sql('DELETE FROM guild_settings WHERE guild_id = ?').run(guildId));
      return;
    }
    this.writing(() =>
      this.sql(
        `INSERT INTO guild_settings (guild_id, qa_channel_ids, cooldown_seconds, private_answers, reply_locale, updated_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (guild_id) DO UPDATE SET qa_channel_ids = excluded.qa_channel_ids,
           cooldown_seconds = excluded.cooldown_seconds, private_answers = excluded.private_answers,
           reply_locale = excluded.reply_locale, updated_at = excluded.updated_at`,
      ).run(guildId, ...values, this.now()),
    );
  }

  async hasQaChannels(): Promise<boolean> {
    const row = this.sql(
      `SELECT 1 AS yes FROM guild_settings WHERE qa_channel_ids IS NOT NULL AND qa_channel_ids <> '[]' LIMIT 1`,
    ).get();
    return row !== undefined;
  }

  async requestReload(corpusVersion: string, requestedBy: string): Promise<ReloadRequest> {
    const now = this.now();
    const { lastInsertRowid } = this.writing(() =>
      this.sql('INSERT INTO reload_requests (corpus_version, requested_by, requested_at) VALUES (?, ?, ?)').run(
        corpusVersion,
        requestedBy,
        now,
      ),
    );
    return { id: Number(lastInsertRowid), corpusVersion, requestedBy, requestedAt: new Date(now) };
  }

  async latestReloadRequestId(): Promise<number> {
    return (this.sql('SELECT max(id) AS id FROM reload_requests').get() as { id: number | null }).id ?? 0;
  }

  async reloadRequestsAfter(id: number): Promise<ReloadRequest[]> {
    const rows = this.sql(
      'SELECT id, corpus_version, requested_by, requested_at FROM reload_requests WHERE id > ? ORDER BY id',
    ).all(id) as ReloadRequestRow[];
    return rows.map(toReloadRequest);
  }

  async reportReload(requestId: number, host: string, report: unknown): Promise<void> {
    this.writing(() =>
      this.sql(
        `INSERT INTO reload_reports (request_id, host, report, reported_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (request_id, host) DO UPDATE SET report = excluded.report, reported_at = excluded.reported_at`,
      ).run(requestId, host, JSON.stringify(report), this.now()),
    );
  }

  async reloadReports(requestId: number): Promise<HostReloadReport[]> {
    const rows = this.sql(
      'SELECT host, report, reported_at FROM reload_reports WHERE request_id = ? ORDER BY host',
    ).all(requestId) as ReloadReportRow[];
    return rows.map(toReloadReport);
  }

  async announceHost(host: string, shards: number[]): Promise<void> {
    this.writing(() =>
      this.sql(
        `INSERT INTO hosts (host, shards, seen_at) VALUES (?, ?, ?)
           ON CONFLICT (host) DO UPDATE SET shards = excluded.shards, seen_at = excluded.seen_at`,
      ).run(host, JSON.stringify(shards), this.now()),
    );
  }

  async forgetHost(host: string): Promise<void> {
    this.writing(() => this.sql('DELETE FROM hosts WHERE host = ?').run(host));
  }

  async liveHosts(since: Date): Promise<LiveHost[]> {
    const rows = this.sql('SELECT host, shards, seen_at FROM hosts WHERE seen_at >= ? ORDER BY host').all(
      since.getTime(),
    ) as HostRow[];
    return rows.map(toLiveHost);
  }

  async reserveIdentifyTurn(bucket: number, windowMs: number): Promise<Date> {
    const row = this.writing(() =>
      this.sql(
        `INSERT INTO identify_turns (bucket, turn_at) VALUES (@bucket, @now)
         ON CONFLICT (bucket) DO UPDATE SET turn_at = CASE
           WHEN identify_turns.turn_at + @window > excluded.turn_at THEN identify_turns.turn_at + @window
           ELSE excluded.turn_at END
         RETURNING turn_at`,
      ).get({ bucket, now: this.now(), window: windowMs }),
    ) as { turn_at: number };
    return new Date(row.turn_at);
  }

  async close(): Promise<void> {
    clearTimeout(this.checkpointTimer);
    if (this.db.open) this.answerRows.flush();
    // Closing the last connection checkpoints what is left in the log.
    if (this.db.open) this.db.close();
  }

  /** Schedules a checkpoint for when writes have been quiet for `CHECKPOINT_WHEN_QUIET_MS`. */
  private wrote(): void {
    this.lastWriteAt = performance.now();
    this.checkpointTimer ??= setTimeout(this.checkpointWhenQuiet, CHECKPOINT_WHEN_QUIET_MS).unref();
  }

  private readonly checkpointWhenQuiet = (): void => {
    const quietMs = performance.now() - this.lastWriteAt;
    if (quietMs < CHECKPOINT_WHEN_QUIET_MS) {
      this.checkpointTimer = setTimeout(this.checkpointWhenQuiet, CHECKPOINT_WHEN_QUIET_MS - quietMs).unref();
      return;
    }
    this.checkpointTimer = undefined;
    if (!this.db.open) return;
    try {
      // PASSIVE: copies what it can without waiting for readers or another process's writer.
      this.db.pragma('wal_checkpoint(PASSIVE)');
    } catch (error) {
      // The next quiet moment (or SQLite at WAL_PAGES_BEFORE_CHECKPOINT) tries again.
      log.debug(`checkpoint of the SQLite log failed: ${describeStorageError(error)}`);
    }
    // After writes, when they are quiet: the moment what they wrote would be lost.
    this.checkFileIsOurs();
  };

  /**
   * `work` as a transaction that takes the write lock as it begins. A transaction that reads
   * first (a vote reads the answer) and writes later cannot wait for the lock at its first write:
   * SQLite fails it at once with SQLITE_BUSY when another process (another shard on the same
   * file) holds the lock or committed since the read, and the busy timeout never applies.
   */
  private immediate<A extends unknown[], T>(work: (...args: A) => T): (...args: A) => T {
    return this.db.transaction(work).immediate;
  }

  /**
   * Runs a write. When another process holds the lock past the busy timeout, says so once and
   * lets the next writes fail at once for `LOCKED_PAUSE_MS` (the bot answers without buttons and
   * without logging the question) rather than stall every answer while it waits on the event loop.
   */
  private writing<T>(work: () => T): T {
    if (this.waitingPausedUntil !== undefined && Date.now() >= this.waitingPausedUntil) {
      this.db.pragma(`busy_timeout = ${this.busyTimeoutMs}`);
      this.waitingPausedUntil = undefined;
    }
    const started = Date.now();
    try {
      const result = work();
      this.wrote();
      return result;
    } catch (error) {
      // Only a write that waited the whole busy timeout says the lock is held for long; one that
      // failed at once met a commit of another process in between, and the next one will wait.
      const waitedOut = Date.now() - started >= this.busyTimeoutMs * WAITED_OUT_SHARE;
      if (isSqliteBusy(error) && waitedOut && this.waitingPausedUntil === undefined) {
        this.db.pragma('busy_timeout = 0');
        this.waitingPausedUntil = Date.now() + LOCKED_PAUSE_MS;
        log.warn(
          `${describeStorageError(error)}; for ${LOCKED_PAUSE_MS / 1000} s writes give up at once instead of waiting ${this.busyTimeoutMs} ms each`,
        );
      }
      throw error;
    }
  }

  /** Deletes reload requests (but the newest, whose id later ones follow), their reports and silent hosts older than `before`. */
  private pruneReloads(before: number): void {
    this.sql('DELETE FROM reload_requests WHERE requested_at < ? AND id < (SELECT max(id) FROM reload_requests)').run(
      before,
    );
    this.sql('DELETE FROM reload_reports WHERE request_id NOT IN (SELECT id FROM reload_requests)').run();
    this.sql('DELETE FROM hosts WHERE seen_at < ?').run(before);
  }

  /** The answer row under `key` if it exists and has not expired. */
  private liveRow(key: string): AnswerRow | undefined {
    if (!ANSWER_KEY_PATTERN.test(key)) return undefined;
    const row = this.sql('SELECT * FROM answers WHERE key = ?').get(key) as AnswerRow | undefined;
    return row && row.expires_at > this.now() ? row : undefined;
  }

  private hash(userId: string): string {
    return userHash(this.salt, userId);
  }

  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) this.statements.set(text, (statement = this.db.prepare(text)));
    return statement;
  }

  private readOrMakeSalt(): string {
    // INSERT OR IGNORE: two processes opening a new database at once agree on the first salt.
    this.sql(`INSERT OR IGNORE INTO meta (name, value) VALUES ('user_hash_salt', ?)`).run(newSalt());
    return (this.sql(`SELECT value FROM meta WHERE name = 'user_hash_salt'`).get() as { value: string }).value;
  }
}

/**
 * Runs the migrations this database has not had yet, in one transaction with the version bump.
 * The version is read again under the write lock: shards of `npm run start:sharded` open one new
 * database at the same moment, and the one that waited must not run the steps a second time.
 */
function migrate(db: Database.Database): void {
  const version = () => db.pragma('user_version', { simple: true }) as number;
  const newer = (current: number) =>
    new Error(
      `the database was written by a newer version of odlomek (schema ${current}, this one knows ${MIGRATIONS.length})`,
    );
  const before = version();
  if (before > MIGRATIONS.length) throw newer(before);
  if (before === MIGRATIONS.length) return;
  db.transaction(() => {
    const current = version();
    if (current > MIGRATIONS.length) throw newer(current);
    for (const sql of MIGRATIONS.slice(current)) db.exec(sql);
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();
}

/**
 * Runs `work` again while SQLite answers "busy", for up to `timeoutMs`. Switching a new file to
 * WAL takes an exclusive lock, and SQLite reports a second process doing the same at that moment
 * as busy at once, without waiting the busy timeout. Only at opening, so a blocking pause is fine.
 */
function whileBusy<T>(timeoutMs: number, work: () => T): T {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return work();
    } catch (error) {
      if (!isSqliteBusy(error) || Date.now() >= deadline) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, BUSY_RETRY_PAUSE_MS);
    }
  }
}
