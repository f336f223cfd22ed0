/** How much the backends keep by default, the same for SQLite and PostgreSQL. */

/** Unclear or unanswered questions kept per server by default: months of a busy server, a few MB. */
export const DEFAULT_UNANSWERED_LIMIT = 10_000;

/** Question and vote counts are kept as long as the longest window `/stats` shows. */
export const STATS_RETENTION_DAYS = 30;

/**
 * How often a server's question log is trimmed to its limit (every this many entries). Trimming
 * skips over the limit's worth of entries, milliseconds at 10 000; once in 64 entries it is noise.
 */
export const TRIM_EVERY = 64;

/** Counts one more entry of `guildId`'s log in `untrimmed`; true when the log is due for a trim. */
export function dueForTrim(untrimmed: Map<string, number>, guildId: string): boolean {
  const since = (untrimmed.get(guildId) ?? TRIM_EVERY - 1) + 1;
  untrimmed.set(guildId, since % TRIM_EVERY);
  return since >= TRIM_EVERY;
}
