/**
 * The moderators' question log (`/stats`, `/unanswered`), written after the answers rather than
 * beside them. Each answered question used to be its own SQLite transaction, run between two
 * answers: under a burst of 200 `/ask` that was most of a millisecond of main-thread time per
 * answer, in front of every answer still waiting. Now the questions wait in memory while answers
 * are waiting for their turn (`Turns.busy`), and are written in one transaction (one commit)
 * when the burst is over, or after `MAX_DELAY_MS` at the latest, or once `MAX_BATCH` are waiting.
 *
 * The price: the log entries of up to one batch (at most `MAX_DELAY_MS` of questions, at most
 * `MAX_BATCH`) are lost if the process dies before they are written; `flush` on a clean stop
 * writes them. A batch the database refuses (a full disk, a lock) is lost as a whole, with one
 * log line, as a single entry was before.
 */
import type { AskedQuestion, GuildStore } from '../storage/guild-store.ts';
import { describeStorageError, isKnownStorageError, isPassingStorageError } from '../storage/storage-error.ts';
import { log } from '../log.ts';
import { answerTurns, type Turns } from './turns.ts';
import { LATE, withinBudget } from './within-budget.ts';

/** The longest a question waits to be written while answers keep coming. */
export const MAX_DELAY_MS = 2000;
/** Questions written together at most; more waiting are written even mid-burst. */
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
/** A server's deletion is remembered this long, well past a batch's retries, to keep its questions out. */
const FORGOTTEN_FOR_MS = 5 * 60_000;

export class QuestionLog {
  private pending: AskedQuestion[] = [];
  private oldestAt = 0;
  private scheduled = false;
  /** The batch being written (batches are written one after another, in order). */
  private writing: Promise<void> = Promise.resolve();
  /** Since when the database has been away (batches kept for later), for one line at each end. */
  private awaySince: number | undefined;
  private stopping = false;
  /** Servers whose data was deleted, and when: their questions asked before then are not written. */
  private readonly forgotten = new Map<string, number>();

  constructor(
    private readonly store: Pick<GuildStore, 'recordQuestions'>,
    private readonly turns: Pick<Turns, 'busy'> = answerTurns,
  ) {}

  /** Logs `question` (its `askedAt` is set here when absent): written soon, never in an answer's way. */
  record(question: AskedQuestion): void {
    const now = Date.now();
    if (this.pending.length === 0) this.oldestAt = now;
    this.pending.push(question.askedAt === undefined ? { ...question, askedAt: now } : question);
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
   * waiting here are dropped, batches not yet written leave them out, and a batch being written
   * is waited for (briefly), so none of them lands after the deletion, question text included.
   */
  async forget(guildId: string): Promise<void> {
    const now = Date.now();
    for (const [id, at] of this.forgotten) if (now - at > FORGOTTEN_FOR_MS) this.forgotten.delete(id);
    this.forgotten.set(guildId, now);
    this.pending = this.pending.filter((q) => q.guildId !== guildId);
    await withinBudget(this.writing, FORGET_WAIT_MS);
  }

  /**
   * On a stop: writes what is waiting, but waits for it at most `ms`. A database that is away
   * has its writes retried for half a minute each, and the process must exit well inside a
   * supervisor's patience (Docker kills after 10 s); what is not written by then is lost, said once.
   */
  async flushBefore(ms: number): Promise<void> {
    // Nothing is kept for later any more: what the database refuses now is lost, and said so.
    this.stopping = true;
    const waiting = this.pending.length;
    if ((await withinBudget(this.flush(), ms)) === LATE)
      log.warn(
        `stopping: the database did not take the question log within ${ms / 1000} s; the last questions (${waiting} waiting) are not in the statistics`,
      );
  }

  /** Writes what is waiting now; settles when it is written (or its failure logged). Never rejects. */
  flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    if (batch.length > 0)
      this.writing = this.writing.then(() =>
        this.store.recordQuestions(this.notForgotten(batch)).then(
          () => this.caughtUp(batch.length),
          (error: unknown) => {
            if (isPassingStorageError(error) && !this.stopping) return this.keepForLater(batch, error);
            const what = `could not log ${batch.length === 1 ? 'the question' : `${batch.length} questions`} for the statistics`;
            if (isKnownStorageError(error)) log.error(`${what}: ${describeStorageError(error)}`);
            else log.error(what, error);
          },
        ),
      );
    return this.writing;
  }

  /**
   * A batch the database could not take for now (PostgreSQL away longer than its retries, SQLite
   * locked) waits in memory, before the questions asked since, and is tried again later: the
   * statistics catch up once the database is back, however long it was away.
   */
  private keepForLater(batch: AskedQuestion[], error: unknown): void {
    this.pending = [...batch, ...this.pending];
    const over = this.pending.length - MAX_KEPT;
    if (over > 0) {
      this.pending.splice(0, over);
      log.error(`the database is still away: the ${over} oldest questions kept for the statistics are dropped`);
    }
    if (this.awaySince === undefined) {
      this.awaySince = Date.now();
      log.warn(
        `could not log ${this.pending.length} question(s) for the statistics (${describeStorageError(error)}): kept in memory and written once the database is back`,
      );
    }
    setTimeout(() => void this.flush(), RETRY_AFTER_MS).unref();
  }

  private caughtUp(written: number): void {
    if (this.awaySince === undefined) return;
    log.info(
      `the question log caught up: ${written} question(s) written after ${Math.round((Date.now() - this.awaySince) / 1000)} s`,
    );
    this.awaySince = undefined;
  }

  private notForgotten(batch: AskedQuestion[]): AskedQuestion[] {
    if (this.forgotten.size === 0) return batch;
    return batch.filter((q) => !(q.askedAt! <= (this.forgotten.get(q.guildId) ?? -Infinity)));
  }
}
