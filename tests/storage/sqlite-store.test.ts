/** The SQLite answer store on a real database file in a temp folder: no mocks of the database. */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ANSWER_KEY_LENGTH, type NewAnswer } from '../../src/storage/answer-store.ts';
import { DATABASE_FILE, SqliteAnswerStore } from '../../src/storage/sqlite/sqlite-store.ts';
import { MIGRATIONS } from '../../src/storage/sqlite/migrations.ts';
import { tempStore } from '../helpers.ts';

const DAY = 24 * 3600 * 1000;
const ALICE = '100000000000000001';
const BOB = '100000000000000002';

const asked = (over: Partial<NewAnswer> = {}): NewAnswer => ({
  question: 'Kdo je podpisal sporazum?',
  passageIds: ['a#1', 'a#2'],
  corpusVersion: 'abc123',
  locale: 'sl',
  guildId: '200000000000000001',
  askerId: ALICE,
  ...over,
});

const open: SqliteAnswerStore[] = [];
afterEach(async () => {
  for (const store of open.splice(0)) await store.close();
});

async function fresh(now?: () => number) {
  const made = await tempStore({ ttlMs: 7 * DAY, ...(now ? { now } : {}) });
  open.push(made.store);
  return made;
}

describe('SqliteAnswerStore', () => {
  it('creates its folder and file on first open, in WAL mode, migrated to the latest schema', async () => {
    const { dir } = await fresh();
    const file = path.join(dir, DATABASE_FILE);
    expect(existsSync(file)).toBe(true);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
    const nested = path.join(dir, 'a', 'b');
    const again = SqliteAnswerStore.open(nested, { ttlMs: DAY });
    open.push(again);
    expect(existsSync(path.join(nested, DATABASE_FILE))).toBe(true);
  });

  it('saves an answer under a short key and finds it again, telling the asker from others', async () => {
    const { store } = await fresh();
    const key = await store.saveAnswer(asked());
    expect(key.length).toBeLessThanOrEqual(ANSWER_KEY_LENGTH);
    expect(key).toMatch(/^[A-Za-z0-9_-]+$/);
    const byAlice = await store.findAnswer(key, ALICE);
    expect(byAlice).toMatchObject({
      key,
      question: 'Kdo je podpisal sporazum?',
      passageIds: ['a#1', 'a#2'],
      byAsker: true,
    });
    expect((await store.findAnswer(key, BOB))!.byAsker).toBe(false);
    expect(await store.findAnswer('nothere', ALICE)).toBeUndefined();
    expect(await store.findAnswer("'; DROP TABLE answers; --", ALICE)).toBeUndefined();
  });

  it('never stores a user id, only salted hashes', async () => {
    const { store, dir } = await fresh();
    const key = await store.saveAnswer(asked());
    await store.vote(key, BOB, 'up');
    const db = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
    const dump = JSON.stringify([db.prepare('SELECT * FROM answers').all(), db.prepare('SELECT * FROM votes').all()]);
    db.close();
    expect(dump).not.toContain(ALICE);
    expect(dump).not.toContain(BOB);
  });

  it('counts one vote per member per answer; a later vote replaces the earlier one', async () => {
    const { store } = await fresh();
    const key = await store.saveAnswer(asked());
    expect(await store.vote(key, ALICE, 'up')).toBe('counted');
    expect(await store.vote(key, ALICE, 'up')).toBe('unchanged');
    expect(await store.vote(key, BOB, 'up')).toBe('counted');
    expect(await store.voteCounts(key)).toEqual({ up: 2, down: 0 });
    expect(await store.vote(key, ALICE, 'down')).toBe('changed');
    expect(await store.voteCounts(key)).toEqual({ up: 1, down: 1 });
    expect(await store.vote('nothere', ALICE, 'up')).toBe('unknown-answer');
  });

  it('forgets answers after their expiry, and prunes them with their votes', async () => {
    let now = 1_000_000;
    const { store } = await fresh(() => now);
    const key = await store.saveAnswer(asked());
    await store.vote(key, BOB, 'down');
    now += 7 * DAY - 1;
    expect(await store.findAnswer(key, ALICE)).toBeDefined();
    now += 1;
    expect(await store.findAnswer(key, ALICE)).toBeUndefined();
    expect(await store.vote(key, BOB, 'up')).toBe('unknown-answer');
    expect(await store.pruneExpired()).toBe(1);
    expect(await store.voteCounts(key)).toEqual({ up: 0, down: 0 });
  });

  it("deletes one server's answers and votes, and nothing else", async () => {
    const { store } = await fresh();
    const here = await store.saveAnswer(asked({ guildId: '300000000000000001' }));
    const there = await store.saveAnswer(asked({ guildId: '300000000000000002' }));
    const dm = await store.saveAnswer(asked({ guildId: null }));
    await store.vote(here, BOB, 'up');
    await store.vote(there, BOB, 'up');
    expect(await store.forgetGuild('300000000000000001')).toMatchObject({ answers: 1, votes: 1 });
    expect(await store.findAnswer(here, ALICE)).toBeUndefined();
    expect(await store.findAnswer(there, ALICE)).toBeDefined();
    expect(await store.findAnswer(dm, ALICE)).toBeDefined();
  });

  it('keeps everything across a reopen, with the same salt (a voter is still recognised)', async () => {
    const { store, dir } = await fresh();
    const key = await store.saveAnswer(asked());
    await store.vote(key, BOB, 'up');
    await store.close();
    const reopened = SqliteAnswerStore.open(dir, { ttlMs: 7 * DAY });
    open.push(reopened);
    expect((await reopened.findAnswer(key, ALICE))!.byAsker).toBe(true);
    expect(await reopened.vote(key, BOB, 'up')).toBe('unchanged');
  });

  it('refuses a database from a newer version instead of guessing at its schema', async () => {
    const { store, dir } = await fresh();
    await store.close();
    const db = new Database(path.join(dir, DATABASE_FILE));
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => SqliteAnswerStore.open(dir, { ttlMs: DAY })).toThrow(/newer version of odlomek/);
  });
});
