/**
 * Long work on the thread that answers questions, done in slices of a few milliseconds with the
 * event loop handed back in between, so a bot assembling a large index (at start, or to swap in a
 * reload) keeps answering, heartbeating and acknowledging interactions meanwhile.
 *
 * Use: `if (slices.due()) await slices.pause();` inside a loop. Awaiting only when a slice is used
 * up keeps the loop free of a microtask per item, and `due()` reads the clock only every so many
 * calls (about every `CHECK_MS`, however long an item takes): a clock read per item was 6 % of
 * assembling a 100 000-passage index, where the items (a map entry, a passage) take a microsecond.
 */

/**
 * How long one slice may run. Far below the 50 ms a stall may last: what the event loop waits for
 * in the worst case is a slice, then a young-generation collection of the objects the assembly
 * made (10 to 25 ms on a busy two-core machine), then an answer (its p99 10 to 17 ms there). At 8
 * ms those added up to 50 during a 100 000-passage reload; a pause costs some 50 µs.
 */
export const SLICE_MS = 4;

/** How often `due()` aims to read the clock: often enough that a slice overruns by about this much. */
const CHECK_MS = 0.25;
/**
 * Most calls of `due()` between two clock reads: a loop of cheap items (microseconds) followed in
 * the same slice by one of dearer ones overruns by at most this many of those before the stride
 * adapts. Items that take a millisecond or so use `dueNow()`.
 */
const MAX_STRIDE = 256;

export class Slices {
  private started = performance.now();
  /** How many times the work handed the event loop back. */
  pauses = 0;
  /** Calls of `due()` until the next clock read, how many there were since the last one, and when it was. */
  private countdown = 1;
  private stride = 1;
  private checkedAt = this.started;

  constructor(private readonly sliceMs = SLICE_MS) {}

  /** True when this slice has run its time. */
  due(): boolean {
    if (--this.countdown > 0) return false;
    const now = performance.now();
    // Items of about equal cost follow each other: aim the next read at CHECK_MS from now.
    const perCall = (now - this.checkedAt) / this.stride;
    const aim = perCall > 0 ? Math.floor(CHECK_MS / perCall) : MAX_STRIDE;
    this.stride = Math.max(1, Math.min(MAX_STRIDE, 2 * this.stride, aim));
    this.countdown = this.stride;
    this.checkedAt = now;
    return now - this.started >= this.sliceMs;
  }

  /** `due()` with a clock read now: after an item that may take a millisecond or more. */
  dueNow(): boolean {
    this.countdown = 1;
    this.stride = 1;
    return this.due();
  }

  /** Hands the event loop back (timers, I/O, other callbacks run), then starts a new slice. */
  async pause(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    this.pauses++;
    this.started = performance.now();
    // The work may change pace after a pause (another loop): read the clock again soon.
    this.checkedAt = this.started;
    this.stride = this.countdown = 1;
  }
}

/** Slices that never pause: for work off the answering thread (a worker, a command-line tool). */
export const NO_PAUSES: Slices = Object.assign(Object.create(Slices.prototype) as Slices, {
  due: () => false,
  dueNow: () => false,
  pauses: 0,
});
