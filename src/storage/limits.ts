/** How much the backends keep by default, the same for SQLite and PostgreSQL. */

/** Unclear or unanswered questions kept per server by default: months of a busy server, a few MB. */
export const DEFAULT_UNANSWERED_LIMIT = 10_000;

/** Question and vote counts are kept as long as the longest window `/stats` shows. */
export const STATS_RETENTION_DAYS = 30;
