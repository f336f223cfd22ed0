/**
 * The log's way to stderr: lines gathered for `FLUSH_AFTER_MS` and written together. Writing to
 * stderr is a synchronous system call and copy each time (a pipe or a file), and under a burst of
 * `/ask` the one line each answer logs cost a tenth of a millisecond of the main thread, in front
 * of every answer still waiting; a burst's lines now leave in a handful of writes.
 *
 * Nothing is reordered (every line goes through the same buffer, a test sink aside), and what
 * would be lost if the process died with lines waiting is written before it ends: on `exit` (so
 * also after `process.exit`), before an uncaught exception is printed, and at once for an error
 * line (`log.ts`), so the lines before a crash are never missing from the log.
 */

/** The longest a line waits: short enough to read the log live, long enough to batch a burst. */
export const FLUSH_AFTER_MS = 50;
/** Waiting text is written at once past this size (a storm of lines does not pile up). */
export const MAX_WAITING_CHARS = 64 * 1024;

export class LineBatch {
  private pending = '';

  /**
   * `output` writes text (whole lines, each ending in a newline); `schedule` runs a function
   * later (tests bring their own). The timer does not keep the process alive: `exit` flushes.
   */
  constructor(
    private readonly output: (text: string) => void,
    private readonly schedule: (flush: () => void) => void = (flush) => setTimeout(flush, FLUSH_AFTER_MS).unref(),
  ) {}

  /** Queues `line` (without its newline) for the next write. */
  readonly add = (line: string): void => {
    const first = this.pending === '';
    this.pending += `${line}\n`;
    if (this.pending.length > MAX_WAITING_CHARS) this.flush();
    else if (first) this.schedule(this.flush);
  };

  /** Writes what is queued now (a no-op when nothing is; a flush already scheduled then finds nothing). */
  readonly flush = (): void => {
    if (this.pending === '') return;
    const text = this.pending;
    this.pending = '';
    this.output(text);
  };
}

/** The process's stderr, batched; flushed before the process ends. */
export const stderrBatch = new LineBatch((text) => process.stderr.write(text));
process.on('exit', stderrBatch.flush);
process.on('uncaughtExceptionMonitor', stderrBatch.flush);
