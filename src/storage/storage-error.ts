/**
 * One readable line for a failed database call, whichever backend failed: what an operator sees
 * in the log when a write is lost (the answer still goes out). SQLite's result codes and
 * PostgreSQL's connection failures are named in words; anything else keeps its own message.
 */
import { isTransient } from './postgres/retry.ts';

/** SQLite's "another connection holds the lock" (better-sqlite3 `SqliteError.code`). */
export function isSqliteBusy(error: unknown): boolean {
  const code = sqliteCode(error);
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || code?.startsWith('SQLITE_BUSY_') === true;
}

function sqliteCode(error: unknown): string | undefined {
  if (!(error instanceof Error) || error.name !== 'SqliteError') return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Whether `error` says the database is away for now rather than that the write is wrong: PostgreSQL
 * unreachable, or SQLite's file locked by another process. The same write may succeed later.
 */
export function isPassingStorageError(error: unknown): boolean {
  return isTransient(error) || isSqliteBusy(error);
}

/** Whether `error` is one this module names in words (and its stack would add nothing). */
export function isKnownStorageError(error: unknown): boolean {
  return sqliteCode(error) !== undefined || isTransient(error);
}

/** What went wrong, in one line without a stack. */
export function describeStorageError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = sqliteCode(error);
  if (code !== undefined) {
    if (isSqliteBusy(error))
      return `the SQLite database in DATA_DIR is locked by another process (another bot on the same folder, a backup?) (${code})`;
    if (code === 'SQLITE_FULL')
      return `the disk holding DATA_DIR is full, or the database reached its size limit (${code})`;
    if (code.startsWith('SQLITE_IOERR'))
      return `the disk holding DATA_DIR failed to read or write (${code}: ${message})`;
    if (code.startsWith('SQLITE_READONLY')) return `DATA_DIR cannot be written to (${code}: ${message})`;
    return `SQLite failed (${code}: ${message})`;
  }
  if (isTransient(error)) return `PostgreSQL is unreachable (${message})`;
  return message;
}
