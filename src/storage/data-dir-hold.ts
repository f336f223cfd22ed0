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
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The file whose lock is the hold. */
export const HOLD_FILE = 'odlomek.running';
/** Beside it: who holds it, for the refusal (the locked file cannot be read meanwhile). */
const HOLDER_FILE = 'odlomek.running.json';

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
export function holdDataDir(dataDir: string, command: string): DataDirHold {
  let db: Database.Database;
  try {
    mkdirSync(dataDir, { recursive: true });
    db = new Database(path.join(dataDir, HOLD_FILE), { timeout: 0 });
  } catch {
    return { held: true, release: () => {} };
  }
  try {
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code !== 'SQLITE_BUSY') return { held: true, release: () => {} };
    return { held: false, holder: readHolder(dataDir) };
  }
  const holder: Holder = { pid: process.pid, command, since: new Date().toISOString() };
  try {
    writeFileSync(path.join(dataDir, HOLDER_FILE), `${JSON.stringify(holder)}\n`);
  } catch {
    // Only the refusal of a second start reads it, and it manages without.
  }
  return { held: true, release: () => db.close() };
}

function readHolder(dataDir: string): Holder | undefined {
  try {
    const holder = JSON.parse(readFileSync(path.join(dataDir, HOLDER_FILE), 'utf8')) as Holder;
    return typeof holder.pid === 'number' ? holder : undefined;
  } catch {
    return undefined;
  }
}

/** The one line a refused start prints. */
export function describeHeldDataDir(dataDir: string, holder: Holder | undefined): string {
  const who = holder ? ` (pid ${holder.pid}, ${holder.command} since ${holder.since})` : '';
  return `DATA_DIR ${dataDir} is in use by another odlomek${who}: two bots on one token would answer every question twice. Stop that one first, or give this one another DATA_DIR`;
}
