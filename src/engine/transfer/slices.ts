/**
 * Long work on the thread that answers questions, done in slices of a few milliseconds with the
 * event loop handed back in between, so a bot assembling a large index (at start, or to swap in a
 * reload) keeps answering, heartbeating and acknowledging interactions meanwhile.
 *
 * Use: `if (slices.due()) await slices.pause();` inside a loop. `due()` is a clock read, cheap
 * enough per item; awaiting only when a slice is used up keeps the loop free of a microtask per item.
 */

/**
 * How long one slice may run. Far below the 50 ms a stall may last, so a slice that overruns a
 * little (a large string decoded in one piece, a garbage collection) still stays under it.
 */
export const SLICE_MS = 8;

export class Slices {
  private started = performance.now();
  /** How many times the work handed the event loop back. */
  pauses = 0;

  constructor(private readonly sliceMs = SLICE_MS) {}

  /** True when this slice has run its time. */
  due(): boolean {
    return performance.now() - this.started >= this.sliceMs;
  }

  /** Hands the event loop back (timers, I/O, other callbacks run), then starts a new slice. */
  async pause(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    this.pauses++;
    this.started = performance.now();
  }
}

/** Slices that never pause: for work off the answering thread (a worker, a command-line tool). */
export const NO_PAUSES: Slices = Object.assign(Object.create(Slices.prototype) as Slices, {
  due: () => false,
  pauses: 0,
});
