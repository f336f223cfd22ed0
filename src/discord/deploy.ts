/**
 * Registering the slash commands with Discord in one bulk overwrite: in DISCORD_GUILD_ID when set
 * (instant, for testing), else globally. The bot never registers commands itself, so deploying
 * is always a deliberate step (`npm run deploy-commands`).
 */
import {
  REST,
  Routes,
  type RESTGetCurrentApplicationResult,
  type RESTPutAPIApplicationCommandsResult,
} from 'discord.js';
import type { Config } from '../config.ts';
import type { Command } from './command.ts';

/**
 * Registers `commands`, exactly as the bot handles them. The whole deploy gets
 * DISCORD_CONNECT_TIMEOUT_SECONDS (0: only discord.js's own per-request timeout and retries): an
 * API that accepts connections but never answers ends in an abort, reported as "timed out".
 */
export async function deployCommands(
  config: Config,
  commands: readonly Command[],
): Promise<{ count: number; scope: string }> {
  if (!config.DISCORD_TOKEN) throw new Error('DISCORD_TOKEN is not set; it is needed to register commands');
  const deadlineMs = config.DISCORD_CONNECT_TIMEOUT_SECONDS * 1000;
  // With a deadline, one attempt may use all of it (discord.js would give up on each after 15 s).
  const rest = new REST({ api: config.DISCORD_API_URL, ...(deadlineMs > 0 ? { timeout: deadlineMs } : {}) }).setToken(
    config.DISCORD_TOKEN,
  );
  const signal = deadlineMs > 0 ? AbortSignal.timeout(deadlineMs) : undefined;
  // The token already identifies the application; DISCORD_APPLICATION_ID only saves a request.
  const applicationId =
    config.DISCORD_APPLICATION_ID ??
    ((await rest.get(Routes.currentApplication(), { signal })) as RESTGetCurrentApplicationResult).id;
  const route = config.DISCORD_GUILD_ID
    ? Routes.applicationGuildCommands(applicationId, config.DISCORD_GUILD_ID)
    : Routes.applicationCommands(applicationId);
  const body = commands.map((c) => c.data);
  const result = (await rest.put(route, { body, signal })) as RESTPutAPIApplicationCommandsResult;
  return {
    count: result.length,
    scope: config.DISCORD_GUILD_ID
      ? `server ${config.DISCORD_GUILD_ID}`
      : 'all servers (global; may take up to an hour to appear)',
  };
}
