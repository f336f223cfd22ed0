/**
 * The answers a bot is still working on, so a stop (SIGTERM from a supervisor, a deploy) lets
 * them go out instead of cutting them off: an answer waiting out a 429 or a reload, or a reply
 * whose request is not sent yet, would be lost when the process exits, and its asker would see
 * "The application did not respond".
 */
import { log } from '../log.ts';
import { counted } from '../view/plural.ts';

/** How long a stop waits for answers in flight: well inside Docker's 10 s before it kills. */
export const STOP_GRACE_MS = 5000;

export class InFlight {
  private readonly running = new Set<Promise<void>>();

  get size(): number {
    return this.running.size;
  }

  /** Runs `work` as one answer in flight; its failure is logged (handlers report their own to the user). */
  track(work: Promise<void>): void {
    const tracked: Promise<void> = work
      .catch((error: unknown) => log.error('an event handler failed', error))
      .finally(() => this.running.delete(tracked));
    this.running.add(tracked);
  }

  /**
   * Waits until nothing is in flight, or `graceMs` passed; answers that start meanwhile (events
   * still arrive until the gateway closes) are waited for too. Returns how many were left.
   */
  async finish(graceMs = STOP_GRACE_MS): Promise<number> {
    if (this.running.size === 0) return 0;
    log.info(
      `stopping: finishing ${counted('en', this.running.size, 'answer')} in flight (at most ${graceMs / 1000} s)`,
    );
    const deadline = Date.now() + graceMs;
    while (this.running.size > 0 && Date.now() < deadline) {
      let timer: NodeJS.Timeout | undefined;
      const timeUp = new Promise<void>((resolve) => (timer = setTimeout(resolve, deadline - Date.now())));
      await Promise.race([Promise.all(this.running), timeUp]);
      clearTimeout(timer);
    }
    if (this.running.size > 0)
      log.warn(
        `stopping: ${counted('en', this.running.size, 'answer')} still in flight after ${graceMs / 1000} s are dropped`,
      );
    return this.running.size;
  }
}
