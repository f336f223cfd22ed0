/**
 * `npm start`, where the application is put together: the configuration, the corpus, and then
 * the Discord bot with the commands in `commands/` when DISCORD_TOKEN is set, else the console
 * Q&A over the same engine. Configuration and corpus problems end the process with readable
 * lines, not stacks.
 */
import { existsSync } from 'node:fs';
import { describeSettingsSource, readConfig, setTokenStep, type Config } from './config.ts';
import {
  CorpusError,
  describeCacheProblem,
  describeSkippedFile,
  type CacheProblem,
  formatProblem,
  listCorpusFiles,
  LiveEngine,
  lastLoadedEngine,
  loadEngine,
} from './engine/index.ts';
import type { RunningBot } from './discord/bot.ts';
import type { Store } from './storage/store.ts';
import {
  databasePassword,
  describeOpenedStore,
  describeStoreLocation,
  openAnswerStore,
  sqliteFile,
} from './storage/open-store.ts';
import { holdDataDirOrSay } from './storage/data-dir-hold.ts';
import { runConsole } from './terminal/console.ts';
import { stdinCanAsk, systemLocale } from './terminal/environment.ts';
import { REPO_ROOT } from './paths.ts';
import { corpusErrorLines, terminalStrings } from './terminal/strings.ts';
import { flushLog, log, redact, scrub, setLogContext, setLogLevel } from './log.ts';
import { runScript, type ExitCode } from './run-script.ts';
import { EXIT_DATABASE_UNREACHABLE, EXIT_GAVE_UP, isManagedShard } from './discord/sharding/protocol.ts';

/** The console's messages: one language per run, from the system locale. */
const locale = systemLocale();

/**
 * The live engine of the corpus folder, read or indexed in a worker thread (from the saved index
 * when INDEX_CACHE_DIR has it). Undefined, after the problems are printed, for a broken corpus.
 * `onRead` is called when only assembling the index on this thread is left; what the engine can
 * make after it is handed back waits for `started` (the bot or the console is up).
 */
/** A cache problem in the log: waiting for another shard's build is routine, a cache that cannot be used is not. */
function onCacheProblem(problem: CacheProblem): void {
  (problem.kind === 'waiting' ? log.info : log.warn)(describeCacheProblem(problem));
}

async function openCorpus(config: Config, onRead: () => void, started: Promise<void>): Promise<LiveEngine | undefined> {
  const dir = config.CORPUS_DIR;
  try {
    const cacheDir = config.INDEX_CACHE_DIR;
    const engine = await loadEngine(dir, cacheDir, onCacheProblem, {
      worker: 'auto',
      onRead: (origin) => {
        // Whether the cache did its job: the one thing an operator who set INDEX_CACHE_DIR cannot see otherwise.
        if (cacheDir)
          log.info(
            origin === 'saved'
              ? `corpus: read its saved index from ${cacheDir} (unchanged since it was indexed)`
              : `corpus: indexed it (${cacheDir} had no saved index of the corpus as it is now)`,
          );
        onRead();
      },
      // Nothing to answer before the start is done: a saved index is read here, with no worker to wait for.
      savedHere: true,
      finishAfter: started,
    });
    return new LiveEngine(engine, dir, { cacheDir: config.INDEX_CACHE_DIR, onCacheProblem });
  } catch (error) {
    if (!(error instanceof CorpusError)) throw error;
    if (!config.DISCORD_TOKEN) {
      // Masked as the log is: a token pasted into CORPUS_DIR is in the folder's name.
      for (const line of corpusErrorLines(dir, error, locale)) console.error(scrub(line));
      return undefined;
    }
    // The bot's log is English, each line with its time and level.
    for (const line of corpusErrorLines(dir, error, 'en')) log.error(line);
    return lastLoaded(config);
  }
}

/**
 * A bot whose corpus was broken by an edit and then restarted (a reboot, a deploy) answers from
 * the last index that loaded, as it did before the restart, rather than staying down until
 * someone reads the log: a /reload of the mended folder swaps in the new one. Only with
 * INDEX_CACHE_DIR, where loaded indexes are saved; the console stops instead, where the person
 * who started it reads the problems at once.
 */
async function lastLoaded(config: Config): Promise<LiveEngine | undefined> {
  const cacheDir = config.INDEX_CACHE_DIR;
  const found = cacheDir ? await lastLoadedEngine(config.CORPUS_DIR, cacheDir) : undefined;
  if (!found) {
    log.error(
      cacheDir
        ? `corpus: ${cacheDir} holds no index of this folder that loaded before, so there is nothing to answer from: mend the folder and start again`
        : 'corpus: nothing to answer from: mend the folder and start again (with INDEX_CACHE_DIR set, a start answers from the last index that loaded meanwhile)',
    );
    return undefined;
  }
  log.warn(
    `corpus: answering from the last index that loaded (${found.file}, last used ${found.usedAt.toISOString()}) until the folder is mended and /reload succeeds`,
  );
  return new LiveEngine(found.engine, config.CORPUS_DIR, { cacheDir, onCacheProblem });
}

/** The corpus could not be loaded (already reported): the start ends with exit code 1. */
class CorpusUnusable extends Error {}

/**
 * Stops the bot on SIGINT/SIGTERM and exits 0: stopping on request is success. Set up before the
 * start's slow steps, so a stop while the corpus loads also ends cleanly (its index build lock
 * removed) rather than by the signal. A second signal while the bot finishes its answers in
 * flight ends it at once.
 */
function exitOnSignals(getBot: () => RunningBot | undefined, getStore: () => Store | undefined): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      // A shard of start:sharded hears Ctrl-C (the terminal signals the whole process group), or
      // a service manager's stop, and then its manager's SIGTERM: it ignores every repeat and
      // finishes its answers; its manager kills it if that takes too long (a person's second
      // Ctrl-C reaches the manager, which stops the shards the same way).
      if (isManagedShard()) return log.debug(`${signal} again: still finishing the answers in flight`);
      log.info(`${signal} again: stopping now`);
      flushLog();
      process.exit(0);
    }
    stopping = true;
    log.info(`${signal}: disconnecting from Discord`);
    void Promise.resolve(getBot()?.stop())
      .catch((error: unknown) => log.warn('disconnect failed', error))
      .finally(() => Promise.resolve(getStore()?.close()).finally(() => process.exit(0)));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/**
 * The exit code of a start that gave up (a setting to fix, said in its own line): 1, or for a
 * shard of start:sharded a code of its own, which its manager tells from a crash (Node's 1).
 */
function gaveUp(): number {
  return isManagedShard() ? EXIT_GAVE_UP : 1;
}

/** Exit code 1 when the configuration or the corpus is unusable or Discord cannot be reached; none while the bot runs. */
async function main(): Promise<ExitCode> {
  const config = readConfig();
  if (!config) return gaveUp();
  setLogLevel(config.LOG_LEVEL);
  // A shard process of `npm run start:sharded`: its lines say which shard they come from.
  if (process.env.SHARDING_MANAGER && process.env.SHARDS) setLogContext(`shard ${process.env.SHARDS}`);
  redact(config.DISCORD_TOKEN);
  redact(databasePassword(config.DATABASE_URL));
  // The bot's start (a shard's manager said it already); the console answers without a log.
  if (config.DISCORD_TOKEN && !isManagedShard()) log.info(describeSettingsSource());
  // A rejected promise somewhere in a handler must not take the bot down with it.
  process.on('unhandledRejection', (reason) => log.error('unhandled rejection', reason));
  // A crash as a line of the bot's log (with its shard, the token redacted), not Node's bare stack.
  process.on('uncaughtException', (error) => {
    log.error('crashed', error);
    flushLog();
    process.exit(1);
  });

  // Run as a service (stdin /dev/null) without a token: there is nothing to do, and exit 0 would
  // look to the supervisor like a bot that ran.
  if (!config.DISCORD_TOKEN && !stdinCanAsk()) {
    // In English whatever LANG says, as the bot's log is: a service's log is read by its operator.
    console.error(
      `DISCORD_TOKEN is not set (neither in the environment nor in .env here or in ${REPO_ROOT}), so the Discord bot cannot start, and standard input brings no questions (it is neither a terminal nor a file or pipe): ${setTokenStep()}`,
    );
    return gaveUp();
  }

  // Before anything else is done: a refused start must not index the corpus (and prune the saved
  // indexes) first. A shard shares its manager's hold (see `sharded.ts`); the console needs none.
  if (
    config.DISCORD_TOKEN &&
    !isManagedShard() &&
    !holdDataDirOrSay(config.DATA_DIR, config.DISCORD_TOKEN, 'npm start')
  )
    return gaveUp();

  // The corpus loads in a worker while the Discord face is imported and logs in: a large saved
  // index and the gateway handshake take their time side by side.
  let corpusRead = () => {};
  const read = new Promise<void>((resolve) => (corpusRead = resolve));
  let startDone = () => {};
  const started = new Promise<void>((resolve) => (startDone = resolve));
  const opening = openCorpus(config, () => corpusRead(), started);

  if (!config.DISCORD_TOKEN) {
    const live = await opening;
    if (!live) return gaveUp();
    console.error(terminalStrings(locale).noToken);
    startDone();
    await runConsole(live);
    return 0;
  }

  let store: Store | undefined;
  let bot: RunningBot | undefined;
  exitOnSignals(
    () => bot,
    () => store,
  );

  const [
    { startBot, ConnectTimeoutError },
    { describeConnectFailure },
    { commands },
    { shardWiring, stopWithManager },
  ] = await Promise.all([
    import('./discord/bot.ts'),
    import('./discord/connect-failure.ts'),
    import('../commands/index.ts'),
    import('./discord/sharding/shard-process.ts'),
  ]);
  const live = opening.then((opened) => {
    if (!opened) throw new CorpusUnusable();
    return opened;
  });
  // Files a moderator may have meant to be read are worth a line in the log.
  void live.then(
    async (opened) => {
      for (const skipped of (await listCorpusFiles(opened.dir)).skipped)
        log.warn(`corpus file skipped: ${describeSkippedFile(skipped)}`);
      for (const note of opened.engine.notes) log.warn(`corpus: ${formatProblem(note)}`);
    },
    () => undefined,
  );

  // Created on the first start (SQLite with its folder; PostgreSQL's tables in an existing
  // database); an unusable DATA_DIR or an unreachable DATABASE_URL stops the start with one line.
  try {
    const existed = !config.DATABASE_URL && existsSync(sqliteFile(config));
    store = await openAnswerStore(config);
    log.info(describeOpenedStore(config, existed));
  } catch (error) {
    log.error(
      `cannot open the database in ${describeStoreLocation(config)}: ${error instanceof Error ? error.message : String(error)}`,
    );
    // With PostgreSQL, a shard's manager reached the database when the host started: this is an
    // outage, and the manager starts the shard again later instead of stopping the host. (SQLite
    // it never opened: a file that cannot be opened is a setting to fix, and the host stops.)
    return isManagedShard() && config.DATABASE_URL ? EXIT_DATABASE_UNREACHABLE : gaveUp();
  }

  try {
    bot = await startBot(config, live, commands, store, {
      onFatal: () => void bot?.stop().finally(() => process.exit(gaveUp())),
      // Set when this process is a shard of `npm run start:sharded`.
      sharding: shardWiring(),
      corpusRead: read,
    });
    startDone();
    stopWithManager(() => bot!.stop());
  } catch (error) {
    if (error instanceof CorpusUnusable) return gaveUp();
    const why =
      error instanceof ConnectTimeoutError
        ? error.message
        : describeConnectFailure(error, {
            apiUrl: config.DISCORD_API_URL,
            timeoutSeconds: config.DISCORD_CONNECT_TIMEOUT_SECONDS,
          });
    log.error(`could not connect to Discord: ${why}`);
    // A request discord.js still retries (a REST API that never answers) would keep the process
    // alive for another minute; the verdict is given, so end now for the supervisor.
    process.exit(gaveUp());
  }
  return undefined;
}

runScript('odlomek', main, (error) => log.error('startup failed', error));
