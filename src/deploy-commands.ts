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
import { redact, scrub } from './log.ts';

/** The request body: every command definition, exactly as the bot handles them. */
export function commandPayload(): unknown[] {
  return commands.map((c) => c.data);
}

export async function deployCommands(config: Config): Promise<{ count: number; scope: string }> {
  if (!config.DISCORD_TOKEN) throw new Error('DISCORD_TOKEN is not set; it is needed to register commands');
  const rest = new REST({ api: config.DISCORD_API_URL }).setToken(config.DISCORD_TOKEN);
  // The token already identifies the application; DISCORD_APPLICATION_ID only saves a request.
  const applicationId = config.DISCORD_APPLICATION_ID ?? ((await rest.get(Routes.currentApplication())) as RESTGetCurrentApplicationResult).id;
  const route = config.DISCORD_GUILD_ID ? Routes.applicationGuildCommands(applicationId, config.DISCORD_GUILD_ID) : Routes.applicationCommands(applicationId);
  const result = (await rest.put(route, { body: commandPayload() })) as RESTPutAPIApplicationCommandsResult;
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
    console.error(scrub(`deploy-commands failed: ${error instanceof Error ? error.message : String(error)}`));
    return 1;
  }
}

// Importable by tests without side effects; runs only as the entry point.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = await main();
