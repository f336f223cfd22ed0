/**
 * Rows saved together: every row asked for while the event loop is busy goes into one transaction
 * when it next comes round (`setImmediate`). A burst of answers handled in one turn of the loop
 * then costs one commit (its log append, locks and system calls, most of what saving one answer
 * cost) instead of one each. Each caller still learns whether its own row was saved before it
 * goes on, so an answer whose state could not be saved still goes out without buttons.
 */
export class GroupCommit<Row> {
  private pending: { row: Row; settle: (error?: unknown) => void }[] = [];

  /** `writeAll` writes the rows in one transaction, or throws and writes none. */
  constructor(private readonly writeAll: (rows: Row[]) => void) {}

  /** Resolves once `row` is committed; rejects with the transaction's error. */
  add(row: Row): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ row, settle: (error) => (error === undefined ? resolve() : reject(error)) });
      if (this.pending.length === 1) setImmediate(() => this.flush());
    });
  }

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
