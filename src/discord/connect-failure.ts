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

/** Why the connection failed, as one line; the raw message when the cause is not one of these. */
export function describeConnectFailure(error: unknown, context: ConnectContext): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/disallowed intents/i.test(message)) {
    return 'Discord refused the Message Content intent: enable it for the bot in the Developer Portal, or leave QA_CHANNEL_IDS empty';
  }
  if ((error instanceof DiscordAPIError && error.status === 401) || /invalid token|401/i.test(message)) {
    return 'Discord refused DISCORD_TOKEN: reset the token in the Developer Portal and update it';
  }
  // discord.js aborts a request that gets no answer (its own timeout, or our deadline) and then
  // only says "This operation was aborted".
  if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) {
    const within = context.timeoutSeconds > 0 ? ` within ${context.timeoutSeconds} s` : '';
    return `timed out: Discord's API at ${context.apiUrl} did not answer${within} (a proxy or firewall may hold the connection)`;
  }
  return message;
}
