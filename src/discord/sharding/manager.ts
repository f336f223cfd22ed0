/**
 * `npm run start:sharded`: discord.js's ShardingManager with the bot (`src/main.ts`) as the shard
 * script, one process per shard, all started at once. The shard count is SHARD_COUNT or Discord's
 * recommendation from `GET /gateway/bot` on DISCORD_API_URL (the manager's own `'auto'` asks
 * discord.com directly and would ignore a proxy); SHARD_IDS picks the shards this host runs, so
 * several hosts share one bot. The manager gates identifies by Discord's `max_concurrency`
 * buckets and relays `/reload` between its shards.
 *
 * A shard that gives up (exit code 1: a refused token, an unreachable gateway) stops the whole
 * host with exit code 1, so a supervisor restarts it; one that crashes otherwise is restarted.
 */
import path from 'node:path';
import { REST, Routes, ShardingManager, type RESTGetAPIGatewayBotResult, type Shard } from 'discord.js';
import type { Config } from '../../config.ts';
import { REPO_ROOT } from '../../paths.ts';
import { log } from '../../log.ts';
import { shardIdsProblem } from '../../shard-ids.ts';
import { describeConnectFailure } from '../connect-failure.ts';
import { connectTimeoutReason, describeAttempts, untilReachable } from '../login-retry.ts';
import { IdentifyGate, SharedIdentifyGate } from './identify-gate.ts';
import {
  HOST_OF_SHARD,
  isOurs,
  MANAGED_BY_ODLOMEK,
  afterShardExit,
  type ManagerToShard,
  type ShardReport,
  type ShardToManager,
} from './protocol.ts';
import { HostReloads, type ShardProcess } from './reload.ts';
import { DatabaseReloads, liveSince } from './database-reloads.ts';
import { openAnswerStore, describeStoreLocation } from '../../storage/open-store.ts';
import type { Store } from '../../storage/store.ts';
import type { LiveHost } from '../../storage/reload-store.ts';
import { hostname } from 'node:os';

/**
 * The launcher's bundle (`launch/bundle.mjs`) declares this in each of its files; under tsx it is
 * not declared.
 */
declare const ODLOMEK_BUNDLE_URL: string | undefined;

/**
 * The shard script: the bot itself, started as this manager was. Bundled (`npm run start:sharded`)
 * through the launcher, which finds the bundle current and imports it; under tsx, the TypeScript.
 */
export const SHARD_SCRIPT =
  typeof ODLOMEK_BUNDLE_URL === 'string'
    ? path.join(REPO_ROOT, 'launch/main.mjs')
    : path.join(REPO_ROOT, 'src/main.ts');
/** How long after a crash a shard is started again. */
const RESTART_DELAY_MS = 2000;
/** A shard that could not reach the database is started again after this (an outage takes a while). */
const DATABASE_RETRY_MS = 10_000;
/**
 * A shard that crashes this often within `CRASH_WINDOW_MS` crashes for a reason a restart does
 * not mend (a bug its events keep meeting): the host stops, for its supervisor and its operator.
 */
const CRASH_LIMIT = 5;
const CRASH_WINDOW_MS = 10 * 60_000;
/** How long stopping shards may take before they are killed. */
const STOP_TIMEOUT_MS = 10_000;

export interface RunningManager {
  manager: ShardingManager;
  /** Stops every shard; resolves when they have exited. */
  stop(): Promise<void>;
  /** Resolves with the exit code the host should end with (1 when a shard gave up). */
  finished: Promise<number>;
}

/** Discord's gateway information through DISCORD_API_URL: recommended shard count and identify concurrency. */
async function gatewayInformation(config: Config): Promise<RESTGetAPIGatewayBotResult> {
  const rest = new REST({ api: config.DISCORD_API_URL }).setToken(config.DISCORD_TOKEN!);
  const seconds = config.DISCORD_CONNECT_TIMEOUT_SECONDS;
  // One deadline for every attempt: a proxy down at boot is tried again until then (for ever with 0).
  const deadline = seconds > 0 ? AbortSignal.timeout(seconds * 1000) : new AbortController().signal;
  let connectFailure: string | undefined;
  try {
    return (await untilReachable(() => rest.get(Routes.gatewayBot(), { signal: deadline }), {
      apiUrl: config.DISCORD_API_URL,
      timeoutSeconds: seconds,
      signal: deadline,
      onFailure: (error, attempts) => (connectFailure = describeAttempts(error, attempts)),
    })) as RESTGetAPIGatewayBotResult;
  } catch (error) {
    if (deadline.aborted && connectFailure)
      throw new Error(connectTimeoutReason(config.DISCORD_API_URL, seconds, connectFailure), { cause: error });
    throw error;
  }
}

/**
 * Starts the shards of this host. Throws with one readable line when Discord cannot be asked for
 * the shard count or SHARD_IDS names shards that do not exist.
 */
export async function startShards(config: Config): Promise<RunningManager> {
  if (!config.DISCORD_TOKEN) throw new Error('start:sharded needs DISCORD_TOKEN');
  let gateway: RESTGetAPIGatewayBotResult;
  try {
    gateway = await gatewayInformation(config);
  } catch (error) {
    throw new Error(
      describeConnectFailure(error, {
        apiUrl: config.DISCORD_API_URL,
        timeoutSeconds: config.DISCORD_CONNECT_TIMEOUT_SECONDS,
      }),
      { cause: error },
    );
  }
  const total = config.SHARD_COUNT ?? gateway.shards;
  const ids = config.SHARD_IDS ?? [...Array(total).keys()];
  const problem = shardIdsProblem(ids, total);
  if (problem) throw new Error(problem);
  const maxConcurrency = gateway.session_start_limit.max_concurrency;
  log.info(
    `starting shard${ids.length === 1 ? '' : 's'} ${ids.join(', ')} of ${total} (identify concurrency ${maxConcurrency})`,
  );

  // The shards inherit the environment: this tells them to talk to this manager.
  process.env[MANAGED_BY_ODLOMEK] = '1';
  const manager = new ShardingManager(SHARD_SCRIPT, {
    totalShards: total,
    shardList: ids,
    token: config.DISCORD_TOKEN,
    mode: 'process',
    respawn: false,
    // The shards run as this process does (bundled, or TypeScript through tsx), with the same preloads.
    execArgv: process.execArgv,
  });
  const processes = (): ShardProcess[] => [...manager.shards.values()].map(asProcess);
  const reloads = new HostReloads(processes);
  // With a shared database, /reload reaches the other hosts' shards through it, and the hosts
  // take turns identifying through it.
  const acrossHosts = config.DATABASE_URL ? await hostCoordination(config, ids, reloads) : undefined;
  if (!acrossHosts && ids.length < total)
    log.warn(
      `this host runs ${ids.length} of ${total} shards with no DATABASE_URL: the hosts share nothing, so /reload reaches only this host's shards and identifies are not paced across hosts; give every host the same DATABASE_URL`,
    );
  const gate = acrossHosts
    ? new SharedIdentifyGate(acrossHosts.store, maxConcurrency)
    : new IdentifyGate(maxConcurrency);
  /** Every shard but `except`: this host's over IPC, the other hosts' through the database. */
  const reloadOthers = async (version: string, except: number[]): Promise<ShardReport[]> => {
    const [here, elsewhere] = await Promise.all([
      reloads.reloadShards(version, except),
      acrossHosts ? acrossHosts.reloads.reloadOtherHosts(version) : [],
    ]);
    if (!acrossHosts) {
      // SHARD_IDS without a shared database: the other hosts' shards are out of reach, and said so.
      const others = [...Array(total).keys()].filter((id) => !ids.includes(id));
      return [...here, ...(others.length > 0 ? [{ shards: others, outcome: { kind: 'other-host' } as const }] : [])];
    }
    // With several hosts, a shard no live host reported (its host is down, or no SHARD_IDS name
    // it) is listed too: the reply says the bot is not all on the new version.
    const reported = new Set(
      [...except, ...here, ...elsewhere].flatMap((r) => (typeof r === 'number' ? [r] : r.shards)),
    );
    const missing = [...Array(total).keys()].filter((id) => !reported.has(id));
    // When the database could not be asked, the part that says so names no shards of its own: it
    // stands for all the others, which nobody reached (rather than "not running").
    const unasked = elsewhere.findIndex((r) => r.shards.length === 0 && r.outcome.kind === 'error');
    const others = unasked < 0 ? elsewhere : elsewhere.map((r, i) => (i === unasked ? { ...r, shards: missing } : r));
    return [
      ...here.map((r) => ({ ...r, host: acrossHosts.host })),
      ...others,
      ...(unasked < 0 && missing.length > 0 ? [{ shards: missing, outcome: { kind: 'not-running' } as const }] : []),
    ];
  };
  let stopping = false;
  /** When each shard exited of late, for `CRASH_LIMIT`. */
  const crashes = new Map<number, number[]>();
  let finish: (code: number) => void = () => {};
  const finished = new Promise<number>((resolve) => (finish = resolve));

  const stop = async () => {
    stopping = true;
    await Promise.all([acrossHosts?.reloads.stop(), ...[...manager.shards.values()].map(stopShard)]);
    await acrossHosts?.store.close();
  };

  manager.on('shardCreate', (shard) => {
    shard.on('message', (message: unknown) => {
      if (!isOurs<ShardToManager>(message)) return;
      if (message.odlomek === 'identify')
        void gate.wait(message.shardId).then(() => send(shard, { odlomek: 'identify-go', nonce: message.nonce }));
      else if (message.odlomek === 'reload-others')
        void reloadOthers(message.version, message.shards).then((reports) =>
          send(shard, { odlomek: 'reload-others-done', nonce: message.nonce, reports }),
        );
    });
    shard.on('ready', () => log.info(`shard ${shard.id} ready`));
    shard.on('death', (child) => {
      if (stopping) return;
      const code = 'exitCode' in child ? child.exitCode : null;
      const signal = 'signalCode' in child ? child.signalCode : null;
      const next = afterShardExit(code);
      if (next === 'stop-host') {
        // It said why in its own log line; the host stops so a supervisor restarts it whole.
        log.info(`shard ${shard.id} gave up: stopping this host's shards`);
        void stop().then(() => finish(1));
        return;
      }
      // Crashes only: a shard waiting out a database outage (retry-later) is not failing itself.
      const now = Date.now();
      const recent = (crashes.get(shard.id) ?? []).filter((at) => now - at < CRASH_WINDOW_MS);
      if (next === 'restart') recent.push(now);
      crashes.set(shard.id, recent);
      if (next === 'restart' && recent.length >= CRASH_LIMIT) {
        log.error(
          `shard ${shard.id} exited ${recent.length} times within ${CRASH_WINDOW_MS / 60_000} minutes: stopping this host's shards (see its last lines above)`,
        );
        void stop().then(() => finish(1));
        return;
      }
      if (next === 'retry-later')
        log.warn(
          `shard ${shard.id} cannot reach the database now; starting it again in ${DATABASE_RETRY_MS / 1000} s (the other shards go on)`,
        );
      else
        log.warn(
          `shard ${shard.id} exited (${code !== null ? `code ${code}` : (signal ?? 'killed')}); starting it again`,
        );
      setTimeout(
        () => {
          if (!stopping)
            shard.spawn(-1).catch((error: unknown) => log.error(`shard ${shard.id} could not restart`, error));
        },
        next === 'retry-later' ? DATABASE_RETRY_MS : RESTART_DELAY_MS,
      );
    });
  });

  // All at once: the gate above spaces the identifies as Discord requires.
  await manager.spawn({ amount: total, delay: 0, timeout: -1 });
  return { manager, stop: () => stop().then(() => finish(0)), finished };
}

/**
 * This host's part in reloads across hosts: the shared database opened (DATABASE_URL), the host
 * named (HOST_NAME, else this machine's name and the manager's pid) for its shards' reports, and
 * other hosts' reload requests served by reloading all of this host's shards. Throws with one
 * readable line when the database cannot be opened.
 */
async function hostCoordination(
  config: Config,
  shards: number[],
  reloads: HostReloads,
): Promise<{ host: string; store: Store; reloads: DatabaseReloads }> {
  const host = config.HOST_NAME ?? `${hostname()}-${process.pid}`;
  let store: Store;
  try {
    store = await openAnswerStore(config);
  } catch (error) {
    throw new Error(`cannot open the database in ${describeStoreLocation(config)}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  // Two hosts running the same shard would each answer its events (every question twice): most
  // likely overlapping SHARD_IDS. Said loudly, not refused: a host taking over from one that just
  // crashed sees its row for a few seconds more.
  const live = await store.liveHosts(liveSince(Date.now())).catch(() => []);
  for (const line of overlapWarnings(live, host, shards)) log.warn(line);
  const coordinator = new DatabaseReloads({
    store,
    host,
    shards,
    reloadHere: (version) => reloads.reloadShards(version),
  });
  await coordinator.start();
  process.env[HOST_OF_SHARD] = host;
  log.info(`host ${host}: /reload reaches the other hosts through ${describeStoreLocation(config)}`);
  return { host, store, reloads: coordinator };
}

/** One line per other live host that runs any of `shards` too. */
export function overlapWarnings(live: readonly LiveHost[], host: string, shards: readonly number[]): string[] {
  const mine = new Set(shards);
  return live
    .filter((other) => other.host !== host && other.shards.some((id) => mine.has(id)))
    .map(
      (other) =>
        `host ${other.host} also runs shard ${other.shards.filter((id) => mine.has(id)).join(', ')}: check SHARD_IDS on both hosts, or every event there is handled twice`,
    );
}

function asProcess(shard: Shard): ShardProcess {
  return {
    shards: [shard.id],
    send: (message) => send(shard, message),
    onMessage: (listener) => {
      shard.on('message', listener);
      return () => shard.off('message', listener);
    },
    onExit: (listener) => {
      shard.on('death', listener);
      return () => shard.off('death', listener);
    },
  };
}

/** Sends a message to a shard process; false when it is not running. */
function send(shard: Shard, message: ManagerToShard): boolean {
  if (!shard.process?.connected) return false;
  shard.send(message).catch(() => undefined);
  return true;
}

/** Asks a shard process to stop (SIGTERM: it disconnects and exits 0); kills it if it does not. */
async function stopShard(shard: Shard): Promise<void> {
  const child = shard.process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
