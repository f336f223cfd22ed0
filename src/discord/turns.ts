/**
 * Answering one interaction per turn of the event loop. A burst of interactions arrives as a few
 * gateway reads of dozens each, and discord.js hands them all to the bot in one go. If each were
 * answered right there, the whole batch's work would be done before the first reply could leave
 * (requests are written in a later turn), and every user would wait for the slowest. Taking turns
 * lets the reply of each go out while the next one is worked on, and keeps the event loop free
 * for heartbeats and acknowledgements in between.
 */

/**
 * How many recent turns the expected wait is estimated from: enough that one slow turn (a
 * garbage collection, a large gateway read) does not make every later caller defer.
 */
const WINDOW = 64;
/** What a turn is assumed to take before any was measured. */
const INITIAL_TURN_MS = 2;

export class Turns {
  private readonly waiting: (() => void)[] = [];
  private scheduled = false;
  /** Durations of the recent turns (a ring), and their sum. */
  private readonly recent = new Float64Array(WINDOW).fill(INITIAL_TURN_MS);
  private recentSum = WINDOW * INITIAL_TURN_MS;
  private recentAt = 0;
  private turnStarted = 0;

  /** How long a caller asking now would wait for its turn, from the recent turns' mean duration. */
  expectedWaitMs(): number {
    return (this.waiting.length * this.recentSum) / WINDOW;
  }

  /** Whether answers are waiting for their turn (the bot is in the middle of a burst). */
  busy(): boolean {
    return this.waiting.length > 0;
  }

  private measure(ms: number): void {
    this.recentSum += ms - this.recent[this.recentAt]!;
    this.recent[this.recentAt] = ms;
    this.recentAt = (this.recentAt + 1) % WINDOW;
  }

  /** Resolves when it is the caller's turn: one caller per turn of the event loop, first come first served. */
  next(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(this.release);
      }
    });
  }

  /** Lets the next caller go; its work runs right after, in this turn. The next release is in the next turn. */
  private readonly release = (): void => {
    const now = performance.now();
    // The previous caller's work ran between its release and this one (plus the turn's own I/O).
    if (this.turnStarted > 0) this.measure(now - this.turnStarted);
    this.turnStarted = now;
    this.waiting.shift()?.();
    if (this.waiting.length > 0) setImmediate(this.release);
    else {
      this.scheduled = false;
      this.turnStarted = 0;
    }
  };
}

/** The bot's one queue: all slash command answers take turns in it. */
export const answerTurns = new Turns();
