/** Short random keys for stored answers: 72 bits, 12 URL-safe characters, no collision to fear. */
import { randomBytes } from 'node:crypto';

const KEY_BYTES = 9;
/**
 * Random bytes are drawn for 512 keys at a time: one call into the system's generator per key
 * showed up in the profile of a burst of answers (each answer takes a key, each logged question
 * one or two). The bytes are as random either way; they are used once each.
 */
const POOL_BYTES = KEY_BYTES * 512;
let pool = Buffer.alloc(0);
let at = 0;

export function newAnswerKey(): string {
  if (at + KEY_BYTES > pool.length) {
    pool = randomBytes(POOL_BYTES);
    at = 0;
  }
  const key = pool.toString('base64url', at, at + KEY_BYTES);
  at += KEY_BYTES;
  return key;
}

/** What a key looks like, for rejecting a forged button id before it reaches a database. */
export const ANSWER_KEY_PATTERN = /^[A-Za-z0-9_-]{1,16}$/;
