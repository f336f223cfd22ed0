/**
 * Per-user cooldown for channel Q&A, so one member cannot turn a channel into a flood of
 * answers. The first refused message in a window gets a notice; later ones are ignored quietly,
 * otherwise the notices would become the flood.
 */
export type CooldownVerdict = { allowed: true } | { allowed: false; retryAfterMs: number; notify: boolean };

interface Entry {
  until: number;
  notified: boolean;
}

/** Forget expired entries once the map grows past this, so it cannot grow without bound. */
const SWEEP_AT = 1000;

export class Cooldown {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly durationMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records an attempt by `key` and says whether it may go ahead; `durationMs` overrides the default wait. */
  hit(key: string, durationMs = this.durationMs): CooldownVerdict {
    const now = this.now();
    if (durationMs <= 0) return { allowed: true };
    const entry = this.entries.get(key);
    if (entry && entry.until > now) {
      const notify = !entry.notified;
      entry.notified = true;
      return { allowed: false, retryAfterMs: entry.until - now, notify };
    }
    if (this.entries.size >= SWEEP_AT) this.sweep(now);
    this.entries.set(key, { until: now + durationMs, notified: false });
    return { allowed: true };
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.entries) if (entry.until <= now) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
