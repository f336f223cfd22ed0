/**
 * The messages between `npm run start:sharded` (the manager) and its shard processes, over the
 * IPC channel discord.js's ShardingManager opens. Every message carries `odlomek` (its kind) so
 * it is never mistaken for discord.js's own (`_eval`, `_ready`, ...), and requests carry a nonce
 * their answer repeats.
 */
import type { ReloadResult } from '../command.ts';
import type { CorpusProblem } from '../../engine/index.ts';

/** What one shard process did when asked to reload. */
export type ShardReloadOutcome =
  | { kind: 'reloaded'; result: ReloadResult }
  | { kind: 'failed'; problems: CorpusProblem[] }
  | { kind: 'busy' }
  | { kind: 'error'; message: string }
  /** The process did not answer (not running, restarting, or too slow). */
  | { kind: 'unreachable' }
  /** No live host runs these shards (with several hosts: one is down, or SHARD_IDS leave them out). */
  | { kind: 'not-running' }
  /** Run by another host (SHARD_IDS) that this one cannot reach: they share no database (no DATABASE_URL). */
  | { kind: 'other-host' }
  /** Their host started again while the reload waited: they load the corpus as it is there now. */
  | { kind: 'restarted' };

/** One process's part in a reload: its shards and what it did (and, with several hosts, on which). */
export interface ShardReport {
  shards: number[];
  outcome: ShardReloadOutcome;
  /** The host (HOST_NAME) the shards run on, when the bot's shards run on several hosts. */
  host?: string;
}

export type ShardToManager =
  | { odlomek: 'identify'; nonce: string; shardId: number }
  | { odlomek: 'reload-others'; nonce: string; version: string; shards: number[] }
  | { odlomek: 'reload-done'; nonce: string; report: ShardReport };

export type ManagerToShard =
  | { odlomek: 'identify-go'; nonce: string }
  | { odlomek: 'reload-others-done'; nonce: string; reports: ShardReport[] }
  | { odlomek: 'reload'; nonce: string; version: string };

/** Whether an IPC message is one of ours. */
export function isOurs<T extends { odlomek: string }>(message: unknown): message is T {
  return (
    typeof message === 'object' && message !== null && typeof (message as { odlomek?: unknown }).odlomek === 'string'
  );
}

let counter = 0;
/** A nonce unique within this process. */
export function nonce(): string {
  return `${process.pid}-${++counter}`;
}

/** The environment variable the manager sets for its shards: they then use the protocol above. */
export const MANAGED_BY_ODLOMEK = 'ODLOMEK_SHARD_MANAGER';

/** Set by a manager that coordinates reloads with other hosts: this host's name, for its shards' reports. */
export const HOST_OF_SHARD = 'ODLOMEK_HOST';

/**
 * A shard's exit code for "the database cannot be reached": the manager reached it when the host
 * started, so this is an outage, and the shard is started again once it may be over rather than
 * stopping the host (every other shard keeps answering from memory meanwhile).
 */
export const EXIT_DATABASE_UNREACHABLE = 3;

/**
 * A shard's exit code for "gave up": a setting to fix (the token refused, an unusable corpus or
 * DATA_DIR, Discord out of reach at the start), said in its own log line. Every shard would meet
 * the same, so the host stops for its supervisor. Not 1: Node exits with 1 on an uncaught
 * exception, a crash of one shard that starting it again mends.
 */
export const EXIT_GAVE_UP = 4;

/** What the manager does when a shard exits with `code` (null: killed by a signal). */
export function afterShardExit(code: number | null): 'stop-host' | 'retry-later' | 'restart' {
  if (code === EXIT_GAVE_UP) return 'stop-host';
  if (code === EXIT_DATABASE_UNREACHABLE) return 'retry-later';
  return 'restart';
}

/** Whether this process is a shard started by `npm run start:sharded`. */
export function isManagedShard(): boolean {
  return process.env[MANAGED_BY_ODLOMEK] === '1' && typeof process.send === 'function';
}

/** Sends `message` to the manager and resolves with its answer of `kind` with the same nonce. */
export function askManager<A extends ManagerToShard>(message: ShardToManager, kind: A['odlomek']): Promise<A> {
  return new Promise((resolve, reject) => {
    const onMessage = (answer: unknown) => {
      if (!isOurs<ManagerToShard>(answer) || answer.odlomek !== kind || answer.nonce !== message.nonce) return;
      process.off('message', onMessage);
      resolve(answer as A);
    };
    process.on('message', onMessage);
    process.send!(message, (error: Error | null) => {
      if (!error) return;
      process.off('message', onMessage);
      reject(error);
    });
  });
}
