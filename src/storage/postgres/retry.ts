/**
 * Which PostgreSQL failures are worth another try, and the trying: a server that restarts (a
 * failover, an upgrade, `pg_ctl restart`) closes every connection and refuses new ones for a
 * second or two; the same statement on a new connection then succeeds. A constraint violation or
 * a syntax error would fail again, so it is not retried.
 */

/** Node's socket errors while the server is down or goes away. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);

/**
 * SQLSTATEs of a server going away or not ready: connection exceptions (class 08), the
 * administrator's shutdown (57P01), a crash shutdown (57P02), "the database system is starting
 * up" (57P03), and a serialization failure or deadlock, which a retry resolves by definition.
 */
const RETRY_SQLSTATES = /^(08...|57P0[123]|40001|40P01)$/;

/**
 * Messages pg gives without a code when the connection breaks mid-query, cannot be made in time,
 * or a statement goes unanswered past `query_timeout` (its connection is dropped; a new one may
 * reach the server). Waiting past `connectionTimeoutMillis` for a free connection of the pool
 * means the connections are busy with a slow or unreachable server: later, one may be free.
 */
const BROKEN_CONNECTION =
  /connection terminated|connection timeout|terminating connection|not queryable|ended|query read timeout|timeout exceeded when trying to connect/i;

/** Whether `error` means "the server is (for now) unreachable", not "this statement is wrong". */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || RETRY_SQLSTATES.test(code))) return true;
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return false;
  return BROKEN_CONNECTION.test(error.message);
}

export interface RetryPolicy {
  /** Give up after this long (the last error is thrown). */
  forMs: number;
  /** The first wait; each next one doubles, up to `maxDelayMs`. */
  firstDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * Runs `attempt` until it succeeds, fails with a non-transient error, `policy.forMs` has passed,
 * or `stopped()` says the store is closing. `onRetry` hears each transient failure before the wait.
 */
export async function retrying<T>(
  attempt: () => Promise<T>,
  policy: RetryPolicy,
  hooks: { onRetry?: (error: unknown) => void; stopped?: () => boolean } = {},
): Promise<T> {
  const until = Date.now() + policy.forMs;
  let delay = policy.firstDelayMs ?? 100;
  const maxDelay = policy.maxDelayMs ?? 2000;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (!isTransient(error) || hooks.stopped?.() || Date.now() + delay > until) throw error;
      hooks.onRetry?.(error);
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, maxDelay);
    }
  }
}
