/**
 * The Discord face: one discord.js client wired to the engine. Commands are never registered
 * here (that is `npm run deploy-commands`), so starting the bot only ever reads from Discord.
 */
import {
  Client,
  Events,
  GatewayIntentBits,
  RESTEvents,
  SimpleIdentifyThrottler,
  type IIdentifyThrottler,
  type WebSocketOptions,
} from 'discord.js';
import type { Config } from '../config.ts';
import type { LiveEngine } from '../engine/index.ts';
import type { Store } from '../storage/store.ts';
import type { BotContext, Command } from './command.ts';
import { corpusReloads } from './corpus-reload.ts';
import { ServerSettings } from './server-settings.ts';
import { QuestionLog } from './question-log.ts';
import { CommandIds } from './command-ids.ts';
import { handleInteraction } from './interactions.ts';
import { handleMessage, handleMessageDelete, handleMessageEdit } from './channel-qa.ts';
import { ChannelReplies } from './channel-replies.ts';
import { Cooldown } from './cooldown.ts';
import { describeConnectFailure, fatalCloseReason, isIntentRefusal } from './connect-failure.ts';
import { watchConnection, type Watchdog } from './connection-watchdog.ts';
import { describeAttempts, logInRetrying } from './login-retry.ts';
import { NO_MENTIONS } from './render/payload.ts';
import { flushLog, log } from '../log.ts';
import { counted } from '../view/plural.ts';
import { describeForgotten } from '../view/forgotten.ts';
import { ALONE, serveReloads, type ReloadFanOut } from './sharding/reload.ts';
import { restOptions } from './rest-options.ts';
import { InFlight } from './in-flight.ts';
import { forgetServer } from './forget-server.ts';

export interface RunningBot {
  client: Client;
  live: LiveEngine;
  /** Closes the gateway connection; the process may then exit. */
  stop(): Promise<void>;
}

/** How a shard process of `npm run start:sharded` works with the rest of the bot. */
export interface ShardWiring {
  /** The shard ids this process runs. */
  ownShards: number[];
  /** How a `/reload` here reaches the other shards. */
  fanOut: ReloadFanOut;
  /** The host this process runs on, when the bot's shards run on several hosts (for reload reports). */
  host?: string;
  /** The identify throttler shared with the other shard processes (the manager's gate). */
  identifyThrottler?: () => IIdentifyThrottler;
  /** Answer other shards' reload requests relayed by the manager. */
  serveReloads?: boolean;
}

export interface BotOptions {
  /**
   * Called once the bot runs when it cannot go on: Discord refuses the connection for good
   * (disallowed intents), or the gateway stays unreachable longer than
   * DISCORD_CONNECT_TIMEOUT_SECONDS. The reason is already logged.
   */
  onFatal?: (reason: string) => void;
  /** Set in a shard process of `npm run start:sharded`; without it the process is the whole bot. */
  sharding?: ShardWiring;
  /**
   * Settles when `live` (still loading) has only its assembly left, a second or so: the bot then
   * logs in beside it instead of after it. Without it the bot logs in once `live` is ready.
   */
  corpusRead?: Promise<unknown>;
}

/**
 * Mentions of the bot carry their text even without the privileged Message Content intent, so
 * mention answering needs only Guild Messages. Reading every question in the Q&A channels needs
 * Message Content, so it is requested only when `QA_CHANNEL_IDS` is set or a server chose Q&A
 * channels of its own (`/settings`; read when the bot starts).
 */
export function intentsFor(config: Pick<Config, 'QA_CHANNEL_IDS'>, serversHaveQaChannels = false): GatewayIntentBits[] {
  const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages];
  if (config.QA_CHANNEL_IDS.length > 0 || serversHaveQaChannels) intents.push(GatewayIntentBits.MessageContent);
  return intents;
}

/**
 * Connects the bot and answers with `commands` (the entry point hands in `commands/`). `live` may
 * still be loading (in a worker, while the caller imported the Discord face): the bot logs in
 * once it is loaded, so no interaction arrives that it could not answer in time. If `live`
 * fails, so does the start (the caller has said why).
 */
export async function startBot(
  config: Config,
  live: LiveEngine | Promise<LiveEngine>,
  commands: readonly Command[],
  store: Store,
  options: BotOptions = {},
): Promise<RunningBot> {
  if (!config.DISCORD_TOKEN) throw new Error('startBot needs DISCORD_TOKEN');
  // discord.js reads SHARD_COUNT from the environment too; an empty one (`SHARD_COUNT=` in .env,
  // meaning unset) it would take for 0 shards and refuse.
  if (process.env.SHARD_COUNT?.trim() === '') delete process.env.SHARD_COUNT;
  const serversHaveQaChannels = await store.hasQaChannels().catch(() => false);
  // Message Content asked for only because moderators chose Q&A channels with `/settings`: a
  // refusal then must not keep the bot from starting (see below).
  const intentOnlyForServers = config.QA_CHANNEL_IDS.length === 0 && serversHaveQaChannels;
  const buildIdentifyThrottler = options.sharding?.identifyThrottler ?? sharedIdentifyThrottler();
  const fanOut = options.sharding?.fanOut ?? ALONE;
  const settings = new ServerSettings(store, config);
  const questionLog = new QuestionLog(store);
  const cooldown = new Cooldown(config.COOLDOWN_SECONDS * 1000);
  const replies = new ChannelReplies();
  let started = false;
  let stopping = false;
  const inFlight = new InFlight();

  /** A discord.js client with the bot's handlers, not yet logged in. */
  const makeClient = (intents: GatewayIntentBits[]) => {
    const client = new Client({
      intents,
      // The default for every message; each payload sets it again so no code path can forget it.
      allowedMentions: NO_MENTIONS,
      failIfNotExists: false,
      rest: restOptions(config),
      ws: { buildIdentifyThrottler },
    });
    client.on(Events.InteractionCreate, (interaction) => withContext((c) => handleInteraction(interaction, c)));
    client.on(Events.MessageCreate, (message) => withContext((c) => handleMessage(message, c, cooldown, replies)));
    // A question edited or deleted takes its answer along (`channel-replies.ts`).
    client.on(Events.MessageUpdate, (_, after) => {
      if (after.partial || !replies.replyTo(after.id)) return;
      withContext((c) => handleMessageEdit(after, c, replies));
    });
    client.on(Events.MessageDelete, (message) => {
      if (replies.replyTo(message.id)) withContext(() => handleMessageDelete(message, replies));
    });
    // Removed from a server (not an outage: discord.js reports those as unavailable): forget it.
    client.on(Events.GuildDelete, (guild) => {
      forgetServer({ store, settings, questionLog }, guild.id).then(
        (gone) => log.info(`left server ${guild.id}: deleted ${describeForgotten(gone)}`),
        (error: unknown) => log.error(`left server ${guild.id}: could not delete its data`, error),
      );
    });
    watchHealth(client, config, { started: () => started, stopping: () => stopping }, options.onFatal);
    return { client, commandIds: new CommandIds(client, config.DISCORD_GUILD_ID) };
  };
  let current = makeClient(intentsFor(config, serversHaveQaChannels));

  let context: BotContext | undefined;
  let stopServing = () => {};
  const loaded = Promise.resolve(live).then((engine) => {
    const here = corpusReloads(engine);
    const ownShards = options.sharding?.ownShards ?? [0];
    if (options.sharding?.serveReloads) stopServing = serveReloads(ownShards, here.reloadCorpus);
    context = {
      live: engine,
      config,
      commands,
      store,
      commandIds: () => current.commandIds.get(),
      knownCommandIds: () => current.commandIds.known(),
      settings,
      questionLog,
      previewCorpus: here.previewCorpus,
      // This shard first; only when its corpus loaded are the others asked for the same version.
      reloadCorpus: async () => {
        const own = await here.reloadCorpus();
        if (own === 'busy') return 'busy';
        const others = await fanOut.reloadOthers(own.newVersion);
        if (others.length === 0) return own;
        const host = options.sharding?.host;
        const mine = {
          shards: ownShards,
          outcome: { kind: 'reloaded', result: own } as const,
          ...(host ? { host } : {}),
        };
        return { ...own, shards: [mine, ...others] };
      },
    };
    return context;
  });
  // Its failure is the caller's to report (it ends the start below); nothing waits on it unhandled.
  loaded.catch(() => undefined);
  /** Runs `handle` with the bot's context (set before the login, so events never wait for it in practice). */
  function withContext(handle: (context: BotContext) => Promise<void>) {
    inFlight.track(context ? handle(context) : loaded.then(handle, () => undefined));
  }
  const pruning = prunePeriodically(store);

  // The corpus first (it may still be loading in a worker while discord.js was imported and the
  // client made): logged in before, the bot would be sent interactions it cannot answer yet. Once
  // it is read, only its assembly is left (a second or so, handing the event loop back often): the
  // handshake runs beside it, and an interaction that comes meanwhile waits for it, well within
  // the reply budget.
  try {
    await (options.corpusRead ? Promise.race([options.corpusRead, loaded]) : loaded);
  } catch (error) {
    stopServing();
    clearInterval(pruning);
    await current.client.destroy();
    throw error;
  }

  let watchdog: Watchdog | undefined;
  let ready: BotContext;
  const afterStart = { started: () => started, onFatal: options.onFatal };
  try {
    try {
      watchdog = await logIn(current.client, config, afterStart);
    } catch (error) {
      if (!intentOnlyForServers || !isIntentRefusal(error)) throw error;
      // Nothing in QA_CHANNEL_IDS needs the intent, so the bot runs without it rather than not at
      // all: mentions and the commands need no privileged intent.
      log.warn(
        'Discord refused the Message Content intent, asked for because servers chose Q&A channels of their own with /settings: starting without it. Those channels are not read until the intent is enabled for the bot in the Developer Portal (and the bot restarted); mentions and the commands still work',
      );
      current = makeClient(intentsFor(config));
      watchdog = await logIn(current.client, config, afterStart);
    }
    ready = await loaded;
  } catch (error) {
    watchdog?.stop();
    stopServing();
    clearInterval(pruning);
    await current.client.destroy();
    throw error;
  }
  const { client, commandIds } = current;
  started = true;
  void commandIds.refresh();
  const info = ready.live.engine.info();
  log.info(
    `ready as ${client.user!.tag} (${client.user!.id}) in ${client.guilds.cache.size === 1 ? '1 server' : `${client.guilds.cache.size} servers`}; corpus ${info.version}, ${info.passageCount} passages`,
  );
  // Supervisors and people watching a start wait for this line: it does not wait for the batch.
  flushLog();
  return {
    client,
    live: ready.live,
    stop: async () => {
      stopping = true;
      watchdog?.stop();
      clearInterval(pruning);
      stopServing();
      // Before the client goes: a reply still to be sent needs its REST manager and token.
      await inFlight.finish();
      await client.destroy();
      // The questions answered last are still waiting to be logged; the store closes after this.
      await questionLog.flushBefore(STOP_FLUSH_MS);
    },
  };
}

/**
 * Logs `client` in and waits for the gateway, giving up after DISCORD_CONNECT_TIMEOUT_SECONDS
 * (`ConnectTimeoutError`). On failure the client is destroyed; on success the returned watchdog
 * keeps guarding the connection.
 */
async function logIn(
  client: Client,
  config: Config,
  afterStart: { started: () => boolean; onFatal: ((reason: string) => void) | undefined },
): Promise<Watchdog | undefined> {
  let watchdog: Watchdog | undefined;
  // Why the last attempt could not connect, while none could (see `login-retry.ts`).
  let connectFailure: string | undefined;
  const gaveUp = new Promise<never>((_, reject) => {
    if (config.DISCORD_CONNECT_TIMEOUT_SECONDS === 0) return;
    watchdog = watchConnection(client, {
      timeoutMs: config.DISCORD_CONNECT_TIMEOUT_SECONDS * 1000,
      apiUrl: config.DISCORD_API_URL,
      connectFailure: () => connectFailure,
      onGiveUp: (reason) => {
        if (!afterStart.started()) return reject(new ConnectTimeoutError(reason));
        log.error(reason);
        afterStart.onFatal?.(reason);
      },
    });
  });
  const connected = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  // Aborted when the deadline passes: no attempt after the verdict.
  const abandon = new AbortController();
  const loggedIn = logInRetrying(client, config.DISCORD_TOKEN!, {
    apiUrl: config.DISCORD_API_URL,
    timeoutSeconds: config.DISCORD_CONNECT_TIMEOUT_SECONDS,
    signal: abandon.signal,
    onFailure: (error, attempts) => (connectFailure = describeAttempts(error, attempts)),
  });
  try {
    await Promise.race([Promise.all([loggedIn, connected]), gaveUp]);
    return watchdog;
  } catch (error) {
    abandon.abort();
    watchdog?.stop();
    await client.destroy();
    throw error;
  }
}

/**
 * discord.js's own identify throttler (one identify per `max_concurrency` bucket every 5 s), made
 * once for every client of this start: a client made again after Discord refused the first one's
 * identify then still waits out the 5 s since that identify.
 */
function sharedIdentifyThrottler(): NonNullable<WebSocketOptions['buildIdentifyThrottler']> {
  let made: Promise<IIdentifyThrottler> | undefined;
  return (manager) => {
    made ??= manager.fetchGatewayInformation().then(
      (info) => new SimpleIdentifyThrottler(info.session_start_limit.max_concurrency),
      (error: unknown) => {
        made = undefined;
        throw error;
      },
    );
    return made;
  };
}

/** How often expired answers (and their votes) are deleted. */
const PRUNE_EVERY_MS = 60 * 60 * 1000;
/**
 * How long a stop waits for the question log to be written, after up to `STOP_GRACE_MS` for the
 * answers in flight: together well inside the 10 s Docker gives before it kills.
 */
const STOP_FLUSH_MS = 3000;

/** Deletes expired answers now and then every hour, so the database holds only what buttons can still use. */
function prunePeriodically(store: Store): NodeJS.Timeout {
  const prune = () =>
    store.pruneExpired().then(
      (n) => n > 0 && log.info(`deleted ${counted('en', n, 'answer')} past their expiry`),
      (error: unknown) => log.warn('could not delete expired answers', error),
    );
  void prune();
  return setInterval(prune, PRUNE_EVERY_MS).unref();
}

/** The gateway did not connect within DISCORD_CONNECT_TIMEOUT_SECONDS; `message` says which part failed. */
export class ConnectTimeoutError extends Error {
  override name = 'ConnectTimeoutError';
}

/** Logs what Discord does to the connection; discord.js itself resumes, reconnects and retries. */
function watchHealth(
  client: Client,
  config: Config,
  state: { started: () => boolean; stopping: () => boolean },
  onFatal?: (reason: string) => void,
): void {
  const { started, stopping } = state;
  // Before the start is complete, login() rejects with the refusal and the caller reports it;
  // afterwards (a token reset while the bot runs) it only shows here: said once, then the end.
  let fatal = false;
  const giveUp = (reason: string) => {
    if (fatal || !started()) return;
    fatal = true;
    log.error(reason);
    onFatal?.(reason);
  };
  client.on(Events.Error, (error) => {
    if (/disallowed intents/i.test(error.message))
      return giveUp(
        describeConnectFailure(error, {
          apiUrl: config.DISCORD_API_URL,
          timeoutSeconds: config.DISCORD_CONNECT_TIMEOUT_SECONDS,
        }),
      );
    log.error('discord client error', error);
  });
  client.on(Events.ShardDisconnect, (event) => {
    const reason = fatalCloseReason(event.code);
    if (reason) giveUp(reason);
  });
  client.on(Events.Warn, (message) => log.warn(message));
  // discord.js logs part of the token at debug ("Provided token: <id>.<time>.****"); the id part
  // alone identifies the bot, so those lines are dropped rather than masked.
  client.on(Events.Debug, (message) => {
    if (!/token/i.test(message)) log.debug(message);
  });
  client.on(Events.ShardDisconnect, (event, shard) => {
    // A refusal for good is said once, as an error, above; our own stop is not news.
    if (!fatalCloseReason(event.code) && !stopping()) log.warn(`gateway shard ${shard} disconnected (${event.code})`);
  });
  // discord.js retries every half second while the gateway is unreachable: the first attempt of
  // an outage is news, the next hundred are not.
  let reconnecting = false;
  client.on(Events.ShardReconnecting, (shard) => {
    // Closing the connection on a stop passes through discord.js's reconnecting state too.
    if (stopping()) return;
    (reconnecting ? log.debug : log.info)(`gateway shard ${shard} reconnecting`);
    reconnecting = true;
  });
  client.on(Events.ShardReady, (shard) => {
    // The first ready is the start's "ready as" line; a later one ends an outage with a new session.
    if (reconnecting)
      log.info(`gateway shard ${shard} connected again with a new session (events meanwhile were not replayed)`);
    reconnecting = false;
  });
  client.on(Events.ShardResume, (shard, replayed) => {
    reconnecting = false;
    log.info(`gateway shard ${shard} resumed, ${replayed} events replayed`);
  });
  // Also emitted when discord.js waits before sending because it knows a bucket is spent, which is
  // routine; a 429 Discord actually sent is logged once, as a warning, by the REST options.
  client.rest.on(RESTEvents.RateLimited, (info) =>
    log.debug(`waiting for the rate limit on ${info.method} ${info.route}: ${info.retryAfter} ms`),
  );
  // The 429s discord.js waits out and the 5xx it retries are logged by the REST options
  // (`rest-options.ts`): a `response` listener would cost every request a copy of its response.
}
