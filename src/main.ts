/**
 * `npm start`: the Discord bot when DISCORD_TOKEN is set, else the console Q&A over the same
 * engine. Configuration and corpus problems end the process with readable lines, not stacks.
 */
import dotenv from 'dotenv';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { CorpusError, formatProblem } from './engine/corpus/corpus-error.ts';
import { LiveEngine } from './engine/engine.ts';
import { describeCacheProblem, loadEngine } from './engine/index-cache.ts';
import { describeSkippedFile, listCorpusFiles } from './engine/corpus/list-files.ts';
import { runConsole } from './console.ts';
import { ConnectTimeoutError, startBot, type RunningBot } from './discord/bot.ts';
import { describeConnectFailure } from './discord/connect-failure.ts';
import { systemLocale, terminalText } from './render/terminal.ts';
import { log, redact, setLogLevel } from './log.ts';

/** The console's messages: one language per run, from the system locale. */
const text = terminalText(systemLocale());

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
    return new LiveEngine(await loadEngine(dir, cacheDir, (problem) => log.warn(describeCacheProblem(problem))), dir);
  } catch (error) {
    if (!(error instanceof CorpusError)) throw error;
    console.error(text.corpusUnusable(dir));
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
    console.error(text.noToken);
    await runConsole(live);
    return 0;
  }

  // Files a moderator may have meant to be read are worth a line in the log.
  for (const skipped of (await listCorpusFiles(live.dir)).skipped) log.warn(`corpus file skipped: ${describeSkippedFile(skipped)}`);

  let bot: RunningBot | undefined;
  exitOnSignals(() => bot);
  try {
    bot = await startBot(config, live, {
      onFatal: () => void bot?.stop().finally(() => process.exit(1)),
    });
  } catch (error) {
    const why = error instanceof ConnectTimeoutError ? error.message : describeConnectFailure(error, { apiUrl: config.DISCORD_API_URL, timeoutSeconds: config.DISCORD_CONNECT_TIMEOUT_SECONDS });
    log.error(`could not connect to Discord: ${why}`);
    // A request discord.js still retries (a REST API that never answers) would keep the process
    // alive for another minute; the verdict is given, so end now for the supervisor.
    process.exit(1);
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
