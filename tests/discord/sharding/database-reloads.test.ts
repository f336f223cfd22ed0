/**
 * Reloads across hosts through the database, on both backends (real databases): hosts that
 * announced themselves are asked and waited for, each shard reported with its host; a host that
 * stays silent is reported unreachable with its shards; a host gone long ago is not waited for; a
 * host never serves its own request; a database that cannot be reached is one failed part, not
 * an exception. PostgreSQL is told at once (NOTIFY), SQLite is polled.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DatabaseReloads } from '../../../src/discord/sharding/database-reloads.ts';
import type { ShardReport } from '../../../src/discord/sharding/protocol.ts';
import type { ReloadResult } from '../../../src/discord/command.ts';
import { setLogSink } from '../../../src/log.ts';
import { BACKENDS, closeStores, dropDatabases } from '../../storage/backends.ts';

const running: DatabaseReloads[] = [];
let restoreLog = () => {};
afterEach(async () => {
  for (const r of running.splice(0)) await r.stop();
  restoreLog();
  await closeStores();
});
afterAll(dropDatabases);

const reloaded = (version: string, shards: number[]): ShardReport => ({
  shards,
  outcome: { kind: 'reloaded', result: { newVersion: version } as ReloadResult },
});

describe.each(BACKENDS)('$name', (backend) => {
  describe.skipIf(backend.skip !== undefined)(
    backend.skip ? `skipped: ${backend.skip}` : 'reloads across hosts',
    () => {
      async function hosts() {
        restoreLog = setLogSink(() => {});
        const { store, reopen } = await backend.open();
        const asked: string[] = [];
        const make = async (host: string, shards: number[], s = store, reportTimeoutMs = 1500) => {
          const coordinator = new DatabaseReloads({
            store: s,
            host,
            shards,
            reloadHere: async (version) => (asked.push(`${host}:${version}`), [reloaded(version, shards)]),
            heartbeatMs: 200,
            pollMs: 50,
            reportTimeoutMs,
          });
          await coordinator.start();
          running.push(coordinator);
          return coordinator;
        };
        return { store, reopen, asked, make };
      }

      it('asks every other live host, waits for each report, and tags each shard with its host', async () => {
        const { reopen, asked, make } = await hosts();
        const a = await make('host-a', [0, 1]);
        await make('host-b', [2], await reopen());
        await make('host-c', [3], await reopen());
        const reports = await a.reloadOtherHosts('v2');
        expect(reports).toEqual([
          { ...reloaded('v2', [2]), host: 'host-b' },
          { ...reloaded('v2', [3]), host: 'host-c' },
        ]);
        // The asking host does not serve its own request.
        expect(asked.sort()).toEqual(['host-b:v2', 'host-c:v2']);
      });

      it('reports a host that goes silent as unreachable once its heartbeat lapses, not after the time limit', async () => {
        const { store, make } = await hosts();
        // Ten minutes for a report, as for a large corpus: only the lapsed heartbeat can end the wait
        // within the test's time.
        const a = await make('host-a', [0], store, 10 * 60_000);
        // Announced, but nothing runs there to answer.
        await store.announceHost('host-silent', [5, 6]);
        expect(await a.reloadOtherHosts('v2')).toEqual([
          { host: 'host-silent', shards: [5, 6], outcome: { kind: 'unreachable' } },
        ]);
        // Three heartbeats later it no longer counts as a host at all.
        await new Promise((resolve) => setTimeout(resolve, 700));
        expect(await a.reloadOtherHosts('v3')).toEqual([]);
      });

      it('does not wait for a host that stopped, which leaves the live hosts at once', async () => {
        const { reopen, make } = await hosts();
        const a = await make('host-a', [0], undefined, 10 * 60_000);
        const b = await make('host-b', [1], await reopen());
        await b.stop();
        expect(await a.reloadOtherHosts('v2')).toEqual([]);
      });

      it('a host restarted under the same name while a reload waits for it says so, without reloading', async () => {
        const { store, reopen, asked, make } = await hosts();
        const a = await make('host-a', [0], store, 10 * 60_000);
        // host-b is live (it announced itself), then restarts: it starts only after the request.
        await store.announceHost('host-b', [1]);
        const waiting = a.reloadOtherHosts('v2');
        await new Promise((resolve) => setTimeout(resolve, 100));
        await make('host-b', [1], await reopen());
        expect(await waiting).toEqual([{ host: 'host-b', shards: [1], outcome: { kind: 'restarted' } }]);
        // Its shards load the corpus as they start: nothing is reloaded for the request.
        expect(asked).toEqual([]);
      });

      it('keeps waiting for the reports through one failed look at them', async () => {
        const { store, reopen, make } = await hosts();
        let looks = 0;
        // The asking host's view of the database fails once, as during a restart.
        const flaky = Object.assign(Object.create(store) as typeof store, {
          reloadReports: (id: number) =>
            ++looks === 1 ? Promise.reject(new Error('gone for a moment')) : store.reloadReports(id),
        });
        const a = await make('host-a', [0], flaky);
        await make('host-b', [1], await reopen());
        expect(await a.reloadOtherHosts('v2')).toEqual([{ ...reloaded('v2', [1]), host: 'host-b' }]);
        expect(looks).toBeGreaterThan(1);
      });

      it('is one failed part, not an exception, when the database cannot be reached', async () => {
        const { store, make } = await hosts();
        const a = await make('host-a', [0]);
        await store.close();
        expect(await a.reloadOtherHosts('v2')).toEqual([
          { host: 'database', shards: [], outcome: { kind: 'error', message: expect.any(String) } },
        ]);
      });
    },
  );
});
