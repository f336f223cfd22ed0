/**
 * What only the PostgreSQL backend does (the shared behaviour is in contract.test.ts): its schema
 * version table, hosts starting at once on a new database, reload requests announced with
 * LISTEN/NOTIFY, and a server restart while the store is in use: writes wait for the server and
 * land, reads give up soon, one line says the server is gone and one that it is back.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PostgresStore, RELOAD_REQUEST_LOCK } from '../../src/storage/postgres/postgres-store.ts';
import { POSTGRES_MIGRATIONS } from '../../src/storage/postgres/migrations.ts';
import { MIGRATIONS } from '../../src/storage/sqlite/migrations.ts';
import { describeStorageError } from '../../src/storage/storage-error.ts';
import { setLogSink } from '../../src/log.ts';
import { captureLog } from '../helpers.ts';
import { postgresAdminUrl, postgresSkip } from './backends.ts';
import { ALICE, GUILD, sampleAnswer, sampleQuestion } from './samples.ts';
import { adminQuery, freshDatabase, restartUnavailable, TestCluster } from './postgres-server.ts';

const DAY = 24 * 3600 * 1000;
const asked = sampleAnswer();
const question = sampleQuestion({ passageId: null });

const stores: PostgresStore[] = [];
const drops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});
afterAll(async () => {
  for (const drop of drops.splice(0)) await drop();
});

async function database(adminUrl: string): Promise<string> {
  const made = await freshDatabase(adminUrl);
  drops.push(made.drop);
  return made.url;
}

async function open(url: string, options: Partial<Parameters<typeof PostgresStore.open>[1]> = {}) {
  const store = await PostgresStore.open(url, { ttlMs: DAY, ...options });
  stores.push(store);
  return store;
}

describe.skipIf(postgresSkip !== undefined)(postgresSkip ? `skipped: ${postgresSkip}` : 'PostgresStore', () => {
  it('keeps its schema version in a table, runs each step once, and has as many steps as SQLite', async () => {
    const url = await database(postgresAdminUrl());
    await (await open(url)).close();
    await open(url);
    expect((await adminQuery(url, 'SELECT version FROM schema_version')).rows).toEqual([
      { version: POSTGRES_MIGRATIONS.length },
    ]);
    expect(POSTGRES_MIGRATIONS.length).toBe(MIGRATIONS.length);
    // Timestamps are BIGINT: milliseconds since the epoch overflow INTEGER.
    const types = await adminQuery(
      url,
      `SELECT table_name, column_name, data_type FROM information_schema.columns
       WHERE column_name LIKE '%\\_at' AND table_schema = 'public'`,
    );
    expect(types.rows.length).toBeGreaterThan(8);
    for (const row of types.rows) expect(row).toMatchObject({ data_type: 'bigint' });
  });

  it('refuses a database from a newer version instead of guessing at its schema', async () => {
    const url = await database(postgresAdminUrl());
    await (await open(url)).close();
    await adminQuery(url, `UPDATE schema_version SET version = ${POSTGRES_MIGRATIONS.length + 1}`);
    await expect(PostgresStore.open(url, { ttlMs: DAY })).rejects.toThrow(/newer version of odlomek/);
  });

  it('lets several hosts start on a new database at once: one creates the schema, all agree on the salt', async () => {
    const url = await database(postgresAdminUrl());
    const [a, b, c] = await Promise.all([open(url), open(url), open(url)]);
    const key = await a.saveAnswer(asked);
    expect((await b.findAnswer(key, ALICE))!.byAsker).toBe(true);
    expect((await c.findAnswer(key, ALICE))!.byAsker).toBe(true);
  });

  it('tells listening hosts about a new reload request at once (LISTEN/NOTIFY)', async () => {
    const url = await database(postgresAdminUrl());
    const [asking, listening] = await Promise.all([open(url), open(url)]);
    let heard = 0;
    const heardOne = new Promise<void>((resolve) => listening.watchReloadRequests(() => (++heard, resolve())));
    // The listener connects in the background; give it a moment before the request.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const request = await asking.requestReload('v2', 'host-a');
    await heardOne;
    expect(heard).toBe(1);
    expect(await listening.reloadRequestsAfter(0)).toMatchObject([{ id: request.id, corpusVersion: 'v2' }]);
  });

  it('commits reload requests in the order of their ids, so a host that saw a later one saw every earlier one', async () => {
    const url = await database(postgresAdminUrl());
    const store = await open(url);
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    try {
      // Another host in the middle of its request: its id handed out, not yet committed.
      await other.query('BEGIN');
      await other.query('SELECT pg_advisory_xact_lock($1)', [RELOAD_REQUEST_LOCK]);
      await other.query(
        `INSERT INTO reload_requests (corpus_version, requested_by, requested_at) VALUES ('vA', 'host-a', 1)`,
      );
      // What a host reads right after this request is written.
      const seen = store.requestReload('vC', 'host-c').then(() => store.reloadRequestsAfter(0));
      await Promise.race([seen, new Promise((resolve) => setTimeout(resolve, 500))]);
      await other.query('COMMIT');
      expect((await seen).map((r) => r.corpusVersion)).toEqual(['vA', 'vC']);
    } finally {
      await other.end();
    }
  });

  it('takes a reload request while the hourly prune deletes old ones', async () => {
    const url = await database(postgresAdminUrl());
    const store = await open(url, { queryTimeoutMs: 1000 });
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    try {
      // The prune's transaction holds its DELETE's lock while it goes on to other tables.
      await other.query('BEGIN');
      await other.query('DELETE FROM reload_requests WHERE requested_at < 0');
      expect(await store.requestReload('v2', 'host-a')).toMatchObject({ corpusVersion: 'v2' });
    } finally {
      await other.query('ROLLBACK');
      await other.end();
    }
  });

  it("writes a batch of logged questions on one connection, leaving the pool's others to the answers", async () => {
    const url = await database(postgresAdminUrl());
    const store = await open(url, { poolSize: 10, unansweredLimit: 50 });
    const batch = Array.from({ length: 200 }, (_, i) =>
      sampleQuestion({ question: `vprašanje ${i}`, level: i % 2 ? 'clear' : 'none', askedAt: 1000 + i }),
    );
    await store.recordQuestions(batch);
    const connections = await adminQuery(
      url,
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'odlomek'`,
    );
    expect(connections.rows[0]).toEqual({ n: 1 });
    // All of it landed, the unanswered log trimmed to its limit, newest kept.
    const unanswered = await store.unansweredQuestions(GUILD, new Date(0));
    expect(unanswered.length).toBeLessThanOrEqual(50);
    expect(unanswered[0]!.question).toBe('vprašanje 198');
  });

  it('gives up on a server that stops answering (a network split) instead of waiting for the socket to die', async () => {
    // The outage's lines are the store's to say; here they would only be noise.
    captureLog();
    const split = await blackholeProxy(await database(postgresAdminUrl()));
    try {
      const store = await open(split.url, { queryTimeoutMs: 300, retryReadsForMs: 200 });
      await store.guildSettings(GUILD);
      split.stopPassing();
      const started = Date.now();
      const read = await store.guildSettings(GUILD).catch((e: unknown) => e);
      expect(describeStorageError(read)).toBe('PostgreSQL is unreachable (Query read timeout)');
      // Not the quarter of an hour the socket would take: the timeout, once or twice.
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      split.close();
    }
  });

  it('goes on when a connection ends in the middle of a transaction (a failover), and the write lands', async () => {
    // The outage's lines are the store's to say; here they would only be noise.
    captureLog();
    const proxy = await blackholeProxy(await database(postgresAdminUrl()));
    try {
      const store = await open(proxy.url, { retryWritesForMs: 10_000 });
      await store.guildSettings(GUILD);
      proxy.stopPassing();
      // The write's transaction has its connection checked out when the connection ends.
      const writing = store.recordQuestion(question);
      await new Promise((resolve) => setTimeout(resolve, 200));
      proxy.cut();
      await writing;
      expect(await store.unansweredQuestions(GUILD)).toHaveLength(1);
    } finally {
      proxy.close();
    }
  });

  it('closes without waiting for a statement the split server will never answer', async () => {
    // The outage's lines are the store's to say; here they would only be noise.
    captureLog();
    const split = await blackholeProxy(await database(postgresAdminUrl()));
    try {
      const store = await PostgresStore.open(split.url, { ttlMs: DAY });
      await store.guildSettings(GUILD);
      split.stopPassing();
      const writing = store.recordQuestion(question).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const started = Date.now();
      await store.close();
      // Not the 10 s the statement would hold its connection for.
      expect(Date.now() - started).toBeLessThan(5000);
      void writing;
    } finally {
      split.close();
    }
  });

  it('names an unreachable server in words', async () => {
    const error = await PostgresStore.open('postgres://nobody@127.0.0.1:9/none', { ttlMs: DAY, connectForMs: 0 }).catch(
      (e: unknown) => e,
    );
    expect(describeStorageError(error)).toMatch(/^PostgreSQL is unreachable \(.*ECONNREFUSED/);
  });
});

/** A server of its own: restarting the run's shared one would break the other test files. */
const restartSkip = restartUnavailable();

describe.skipIf(restartSkip !== undefined)(
  restartSkip ? `skipped: ${restartSkip}` : 'PostgresStore while the server restarts',
  () => {
    let cluster: TestCluster;
    beforeAll(async () => {
      cluster = await TestCluster.create();
    });
    afterAll(async () => {
      for (const store of stores.splice(0)) await store.close();
      await cluster?.destroy();
    });

    it('says a password is missing at once, and lets go of the connection so the process can exit', async () => {
      await adminQuery(cluster.url, `CREATE ROLE needs_password LOGIN PASSWORD 'secret'`);
      const hba = (await adminQuery(cluster.url, 'SHOW hba_file')).rows[0].hba_file as string;
      writeFileSync(hba, `host all needs_password 127.0.0.1/32 scram-sha-256\n${readFileSync(hba, 'utf8')}`);
      await adminQuery(cluster.url, 'SELECT pg_reload_conf()');
      const sockets = () => process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap').length;
      const before = sockets();
      const url = new URL(cluster.url);
      url.username = 'needs_password';
      const error = await open(url.href).catch((e: unknown) => e);
      expect(describeStorageError(error)).toBe(
        'the server asks for a password and DATABASE_URL has none (postgres://user:password@host:port/database)',
      );
      // pg left the half-made connection open: the server held it, and the process, for a minute.
      await expect.poll(sockets, { timeout: 5000 }).toBe(before);
    });

    it('retries writes until the server is back, gives up on reads soon, and says so once each way', async () => {
      const lines: string[] = [];
      const restore = setLogSink((line) => lines.push(line));
      try {
        // Not dropped: the whole cluster goes after this test.
        const { url } = await freshDatabase(cluster.url);
        const store = await open(url, { retryWritesForMs: 20_000, retryReadsForMs: 300 });
        let notified = 0;
        store.watchReloadRequests(() => notified++);
        const key = await store.saveAnswer(asked);

        await cluster.stop();
        // A write made while the server is down waits for it; a read gives up after its short budget.
        const write = store.recordQuestion(question);
        const read = await store.findAnswer(key, ALICE).catch((e: unknown) => e);
        expect(describeStorageError(read)).toMatch(/^PostgreSQL is unreachable/);
        await new Promise((resolve) => setTimeout(resolve, 500));
        await cluster.start();
        await write;

        expect(await store.unansweredQuestions(GUILD)).toHaveLength(1);
        expect((await store.findAnswer(key, ALICE))!.byAsker).toBe(true);
        const warnings = lines.filter((l) => / WARN /.test(l));
        expect(warnings).toEqual([
          expect.stringMatching(/PostgreSQL is unreachable \(.*\): writes are tried again for 20 s/),
        ]);
        expect(lines.some((l) => / INFO .*PostgreSQL is reachable again/.test(l))).toBe(true);
        // The reload listener came back too, and checked once for what it may have missed.
        await expect.poll(() => notified, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
        const before = notified;
        await store.requestReload('v3', 'host-a');
        await expect.poll(() => notified, { timeout: 5000 }).toBe(before + 1);
      } finally {
        restore();
      }
    });
  },
);

/**
 * A TCP proxy in front of the server at `url` that can stop passing data either way, as a network
 * split or a failover to an address nobody answers at does: no error, no close, just silence.
 */
async function blackholeProxy(url: string): Promise<{ url: string; stopPassing(): void; cut(): void; close(): void }> {
  const target = new URL(url);
  let passing = true;
  const sockets = new Set<net.Socket>();
  const proxy = net.createServer((client) => {
    const server = net.connect(Number(target.port || 5432), target.hostname);
    for (const [from, to] of [
      [client, server],
      [server, client],
    ] as const) {
      sockets.add(from);
      from.on('data', (data) => passing && to.write(data));
      from.on('error', () => undefined);
      from.on('close', () => to.destroy());
    }
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const proxied = new URL(url);
  proxied.hostname = '127.0.0.1';
  proxied.port = String((proxy.address() as net.AddressInfo).port);
  return {
    url: proxied.toString(),
    stopPassing: () => (passing = false),
    // Every connection through it ends, as a failover ends them; new ones pass again.
    cut: () => {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      passing = true;
    },
    close: () => {
      proxy.close();
      for (const socket of sockets) socket.destroy();
    },
  };
}
