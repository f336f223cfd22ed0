/**
 * The moderators' question log (`/stats`, `/unanswered`), written after the answers rather than
 * beside them. Each answered question used to be its own SQLite transaction, run between two
 * answers: under a burst of 200 `/ask` that was most of a millisecond of main-thread time per
 * answer, in front of every answer still waiting. Now the questions wait in memory while answers
 * are waiting for their turn (`Turns.busy`), and are written in one transaction (one commit)
 * when the burst is over, or after `MAX_DELAY_MS` at the latest, or once `MAX_BATCH` are waiting.
 *
 * The price: the log entries of up to one batch (at most `MAX_DELAY_MS` of questions, at most
 * `MAX_BATCH`; after an outage, up to `MAX_KEPT`) are lost if the process dies before they are written; `flushBefore` on a clean
 * stop writes them. A batch the database cannot take for now (PostgreSQL away, SQLite locked)
 * waits in memory, up to `MAX_KEPT` questions, and is written once the database is back; one it
 * refuses for good (a full disk) is lost as a whole, with one log line.
 */
import type { AskedQuestion, GuildStore } from '../storage/guild-store.ts';
import { newAnswerKey } from '../storage/answer-key.ts';
import { describeStorageError, isKnownStorageError, isPassingStorageError } from '../storage/storage-error.ts';
import { log } from '../log.ts';
import { answerTurns, type Turns } from './turns.ts';
import { LATE, withinBudget } from '../within-budget.ts';

/** The longest a question waits to be written while answers keep coming. */
export const MAX_DELAY_MS = 2000;
/** Questions that start a write even mid-burst (after an outage one write takes all that waited, up to `MAX_KEPT`). */
export const MAX_BATCH = 1000;
/** How often a waiting batch looks again whether the answers are done. */
const RECHECK_MS = 25;
/**
 * How long `forget` waits for a batch already being written (it may hold the server's
 * questions) before the server's data is deleted: a moderator's button waits for it.
 */
const FORGET_WAIT_MS = 1000;
/**
 * Questions kept in memory while the database is away, at most (the oldest go first): about a
 * megabyte, hours of a busy server's questions.
 */
export const MAX_KEPT = 10_000;
/** While the database is away, how long after a failed batch the questions are tried again. */
export const RETRY_AFTER_MS = 10_000;
/**
 * A server's deletion is remembered this long, to keep its questions out of the write under way
 * when it is kept for later; well past that write's retries and statement timeouts.
 */
const FORGOTTEN_FOR_MS = 5 * 60_000;

export class QuestionLog {
  private pending: AskedQuestion[] = [];
  private oldestAt = 0;
  private scheduled = false;
  /**
   * The write under way, if any. One at a time: while the database is away a write takes its
   * retries' half minute, and questions asked meanwhile wait in `pending` (where `MAX_KEPT`
   * bounds them) rather than as a queue of writes, each holding its batch.
   */
  private current: Promise<boolean> | undefined;
  /** A flush asked for during a write: it runs when that write ends, with all that waits then. */
  private next: Promise<void> | undefined;
  /** Questions handed to the store by the write under way (for the stop's line). */
  private writingCount = 0;
  /** The pause before the next try while the database is away: flushes meanwhile wait for it. */
  private retry: { timer: NodeJS.Timeout; fire: () => void; done: Promise<void> } | undefined;
  /** The stop said which questions are lost: later failures of those are not said again. */
  private lossSaid = false;
  /** Since when the database has been away (batches kept for later), for one line at each end. */
  private awaySince: number | undefined;
  /** Questions dropped during this outage because `MAX_KEPT` were waiting. */
  private dropped = 0;
  private stopping = false;
  /** Servers whose data was deleted, and when: their questions asked before then are not written. */
  private readonly forgotten = new Map<string, number>();

  constructor(
    private readonly store: Pick<GuildStore, 'recordQuestions'> & Partial<Pick<GuildStore, 'forgetQuestions'>>,
    private readonly turns: Pick<Turns, 'busy'> = answerTurns,
  ) {}

  /**
   * Logs `question` (its `askedAt` and its id are set here when absent): written soon, never in
   * an answer's way.
   */
  record(question: AskedQuestion): void {
    const now = Date.now();
    if (this.pending.length === 0) this.oldestAt = now;
    this.pending.push({ ...question, askedAt: question.askedAt ?? now, id: question.id ?? newAnswerKey() });
    this.keepWithinLimit();
    if (!this.scheduled) {
      this.scheduled = true;
      // After this turn: the answer that asked goes out first.
      setImmediate(this.check);
    }
  }

  private readonly check = (): void => {
    const waitedMs = Date.now() - this.oldestAt;
    if (this.turns.busy() && waitedMs < MAX_DELAY_MS && this.pending.length < MAX_BATCH) {
      setTimeout(this.check, RECHECK_MS);
      return;
    }
    this.scheduled = false;
    void this.flush();
  };

  /**
   * Before a server's data is deleted (`/forget`, the bot removed from it): its questions still
   * waiting here are dropped, later writes leave them out (a write under way that fails and is
   * kept for later too), and the write under way is waited for briefly. One that takes longer
   * (the database restarting) may land after the deletion: its questions of that server are then
   * deleted once it has, and nothing else of the server's.
   */
  async forget(guildId: string): Promise<void> {
    const now = Date.now();
    for (const [id, at] of this.forgotten) if (now - at > FORGOTTEN_FOR_MS) this.forgotten.delete(id);
    this.forgotten.set(guildId, now);
    this.pending = this.pending.filter((q) => q.guildId !== guildId);
    const current = this.current;
    if (!current || (await withinBudget(current, FORGET_WAIT_MS)) !== LATE || !this.store.forgetQuestions) return;
    void current
      .then((landed) => (landed ? this.store.forgetQuestions!(guildId, now) : undefined))
      .catch((error: unknown) =>
        log.error(`server ${guildId}: could not delete the questions logged after its data was deleted`, error),
      );
  }

  /**
   * On a stop: writes what is waiting, but waits for it at most `ms`. A database that is away
   * has its writes retried for half a minute each, and the process must exit well inside a
   * supervisor's patience (Docker kills after 10 s); what is not written by then is lost, said once.
   */
  async flushBefore(ms: number): Promise<void> {
    // Nothing is kept for later any more: what the database refuses now is lost, and said so.
    this.stopping = true;
    if (this.retry) {
      clearTimeout(this.retry.timer);
      this.retry.fire();
      this.retry = undefined;
    }
    if ((await withinBudget(this.flush(), ms)) === LATE) {
      this.lossSaid = true;
      log.warn(
        `stopping: the database did not take the question log within ${ms / 1000} s; the last ${this.pending.length + this.writingCount} question(s) are not in the statistics`,
      );
    }
  }

  /** Writes what is waiting now; settles when it is written (or its failure logged). Never rejects. */
  flush(): Promise<void> {
    if (this.current)
      return (this.next ??= this.current.then(() => {
        this.next = undefined;
        return this.flush();
      }));
    // While the database is away, the next try waits out its pause, with all that waits by then.
    if (this.retry && !this.stopping) return this.retry.done;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return Promise.resolve();
    this.writingCount = batch.length;
    const current = this.write(batch).finally(() => {
      this.current = undefined;
      this.writingCount = 0;
    });
    this.current = current;
    return current.then(() => undefined);
  }

  /** Writes `batch`; whether it landed. */
  private async write(batch: AskedQuestion[]): Promise<boolean> {
    try {
      await this.store.recordQuestions(this.notForgotten(batch));
      this.caughtUp(batch.length);
      return true;
    } catch (error) {
      if (isPassingStorageError(error) && !this.stopping) {
        this.keepForLater(batch, error);
        return false;
      }
      const what = `could not log ${batch.length === 1 ? 'the question' : `${batch.length} questions`} for the statistics`;
      // After the stop said these are lost, the store closing under them is no news.
      if (this.lossSaid) log.debug(`${what}: ${String(error)}`);
      else if (isKnownStorageError(error)) log.error(`${what}: ${describeStorageError(error)}`);
      else log.error(what, error);
      return false;
    }
  }

  /**
   * A batch the database could not take for now (PostgreSQL away longer than its retries, SQLite
   * locked) waits in memory, before the questions asked since, and is tried again later: the
   * statistics catch up once the database is back, however long it was away.
   */
  private keepForLater(batch: AskedQuestion[], error: unknown): void {
    this.pending = [...this.notForgotten(batch), ...this.pending];
    this.oldestAt = Date.now();
    if (this.awaySince === undefined) {
      this.awaySince = Date.now();
      log.warn(
        `could not log ${this.pending.length} question(s) for the statistics (${describeStorageError(error)}): kept in memory (at most ${MAX_KEPT}) and written once the database is back`,
      );
    }
    this.keepWithinLimit();
    if (!this.retry) {
      let fire = () => {};
      const done = new Promise<void>((resolve) => (fire = resolve));
      const timer = setTimeout(() => {
        this.retry = undefined;
        void this.flush().then(fire);
      }, RETRY_AFTER_MS).unref();
      this.retry = { timer, fire, done };
    }
  }

  /** At most `MAX_KEPT` wait: the oldest go, said once an outage. */
  private keepWithinLimit(): void {
    const over = this.pending.length - MAX_KEPT;
    if (over <= 0) return;
    this.pending.splice(0, over);
    if (this.dropped === 0)
      log.error(
        `the database does not keep up and ${MAX_KEPT} questions wait for it: the oldest are dropped from the statistics from now on`,
      );
    this.dropped += over;
  }

  private caughtUp(written: number): void {
    if (this.awaySince === undefined) {
      this.dropped = 0;
      return;
    }
    const dropped = this.dropped > 0 ? `; ${this.dropped} dropped meanwhile` : '';
    log.info(
      `the question log caught up: ${written} question(s) written after ${Math.round((Date.now() - this.awaySince) / 1000)} s${dropped}`,
    );
    this.awaySince = undefined;
    this.dropped = 0;
  }

  private notForgotten(batch: AskedQuestion[]): AskedQuestion[] {
    if (this.forgotten.size === 0) return batch;
    return batch.filter((q) => !(q.askedAt! <= (this.forgotten.get(q.guildId) ?? -Infinity)));
  }
}
