/**
 * One line a person can act on for the ways reaching Discord fails for good: a refused token, a
 * refused intent, an API that never answers. Shared by `npm start` and `npm run deploy-commands`,
 * so both say the same thing for the same cause.
 */
import { DiscordAPIError } from 'discord.js';

export interface ConnectContext {
  /** The REST base URL in use (DISCORD_API_URL). */
  apiUrl: string;
  /** DISCORD_CONNECT_TIMEOUT_SECONDS, for "did not answer within …". */
  timeoutSeconds: number;
}

/** Whether `error` is Discord refusing a privileged intent the bot asked for (close code 4014). */
export function isIntentRefusal(error: unknown): boolean {
  return /disallowed intents/i.test(error instanceof Error ? error.message : String(error));
}

/**
 * A request Discord refused with 401 while the bot runs: the token was reset in the Developer
 * Portal (or the application deleted). One line that says what to do, not a stack per question.
 */
export const TOKEN_REFUSED_WHILE_RUNNING =
  'Discord refused DISCORD_TOKEN (401): it was reset or revoked; reset the token in the Developer Portal, update it and restart the bot';

/** Set once Discord has answered 401 in this process: discord.js has dropped the token since. */
let tokenRefused = false;

/**
 * Whether `error` is Discord answering 401 Unauthorized (by the status, not a "401" in the text),
 * or a request made after one: discord.js then drops the token and refuses every request that
 * needs it with a message of its own. The same message after a stop (which drops the token too)
 * is no refusal, so it counts only once a 401 was seen.
 */
export function isTokenRefused(error: unknown): boolean {
  if (statusOf(error) === 401) return (tokenRefused = true);
  return tokenRefused && error instanceof Error && /^Expected token to be set for this request/.test(error.message);
}

/** The HTTP status of a DiscordAPIError, or of discord.js's HTTPError for a body that is not JSON. */
function statusOf(error: unknown): unknown {
  return error instanceof DiscordAPIError ? error.status : (error as { status?: unknown } | null)?.status;
}

/** Why the connection failed, as one line; the raw message when the cause is not one of these. */
export function describeConnectFailure(error: unknown, context: ConnectContext): string {
  const message = error instanceof Error ? error.message : String(error);
  if (isIntentRefusal(error)) {
    return 'Discord refused the Message Content intent: enable it for the bot in the Developer Portal, or leave QA_CHANNEL_IDS empty';
  }
  // By the status (DiscordAPIError, or discord.js's HTTPError for a body that is not JSON), not a
  // "401" anywhere in the text: `connect ECONNREFUSED 127.0.0.1:4010` is no refused token.
  if (statusOf(error) === 401 || /invalid token/i.test(message)) {
    return 'Discord refused DISCORD_TOKEN: reset the token in the Developer Portal and update it';
  }
  // Refusals with a cause the operator can act on, by Discord's error code.
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 50001)
    return `Discord said Missing Access (50001): the bot is not in the server DISCORD_GUILD_ID names, or was invited without the applications.commands scope (invite it again with that scope)`;
  if (code === 20012)
    return `Discord said this application is not the bot's (20012): DISCORD_APPLICATION_ID names another application; correct it, or leave it empty to have it read from the token`;
  if (statusOf(error) === 404)
    return `Discord's API at ${context.apiUrl} answered 404 Not Found: check DISCORD_API_URL (Discord's own is https://discord.com/api; a proxy's address ends in /api as well)`;
  // The gateway's own refusals, as discord.js words them when login() fails on them.
  if (/authentication failed/i.test(message)) return fatalCloseReason(4004)!;
  if (/invalid shard/i.test(message)) return fatalCloseReason(4010)!;
  if (/sharding is required/i.test(message)) return fatalCloseReason(4011)!;
  // discord.js aborts a request that gets no answer (its own timeout, or our deadline) and then
  // only says "This operation was aborted".
  if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) {
    const within = context.timeoutSeconds > 0 ? ` within ${context.timeoutSeconds} s` : '';
    return `timed out: Discord's API at ${context.apiUrl} did not answer${within} (a proxy or firewall may hold the connection)`;
  }
  return message;
}

/**
 * Why the gateway closed for good, for the close codes discord.js does not recover from, as one
 * line a person can act on; undefined for the codes it resumes or reconnects after.
 */
export function fatalCloseReason(code: number): string | undefined {
  switch (code) {
    case 4004:
      return 'Discord refused DISCORD_TOKEN at the gateway (4004 Authentication failed): reset the token in the Developer Portal and update it';
    case 4010:
      return 'Discord refused the shard (4010 Invalid shard): SHARD_COUNT or SHARD_IDS do not match the shards of this bot';
    case 4011:
      return 'Discord requires sharding for this bot (4011): run npm run start:sharded';
    case 4012:
      return 'Discord refused the gateway version (4012 Invalid API version)';
    case 4013:
      return 'Discord refused the intents (4013 Invalid intents)';
    case 4014:
      return 'Discord refused the Message Content intent: enable it for the bot in the Developer Portal, or leave QA_CHANNEL_IDS empty';
    default:
      return undefined;
  }
}
