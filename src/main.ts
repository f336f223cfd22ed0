/**
 * `npm start`: the Discord bot when DISCORD_TOKEN is set, else the console Q&A over the same
 * engine. Configuration and corpus problems end the process with readable lines, not stacks.
 */
import dotenv from 'dotenv';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { CorpusError, formatProblem } from './engine/corpus/corpus-error.ts';
import { LiveEngine } from './engine/engine.ts';
import { loadEngine } from './engine/index-cache.ts';
import { runConsole } from './console.ts';
import { describeConnectFailure, startBot, type RunningBot } from './discord/bot.ts';
import { log, redact, setLogLevel } from './log.ts';

function readConfig(): Config | undefined {
  // Variables already in the environment win over .env, so tests and hosts can override it.
  dotenv.config({ quiet: true });
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const line of error.lines) console.error(line);
    return undefined;
  }
}

async function openCorpus(dir: string, cacheDir: string | undefined): Promise<LiveEngine | undefined> {
  try {
    return new LiveEngine(await loadEngine(dir, cacheDir, (problem) => log.warn(problem)), dir);
  } catch (error) {
    if (!(error instanceof CorpusError)) throw error;
    console.error(`The corpus in ${dir} cannot be loaded:`);
    for (const problem of error.problems) console.error(`  ${formatProblem(problem)}`);
    return undefined;
  }
}

/** Stops the bot once on SIGINT/SIGTERM and exits 0: stopping on request is success. */
function exitOnSignals(getBot: () => RunningBot | undefined): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: disconnecting from Discord`);
    void Promise.resolve(getBot()?.stop())
      .catch((error: unknown) => log.warn('disconnect failed', error))
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function main(): Promise<number | undefined> {
  const config = readConfig();
  if (!config) return 1;
  setLogLevel(config.LOG_LEVEL);
  redact(config.DISCORD_TOKEN);
  // A rejected promise somewhere in a handler must not take the bot down with it.
  process.on('unhandledRejection', (reason) => log.error('unhandled rejection', reason));

  const live = await openCorpus(config.CORPUS_DIR, config.INDEX_CACHE_DIR);
  if (!live) return 1;

  if (!config.DISCORD_TOKEN) {
    console.error('DISCORD_TOKEN is not set, so the Discord bot is not starting; ask questions here instead (Ctrl-D ends).');
    await runConsole(live);
    return 0;
  }

  let bot: RunningBot | undefined;
  exitOnSignals(() => bot);
  try {
    bot = await startBot(config, live, {
      onFatal: () => void bot?.stop().finally(() => process.exit(1)),
    });
  } catch (error) {
    log.error(`could not connect to Discord: ${describeConnectFailure(error)}`);
    return 1;
  }
  return undefined;
}

main().then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (error: unknown) => {
    log.error('startup failed', error);
    process.exitCode = 1;
  },
);
