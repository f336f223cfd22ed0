/**
 * The REST client's options: the base URL (DISCORD_API_URL), the request timeout, and a much
 * shorter one for interaction callbacks. Discord forgets an interaction that is not acknowledged
 * within 3 s, so a callback that hangs for discord.js's usual 15 s is an answer lost; aborted
 * after about a second, it is retried in time. (If the first attempt did reach Discord, the retry
 * gets 40060 "already acknowledged", and `respond.ts` edits the reply instead.)
 *
 * Responses discord.js handles by itself (a 429 it waits out, a 5xx it retries) are logged here,
 * where each response passes anyway, rather than from discord.js's `response` event: while that
 * event has a listener, discord.js copies every response for it (each getter of its wrapper run),
 * and emits it, on every request, which under a burst of answers is time the main thread spends
 * on nothing (`bench:bot`).
 */
import { DefaultRestOptions, type RESTOptions } from 'discord.js';
import type { Config } from '../config.ts';
import { log } from '../log.ts';

/** How long an interaction callback may take before it is aborted and retried. */
export const CALLBACK_TIMEOUT_MS = 1000;

const CALLBACK = /\/interactions\/\d+\/[^/]+\/callback(\?|$)/;

type MakeRequest = RESTOptions['makeRequest'];
type ResponseLike = Awaited<ReturnType<MakeRequest>>;

/** `makeRequest` that aborts interaction callbacks after `callbackTimeoutMs`, as discord.js aborts any request after its timeout. */
export function withCallbackTimeout(makeRequest: MakeRequest, callbackTimeoutMs = CALLBACK_TIMEOUT_MS): MakeRequest {
  return async (url, init) => {
    if (!CALLBACK.test(url)) return makeRequest(url, init);
    const controller = new AbortController();
    const outer = init.signal as AbortSignal | null | undefined;
    if (outer?.aborted) controller.abort();
    else outer?.addEventListener('abort', () => controller.abort(), { once: true });
    // A plain abort, as discord.js's own timeout does: it is retried like one.
    const timer = setTimeout(() => controller.abort(), callbackTimeoutMs);
    try {
      return await makeRequest(url, { ...init, signal: controller.signal as typeof init.signal });
    } finally {
      clearTimeout(timer);
    }
  };
}

/**
 * `/interactions/:id/:token/callback` for a request's URL: the API version, the query, ids and
 * tokens left out (a token is a credential; ids make every line different).
 */
export function routeOf(url: string): string {
  // The API's own path (after the base URL, which may have a path of its own, and the version).
  const path = url.replace(/[?#].*$/, '').replace(/^.*\/v\d+(?=\/)/, '');
  return path.replace(/\/(interactions|webhooks)\/(\d+)\/[^/]+/, '/$1/$2/:token').replace(/\/\d{15,}(?=\/|$)/g, '/:id');
}

/**
 * Logs the responses discord.js deals with by itself: 429 (it waits and retries) and 5xx (it
 * retries a few times); the final outcome reaches the caller as before.
 */
export function logRetriedResponse(method: string | undefined, url: string, response: ResponseLike): void {
  const { status } = response;
  if (status !== 429 && status < 500) return;
  const what = `${(method ?? 'GET').toUpperCase()} ${routeOf(url)}`;
  if (status === 429)
    log.warn(`rate limited (429) on ${what}: retrying after ${response.headers.get('retry-after') ?? '?'} s`);
  else log.warn(`Discord answered ${status} to ${what}`);
}

/** `makeRequest` that logs what `logRetriedResponse` logs. */
export function withRetriedResponsesLogged(makeRequest: MakeRequest): MakeRequest {
  return async (url, init) => {
    const response = await makeRequest(url, init);
    logRetriedResponse(init.method, url, response);
    return response;
  };
}

/** The REST options the bot's client uses. */
export function restOptions(
  config: Pick<Config, 'DISCORD_API_URL' | 'DISCORD_REST_TIMEOUT_SECONDS'>,
): Partial<RESTOptions> {
  const timeout = config.DISCORD_REST_TIMEOUT_SECONDS * 1000;
  return {
    // discord.js appends `/v10`; the gateway URL then comes from `GET /gateway/bot` on this base.
    api: config.DISCORD_API_URL,
    timeout,
    makeRequest: withRetriedResponsesLogged(
      withCallbackTimeout(DefaultRestOptions.makeRequest, Math.min(CALLBACK_TIMEOUT_MS, timeout)),
    ),
  };
}
