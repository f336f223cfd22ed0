/**
 * Rows saved together. A burst of answers is handled one per turn of the event loop (see
 * `Turns`), and each answer used to commit its own row, or two: a commit (its log append of the
 * table's and indexes' pages, locks and system calls) costs far more than the row, and under a
 * burst of 200 `/ask` it was a third of the bot's main-thread time per answer. So a batch is
 * written when a turn of the loop has passed without a new row, or once `MAX_ROWS` are waiting,
 * or `MAX_WAIT_MS` after its first row. A lone answer waits one idle turn (microseconds); an
 * answer inside a burst waits at most a few others' turns, which the burst gets back many times.
 * Each caller still learns whether its own row was saved before it goes on, so an answer whose
 * state could not be saved still goes out without buttons.
 */

/** Rows written together at most. */
export const MAX_ROWS = 16;
/** The longest the first row of a batch waits for others. */
export const MAX_WAIT_MS = 20;

export class GroupCommit<Row> {
  private pending: { row: Row; settle: (error?: unknown) => void }[] = [];
  /** How many rows were waiting when the batch last looked whether more were coming. */
  private seen = 0;
  private firstAt = 0;

  /** `writeAll` writes the rows in one transaction, or throws and writes none. */
  constructor(private readonly writeAll: (rows: Row[]) => void) {}

  /** Resolves once `row` is committed; rejects with the transaction's error. */
  add(row: Row): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ row, settle: (error) => (error === undefined ? resolve() : reject(error)) });
      if (this.pending.length === 1) {
        this.seen = 0;
        this.firstAt = performance.now();
        setImmediate(this.check);
      }
      if (this.pending.length >= MAX_ROWS) this.flush();
    });
  }

  private readonly check = (): void => {
    if (this.pending.length === 0) return;
    const coming = this.pending.length > this.seen;
    if (coming && performance.now() - this.firstAt < MAX_WAIT_MS) {
      this.seen = this.pending.length;
      setImmediate(this.check);
      return;
    }
    this.flush();
  };

  /** Writes what is waiting now (the store calls it before it closes). */
  flush(): void {
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    let failure: unknown;
    try {
      this.writeAll(batch.map((b) => b.row));
    } catch (error) {
      failure = error ?? new Error('the write failed');
    }
    for (const b of batch) b.settle(failure);
  }
}
