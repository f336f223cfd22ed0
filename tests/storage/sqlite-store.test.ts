/**
 * What only the SQLite backend does, on a real database file in a temp folder (the behaviour both
 * backends share is in contract.test.ts): the file and its mode, `user_version`, upgrading a
 * database of step 1, several processes opening one new database at once, and what happens when
 * the file is locked by another process or the disk is full.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../src/storage/guild-store.ts';
import { describeStorageError } from '../../src/storage/storage-error.ts';
import { CHECKPOINT_WHEN_QUIET_MS, DATABASE_FILE, SqliteAnswerStore } from '../../src/storage/sqlite/sqlite-store.ts';
import { MIGRATIONS } from '../../src/storage/sqlite/migrations.ts';
import { captureLog, REPO, tempStore } from '../helpers.ts';
import { ALICE, GUILD, sampleAnswer, sampleQuestion } from './samples.ts';

const asked = sampleAnswer;
const question = sampleQuestion();

const open: SqliteAnswerStore[] = [];
const cleanups: (() => void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  for (const store of open.splice(0)) await store.close();
});

function keep(store: SqliteAnswerStore): SqliteAnswerStore {
  open.push(store);
  return store;
}

describe('SqliteAnswerStore', () => {
  it('creates its folder and file on first open, in WAL mode, migrated to the latest schema', async () => {
    const { store, dir } = await tempStore();
    keep(store);
    const file = path.join(dir, DATABASE_FILE);
    expect(existsSync(file)).toBe(true);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
    const nested = path.join(dir, 'a', 'b');
    keep(SqliteAnswerStore.open(nested, { ttlMs: DAY_MS }));
    expect(existsSync(path.join(nested, DATABASE_FILE))).toBe(true);
  });

  it('says so in words when DATA_DIR is a file, not a folder', async () => {
    const { store, dir } = await tempStore();
    keep(store);
    const file = path.join(dir, DATABASE_FILE);
    for (const dataDir of [file, path.join(file, 'inside')])
      expect(() => SqliteAnswerStore.open(dataDir, { ttlMs: DAY_MS })).toThrow(
        `${dataDir} is a file, or inside one, not a folder: point DATA_DIR at a folder`,
      );
  });

  it('copies the log into the database file once writes are quiet, not while they keep coming', async () => {
    const { store, dir } = await tempStore();
    keep(store);
    const file = path.join(dir, DATABASE_FILE);
    const before = statSync(file).size;
    for (let i = 0; i < 50; i++) await store.saveAnswer(asked({ question: `${i} ${'x'.repeat(500)}` }));
    // Still in the write-ahead log: SQLite's own checkpoint waits for WAL_PAGES_BEFORE_CHECKPOINT.
    expect(statSync(file).size).toBe(before);
    await new Promise((resolve) => setTimeout(resolve, CHECKPOINT_WHEN_QUIET_MS + 300));
    expect(statSync(file).size).toBeGreaterThan(before);
  });

  it('says once, after the next writes, that its file was deleted while open', async () => {
    const lines = captureLog();
    const { store, dir } = await tempStore();
    keep(store);
    await store.saveAnswer(asked());
    await new Promise((resolve) => setTimeout(resolve, CHECKPOINT_WHEN_QUIET_MS + 300));
    expect(lines.filter((l) => / ERROR /.test(l))).toEqual([]);
    for (const suffix of ['', '-wal', '-shm']) rmSync(path.join(dir, DATABASE_FILE + suffix), { force: true });
    for (let round = 0; round < 2; round++) {
      await store.saveAnswer(asked());
      await new Promise((resolve) => setTimeout(resolve, CHECKPOINT_WHEN_QUIET_MS + 300));
    }
    expect(lines.filter((l) => / ERROR /.test(l))).toEqual([
      expect.stringContaining(
        `ERROR the database file ${path.join(dir, DATABASE_FILE)} was deleted while the bot runs: what it saves now is lost when it stops. Restart the bot to use a new file`,
      ),
    ]);
  });

  it('refuses a database from a newer version instead of guessing at its schema', async () => {
    const { store, dir } = await tempStore();
    await store.close();
    const db = new Database(path.join(dir, DATABASE_FILE));
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => SqliteAnswerStore.open(dir, { ttlMs: DAY_MS })).toThrow(/newer version of odlomek/);
  });

  it('upgrades a database of step 1 in place, keeping its answers and votes', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'odlomek-data-'));
    const db = new Database(path.join(dir, DATABASE_FILE));
    db.exec(MIGRATIONS[0]!);
    db.pragma('user_version = 1');
    const [at, expires] = [Date.now(), Date.now() + DAY_MS];
    db.prepare(`INSERT INTO answers VALUES ('k1', ?, 'h', 'q', '["a#1"]', 'v', 'sl', ?, ?)`).run(GUILD, at, expires);
    db.prepare(`INSERT INTO votes VALUES ('k1', 'h2', 1, ?)`).run(at);
    db.close();
    const store = keep(SqliteAnswerStore.open(dir, { ttlMs: DAY_MS }));
    expect(await store.voteCounts('k1')).toEqual({ up: 1, down: 0 });
    await store.recordQuestion(question);
    expect(await store.unansweredQuestions(GUILD)).toHaveLength(1);
    expect(await store.requestReload('v', 'host')).toMatchObject({ id: 1 });
  });

  it('opens one new database from several processes at the same moment, as the shards of one host do', async () => {
    // Each round a new folder, three processes let go at once: one creates the schema, the
    // others wait for it and find it made (before, one of them failed to start about half the time).
    for (let round = 0; round < 3; round++) {
      const dir = await mkdtemp(path.join(tmpdir(), 'odlomek-data-'));
      const children = [0, 1, 2].map(() => openerChild(dir));
      await Promise.all(children.map((c) => c.ready));
      for (const c of children) c.go();
      expect(await Promise.all(children.map((c) => c.said))).toEqual(['opened', 'opened', 'opened']);
      const db = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      db.close();
    }
  }, 60_000);
});

/** A process that opens the store in `dir` when told to go; `said` is its last line. */
function openerChild(dir: string): { ready: Promise<void>; go: () => void; said: Promise<string> } {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO, 'tests/storage/opener-child.ts'), dir], {
    cwd: REPO,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  let onReady = () => {};
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    if (out.startsWith('ready\n')) onReady();
  });
  const said = new Promise<string>((resolve) =>
    child.on('exit', () => {
      // One that failed before it was ready says why in `said` rather than keep the others waiting.
      onReady();
      resolve(out.trim().split('\n').at(-1) ?? '');
    }),
  );
  return { ready, go: () => child.stdin.end('go\n'), said };
}

describe('a locked database file', () => {
  it('gives up after the busy timeout with a clear line, then fails writes at once while it stays locked', async () => {
    const lines = captureLog();
    const { store, dir } = await tempStore({ busyTimeoutMs: 200 });
    keep(store);
    const key = await store.saveAnswer(asked());
    // Another process (here: another connection) holds the write lock and does not let go.
    const other = new Database(path.join(dir, DATABASE_FILE));
    cleanups.push(() => other.close());
    other.exec('BEGIN IMMEDIATE');
    let started = Date.now();
    const failed = await store.saveAnswer(asked()).catch((error: unknown) => error);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(describeStorageError(failed)).toMatch(/^the SQLite database in DATA_DIR is locked by another process/);
    expect(lines.filter((l) => l.includes('WARN'))).toEqual([
      expect.stringMatching(/locked by another process .*writes give up at once instead of waiting 200 ms each$/),
    ]);
    // The next writes do not wait again (waiting would take the whole 200 ms), and say nothing
    // more; reads go on (WAL).
    started = Date.now();
    await expect(store.recordQuestion(question)).rejects.toThrow(/locked/);
    expect(Date.now() - started).toBeLessThan(190);
    expect(await store.findAnswer(key, ALICE)).toBeDefined();
    expect(lines.filter((l) => l.includes('WARN'))).toHaveLength(1);
    // Once the lock is gone, writes succeed again.
    other.exec('ROLLBACK');
    await store.recordQuestion(question);
    expect(await store.unansweredQuestions(GUILD)).toHaveLength(1);
  });
});

describe('another process writing at the same moment (the shards of one host share the file)', () => {
  it('a vote waits for its write and counts, and nothing is said about a lock', async () => {
    const lines = captureLog();
    const { store, dir } = await tempStore({ busyTimeoutMs: 5000 });
    keep(store);
    const key = await store.saveAnswer(asked());
    // A process that holds the write lock for a moment, as another shard's commit does.
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const db = new (require('better-sqlite3'))(process.argv[1]);
         db.exec('BEGIN IMMEDIATE'); process.stdout.write('locked\\n');
         setTimeout(() => { db.exec('COMMIT'); db.close(); }, 300);`,
        path.join(dir, DATABASE_FILE),
      ],
      { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
    // The vote reads the answer before it writes: it must still wait for the lock, not fail at once.
    expect(await store.vote(key, ALICE, 'up', 'a#1')).toBe('counted');
    expect(lines.filter((l) => l.includes('WARN'))).toEqual([]);
    await new Promise((resolve) => holder.on('exit', resolve));
  });
});

describe('a full disk', () => {
  it('fails writes with a clear description, keeps reading, and takes writes again when there is room', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'odlomek-data-'));
    // The file capped at its size after the schema: the disk is "full" from the first new page on.
    const store = keep(SqliteAnswerStore.open(dir, { ttlMs: DAY_MS, maxPages: 1 }));
    const saved: string[] = [];
    let error: unknown;
    for (let i = 0; i < 200 && !error; i++)
      await store.saveAnswer(asked({ question: `${i} ${'x'.repeat(900)}` })).then(
        (key) => saved.push(key),
        (e: unknown) => (error = e),
      );
    expect(error).toBeDefined();
    expect(describeStorageError(error)).toBe(
      'the disk holding DATA_DIR is full, or the database reached its size limit (SQLITE_FULL)',
    );
    await expect(store.recordQuestion({ ...question, question: 'y'.repeat(5000) })).rejects.toThrow(/full/);
    // What was written before is still there, and readable.
    for (const key of saved) expect(await store.findAnswer(key, ALICE)).toBeDefined();
    await store.close();
    // Room again (no cap): the same file takes writes.
    const roomy = keep(SqliteAnswerStore.open(dir, { ttlMs: DAY_MS }));
    await roomy.recordQuestion(question);
    expect(await roomy.unansweredQuestions(GUILD)).toHaveLength(1);
  });
});
