/**
 * User ids are never stored: a keyed hash (HMAC-SHA-256 with a per-database secret salt) stands
 * for them. The same member always gets the same hash in one database, so a second vote is
 * recognised, but the hash cannot be turned back into an id, nor matched across databases.
 */
import { createHmac, randomBytes } from 'node:crypto';

/** A new random salt, made once when a database is created. */
export function newSalt(): string {
  return randomBytes(32).toString('base64url');
}

/** The stored stand-in for `userId`. 128 bits are plenty to keep members of one answer apart. */
export function userHash(salt: string, userId: string): string {
  return createHmac('sha256', salt).update(userId).digest('base64url').slice(0, 22);
}
