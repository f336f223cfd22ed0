/**
 * The REST client's options: the base URL (DISCORD_API_URL), the request timeout, and a much
 * shorter one for interaction callbacks. Discord forgets an interaction that is not acknowledged
 * within 3 s, so a callback that hangs for discord.js's usual 15 s is an answer lost; aborted
 * after about a second, it is retried in time. (If the first attempt did reach Discord, the retry
 * gets 40060 "already acknowledged", and `respond.ts` edits the reply instead.)
 */
import { DefaultRestOptions, type RESTOptions } from 'discord.js';
import type { Config } from '../config.ts';

/** How long an interaction callback may take before it is aborted and retried. */
export const CALLBACK_TIMEOUT_MS = 1000;

const CALLBACK = /\/interactions\/\d+\/[^/]+\/callback(\?|$)/;

type MakeRequest = RESTOptions['makeRequest'];

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

/** The REST options the bot's client uses. */
export function restOptions(
  config: Pick<Config, 'DISCORD_API_URL' | 'DISCORD_REST_TIMEOUT_SECONDS'>,
): Partial<RESTOptions> {
  const timeout = config.DISCORD_REST_TIMEOUT_SECONDS * 1000;
  return {
    // discord.js appends `/v10`; the gateway URL then comes from `GET /gateway/bot` on this base.
    api: config.DISCORD_API_URL,
    timeout,
    makeRequest: withCallbackTimeout(DefaultRestOptions.makeRequest, Math.min(CALLBACK_TIMEOUT_MS, timeout)),
  };
}
