/** The server data of the SQLite store (question log, vote counts, settings) on a real database in a temp folder. */
import Database from 'better-sqlite3';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { NewAnswer } from '../../src/storage/answer-store.ts';
import { DAY_MS, type AskedQuestion } from '../../src/storage/guild-store.ts';
import {
  DATABASE_FILE,
  SqliteAnswerStore,
  TRIM_EVERY,
  type SqliteStoreOptions,
} from '../../src/storage/sqlite/sqlite-store.ts';
import { MIGRATIONS } from '../../src/storage/sqlite/migrations.ts';
import { tempStore } from '../helpers.ts';

const GUILD = '300000000000000001';
const OTHER = '300000000000000002';
const ALICE = '100000000000000001';
const BOB = '100000000000000002';

const open: SqliteAnswerStore[] = [];
afterEach(async () => {
  for (const store of open.splice(0)) await store.close();
});

async function fresh(options: Partial<SqliteStoreOptions> = {}) {
  const made = await tempStore(options);
  open.push(made.store);
  return made;
}

const question = (over: Partial<AskedQuestion> = {}): AskedQuestion => ({
  guildId: GUILD,
  channelId: '400000000000000001',
  question: 'Koliko stane hotel?',
  level: 'none',
  confidence: 0.2,
  passageId: 'a#3',
  ...over,
});

const answer = (over: Partial<NewAnswer> = {}): NewAnswer => ({
  question: 'Kdo je podpisal sporazum?',
  passageIds: ['a#1', 'a#2'],
  corpusVersion: 'v1',
  locale: 'sl',
  guildId: GUILD,
  askerId: ALICE,
  ...over,
});

describe('the question log', () => {
  it('counts every question and keeps the text of the unclear and unanswered ones, newest first', async () => {
    let now = 10 * DAY_MS;
    const { store, dir } = await fresh({ now: () => now });
    await store.recordQuestion(
      question({ level: 'clear', question: 'Kdo je Kim?', confidence: 0.9, passageId: 'a#1' }),
    );
    now += 1000;
    await store.recordQuestion(question({ level: 'closest', question: 'Kje je Pjongjang?', confidence: 0.5 }));
    now += 1000;
    await store.recordQuestion(question({ passageId: null }));
    const log = await store.unansweredQuestions(GUILD);
    expect(log).toEqual([
      {
        question: 'Koliko stane hotel?',
        askedAt: new Date(10 * DAY_MS + 2000),
        channelId: '400000000000000001',
        confidence: 0.2,
        passageId: null,
      },
      {
        question: 'Kje je Pjongjang?',
        askedAt: new Date(10 * DAY_MS + 1000),
        channelId: '400000000000000001',
        confidence: 0.5,
        passageId: 'a#3',
      },
    ]);
    expect(await store.unansweredQuestions(GUILD, new Date(10 * DAY_MS + 1500))).toHaveLength(1);
    expect(await store.unansweredQuestions(OTHER)).toEqual([]);
    const activity = await store.guildActivity(GUILD, new Date(0));
    expect(activity.questions).toHaveLength(3);
    expect(activity.questions.every((q) => q.day === 10 && q.count === 1)).toBe(true);
    // No user id anywhere: the log has none to keep.
    const db = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
    expect(Object.keys(db.prepare('SELECT * FROM unanswered').get() as object)).not.toContain('user_id');
    db.close();
  });

  it('keeps at most the configured number of unanswered questions per server, dropping the oldest', async () => {
    let now = DAY_MS;
    const { store } = await fresh({ now: () => now++, unansweredLimit: 3 });
    for (let i = 1; i <= 5; i++) await store.recordQuestion(question({ question: `vprašanje ${i}` }));
    await store.recordQuestion(question({ guildId: OTHER, question: 'drugje' }));
    expect((await store.unansweredQuestions(GUILD)).map((q) => q.question)).toEqual([
      'vprašanje 5',
      'vprašanje 4',
      'vprašanje 3',
    ]);
    expect(await store.unansweredQuestions(OTHER)).toHaveLength(1);
    // The counts for /stats are not bounded by the log.
    expect((await store.guildActivity(GUILD, new Date(0))).questions.reduce((n, q) => n + q.count, 0)).toBe(5);
  });

  it('keeps the stored log near its limit however many questions come', async () => {
    let now = DAY_MS;
    const limit = 50;
    const { store, dir } = await fresh({ now: () => now++, unansweredLimit: limit });
    const db = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
    const stored = () => (db.prepare('SELECT count(*) AS n FROM unanswered').get() as { n: number }).n;
    let most = 0;
    for (let i = 1; i <= 10 * limit; i++) {
      await store.recordQuestion(question({ question: `vprašanje ${i}` }));
      most = Math.max(most, stored());
    }
    db.close();
    expect(most).toBeGreaterThanOrEqual(limit);
    expect(most).toBeLessThan(limit + TRIM_EVERY);
    expect(await store.unansweredQuestions(GUILD)).toHaveLength(limit);
  });

  it('prunes question and vote counts older than the statistics keep, but not the unanswered log', async () => {
    let now = 100 * DAY_MS;
    const { store } = await fresh({ now: () => now, statsRetentionMs: 30 * DAY_MS, ttlMs: 400 * DAY_MS });
    await store.recordQuestion(question());
    const key = await store.saveAnswer(answer());
    await store.vote(key, BOB, 'up', 'a#1');
    now += 31 * DAY_MS;
    await store.pruneExpired();
    expect(await store.guildActivity(GUILD, new Date(0))).toEqual({ questions: [], votes: [] });
    expect(await store.unansweredQuestions(GUILD)).toHaveLength(1);
  });
});

describe('vote counts per answer and passage', () => {
  it('counts votes on the passage shown, moves a changed vote, and outlives the answer', async () => {
    let now = 20 * DAY_MS;
    const { store } = await fresh({ now: () => now, ttlMs: DAY_MS });
    const key = await store.saveAnswer(answer());
    await store.vote(key, ALICE, 'up', 'a#1');
    await store.vote(key, BOB, 'up', 'a#1');
    await store.vote(key, BOB, 'up', 'a#2'); // the same vote again: counted once, where it was
    expect((await store.guildActivity(GUILD, new Date(0))).votes).toEqual([
      { day: 20, passageId: 'a#1', up: 2, down: 0 },
    ]);
    await store.vote(key, BOB, 'down', 'a#2');
    const votes = (await store.guildActivity(GUILD, new Date(0))).votes;
    expect(votes).toEqual(
      expect.arrayContaining([
        { day: 20, passageId: 'a#1', up: 1, down: 0 },
        { day: 20, passageId: 'a#2', up: 0, down: 1 },
      ]),
    );
    expect(votes).toHaveLength(2);
    now += 2 * DAY_MS;
    expect(await store.pruneExpired()).toBe(1);
    expect((await store.guildActivity(GUILD, new Date(0))).votes).toHaveLength(2);
  });

  it('keeps no counts for answers in direct messages', async () => {
    const { store } = await fresh();
    const key = await store.saveAnswer(answer({ guildId: null }));
    expect(await store.vote(key, ALICE, 'down', 'a#1')).toBe('counted');
    expect((await store.guildActivity(GUILD, new Date(0))).votes).toEqual([]);
  });
});

describe('server settings', () => {
  it('starts empty, saves, replaces, and goes back to the defaults', async () => {
    const { store, dir } = await fresh();
    expect(await store.guildSettings(GUILD)).toEqual({});
    expect(await store.hasQaChannels()).toBe(false);
    await store.saveGuildSettings(GUILD, { qaChannelIds: ['1', '2'], cooldownSeconds: 0, privateAnswers: false });
    await store.saveGuildSettings(OTHER, { replyLocale: 'en' });
    expect(await store.guildSettings(GUILD)).toEqual({
      qaChannelIds: ['1', '2'],
      cooldownSeconds: 0,
      privateAnswers: false,
    });
    expect(await store.hasQaChannels()).toBe(true);
    await store.close();
    const reopened = SqliteAnswerStore.open(dir, { ttlMs: DAY_MS });
    open.push(reopened);
    expect(await reopened.guildSettings(OTHER)).toEqual({ replyLocale: 'en' });
    await reopened.saveGuildSettings(GUILD, {});
    expect(await reopened.guildSettings(GUILD)).toEqual({});
    expect(await reopened.hasQaChannels()).toBe(false);
  });
});

describe('forgetting a server', () => {
  it('deletes its answers, votes, question log, vote counts and settings, and nothing of another server', async () => {
    const { store } = await fresh();
    for (const guildId of [GUILD, OTHER]) {
      const key = await store.saveAnswer(answer({ guildId }));
      await store.vote(key, BOB, 'up', 'a#1');
      await store.recordQuestion(question({ guildId }));
      await store.saveGuildSettings(guildId, { cooldownSeconds: 5 });
    }
    expect(await store.forgetGuild(GUILD)).toEqual({
      answers: 1,
      votes: 1,
      questions: 1,
      unanswered: 1,
      ratings: 1,
      settings: 1,
    });
    expect(await store.unansweredQuestions(GUILD)).toEqual([]);
    expect(await store.guildActivity(GUILD, new Date(0))).toEqual({ questions: [], votes: [] });
    expect(await store.guildSettings(GUILD)).toEqual({});
    expect(await store.unansweredQuestions(OTHER)).toHaveLength(1);
    expect((await store.guildActivity(OTHER, new Date(0))).votes).toHaveLength(1);
    expect(await store.guildSettings(OTHER)).toEqual({ cooldownSeconds: 5 });
  });
});

describe('the migrations', () => {
  it('are plain SQL from step 2 on: nothing PostgreSQL would refuse', () => {
    for (const step of MIGRATIONS.slice(1)) {
      expect(step).not.toMatch(/\bSTRICT\b|\bAUTOINCREMENT\b|\bINSERT OR\b|\bdatetime\(|\bstrftime\(|\bjson_/i);
      expect(step).not.toMatch(/\bINTEGER\b[^,\n]*\bat\b/); // timestamps are BIGINT (ms overflow INTEGER in PostgreSQL)
    }
  });

  it('upgrade a database of step 1 in place, keeping its answers and votes', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'odlomek-data-'));
    const db = new Database(path.join(dir, DATABASE_FILE));
    db.exec(MIGRATIONS[0]!);
    db.pragma('user_version = 1');
    const [asked, expires] = [Date.now(), Date.now() + DAY_MS];
    db.prepare(`INSERT INTO answers VALUES ('k1', ?, 'h', 'q', '["a#1"]', 'v', 'sl', ?, ?)`).run(GUILD, asked, expires);
    db.prepare(`INSERT INTO votes VALUES ('k1', 'h2', 1, ?)`).run(asked);
    db.close();
    const store = SqliteAnswerStore.open(dir, { ttlMs: DAY_MS });
    open.push(store);
    expect(await store.voteCounts('k1')).toEqual({ up: 1, down: 0 });
    await store.recordQuestion(question());
    expect(await store.unansweredQuestions(GUILD)).toHaveLength(1);
  });
});
