/**
 * `npm run deploy-commands`: replaces the bot's slash commands with the ones in `commands/` in
 * one bulk overwrite: in DISCORD_GUILD_ID when set (instant, for testing), else globally.
 * The bot never registers commands itself, so deploying is always a deliberate step.
 */
import { pathToFileURL } from 'node:url';
import dotenv from 'dotenv';
import { REST, Routes, type RESTGetCurrentApplicationResult, type RESTPutAPIApplicationCommandsResult } from 'discord.js';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { commands } from '../commands/index.ts';
import { describeConnectFailure } from './discord/connect-failure.ts';
import { redact, scrub } from './log.ts';

/** The request body: every command definition, exactly as the bot handles them. */
export function commandPayload(): unknown[] {
  return commands.map((c) => c.data);
}

/**
 * Registers the commands. The whole deploy gets DISCORD_CONNECT_TIMEOUT_SECONDS (0: only
 * discord.js's own per-request timeout and retries): an API that accepts connections but never
 * answers ends in an abort, reported as "timed out".
 */
export async function deployCommands(config: Config): Promise<{ count: number; scope: string }> {
  if (!config.DISCORD_TOKEN) throw new Error('DISCORD_TOKEN is not set; it is needed to register commands');
  const deadlineMs = config.DISCORD_CONNECT_TIMEOUT_SECONDS * 1000;
  // With a deadline, one attempt may use all of it (discord.js would give up on each after 15 s).
  const rest = new REST({ api: config.DISCORD_API_URL, ...(deadlineMs > 0 ? { timeout: deadlineMs } : {}) }).setToken(config.DISCORD_TOKEN);
  const signal = deadlineMs > 0 ? AbortSignal.timeout(deadlineMs) : undefined;
  // The token already identifies the application; DISCORD_APPLICATION_ID only saves a request.
  const applicationId = config.DISCORD_APPLICATION_ID ?? ((await rest.get(Routes.currentApplication(), { signal })) as RESTGetCurrentApplicationResult).id;
  const route = config.DISCORD_GUILD_ID ? Routes.applicationGuildCommands(applicationId, config.DISCORD_GUILD_ID) : Routes.applicationCommands(applicationId);
  const result = (await rest.put(route, { body: commandPayload(), signal })) as RESTPutAPIApplicationCommandsResult;
  return { count: result.length, scope: config.DISCORD_GUILD_ID ? `server ${config.DISCORD_GUILD_ID}` : 'all servers (global; may take up to an hour to appear)' };
}

async function main(): Promise<number> {
  dotenv.config({ quiet: true });
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const line of error.lines) console.error(line);
    return 1;
  }
  redact(config.DISCORD_TOKEN);
  try {
    const { count, scope } = await deployCommands(config);
    console.log(`Registered ${count} commands for ${scope}.`);
    return 0;
  } catch (error) {
    const why = describeConnectFailure(error, { apiUrl: config.DISCORD_API_URL, timeoutSeconds: config.DISCORD_CONNECT_TIMEOUT_SECONDS });
    console.error(scrub(`deploy-commands failed: ${why}`));
    return 1;
  }
}

// Importable by tests without side effects; runs only as the entry point.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = await main();
