/**
 * Logging in (or, for the shard manager, asking for the shard count) while Discord's API cannot be reached at all: a REST proxy not up yet at boot, DNS
 * not ready, a connection reset. discord.js gives up on the first such failure, and exiting on it
 * made a supervisor restart the bot in a tight loop; the bot keeps trying instead, with a growing
 * pause, until DISCORD_CONNECT_TIMEOUT_SECONDS have passed (for ever with 0; the caller's
 * watchdog keeps the deadline).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Routes, type Client } from 'discord.js';
import { log } from '../log.ts';

/** Error codes of a connection that could not be made or was cut: worth another try. */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** The first pause after a failed attempt; each next one doubles, up to `LONGEST_PAUSE_MS`. */
const FIRST_PAUSE_MS = 1000;
const LONGEST_PAUSE_MS = 30_000;
/** After the first failure, one line this often while the API stays unreachable. */
const REMIND_EVERY_MS = 5 * 60_000;

/**
 * Whether `error` (from `client.login`) says Discord's API could not be reached: no connection
 * (refused, reset, no route, DNS), a request that got no answer in time (aborted by discord.js),
 * or a server error from a proxy whose upstream is down. Not a refused token or intent.
 */
export function isUnreachable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'AbortError' || error.name === 'TimeoutError') return true;
  const status = (error as { status?: unknown }).status;
  if (typeof status === 'number' && status >= 500) return true;
  for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code && UNREACHABLE_CODES.has(code)) return true;
  }
  return false;
}

/** Whether `error` is a connection that could not be made (not one that was made but got no answer). */
export function isConnectionFailure(error: unknown): boolean {
  return isUnreachable(error) && error instanceof Error && error.name !== 'AbortError' && error.name !== 'TimeoutError';
}

export interface RetryOptions {
  /** DISCORD_API_URL, named in the log lines. */
  apiUrl: string;
  /** DISCORD_CONNECT_TIMEOUT_SECONDS, named in the first line (0: for ever). */
  timeoutSeconds: number;
  /** Aborted when the caller gives up (its deadline passed): no further attempt is made. */
  signal: AbortSignal;
  /** Told of each failed attempt, for the caller's verdict at the deadline. */
  onFailure?: (error: Error, attempts: number) => void;
}

/**
 * `client.login(token)` once Discord's API answers (see `untilReachable`): the waiting is done
 * with a plain request (`GET /gateway/bot`, which the login makes first anyway), not with logins.
 * A failed login destroys the client's gateway manager for good (discord.js never clears its
 * `destroyed` flag): a client logged in again after one never became ready to discord.js, and its
 * `destroy()` on stop left the gateway connection open. Any answer, even a refusal, means the API
 * is reachable; the login then says what a refusal means.
 */
export async function logInRetrying(client: Client, token: string, options: RetryOptions): Promise<unknown> {
  client.rest.setToken(token);
  await untilReachable(async () => {
    try {
      await client.rest.get(Routes.gatewayBot());
    } catch (error) {
      if (isUnreachable(error)) throw error;
    }
  }, options);
  return client.login(token);
}

/**
 * `attempt()`, tried again after each failure `isUnreachable` accepts, with pauses of 1, 2, 4 …
 * up to 30 s, until it succeeds or `signal` is aborted. The first failure is logged as a warning,
 * then one line every five minutes, and one when it gets through at last. Other failures (a
 * refused token) reject at once.
 */
export async function untilReachable<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<T> {
  const { apiUrl, timeoutSeconds, signal, onFailure } = options;
  let firstFailureAt = 0;
  let lastLine = 0;
  let attempts = 0;
  let pause = FIRST_PAUSE_MS;
  for (;;) {
    attempts++;
    try {
      const result = await attempt();
      if (attempts > 1) log.info(`reached Discord's API at ${apiUrl} (DISCORD_API_URL) after ${attempts} attempts`);
      return result;
    } catch (error) {
      if (signal.aborted || !isUnreachable(error)) throw error;
      const failure = error as Error;
      onFailure?.(failure, attempts);
      const now = Date.now();
      if (attempts === 1) {
        firstFailureAt = now;
        lastLine = now;
        const until =
          timeoutSeconds > 0
            ? `for up to ${timeoutSeconds} s (DISCORD_CONNECT_TIMEOUT_SECONDS)`
            : 'until it answers (DISCORD_CONNECT_TIMEOUT_SECONDS=0)';
        log.warn(
          `cannot reach Discord's API at ${apiUrl} (DISCORD_API_URL): ${failure.message}; trying again, with growing pauses up to ${LONGEST_PAUSE_MS / 1000} s, ${until}`,
        );
      } else if (now - lastLine >= REMIND_EVERY_MS) {
        lastLine = now;
        const minutes = Math.round((now - firstFailureAt) / 60_000);
        log.warn(
          `still cannot reach Discord's API at ${apiUrl} (DISCORD_API_URL) after ${attempts} attempts in ${minutes} min: ${failure.message}`,
        );
      }
    }
    await sleep(pause, undefined, { signal });
    pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
  }
}

/** Why the attempts failed, for a verdict: the last connection failure and how many attempts there were. */
export function describeAttempts(error: Error, attempts: number): string | undefined {
  if (!isConnectionFailure(error)) return undefined;
  return `${error.message} (${attempts} ${attempts === 1 ? 'attempt' : 'attempts'})`;
}

/** The verdict when the deadline passed while no attempt could even connect. */
export function connectTimeoutReason(apiUrl: string, seconds: number, failure: string): string {
  return `timed out: could not connect to Discord's API at ${apiUrl} (DISCORD_API_URL) within ${seconds} s: ${failure}`;
}
