/**
 * Discord's identify limit across the shard processes of a host: each `max_concurrency` bucket
 * (`shard_id % max_concurrency`) may identify once per 5 seconds. discord.js enforces it within
 * one process; with one process per shard, every process would think it is alone, so the
 * manager keeps the buckets and each shard asks it before identifying.
 *
 * Across hosts (SHARD_IDS ranges on several machines sharing PostgreSQL), `SharedIdentifyGate`
 * reserves each turn in the database instead, so the limit holds for the whole bot.
 */
import type { IIdentifyThrottler } from 'discord.js';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ReloadStore } from '../../storage/reload-store.ts';
import { log } from '../../log.ts';
import { askManager, nonce, type ManagerToShard } from './protocol.ts';

/**
 * Discord lets each bucket identify once per 5 seconds, counted when the IDENTIFY arrives. The
 * gate counts from its go-ahead, and a shard may take a moment longer to send it than the one
 * before: half a second to spare.
 */
export const IDENTIFY_WINDOW_MS = 5500;

/** Resolves when `shardId` may identify (and counts it as identifying then). */
export interface Gate {
  wait(shardId: number): Promise<void>;
}

/** The manager's gate: one identify per bucket per window, first come first served. */
export class IdentifyGate implements Gate {
  private readonly buckets = new Map<number, { queue: Promise<void>; last: number }>();

  constructor(
    private readonly maxConcurrency: number,
    private readonly windowMs = IDENTIFY_WINDOW_MS,
  ) {}

  /** Resolves when `shardId` may identify (and counts it as identifying then). */
  wait(shardId: number): Promise<void> {
    const key = shardId % this.maxConcurrency;
    const bucket = this.buckets.get(key) ?? { queue: Promise.resolve(), last: -Infinity };
    this.buckets.set(key, bucket);
    const turn = bucket.queue.then(async () => {
      const wait = bucket.last + this.windowMs - Date.now();
      // Unref'd, as below: a stopped manager does not stay alive to wait out its shards' turns.
      if (wait > 0) await sleep(wait, undefined, { ref: false });
      bucket.last = Date.now();
    });
    bucket.queue = turn;
    return turn;
  }
}

/**
 * The gate of hosts that share a database: each turn is reserved there, a window after the
 * bucket's previous one whichever host took it. When the database cannot be reached the host
 * falls back to its own gate (its shards still start; only other hosts' identifies may then
 * collide, which Discord answers with a retry, not a ban), and says so once.
 */
export class SharedIdentifyGate implements Gate {
  private warned = false;

  constructor(
    private readonly store: Pick<ReloadStore, 'reserveIdentifyTurn'>,
    private readonly maxConcurrency: number,
    private readonly local: Gate = new IdentifyGate(maxConcurrency),
    private readonly windowMs = IDENTIFY_WINDOW_MS,
  ) {}

  async wait(shardId: number): Promise<void> {
    let turn: Date;
    try {
      turn = await this.store.reserveIdentifyTurn(shardId % this.maxConcurrency, this.windowMs);
    } catch (error) {
      if (!this.warned)
        log.warn(`identify turns: the database is unreachable, this host paces its own shards (${String(error)})`);
      this.warned = true;
      return this.local.wait(shardId);
    }
    const wait = turn.getTime() - Date.now();
    if (wait > 0) await sleep(wait, undefined, { ref: false });
  }
}

/** A shard's identify throttler for discord.js: asks the manager's gate over IPC. */
export function managerIdentifyThrottler(): IIdentifyThrottler {
  return {
    async waitForIdentify(shardId: number, signal: AbortSignal): Promise<void> {
      const asked = askManager<Extract<ManagerToShard, { odlomek: 'identify-go' }>>(
        { odlomek: 'identify', nonce: nonce(), shardId },
        'identify-go',
      );
      await new Promise<void>((resolve, reject) => {
        const onAbort = () => reject(signal.reason ?? new Error('identify aborted'));
        signal.addEventListener('abort', onAbort, { once: true });
        asked.then(
          () => {
            signal.removeEventListener('abort', onAbort);
            resolve();
          },
          (error: unknown) => {
            signal.removeEventListener('abort', onAbort);
            reject(error instanceof Error ? error : new Error(String(error)));
          },
        );
      });
    },
  };
}
