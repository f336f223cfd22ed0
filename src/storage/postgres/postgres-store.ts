/**
 * The PostgreSQL backend of the store (`pg`), for a bot whose shards run on several hosts: they
 * share the answers' state (a button pressed on a message from another host's shard works), the
 * votes, the servers' logs and settings, and coordinate `/reload` through it. The same contract
 * as the SQLite backend (`tests/storage/contract.test.ts` runs both), the same schema steps.
 *
 * A server restart (failover, upgrade) must not take the bot down: idle connections that break are
 * dropped from the pool, a statement that fails because the server is unreachable is tried again
 * on a new connection (writes for `retryWritesForMs`; reads and votes briefly, since someone
 * waits for them), and writes are idempotent so a retry after a lost COMMIT acknowledgement adds nothing
 * twice. One line is logged when the server becomes unreachable and one when it is back.
 */
import pg from 'pg';
import { ClosingClient, missingPassword } from './closing-client.ts';
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
import { RELOAD_RETENTION_MS, type HostReloadReport, type LiveHost, type ReloadRequest } from '../reload-store.ts';
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
import { DEFAULT_UNANSWERED_LIMIT, dueForTrim, STATS_RETENTION_DAYS } from '../limits.ts';
import { log } from '../../log.ts';
import { POSTGRES_MIGRATIONS } from './migrations.ts';
import { isTransient, retrying, type RetryPolicy } from './retry.ts';
import { withinBudget } from '../../within-budget.ts';

export interface PostgresStoreOptions {
  /** How long an answer's buttons keep working. */
  ttlMs: number;
  /** Most unclear or unanswered questions kept per server (default `DEFAULT_UNANSWERED_LIMIT`). */
  unansweredLimit?: number;
  /** How long question and vote counts are kept (default `STATS_RETENTION_DAYS`). */
  statsRetentionMs?: number;
  /** The clock (tests move it). */
  now?: () => number;
  /** How long a write is tried again while the server is unreachable (default 30 s). */
  retryWritesForMs?: number;
  /** How long a read is (default 2 s: a member is waiting for its answer). */
  retryReadsForMs?: number;
  /** How long the first connection may take to succeed at start (default 10 s). */
  connectForMs?: number;
  /** Most connections this process opens (default 10). */
  poolSize?: number;
  /** How long a statement may go unanswered before it fails (default `QUERY_TIMEOUT_MS`). */
  queryTimeoutMs?: number;
}

/** The channel a new reload request is announced on (NOTIFY), so hosts need not poll often. */
const RELOAD_CHANNEL = 'odlomek_reload';

/** Serialises schema changes of hosts starting at once (any fixed number; "odlo" in ASCII). */
const MIGRATION_LOCK = 0x6f646c6f;
/** Serialises reload requests, so they commit in the order of their ids ("relo" in ASCII). */
export const RELOAD_REQUEST_LOCK = 0x72656c6f;

/**
 * How long one statement may go unanswered before it fails (and its connection is dropped). A
 * network split, or a failover that moves the address, answers nothing and refuses nothing: without
 * it a query waits until the operating system gives up on the socket, a quarter of an hour, and
 * so does whoever waits for it. Far above what any of the store's statements take.
 */
export const QUERY_TIMEOUT_MS = 10_000;
/** A schema step may rewrite a large table: it gets this long instead. */
const MIGRATION_STEP_TIMEOUT_MS = 30 * 60_000;
/** Idle seconds before the kernel probes a connection, so a dead one is noticed between queries too. */
const KEEPALIVE_AFTER_MS = 10_000;

/** How long `close` waits for connections still in use before the process may go. */
const CLOSE_WAIT_MS = 2000;

/** Type ids of BIGINT and NUMERIC: milliseconds and counts, well inside a double's exact integers. */
const INT8_OID = 20;
const NUMERIC_OID = 1700;

type Queryable = Pick<pg.PoolClient, 'query'>;

export class PostgresStore implements Store {
  private readonly now: () => number;
  private readonly ttlMs: number;
  private readonly unansweredLimit: number;
  private readonly statsRetentionMs: number;
  private readonly writePolicy: RetryPolicy;
  private readonly readPolicy: RetryPolicy;
  private salt = '';
  private closed = false;
  /** Set while the server is unreachable, so the outage is logged once, and its end once. */
  private unreachableSince: number | undefined;
  private listener: ReloadListener | undefined;
  /** Per server: unanswered entries logged since the log was last trimmed to its limit. */
  private readonly untrimmed = new Map<string, number>();

  private constructor(
    private readonly pool: pg.Pool,
    private readonly clientConfig: pg.ClientConfig,
    options: PostgresStoreOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.ttlMs = options.ttlMs;
    this.unansweredLimit = options.unansweredLimit ?? DEFAULT_UNANSWERED_LIMIT;
    this.statsRetentionMs = options.statsRetentionMs ?? STATS_RETENTION_DAYS * DAY_MS;
    this.writePolicy = { forMs: options.retryWritesForMs ?? 30_000 };
    this.readPolicy = { forMs: options.retryReadsForMs ?? 2000, maxDelayMs: 500 };
    // An idle connection the server closed (a restart) reports here; unheard, it would end the process.
    pool.on('error', (error) => this.outage(error));
  }

  /**
   * Connects to `url` (postgres://user:password@host:port/database), creates or upgrades the
   * schema, and reads the salt for user hashes. Throws, after `connectForMs`, when the server
   * cannot be reached, or at once when the database is from a newer version of odlomek.
   */
  static async open(url: string, options: PostgresStoreOptions): Promise<PostgresStore> {
    const clientConfig: pg.ClientConfig = {
      connectionString: url,
      application_name: 'odlomek',
      connectionTimeoutMillis: 5000,
      query_timeout: options.queryTimeoutMs ?? QUERY_TIMEOUT_MS,
      keepAlive: true,
      keepAliveInitialDelayMillis: KEEPALIVE_AFTER_MS,
      types: { getTypeParser: typeParser } as pg.CustomTypesConfig,
    };
    const pool = new pg.Pool({
      ...clientConfig,
      Client: ClosingClient,
      max: options.poolSize ?? 10,
      idleTimeoutMillis: 30_000,
    });
    const store = new PostgresStore(pool, clientConfig, options);
    try {
      await retrying(() => store.transaction((c) => migrate(c)), { forMs: options.connectForMs ?? 10_000 });
      store.salt = await retrying(() => store.readOrMakeSalt(), { forMs: options.connectForMs ?? 10_000 });
      return store;
    } catch (error) {
      store.closed = true;
      await pool.end().catch(() => undefined);
      if (missingPassword(url, error))
        throw new Error(
          'the server asks for a password and DATABASE_URL has none (postgres://user:password@host:port/database)',
          { cause: error },
        );
      throw error;
    }
  }

  async saveAnswer(answer: NewAnswer): Promise<string> {
    const now = this.now();
    // Made once, outside the retries: a retry after a lost acknowledgement finds its row in place.
    const key = newAnswerKey();
    await this.write(() =>
      this.pool.query(
        `INSERT INTO answers (key, guild_id, asker_hash, question, passage_ids, corpus_version, locale, created_at, expires_at, passage_digests)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (key) DO NOTHING`,
        answerValues(key, answer, this.hash(answer.askerId), now, this.ttlMs),
      ),
    );
    return key;
  }

  async findAnswer(key: string, viewerId: string): Promise<FoundAnswer | undefined> {
    if (!ANSWER_KEY_PATTERN.test(key)) return undefined;
    const row = await this.read(() => this.liveRow(this.pool, key));
    if (!row) return undefined;
    return { ...toStoredAnswer(row), byAsker: row.asker_hash === this.hash(viewerId) };
  }

  async vote(key: string, voterId: string, vote: Vote, passageId?: string): Promise<VoteOutcome> {
    if (!ANSWER_KEY_PATTERN.test(key)) return 'unknown-answer';
    const value = VOTE_VALUE[vote];
    const voter = this.hash(voterId);
    // Retried only briefly, like a read: a member is waiting for the thank-you (Discord gives 3 s).
    return this.read(() =>
      this.transaction(async (c): Promise<VoteOutcome> => {
        // FOR UPDATE: two votes on one answer (two hosts, two clicks) take turns, as SQLite's one writer does.
        const answer = await this.liveRow(c, key, true);
        if (!answer) return 'unknown-answer';
        const before = (
          await c.query<{ vote: number; passage_id: string | null }>(
            'SELECT vote, passage_id FROM votes WHERE answer_key = $1 AND voter_hash = $2',
            [key, voter],
          )
        ).rows[0];
        if (before?.vote === value) return 'unchanged';
        await c.query(
          `INSERT INTO votes (answer_key, voter_hash, vote, voted_at, passage_id) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (answer_key, voter_hash) DO UPDATE
           SET vote = excluded.vote, voted_at = excluded.voted_at, passage_id = excluded.passage_id`,
          [key, voter, value, this.now(), passageId ?? null],
        );
        if (answer.guild_id !== null) {
          if (before?.passage_id) await countRating(c, answer, before.passage_id, before.vote, -1);
          if (passageId) await countRating(c, answer, passageId, value, 1);
        }
        return before ? 'changed' : 'counted';
      }),
    );
  }

  async voteCounts(key: string): Promise<Record<Vote, number>> {
    const { rows } = await this.read(() =>
      this.pool.query<{ up: number; down: number }>(
        `SELECT count(*) FILTER (WHERE vote = 1) AS up, count(*) FILTER (WHERE vote = -1) AS down
         FROM votes WHERE answer_key = $1`,
        [key],
      ),
    );
    return { up: rows[0]!.up, down: rows[0]!.down };
  }

  async forgetGuild(guildId: string): Promise<ForgottenGuild> {
    this.untrimmed.delete(guildId);
    return this.write(() =>
      this.transaction(async (c) => {
        const run = async (sql: string) => (await c.query(sql, [guildId])).rowCount ?? 0;
        const votes = await run('DELETE FROM votes WHERE answer_key IN (SELECT key FROM answers WHERE guild_id = $1)');
        return {
          answers: await run('DELETE FROM answers WHERE guild_id = $1'),
          votes,
          questions: await run('DELETE FROM questions WHERE guild_id = $1'),
          unanswered: await run('DELETE FROM unanswered WHERE guild_id = $1'),
          ratings: await run('DELETE FROM ratings WHERE guild_id = $1'),
          settings: await run('DELETE FROM guild_settings WHERE guild_id = $1'),
        };
      }),
    );
  }

  async pruneExpired(): Promise<number> {
    const now = this.now();
    return this.write(() =>
      this.transaction(async (c) => {
        const statsFrom = now - this.statsRetentionMs;
        await c.query('DELETE FROM questions WHERE asked_at < $1', [statsFrom]);
        await c.query('DELETE FROM ratings WHERE asked_at < $1', [statsFrom]);
        await pruneReloads(c, now - RELOAD_RETENTION_MS);
        // Votes go with their answers (ON DELETE CASCADE).
        return (await c.query('DELETE FROM answers WHERE expires_at <= $1', [now])).rowCount ?? 0;
      }),
    );
  }

  async forgetQuestions(guildId: string, askedUpTo: number): Promise<void> {
    await this.write(() =>
      this.transaction(async (c) => {
        await c.query('DELETE FROM questions WHERE guild_id = $1 AND asked_at <= $2', [guildId, askedUpTo]);
        await c.query('DELETE FROM unanswered WHERE guild_id = $1 AND asked_at <= $2', [guildId, askedUpTo]);
      }),
    );
  }

  /**
   * The batch in one transaction, each table written by one statement: a batch of a thousand
   * written one by one took a thousand transactions at once, filled the pool, and the answers'
   * own saves waited behind them past their budget (answers without buttons). Retried as a whole
   * while the server is away; ids made once (by the caller, else here), so a retry after a lost
   * COMMIT adds nothing twice.
   */
  async recordQuestions(questions: readonly AskedQuestion[]): Promise<void> {
    if (questions.length === 0) return;
    const now = this.now();
    // The same id in both tables: each table's ids are its own.
    const rows = questions.map((q) => ({ ...q, askedAt: q.askedAt ?? now, id: q.id ?? newAnswerKey() }));
    const unclear = rows.filter((q) => q.level !== 'clear');
    // Trimmed every TRIM_EVERY entries of a server (per process), as SQLite does.
    const toTrim = [...new Set(unclear.filter((q) => dueForTrim(this.untrimmed, q.guildId)).map((q) => q.guildId))];
    await this.write(() =>
      this.transaction(async (c) => {
        await c.query(
          `INSERT INTO questions (id, guild_id, asked_at, level, passage_id)
           SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[])
           ON CONFLICT (id) DO NOTHING`,
          [
            rows.map((q) => q.id),
            rows.map((q) => q.guildId),
            rows.map((q) => q.askedAt),
            rows.map((q) => q.level),
            rows.map((q) => q.passageId),
          ],
        );
        if (unclear.length === 0) return;
        await c.query(
          `INSERT INTO unanswered (id, guild_id, asked_at, channel_id, question, confidence, passage_id)
           SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::float8[], $7::text[])
           ON CONFLICT (id) DO NOTHING`,
          [
            unclear.map((q) => q.id),
            unclear.map((q) => q.guildId),
            unclear.map((q) => q.askedAt),
            unclear.map((q) => q.channelId),
            unclear.map((q) => q.question),
            unclear.map((q) => q.confidence),
            unclear.map((q) => q.passageId),
          ],
        );
        for (const guildId of toTrim) await this.trimUnanswered(c, guildId);
      }),
    );
  }

  recordQuestion(q: AskedQuestion): Promise<void> {
    return this.recordQuestions([q]);
  }

  /** Keeps a server's newest `unansweredLimit` unclear questions; everything older goes. */
  private async trimUnanswered(c: Queryable, guildId: string): Promise<void> {
    // The oldest entry still kept.
    const last = (
      await c.query<{ asked_at: number; id: string }>(
        `SELECT asked_at, id FROM unanswered WHERE guild_id = $1
         ORDER BY asked_at DESC, id DESC LIMIT 1 OFFSET $2`,
        [guildId, this.unansweredLimit - 1],
      )
    ).rows[0];
    if (last)
      await c.query('DELETE FROM unanswered WHERE guild_id = $1 AND (asked_at < $2 OR (asked_at = $2 AND id < $3))', [
        guildId,
        last.asked_at,
        last.id,
      ]);
  }

  async unansweredQuestions(guildId: string, since?: Date): Promise<UnansweredQuestion[]> {
    const { rows } = await this.read(() =>
      this.pool.query<UnansweredRow>(
        `SELECT asked_at, channel_id, question, confidence, passage_id FROM unanswered
         WHERE guild_id = $1 AND asked_at >= $2 ORDER BY asked_at DESC, id DESC LIMIT $3`,
        [guildId, since?.getTime() ?? 0, this.unansweredLimit],
      ),
    );
    return rows.map(toUnanswered);
  }

  async guildActivity(guildId: string, since: Date): Promise<GuildActivity> {
    const from = since.getTime();
    const [questions, votes] = await this.read(() =>
      Promise.all([
        this.pool.query<{ day: number; level: AskedLevel; passage_id: string | null; n: number }>(
          `SELECT asked_at / ${DAY_MS} AS day, level, passage_id, count(*) AS n FROM questions
           WHERE guild_id = $1 AND asked_at >= $2 GROUP BY asked_at / ${DAY_MS}, level, passage_id`,
          [guildId, from],
        ),
        this.pool.query<{ day: number; passage_id: string; up: number; down: number }>(
          `SELECT asked_at / ${DAY_MS} AS day, passage_id, sum(up) AS up, sum(down) AS down FROM ratings
           WHERE guild_id = $1 AND asked_at >= $2 GROUP BY asked_at / ${DAY_MS}, passage_id`,
          [guildId, from],
        ),
      ]),
    );
    return {
      questions: questions.rows.map((r): DailyQuestions => ({
        day: r.day,
        level: r.level,
        passageId: r.passage_id,
        count: r.n,
      })),
      votes: votes.rows
        .filter((r) => r.up + r.down > 0)
        .map((r): DailyVotes => ({ day: r.day, passageId: r.passage_id, up: r.up, down: r.down })),
    };
  }

  async guildSettings(guildId: string): Promise<StoredGuildSettings> {
    const row = (
      await this.read(() =>
        this.pool.query<SettingsRow>(
          `SELECT qa_channel_ids, cooldown_seconds, private_answers, reply_locale FROM guild_settings
           WHERE guild_id = $1`,
          [guildId],
        ),
      )
    ).rows[0];
    return toSettings(row);
  }

  async saveGuildSettings(guildId: string, s: StoredGuildSettings): Promise<void> {
    const values = settingsValues(s);
    const now = this.now();
    await this.write(() =>
      values.every((v) => v === null)
        ? this.pool.query('DELETE FROM guild_settings WHERE guild_id = $1', [guildId])
        : this.pool.query(
            `INSERT INTO guild_settings (guild_id, qa_channel_ids, cooldown_seconds, private_answers, reply_locale, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (guild_id) DO UPDATE SET qa_channel_ids = excluded.qa_channel_ids,
               cooldown_seconds = excluded.cooldown_seconds, private_answers = excluded.private_answers,
               reply_locale = excluded.reply_locale, updated_at = excluded.updated_at`,
            [guildId, ...values, now],
          ),
    );
  }

  async hasQaChannels(): Promise<boolean> {
    const { rowCount } = await this.read(() =>
      this.pool.query(
        `SELECT 1 FROM guild_settings WHERE qa_channel_ids IS NOT NULL AND qa_channel_ids <> '[]' LIMIT 1`,
      ),
    );
    return (rowCount ?? 0) > 0;
  }

  async requestReload(corpusVersion: string, requestedBy: string): Promise<ReloadRequest> {
    const now = this.now();
    // Not retried: a retry after a lost acknowledgement would ask every host twice. The asking
    // host reports the failure instead, and the moderator can run /reload again.
    const row = await this.transaction(async (c) => {
      // One request at a time: ids are handed out at INSERT but become visible at COMMIT, and a
      // host that read a later id before an earlier one committed would move past the earlier
      // one for good (hosts remember only the highest id they handled). An advisory lock makes
      // commit order id order; it conflicts with itself only (a table lock would also wait for
      // the hourly prune's DELETE, whose transaction goes on to delete expired answers).
      await c.query('SELECT pg_advisory_xact_lock($1)', [RELOAD_REQUEST_LOCK]);
      const inserted = await c.query<{ id: number }>(
        `INSERT INTO reload_requests (corpus_version, requested_by, requested_at) VALUES ($1, $2, $3) RETURNING id`,
        [corpusVersion, requestedBy, now],
      );
      // Delivered when the transaction commits, to every host listening.
      await c.query('SELECT pg_notify($1, $2)', [RELOAD_CHANNEL, String(inserted.rows[0]!.id)]);
      return inserted.rows[0]!;
    });
    return { id: row.id, corpusVersion, requestedBy, requestedAt: new Date(now) };
  }

  async latestReloadRequestId(): Promise<number> {
    const { rows } = await this.read(() =>
      this.pool.query<{ id: number | null }>('SELECT max(id) AS id FROM reload_requests'),
    );
    return rows[0]?.id ?? 0;
  }

  async reloadRequestsAfter(id: number): Promise<ReloadRequest[]> {
    const { rows } = await this.read(() =>
      this.pool.query<ReloadRequestRow>(
        'SELECT id, corpus_version, requested_by, requested_at FROM reload_requests WHERE id > $1 ORDER BY id',
        [id],
      ),
    );
    return rows.map(toReloadRequest);
  }

  async reportReload(requestId: number, host: string, report: unknown): Promise<void> {
    await this.write(() =>
      this.pool.query(
        `INSERT INTO reload_reports (request_id, host, report, reported_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (request_id, host) DO UPDATE SET report = excluded.report, reported_at = excluded.reported_at`,
        [requestId, host, JSON.stringify(report), this.now()],
      ),
    );
  }

  async reloadReports(requestId: number): Promise<HostReloadReport[]> {
    const { rows } = await this.read(() =>
      this.pool.query<ReloadReportRow>(
        'SELECT host, report, reported_at FROM reload_reports WHERE request_id = $1 ORDER BY host',
        [requestId],
      ),
    );
    return rows.map(toReloadReport);
  }

  async announceHost(host: string, shards: number[]): Promise<void> {
    await this.write(() =>
      this.pool.query(
        `INSERT INTO hosts (host, shards, seen_at) VALUES ($1, $2, $3)
         ON CONFLICT (host) DO UPDATE SET shards = excluded.shards, seen_at = excluded.seen_at`,
        [host, JSON.stringify(shards), this.now()],
      ),
    );
  }

  async forgetHost(host: string): Promise<void> {
    await this.write(() => this.pool.query('DELETE FROM hosts WHERE host = $1', [host]));
  }

  async liveHosts(since: Date): Promise<LiveHost[]> {
    const { rows } = await this.read(() =>
      this.pool.query<HostRow>('SELECT host, shards, seen_at FROM hosts WHERE seen_at >= $1 ORDER BY host', [
        since.getTime(),
      ]),
    );
    return rows.map(toLiveHost);
  }

  async reserveIdentifyTurn(bucket: number, windowMs: number): Promise<Date> {
    // One statement, atomic on the bucket's row: hosts reserving at once get turns a window apart.
    // A retry after a lost acknowledgement reserves one turn too many, which only delays the next.
    const { rows } = await this.write(() =>
      this.pool.query<{ turn_at: number }>(
        `INSERT INTO identify_turns (bucket, turn_at) VALUES ($1, $2)
         ON CONFLICT (bucket) DO UPDATE SET turn_at = CASE
           WHEN identify_turns.turn_at + $3::bigint > excluded.turn_at THEN identify_turns.turn_at + $3::bigint
           ELSE excluded.turn_at END
         RETURNING turn_at`,
        [bucket, this.now(), windowMs],
      ),
    );
    return new Date(rows[0]!.turn_at);
  }

  watchReloadRequests(listener: () => void): () => void {
    this.listener ??= new ReloadListener(this.clientConfig, () => this.closed);
    return this.listener.add(listener);
  }

  /**
   * Ends the connections; waits at most `CLOSE_WAIT_MS` for those in use. In a network split a
   * statement in flight holds its connection until its timeout, and a stop must end well inside a
   * supervisor's patience: what it was writing is lost either way (the stop said so).
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.listener?.close();
    await withinBudget(
      this.pool.end().catch(() => undefined),
      CLOSE_WAIT_MS,
    );
  }

  /** A write: tried again for `retryWritesForMs` while the server is unreachable. */
  private write<T>(operation: () => Promise<T>): Promise<T> {
    return this.guarded(operation, this.writePolicy);
  }

  /** A read, or a write someone waits for (a vote): tried again briefly. */
  private read<T>(operation: () => Promise<T>): Promise<T> {
    return this.guarded(operation, this.readPolicy);
  }

  private async guarded<T>(operation: () => Promise<T>, policy: RetryPolicy): Promise<T> {
    try {
      const value = await retrying(operation, policy, {
        onRetry: (error) => this.outage(error),
        stopped: () => this.closed,
      });
      if (this.unreachableSince !== undefined) {
        log.info(`PostgreSQL is reachable again after ${Math.round((Date.now() - this.unreachableSince) / 1000)} s`);
        this.unreachableSince = undefined;
      }
      return value;
    } catch (error) {
      if (isTransient(error)) this.outage(error);
      throw error;
    }
  }

  /** Logs the first sign of an outage; later ones until the server is back are debug lines. */
  private outage(error: unknown): void {
    const why = error instanceof Error ? error.message : String(error);
    if (this.unreachableSince !== undefined) return log.debug(`PostgreSQL still unreachable: ${why}`);
    if (this.closed) return;
    this.unreachableSince = Date.now();
    log.warn(
      `PostgreSQL is unreachable (${why}): writes are tried again for ${this.writePolicy.forMs / 1000} s; answers go on from memory`,
    );
  }

  /** Runs `work` in one transaction on one connection; a connection that broke is not reused. */
  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken = false;
    // A connection that ends while it is checked out (a failover between two statements, a split
    // network closing) makes pg emit 'error' on the client, which the pool listens for only while
    // the client is idle: unheard, it would end the process. The statement under way fails too.
    const onError = (error: Error) => {
      broken = true;
      this.outage(error);
    };
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      broken = isTransient(error);
      if (!broken) await client.query('ROLLBACK').catch(() => (broken = true));
      throw error;
    } finally {
      client.removeListener('error', onError);
      client.release(broken);
    }
  }

  /** The answer row under `key` if it exists and has not expired; locked for the transaction with `forUpdate`. */
  private async liveRow(db: Queryable, key: string, forUpdate = false): Promise<AnswerRow | undefined> {
    const { rows } = await db.query<AnswerRow>(
      `SELECT * FROM answers WHERE key = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [key],
    );
    const row = rows[0];
    return row && row.expires_at > this.now() ? row : undefined;
  }

  private hash(userId: string): string {
    return userHash(this.salt, userId);
  }

  private async readOrMakeSalt(): Promise<string> {
    // ON CONFLICT DO NOTHING: hosts opening a new database at once agree on the first salt.
    await this.pool.query(
      `INSERT INTO meta (name, value) VALUES ('user_hash_salt', $1) ON CONFLICT (name) DO NOTHING`,
      [newSalt()],
    );
    const { rows } = await this.pool.query<{ value: string }>(`SELECT value FROM meta WHERE name = 'user_hash_salt'`);
    return rows[0]!.value;
  }
}

/** BIGINT and NUMERIC as numbers (pg gives strings, fearing values past 2^53 we never store). */
function typeParser(oid: number, format?: 'text' | 'binary'): unknown {
  if (oid === INT8_OID || oid === NUMERIC_OID) return (value: string) => Number(value);
  return format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : pg.types.getTypeParser(oid);
}

/**
 * Creates or upgrades the schema in one transaction, holding a lock so two hosts starting at once
 * do not both run a step. A database of a newer version is refused rather than guessed at.
 */
async function migrate(c: pg.PoolClient): Promise<void> {
  // Waited for as long as a step may take: another host may be running one.
  await c.query({
    text: 'SELECT pg_advisory_xact_lock($1)',
    values: [MIGRATION_LOCK],
    query_timeout: MIGRATION_STEP_TIMEOUT_MS,
  } as pg.QueryConfig);
  await c.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  let current = (await c.query<{ version: number }>('SELECT version FROM schema_version')).rows[0]?.version;
  if (current === undefined) {
    await c.query('INSERT INTO schema_version (version) VALUES (0)');
    current = 0;
  }
  if (current > POSTGRES_MIGRATIONS.length)
    throw new Error(
      `the database was written by a newer version of odlomek (schema ${current}, this one knows ${POSTGRES_MIGRATIONS.length})`,
    );
  for (const [i, step] of POSTGRES_MIGRATIONS.slice(current).entries()) {
    // pg reads `query_timeout` from a query's config too, though its types list it for clients only.
    await c.query({ text: step, query_timeout: MIGRATION_STEP_TIMEOUT_MS } as pg.QueryConfig);
    await c.query('UPDATE schema_version SET version = $1', [current + i + 1]);
  }
}

/** Adds `by` (1 or -1) to the up or down count of an answer's passage in its server's vote counts. */
async function countRating(c: Queryable, answer: AnswerRow, passageId: string, vote: number, by: 1 | -1) {
  await c.query(
    `INSERT INTO ratings (answer_key, passage_id, guild_id, asked_at, up, down) VALUES ($1, $2, $3, $4, 0, 0)
     ON CONFLICT (answer_key, passage_id) DO NOTHING`,
    [answer.key, passageId, answer.guild_id, answer.created_at],
  );
  // Never below zero: the count a change takes back may have been pruned with old statistics.
  const column = vote > 0 ? 'up' : 'down';
  await c.query(
    `UPDATE ratings SET ${column} = GREATEST(${column} + $1, 0) WHERE answer_key = $2 AND passage_id = $3`,
    [by, answer.key, passageId],
  );
}

/** Deletes reload requests (but the newest, whose id later ones follow), their reports and silent hosts older than `before`. */
async function pruneReloads(c: Queryable, before: number): Promise<void> {
  await c.query('DELETE FROM reload_requests WHERE requested_at < $1 AND id < (SELECT max(id) FROM reload_requests)', [
    before,
  ]);
  await c.query('DELETE FROM reload_reports WHERE request_id NOT IN (SELECT id FROM reload_requests)');
  await c.query('DELETE FROM hosts WHERE seen_at < $1', [before]);
}

/**
 * One connection of its own that LISTENs for new reload requests (a pooled one could be handed to
 * a query meanwhile). When it breaks (a server restart), it connects again after a pause and then
 * calls every listener once: a request may have been written while it was away.
 */
class ReloadListener {
  private readonly listeners = new Set<() => void>();
  private client: pg.Client | undefined;
  private retry: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly config: pg.ClientConfig,
    private readonly storeClosed: () => boolean,
  ) {}

  add(listener: () => void): () => void {
    this.listeners.add(listener);
    if (!this.client && !this.retry) void this.connect(false);
    return () => {
      this.listeners.delete(listener);
    };
  }

  async close(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  private async connect(again: boolean): Promise<void> {
    this.retry = undefined;
    if (this.stopped || this.storeClosed()) return;
    const client = new ClosingClient(this.config);
    this.client = client;
    let lost = false;
    const reconnect = () => {
      if (lost) return;
      lost = true;
      if (this.client === client) this.client = undefined;
      client.end().catch(() => undefined);
      if (!this.stopped && !this.storeClosed()) this.retry = setTimeout(() => void this.connect(true), 1000);
    };
    client.on('error', reconnect);
    client.on('end', reconnect);
    client.on('notification', (message) => {
      if (message.channel === RELOAD_CHANNEL) this.notify();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${RELOAD_CHANNEL}`);
      if (again) {
        log.info('listening for reload requests again');
        this.notify();
      }
    } catch (error) {
      log.debug(`cannot listen for reload requests yet: ${error instanceof Error ? error.message : String(error)}`);
      reconnect();
    }
  }
}
