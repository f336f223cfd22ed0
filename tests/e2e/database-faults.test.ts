/**
 * The database failing under a running bot, end to end on the fake Discord: questions are still
 * answered (from the index in memory), only what needs the database is missing while it fails
 * (buttons under the answer, the question's log entry), one clear line says what is wrong, and
 * nothing crashes (an unhandled rejection would fail the run).
 *
 * - PostgreSQL stopped and started again (a restart, a failover) while the bot answers: answers go
 *   on, the question asked meanwhile is logged once the server is back (writes are retried), and
 *   buttons work again afterwards.
 * - SQLite's file locked by another process past the busy timeout, and SQLite on a full disk.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../fake-discord/server.ts';
import { snowflake } from '../fake-discord/snowflake.ts';
import { guardNetwork, type NetworkGuard } from '../fake-discord/network-guard.ts';
import { commands } from '../../commands/index.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { startBot, type RunningBot } from '../../src/discord/bot.ts';
import { Engine, LiveEngine } from '../../src/engine/index.ts';
import { setLogSink } from '../../src/log.ts';
import type { Store } from '../../src/storage/store.ts';
import { PostgresStore } from '../../src/storage/postgres/postgres-store.ts';
import { DATABASE_FILE, SqliteAnswerStore } from '../../src/storage/sqlite/sqlite-store.ts';
import { freshDatabase, restartUnavailable, TestCluster } from '../storage/postgres-server.ts';
import { buttonIds, corpusCopy } from './setup.ts';

const DAY = 24 * 3600 * 1000;

let guard: NetworkGuard;
let corpus: Awaited<ReturnType<typeof corpusCopy>>;
const logLines: string[] = [];
let restoreLog = () => {};

beforeAll(async () => {
  guard = guardNetwork();
  restoreLog = setLogSink((line) => logLines.push(line));
  corpus = await corpusCopy();
});

afterAll(() => {
  restoreLog();
  guard?.restore();
});

/** A fake Discord per test: each test starts a bot of its own, which identifies anew. */
let fake: FakeDiscord;
let bot: RunningBot | undefined;
let store: Store | undefined;
afterEach(async () => {
  await bot?.stop();
  await store?.close();
  bot = store = undefined;
  fake.assertNoProblems();
  await fake.close();
});

async function startOn(opened: Store): Promise<void> {
  store = opened;
  fake = await FakeDiscord.start();
  const config: Config = loadConfig({
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiBaseUrl,
    CORPUS_DIR: corpus.dir,
    COOLDOWN_SECONDS: '0',
  });
  bot = await startBot(config, new LiveEngine(await Engine.fromDirectory(corpus.dir), corpus.dir), commands, opened);
  await fake.waitForIdentify();
}

/** An /ask in the server: what the asker sees, and how long it took. */
async function ask(question: string) {
  const started = Date.now();
  const handle = fake.sendInteraction({ command: 'ask', options: { question } });
  const reply = await handle.reply(15_000);
  return { reply, handle, ms: Date.now() - started, buttons: buttonIds(reply.body) };
}

/** A question asked by mentioning the bot in a channel: the reply's body. */
async function mention(question: string) {
  const handle = fake.sendMessage({
    content: `<@${fake.world.botUser.id}> ${question}`,
    author: { id: snowflake(), username: 'bralec', globalName: null },
  });
  return (await handle.reply(15_000)).body as Record<string, unknown>;
}

const linesSince = (mark: number) => logLines.slice(mark);
const questionsLogged = async (s: Store) =>
  (await s.guildActivity(fake.world.guild.id, new Date(0))).questions.reduce((n, q) => n + q.count, 0);

const restartSkip = restartUnavailable();

describe.skipIf(restartSkip !== undefined)(
  restartSkip ? `PostgreSQL restart: skipped: ${restartSkip}` : 'PostgreSQL restarted while the bot runs',
  () => {
    let cluster: TestCluster;
    beforeAll(async () => {
      cluster = await TestCluster.create();
    });
    afterAll(async () => {
      await cluster?.destroy();
    });

    it('answers from memory while the server is down, logs the question once it is back, and buttons work again', async () => {
      const { url } = await freshDatabase(cluster.url);
      const pg = await PostgresStore.open(url, { ttlMs: DAY, retryWritesForMs: 30_000, retryReadsForMs: 500 });
      await startOn(pg);
      const before = await ask('Kdo je podpisal sporazum?');
      expect(before.buttons.length).toBeGreaterThan(0);
      // The question is logged just after the answer goes out.
      await expect.poll(() => questionsLogged(pg), { timeout: 5000 }).toBe(1);

      await cluster.stop();
      const mark = logLines.length;
      const during = await ask('Kdaj je Rusija vložila veto?');
      expect(JSON.stringify(during.reply.embeds)).toMatch(/veto/i);
      // Without the database there is no state for buttons: the answer goes out without them, in time.
      expect(during.buttons).toEqual([]);
      expect(during.ms).toBeLessThan(3000);
      const channel = await mention('Kje je potekal obisk?');
      expect(channel.embeds).toHaveLength(1);
      expect(linesSince(mark).filter((l) => / WARN .*PostgreSQL is unreachable/.test(l))).toHaveLength(1);

      await cluster.start();
      // The two questions asked while it was down were kept in memory and written once it came back.
      await expect.poll(() => questionsLogged(pg), { timeout: 20_000, interval: 250 }).toBe(3);
      expect(linesSince(mark).some((l) => /PostgreSQL is reachable again/.test(l))).toBe(true);

      const after = await ask('Kdo je podpisal sporazum?');
      expect(after.buttons.length).toBeGreaterThan(0);
      const next = after.buttons.find((id) => id.startsWith('o1.next.'))!;
      const message = fake.findMessage(after.handle.state.original!.id)!;
      const pressed = await fake.pressButton({ message, customId: next }).reply(15_000);
      expect(JSON.stringify(pressed.embeds)).toMatch(/2\/5/);
      expect(linesSince(mark).filter((l) => / ERROR .*(unhandled|failed)/i.test(l))).toEqual([]);
    });
  },
);

describe('SQLite in trouble', () => {
  it("answers while another process holds the database's write lock, with one clear line, and recovers", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'odlomek-data-'));
    // The default busy timeout: a write that waits for the lock must leave the answer time to go out.
    await startOn(SqliteAnswerStore.open(dir, { ttlMs: DAY }));
    const other = new Database(path.join(dir, DATABASE_FILE));
    try {
      other.exec('BEGIN IMMEDIATE');
      const mark = logLines.length;
      const locked = await ask('Kdo je podpisal sporazum?');
      expect(locked.reply.embeds).toHaveLength(1);
      expect(locked.buttons).toEqual([]);
      expect((await mention('Kdaj je Rusija vložila veto?')).embeds).toHaveLength(1);
      const lines = linesSince(mark).filter((l) => / (WARN|ERROR) /.test(l));
      expect(lines.filter((l) => / WARN .*locked by another process.*writes give up at once/.test(l))).toHaveLength(1);
      // One line for the outage, not one per answer.
      expect(
        lines.filter((l) =>
          /could not save the answer state; answering without buttons: the SQLite database in DATA_DIR is locked/.test(
            l,
          ),
        ),
      ).toHaveLength(1);
      // One line each, no stack: the description says it all.
      expect(lines.every((l) => !l.includes('\n'))).toBe(true);
      // The lock let go: the next answer has its buttons again.
      other.exec('ROLLBACK');
      expect((await ask('Kdo je podpisal sporazum?')).buttons.length).toBeGreaterThan(0);
      expect(
        linesSince(mark).filter((l) => /INFO +the database saves answer state again; 2 answer/.test(l)),
      ).toHaveLength(1);
    } finally {
      other.close();
    }
  });

  it('answers on a full disk, saying so in the log', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'odlomek-data-'));
    const sqlite = SqliteAnswerStore.open(dir, { ttlMs: DAY, maxPages: 1 });
    // Fill the little room there is.
    for (let i = 0; i < 200; i++) {
      const full = await sqlite
        .saveAnswer({
          question: 'x'.repeat(900),
          passageIds: [],
          corpusVersion: 'v',
          locale: 'sl',
          guildId: null,
          askerId: '1',
        })
        .then(
          () => false,
          () => true,
        );
      if (full) break;
    }
    await startOn(sqlite);
    const mark = logLines.length;
    const answered = await ask('Kdaj je Rusija vložila veto?');
    expect(JSON.stringify(answered.reply.embeds)).toMatch(/veto/i);
    expect(answered.buttons).toEqual([]);
    expect((await mention('Kdo je podpisal sporazum?')).embeds).toHaveLength(1);
    expect(
      linesSince(mark).some((l) =>
        /ERROR could not save the answer state; answering without buttons: the disk holding DATA_DIR is full/.test(l),
      ),
    ).toBe(true);
  });
});

// Last: the answers it sends without buttons are counted for the whole process (one log line per
// outage), and this outage does not end while the bot runs.
describe.skipIf(restartSkip !== undefined)(
  restartSkip ? `PostgreSQL down at a stop: skipped: ${restartSkip}` : 'PostgreSQL down when the bot stops',
  () => {
    let cluster: TestCluster;
    beforeAll(async () => {
      cluster = await TestCluster.create();
    });
    afterAll(async () => {
      await cluster?.destroy();
    });

    it("stops within a supervisor's patience while the server is down, saying which log entries are lost", async () => {
      const { url } = await freshDatabase(cluster.url);
      const pg = await PostgresStore.open(url, { ttlMs: DAY, retryWritesForMs: 30_000, retryReadsForMs: 500 });
      await startOn(pg);
      await cluster.stop();
      try {
        const mark = logLines.length;
        await ask('Kdaj je Rusija vložila veto?');
        const started = Date.now();
        await bot!.stop();
        await pg.close();
        bot = store = undefined;
        // Its log write is retried for 30 s; a stop waited for all of it (Docker kills after 10).
        expect(Date.now() - started).toBeLessThan(10_000);
        expect(linesSince(mark)).toContainEqual(
          expect.stringMatching(/WARN .*stopping: the database did not take the question log within 3 s/),
        );
      } finally {
        await cluster.start();
      }
    });
  },
);
