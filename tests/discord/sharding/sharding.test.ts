// The pieces of `npm run start:sharded` that need no processes: shard id ranges, the identify
// gates' buckets (one host's, and hosts' sharing a database), and the reload fan-out's reports.
import { describe, expect, it } from 'vitest';
import { parseShardIds, shardIdsProblem } from '../../../src/shard-ids.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { IdentifyGate, SharedIdentifyGate } from '../../../src/discord/sharding/identify-gate.ts';
import { SqliteAnswerStore } from '../../../src/storage/sqlite/sqlite-store.ts';
import { setLogSink } from '../../../src/log.ts';
import { HostReloads, type ShardProcess } from '../../../src/discord/sharding/reload.ts';
import { shardsOfProcess } from '../../../src/discord/sharding/shard-process.ts';
import {
  afterShardExit,
  EXIT_DATABASE_UNREACHABLE,
  EXIT_GAVE_UP,
  type ManagerToShard,
  type ShardReport,
} from '../../../src/discord/sharding/protocol.ts';
import { loadConfig } from '../../../src/config.ts';
import { overlapWarnings } from '../../../src/discord/sharding/manager.ts';

describe('a shard that exits', () => {
  it('stops the host when it gave up, is started again later when the database is down, and at once otherwise', () => {
    expect(afterShardExit(EXIT_GAVE_UP)).toBe('stop-host');
    // Node's code for an uncaught exception: one shard crashed, the others are fine.
    expect(afterShardExit(1)).toBe('restart');
    // A database outage after the host started: the other shards go on, this one waits it out.
    expect(afterShardExit(EXIT_DATABASE_UNREACHABLE)).toBe('retry-later');
    expect(afterShardExit(null)).toBe('restart');
    expect(afterShardExit(134)).toBe('restart');
  });
});

describe('hosts running the same shards', () => {
  it('are named, each with the shards both run; this host and hosts running other shards are not', () => {
    const seenAt = new Date();
    const live = [
      { host: 'host-a', shards: [0, 1], seenAt },
      { host: 'host-b', shards: [2, 3], seenAt },
      { host: 'host-c', shards: [1, 2], seenAt },
    ];
    expect(overlapWarnings(live, 'host-a', [0, 1])).toEqual([
      'host host-c also runs shard 1: check SHARD_IDS on both hosts, or every event there is handled twice',
    ]);
    expect(overlapWarnings(live.slice(0, 2), 'host-a', [0, 1])).toEqual([]);
  });
});

describe('SHARD_IDS', () => {
  it('reads ranges and lists, in order and without repeats', () => {
    expect(parseShardIds('0-3')).toEqual([0, 1, 2, 3]);
    expect(parseShardIds('8,9,10')).toEqual([8, 9, 10]);
    expect(parseShardIds(' 12, 0-2 ,2 ')).toEqual([0, 1, 2, 12]);
  });

  it('says what is wrong with a bad one, in the configuration too', () => {
    expect(() => parseShardIds('3-1')).toThrow('"3-1" is a range that runs backwards');
    expect(() => parseShardIds('a-b')).toThrow('it is neither a shard id nor a range of them');
    expect(() => parseShardIds('0-3, x')).toThrow('part 2 of 2 is neither a shard id nor a range of them');
    // A typo's range is refused before it is counted out (it once ran out of memory instead).
    expect(() => parseShardIds('0-99999999')).toThrow('"0-99999999" goes past shard 99999, more than any bot runs');
    expect(() => parseShardIds('123456789')).toThrow('"123456789" goes past shard 99999, more than any bot runs');
    expect(shardIdsProblem([0, 7, 8], 8)).toBe('SHARD_IDS names shard 8 but there are 8 shards (ids 0 to 7)');
    expect(shardIdsProblem([0, 7], 8)).toBeUndefined();
    expect(shardIdsProblem(parseShardIds('0-99999'), 8)).toBe(
      'SHARD_IDS names shard 8, 9, 10, 11, 12 … (99992 in all) but there are 8 shards (ids 0 to 7)',
    );
    expect(loadConfig({ SHARD_IDS: '0-7', SHARD_COUNT: '16' })).toMatchObject({
      SHARD_IDS: [0, 1, 2, 3, 4, 5, 6, 7],
      SHARD_COUNT: 16,
    });
    expect(() => loadConfig({ SHARD_IDS: 'all' })).toThrow(
      /^SHARD_IDS: it is neither a shard id nor a range of them \(e\.g\. 0-7 or 8,9,10\)$/,
    );
    // Hosts that split the shards must count them alike.
    expect(() => loadConfig({ SHARD_IDS: '0-7' })).toThrow(
      /^SHARD_IDS: needs SHARD_COUNT too, the same on every host that shares the bot$/,
    );
    // A token pasted into the wrong variable is not printed.
    expect(() => loadConfig({ SHARD_IDS: 'MTAx.secret.token' })).not.toThrow(/secret/);
    expect(() => loadConfig({ SHARD_COUNT: '0' })).toThrow(/^SHARD_COUNT: must be at least 1$/);
  });

  it("reads discord.js's SHARDS variable", () => {
    expect(shardsOfProcess('3')).toEqual([3]);
    expect(shardsOfProcess('[0,1]')).toEqual([0, 1]);
    expect(shardsOfProcess(undefined)).toEqual([]);
  });
});

describe('IdentifyGate', () => {
  it('lets each max_concurrency bucket identify once per window, other buckets at once', async () => {
    const gate = new IdentifyGate(2, 100);
    const start = Date.now();
    const at: Record<number, number> = {};
    await Promise.all([0, 1, 2, 3].map((shard) => gate.wait(shard).then(() => (at[shard] = Date.now() - start))));
    // Shards 0 and 1 are in different buckets: both at once; 2 waits for 0's window, 3 for 1's.
    // (At once is anything short of the window: a loaded machine may be slow to run them.)
    expect(at[0]).toBeLessThan(90);
    expect(at[1]).toBeLessThan(90);
    expect(at[2]).toBeGreaterThanOrEqual(95);
    expect(at[3]).toBeGreaterThanOrEqual(95);
  });
});

describe('SharedIdentifyGate', () => {
  it("paces one bucket's identifies across hosts that share a database", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'odlomek-identify-'));
    // Two hosts: two connections to one database file.
    const stores = [0, 1].map(() => SqliteAnswerStore.open(dir, { ttlMs: 60_000 }));
    try {
      const [a, b] = stores.map((store) => new SharedIdentifyGate(store, 2, undefined, 100));
      const start = Date.now();
      const timed = (turn: Promise<void>) => turn.then(() => Date.now() - start);
      // Shards 0 and 2 on host a, 4 on host b: all in bucket 0. Shard 1 (bucket 1) need not wait.
      const [t0, t2, t4, t1] = await Promise.all([
        timed(a!.wait(0)),
        timed(a!.wait(2)),
        timed(b!.wait(4)),
        timed(b!.wait(1)),
      ]);
      // Turns are reserved a window apart from the start on, so the k-th identify of the bucket
      // comes about k - 1 windows after it, however late each timer fires (a timer may fire a
      // millisecond or so early by Date.now(): a loaded machine measured 99 for 100).
      const bucket0 = [t0, t2, t4].sort((x, y) => x - y);
      expect(bucket0[1]!).toBeGreaterThanOrEqual(95);
      expect(bucket0[2]!).toBeGreaterThanOrEqual(195);
      expect(t1).toBeLessThan(bucket0[2]!);
    } finally {
      for (const store of stores) await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('paces its own shards when the database cannot be reached', async () => {
    const unreachable = { reserveIdentifyTurn: () => Promise.reject(new Error('connection refused')) };
    const gate = new SharedIdentifyGate(unreachable, 1, new IdentifyGate(1, 100), 100);
    const lines: string[] = [];
    const restore = setLogSink((line) => lines.push(line));
    try {
      const start = Date.now();
      await Promise.all([gate.wait(0), gate.wait(1)]);
      expect(Date.now() - start).toBeGreaterThanOrEqual(95);
    } finally {
      restore();
    }
    // Said once, not per shard.
    expect(lines.filter((l) => l.includes('this host paces its own shards'))).toHaveLength(1);
  });
});

describe('HostReloads', () => {
  /** A shard process that answers `reload` with `outcome`, or never (undefined). */
  function process(
    shard: number,
    answer?: (version: string) => ShardReport['outcome'],
  ): ShardProcess & { exit(): void } {
    const listeners = new Set<(m: unknown) => void>();
    const exits = new Set<() => void>();
    return {
      exit: () => exits.forEach((l) => l()),
      onExit: (listener) => {
        exits.add(listener);
        return () => exits.delete(listener);
      },
      shards: [shard],
      send: (message: ManagerToShard) => {
        if (message.odlomek === 'reload' && answer)
          setImmediate(() => {
            for (const l of listeners)
              l({
                odlomek: 'reload-done',
                nonce: message.nonce,
                report: { shards: [shard], outcome: answer(message.version) },
              });
          });
        return true;
      },
      onMessage: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
  }

  it('asks every process but the requester, and reports one that does not answer as unreachable', async () => {
    const reloaded = (version: string): ShardReport['outcome'] => ({
      kind: 'reloaded',
      result: { added: [], removed: [], changed: [], moved: [], oldVersion: 'a', newVersion: version, skipped: [] },
    });
    const processes = [process(0, reloaded), process(1, reloaded), process(2, () => ({ kind: 'busy' })), process(3)];
    const reports = await new HostReloads(() => processes, 200).reloadShards('v2', [0]);
    expect(reports.map((r) => [r.shards, r.outcome.kind])).toEqual([
      [[1], 'reloaded'],
      [[2], 'busy'],
      [[3], 'unreachable'],
    ]);
  });

  it('reports a process that exits before it answers as unreachable at once, not after the time limit', async () => {
    const crashing = process(1);
    const reports = new HostReloads(() => [crashing], 10 * 60_000).reloadShards('v2');
    crashing.exit();
    expect(await reports).toEqual([{ shards: [1], outcome: { kind: 'unreachable' } }]);
  });
});
