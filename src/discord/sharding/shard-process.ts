/**
 * A shard process of `npm run start:sharded`: discord.js's ShardingManager forks `src/main.ts`
 * with the shard's id (SHARDS) and the total (SHARD_COUNT); the bot then identifies through the
 * manager's gate and reaches the other shards through it for `/reload`.
 */
import type { ShardWiring } from '../bot.ts';
import { managerIdentifyThrottler } from './identify-gate.ts';
import { HOST_OF_SHARD, isManagedShard } from './protocol.ts';
import { managerFanOut } from './reload.ts';
import { log } from '../../log.ts';

/** The shard ids in discord.js's SHARDS variable (`3`, or a list such as `[0,1]`). */
export function shardsOfProcess(value = process.env.SHARDS): number[] {
  return (value ?? '')
    .replace(/[[\]\s]/g, '')
    .split(',')
    .filter((id) => id !== '')
    .map(Number)
    .filter((id) => Number.isInteger(id) && id >= 0);
}

/** The wiring for `startBot` when this process is a managed shard; undefined otherwise. */
export function shardWiring(): ShardWiring | undefined {
  if (!isManagedShard()) return undefined;
  const ownShards = shardsOfProcess();
  return {
    ownShards,
    ...(process.env[HOST_OF_SHARD] ? { host: process.env[HOST_OF_SHARD] } : {}),
    fanOut: managerFanOut(ownShards),
    identifyThrottler: managerIdentifyThrottler,
    serveReloads: true,
  };
}

/**
 * Ends this shard when its manager is gone (the IPC channel closed: the manager crashed or was
 * killed). discord.js leaves such a shard running, holding its session; a restarted manager would
 * start the shard a second time.
 */
export function stopWithManager(stop: () => Promise<void>): void {
  if (!isManagedShard()) return;
  process.once('disconnect', () => {
    log.warn('the shard manager is gone: stopping this shard');
    void stop().finally(() => process.exit(0));
  });
}
