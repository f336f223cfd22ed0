/**
 * `/reload` across the bot: the shard that was asked reloads first; when its corpus loaded, every
 * other shard is asked to load the same version, and the answer reports each one.
 *
 * `ReloadFanOut` is how a shard reaches the others: nobody (one process), the manager of this
 * host over IPC (`npm run start:sharded`), or, for several hosts, a shared database: a reload
 * request row with the version that every host's manager picks up and hands to its shards with
 * the same `reload` message (`HostReloads.reloadShards`), reporting back per shard.
 */
import { CorpusError } from '../../engine/index.ts';
import type { ReloadResult } from '../command.ts';
import { log } from '../../log.ts';
import {
  askManager,
  isOurs,
  nonce,
  type ManagerToShard,
  type ShardReloadOutcome,
  type ShardReport,
  type ShardToManager,
} from './protocol.ts';

/** Reaching the rest of the bot after this shard reloaded. */
export interface ReloadFanOut {
  /** Asks every other shard to load `version`, the one this shard has just loaded; their reports. */
  reloadOthers(version: string): Promise<ShardReport[]>;
}

/** One process runs every shard there is: nobody else to ask. */
export const ALONE: ReloadFanOut = { reloadOthers: async () => [] };

/** A shard of `npm run start:sharded`: the manager asks the other shards of this host. */
export function managerFanOut(ownShards: number[]): ReloadFanOut {
  return {
    async reloadOthers(version) {
      const answer = await askManager<Extract<ManagerToShard, { odlomek: 'reload-others-done' }>>(
        { odlomek: 'reload-others', nonce: nonce(), version, shards: ownShards },
        'reload-others-done',
      );
      return answer.reports;
    },
  };
}

/** What a local reload ended in, as a report outcome (errors become outcomes, not exceptions). */
export async function outcomeOf(reload: () => Promise<ReloadResult | 'busy'>): Promise<ShardReloadOutcome> {
  try {
    const result = await reload();
    return result === 'busy' ? { kind: 'busy' } : { kind: 'reloaded', result };
  } catch (error) {
    if (error instanceof CorpusError) return { kind: 'failed', problems: error.problems };
    log.error('reload asked by another shard failed', error);
    return { kind: 'error', message: (error as Error).message };
  }
}

/**
 * In a shard process: answers the manager's `reload` requests with a local reload, reporting its
 * outcome and whether it reached the requested version. Returns a function that stops listening.
 */
export function serveReloads(ownShards: number[], reload: () => Promise<ReloadResult | 'busy'>): () => void {
  const onMessage = (message: unknown) => {
    if (!isOurs<ManagerToShard>(message) || message.odlomek !== 'reload') return;
    void outcomeOf(reload).then((outcome) => {
      if (outcome.kind === 'reloaded' && outcome.result.newVersion !== message.version)
        log.warn(
          `reload: loaded version ${outcome.result.newVersion}, not ${message.version}: the corpus changed meanwhile`,
        );
      const reply: ShardToManager = {
        odlomek: 'reload-done',
        nonce: message.nonce,
        report: { shards: ownShards, outcome },
      };
      process.send?.(reply);
    });
  };
  process.on('message', onMessage);
  return () => process.off('message', onMessage);
}

/** How the manager reaches one shard process. */
export interface ShardProcess {
  /** The shard ids it runs. */
  shards: number[];
  /** Sends a message; false when the process is not running. */
  send(message: ManagerToShard): boolean;
  /** Subscribes to its messages; returns the unsubscriber. */
  onMessage(listener: (message: unknown) => void): () => void;
  /** Subscribes to its end (a crash, a stop); returns the unsubscriber. */
  onExit(listener: () => void): () => void;
}

/** How long a manager waits for one of its shard processes to report a reload (a large corpus indexed anew). */
export const SHARD_RELOAD_TIMEOUT_MS = 10 * 60_000;

/**
 * The manager's side: asks shard processes to reload to a version and gathers their reports. A
 * process that does not answer within `timeoutMs` (a large corpus indexed anew takes a while) is
 * reported as unreachable; the others are not held up by it. One that exits meanwhile (a crash,
 * the host stopping) is reported unreachable at once: its answer will never come, and waiting
 * the whole time would hold the moderator's reply, and a stopping manager, for ten minutes.
 */
export class HostReloads {
  constructor(
    private readonly processes: () => ShardProcess[],
    private readonly timeoutMs = SHARD_RELOAD_TIMEOUT_MS,
  ) {}

  /** Reloads every process except the one running `except`'s shards; their reports. */
  reloadShards(version: string, except: number[] = []): Promise<ShardReport[]> {
    const targets = this.processes().filter((p) => !p.shards.some((s) => except.includes(s)));
    return Promise.all(targets.map((p) => this.reloadOne(p, version)));
  }

  private reloadOne(target: ShardProcess, version: string): Promise<ShardReport> {
    const id = nonce();
    return new Promise((resolve) => {
      const unreachable = () => done({ shards: target.shards, outcome: { kind: 'unreachable' } });
      // Unref'd: a wait for a report must not keep a stopping process alive.
      const timer = setTimeout(unreachable, this.timeoutMs).unref();
      const stopListening = target.onMessage((message) => {
        if (!isOurs<ShardToManager>(message) || message.odlomek !== 'reload-done' || message.nonce !== id) return;
        done(message.report);
      });
      const stopWatching = target.onExit(unreachable);
      const done = (report: ShardReport) => {
        clearTimeout(timer);
        stopListening();
        stopWatching();
        resolve(report);
      };
      if (!target.send({ odlomek: 'reload', nonce: id, version })) unreachable();
    });
  }
}
