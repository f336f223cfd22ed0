/**
 * `npm run start:sharded`: the bot as several shard processes under discord.js's
 * ShardingManager (see `discord/sharding/manager.ts`). SHARD_COUNT (or Discord's recommendation)
 * sets how many shards the bot has, SHARD_IDS which of them this host runs. Exit code 0 after
 * SIGTERM/SIGINT, 1 when the configuration is invalid, Discord cannot be reached or a shard gave up.
 */
import { describeSettingsSource, readConfig, setTokenStep } from './config.ts';
import { databasePassword } from './storage/open-store.ts';
import { holdDataDirOrSay } from './storage/data-dir-hold.ts';
import { startShards, type RunningManager } from './discord/sharding/manager.ts';
import { log, redact, setLogContext, setLogLevel } from './log.ts';
import { runScript, type ExitCode } from './run-script.ts';

async function main(): Promise<ExitCode> {
  const config = readConfig();
  if (!config) return 1;
  setLogLevel(config.LOG_LEVEL);
  setLogContext('manager');
  redact(config.DISCORD_TOKEN);
  redact(databasePassword(config.DATABASE_URL));
  log.info(describeSettingsSource());
  if (!config.DISCORD_TOKEN) {
    log.error(`start:sharded needs DISCORD_TOKEN: ${setTokenStep()}; npm start answers on the console without it`);
    return 1;
  }
  // A host running every shard is the whole bot, as `npm start` is; hosts that split the shards
  // between them (SHARD_IDS) are each a part, and may share a folder on purpose.
  if (!config.SHARD_IDS && !holdDataDirOrSay(config.DATA_DIR, config.DISCORD_TOKEN, 'start:sharded')) return 1;
  let running: RunningManager;
  try {
    running = await startShards(config);
  } catch (error) {
    log.error(`could not start the shards: ${(error as Error).message}`);
    return 1;
  }
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: stopping the shards`);
    void running.stop();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const code = await running.finished;
  // The last line: a supervisor's log shows the host ended, and how.
  log.info(code === 0 ? 'stopped' : `stopped (exit code ${code})`);
  return code;
}

runScript('start:sharded', main, (error) => log.error('start:sharded failed', error));
