/**
 * Gives up on a gateway connection that does not come (back) within a deadline. discord.js
 * retries for ever: behind a firewall that lets REST through but not WebSockets it reconnects
 * every half second, or waits out a 30 s handshake again and again, and the process never exits.
 * A supervisor can only help a process that ends, so after the deadline the bot says why in one
 * line and exits non-zero.
 */
import { Events, RESTEvents, type Client } from 'discord.js';
import { connectTimeoutReason } from './login-retry.ts';

export interface WatchdogOptions {
  /** How long the gateway may be down (from the start, or from a drop) before giving up. */
  timeoutMs: number;
  /** The REST base URL, to name it when it is REST that never answers. */
  apiUrl: string;
  /** Called once with the reason when the deadline passes. */
  onGiveUp: (reason: string) => void;
  /**
   * Why the last attempt to reach the REST API failed without an answer, when it could not even
   * connect (refused, DNS, reset: see `login-retry.ts`), e.g. `connect ECONNREFUSED 127.0.0.1:9`.
   */
  connectFailure?: () => string | undefined;
}

export interface Watchdog {
  /** Disarms it for good (the bot is stopping). */
  stop(): void;
}

/**
 * Arms at once (the start counts as "not connected yet"), disarms when a shard is ready or has
 * resumed, re-arms when a shard starts reconnecting or is disconnected.
 */
export function watchConnection(
  client: Client,
  { timeoutMs, apiUrl, onGiveUp, connectFailure }: WatchdogOptions,
): Watchdog {
  let timer: NodeJS.Timeout | undefined;
  let restAnswered = false;
  let everConnected = false;
  let stopped = false;
  const seconds = Math.round(timeoutMs / 1000);

  const reason = (): string => {
    if (everConnected)
      return `timed out: lost the connection to the Discord gateway and could not reconnect within ${seconds} s`;
    const failure = restAnswered ? undefined : connectFailure?.();
    if (failure) return connectTimeoutReason(apiUrl, seconds, failure);
    if (!restAnswered)
      return `timed out: Discord's API at ${apiUrl} did not answer within ${seconds} s (a proxy or firewall may hold the connection)`;
    const gateway = client.ws.gateway ? ` at ${client.ws.gateway.replace(/\/$/, '')}` : '';
    return `timed out: no connection to the Discord gateway${gateway} within ${seconds} s, although its REST API answers (a firewall or proxy may block WebSocket connections)`;
  };
  const arm = () => {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      stopped = true;
      onGiveUp(reason());
    }, timeoutMs);
  };
  const disarm = () => {
    clearTimeout(timer);
    timer = undefined;
    everConnected = true;
  };

  // Only the first answer matters; a listener left on would cost every later request a copy of
  // its response (discord.js makes one for the listeners).
  const onRestAnswer = () => {
    restAnswered = true;
    client.rest.off(RESTEvents.Response, onRestAnswer);
  };
  client.rest.on(RESTEvents.Response, onRestAnswer);
  client.on(Events.ShardReady, disarm);
  client.on(Events.ShardResume, disarm);
  client.on(Events.ShardReconnecting, arm);
  client.on(Events.ShardDisconnect, arm);
  arm();
  return {
    stop: () => {
      client.rest.off(RESTEvents.Response, onRestAnswer);
      stopped = true;
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
