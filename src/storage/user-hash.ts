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

/**
 * Hashes of the members seen lately, by salt and id. Every answer stores its asker's hash and
 * every button press compares one, and an HMAC (a new keyed hash object each time) cost more than
 * the rest of saving an answer's state; members ask and press again and again. Bounded: the
 * oldest is dropped first. It holds nothing a store does not already hold while it runs.
 */
const recent = new Map<string, string>();
const RECENT_KEPT = 10_000;

/** The stored stand-in for `userId`. 128 bits are plenty to keep members of one answer apart. */
export function userHash(salt: string, userId: string): string {
  const id = `${salt}\u0000${userId}`;
  let hash = recent.get(id);
  if (hash === undefined) {
    hash = createHmac('sha256', salt).update(userId).digest('base64url').slice(0, 22);
    recent.set(id, hash);
    if (recent.size > RECENT_KEPT) recent.delete(recent.keys().next().value!);
  }
  return hash;
}
