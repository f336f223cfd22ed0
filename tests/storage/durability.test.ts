/**
 * The database survives `kill -9` in the middle of writes: a child process writes answers and
 * votes and reports each one committed; it is killed with SIGKILL without warning; the database
 * then opens, passes SQLite's integrity check, and holds every write that was acknowledged.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE, SqliteAnswerStore } from '../../src/storage/sqlite/sqlite-store.ts';
import { REPO, tempStore } from '../helpers.ts';

/**
 * The writer runs in this Node with tsx as a loader, not through the tsx command: that one starts
 * a second process, and SIGKILL to the first would leave the writer running on, writing for ever.
 */
const WRITER = [process.execPath, ['--import', 'tsx', path.join(REPO, 'tests/storage/writer-child.ts')]] as const;
/** Writes to see acknowledged before the kill: enough that it lands mid-stream, not at the start. */
const ACKS_BEFORE_KILL = 300;

describe('the SQLite store under kill -9', () => {
  it('opens intact and keeps every acknowledged write', async () => {
    const { store, dir } = await tempStore();
    await store.close();
    const child = spawn(WRITER[0], [...WRITER[1], dir], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: string[] = [];
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let buffered = '';
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_, signal) => resolve(signal)));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        buffered += d.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop()!;
        for (const line of lines) if (line.startsWith('ack ')) acked.push(line.slice(4));
        if (acked.length >= ACKS_BEFORE_KILL && child.exitCode === null && !child.killed) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => reject(new Error(`the writer ended by itself: ${stderr}`)));
    });
    expect(await exited).toBe('SIGKILL');

    const db = new Database(path.join(dir, DATABASE_FILE));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const keys = new Set((db.prepare('SELECT key FROM answers').all() as { key: string }[]).map((r) => r.key));
    const votes = (db.prepare('SELECT count(*) AS n FROM votes').get() as { n: number }).n;
    db.close();
    const lost = acked.filter((key) => !keys.has(key));
    expect(lost).toEqual([]);
    expect(votes).toBeGreaterThanOrEqual(acked.length);

    // The store itself opens it again and goes on.
    const reopened = SqliteAnswerStore.open(dir, { ttlMs: 24 * 3600 * 1000 });
    expect(await reopened.findAnswer(acked[acked.length - 1]!, '1')).toBeDefined();
    await reopened.close();
  });
});
