/**
 * `npm run deploy-commands`: replaces the bot's slash commands with the ones in `commands/` (see
 * `src/discord/deploy.ts`). Exits non-zero with one line on stderr when it fails.
 */
import { commands } from '../commands/index.ts';
import { readConfig } from './config.ts';
import { describeConnectFailure } from './discord/connect-failure.ts';
import { deployCommands } from './discord/deploy.ts';
import { isConnectionFailure } from './discord/login-retry.ts';
import { redact, scrub } from './log.ts';
import { runScript } from './run-script.ts';

async function main(): Promise<number> {
  const config = readConfig();
  if (!config) return 1;
  redact(config.DISCORD_TOKEN);
  try {
    const { count, scope } = await deployCommands(config, commands);
    console.log(`Registered ${count} commands for ${scope}.`);
    return 0;
  } catch (error) {
    // A connection that could not be made names the setting that says where to (a typo in a
    // proxy's address, a proxy that is down): the bot says so too, and tries again; this tries once.
    const why = isConnectionFailure(error)
      ? `cannot reach Discord's API at ${config.DISCORD_API_URL} (DISCORD_API_URL): ${(error as Error).message}; check the address and that it is up, then run it again`
      : describeConnectFailure(error, {
          apiUrl: config.DISCORD_API_URL,
          timeoutSeconds: config.DISCORD_CONNECT_TIMEOUT_SECONDS,
        });
    console.error(scrub(`deploy-commands failed: ${why}`));
    return 1;
  }
}

runScript('deploy-commands', main);
