/** Short random keys for stored answers: 72 bits, 12 URL-safe characters, no collision to fear. */
import { randomBytes } from 'node:crypto';

export function newAnswerKey(): string {
  return randomBytes(9).toString('base64url');
}

/** What a key looks like, for rejecting a forged button id before it reaches a database. */
export const ANSWER_KEY_PATTERN = /^[A-Za-z0-9_-]{1,16}$/;
