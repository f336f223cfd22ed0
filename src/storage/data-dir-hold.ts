/**
 * One bot per DATA_DIR: a start holds the folder for as long as it runs, so a second start on it
 * (a service and a manual `npm start`, a deploy that forgot the old process) is refused with one
 * line instead of running beside it. Two processes on one token both receive every event: each
 * question would be answered twice, and each button pressed twice.
 *
 * The hold is an exclusive SQLite lock on a file of its own, never committed: the operating
 * system drops it when the process ends, however it ends (a crash, SIGKILL, a power cut), so
 * there is no stale lock to clean up. Shards of `start:sharded` share their manager's hold.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { log } from '../log.ts';

/**
 * The file whose lock is the hold, named by a hash of the token: two bots of one token would
 * answer twice, two different bots sharing a folder (staging beside production on PostgreSQL)
 * would not. The hash is short and one-way: the token cannot be read back from the name.
 */
function holdFile(token: string): string {
  return `odlomek-${createHash('sha256').update(token).digest('hex').slice(0, 12)}.running`;
}

/**
 * The databases holding the locks of this process. Referenced here for as long as the process
 * runs: better-sqlite3 closes a database its last reference left, and with it the lock, so a
 * hold kept only by a caller's variable would end at the next garbage collection.
 */
const held = new Set<Database.Database>();

interface Holder {
  pid: number;
  command: string;
  since: string;
}

export type DataDirHold =
  | { held: true; release(): void }
  /** Another process holds it; `holder` says which when it could be read. */
  | { held: false; holder: Holder | undefined };

/**
 * Holds `dataDir` for this process as `command` (`npm start`, `start:sharded`). A folder that
 * cannot be made or locked (read-only, a full disk) is not held but not refused either: opening
 * the database there says what is wrong in its own words.
 */
export function holdDataDir(dataDir: string, token: string, command: string): DataDirHold {
  const file = path.join(dataDir, holdFile(token));
  let db: Database.Database;
  try {
    mkdirSync(dataDir, { recursive: true });
    db = new Database(file, { timeout: 0 });
  } catch {
    return { held: true, release: () => {} };
  }
  try {
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code !== 'SQLITE_BUSY') return { held: true, release: () => {} };
    return { held: false, holder: readHolder(file) };
  }
  held.add(db);
  const holder: Holder = { pid: process.pid, command, since: new Date().toISOString() };
  try {
    // Beside it: who holds it, for the refusal (the locked file cannot be read meanwhile).
    writeFileSync(`${file}.json`, `${JSON.stringify(holder)}\n`);
  } catch {
    // Only the refusal of a second start reads it, and it manages without.
  }
  return {
    held: true,
    release: () => {
      held.delete(db);
      db.close();
    },
  };
}

function readHolder(file: string): Holder | undefined {
  try {
    const holder = JSON.parse(readFileSync(`${file}.json`, 'utf8')) as Holder;
    return typeof holder.pid === 'number' ? holder : undefined;
  } catch {
    return undefined;
  }
}

/** The one line a refused start prints. */
export function describeHeldDataDir(dataDir: string, holder: Holder | undefined): string {
  const who = holder ? ` (pid ${holder.pid}, ${holder.command} since ${holder.since})` : '';
  return `DATA_DIR ${dataDir} is in use by another odlomek with the same token${who}: two bots on one token would answer every question twice. Stop that one first`;
}

/** `holdDataDir` for a start: true when held; else the refusal is logged, as one error line. */
export function holdDataDirOrSay(dataDir: string, token: string, command: string): boolean {
  const hold = holdDataDir(dataDir, token, command);
  if (!hold.held) log.error(describeHeldDataDir(dataDir, hold.holder));
  return hold.held;
}
