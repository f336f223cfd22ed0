/**
 * Rows saved together. A burst of answers is handled one per turn of the event loop (see
 * `Turns`), and each answer used to commit its own row, or two: a commit (its log append of the
 * table's and indexes' pages, locks and system calls) costs far more than the row, and under a
 * burst of 200 `/ask` it was a third of the bot's main-thread time per answer. So a batch is
 * written at the first turn of the loop in which no new row came, or once `MAX_ROWS` are waiting,
 * or at the first turn `MAX_WAIT_MS` after its first row. A lone answer is written at the next
 * turn, as before; inside a burst an answer waits for up to `MAX_ROWS - 1` others' turns (a few
 * milliseconds), which the burst gets back in commits saved. Each caller still learns whether its
 * own row was saved before it goes on, so an answer whose state could not be saved still goes out
 * without buttons.
 */

/** Rows written together at most. */
export const MAX_ROWS = 16;
/** After this long, the batch is written at the next turn of the loop whether or not rows keep coming. */
export const MAX_WAIT_MS = 20;

export class GroupCommit<Row> {
  private pending: { row: Row; settle: (error?: unknown) => void }[] = [];
  /** How many rows were waiting when the batch last looked whether more were coming. */
  private seen = 0;
  private firstAt = 0;
  /** A look is scheduled for the next turn: only one at a time, whatever flushed in between. */
  private scheduled = false;

  /**
   * @param writeAll writes the rows in one transaction, or throws and writes none
   * @param now the clock `MAX_WAIT_MS` is measured on (tests pass their own)
   */
  constructor(
    private readonly writeAll: (rows: Row[]) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Resolves once `row` is committed; rejects with the transaction's error. */
  add(row: Row): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ row, settle: (error) => (error === undefined ? resolve() : reject(error)) });
      if (this.pending.length === 1) {
        // The row that starts a batch is not one "still coming": alone, it is written next turn.
        // But a batch that starts right after one was written mid-turn (it filled up) is in a
        // burst: the look already scheduled for this turn waits for more.
        this.seen = this.scheduled ? 0 : 1;
        this.firstAt = this.now();
      }
      if (this.pending.length >= MAX_ROWS) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(this.check);
      }
    });
  }

  private readonly check = (): void => {
    this.scheduled = false;
    if (this.pending.length === 0) return;
    if (this.pending.length > this.seen && this.now() - this.firstAt < MAX_WAIT_MS) {
      this.seen = this.pending.length;
      this.scheduled = true;
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
