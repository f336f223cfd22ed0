/**
 * What a citation of a passage shows, in one place: a reload reports a passage whose shown fields
 * changed as changed. A packed index stores a digest of these fields per passage, so a reload of a
 * large corpus compares digests instead of making every passage of both indexes (their texts
 * decoded, and the collections that go with it, on the answering thread).
 */
import { createHash } from 'node:crypto';
import type { Passage } from './types.ts';

const CITED_FIELDS = ['text', 'heading', 'title', 'date', 'url', 'lang'] as const satisfies readonly (keyof Passage)[];

/** Words of a digest (two 32-bit words: a collision between an old and a new passage is out of reach). */
export const DIGEST_WORDS = 2;

/** Whether a passage with the same id would be quoted or cited differently. */
export function citedDifferently(a: Passage, b: Passage): boolean {
  return CITED_FIELDS.some((field) => a[field] !== b[field]);
}

type Cited = Pick<Passage, (typeof CITED_FIELDS)[number]>;

function citedHash(p: Cited): Buffer {
  return createHash('sha1')
    .update(JSON.stringify(CITED_FIELDS.map((field) => p[field] ?? null)))
    .digest();
}

/** Digests of the cited fields, `DIGEST_WORDS` words per passage in corpus order. */
export function citedDigests(passages: readonly Cited[]): Uint32Array {
  const digests = new Uint32Array(passages.length * DIGEST_WORDS);
  passages.forEach((p, i) => {
    const hash = citedHash(p);
    for (let w = 0; w < DIGEST_WORDS; w++) digests[i * DIGEST_WORDS + w] = hash.readUInt32LE(w * 4);
  });
  return digests;
}

/**
 * Passage `i`'s digest in `digests` as a string, to find the same citation under another id (a
 * reload's moved paragraphs); the same string `citedKey` makes of the passage itself.
 */
export function digestKey(digests: Uint32Array, i: number): string {
  return Array.from(digests.subarray(i * DIGEST_WORDS, (i + 1) * DIGEST_WORDS)).join(',');
}

/** `digestKey` of one passage, for an engine that has no digests (one built here, not packed). */
export function citedKey(passage: Cited): string {
  const hash = citedHash(passage);
  return Array.from({ length: DIGEST_WORDS }, (_, w) => hash.readUInt32LE(w * 4)).join(',');
}

/**
 * A digest of what a passage says (its text alone), for keeping with an answer: after a reload,
 * the same id with the same digest is the same passage, whatever happened to the article's title,
 * date or url (which an answer shows from the live corpus anyway).
 */
export function textDigest(passage: Pick<Passage, 'text'>): string {
  let digest = textDigests.get(passage);
  if (digest === undefined) {
    digest = createHash('sha1').update(passage.text).digest('hex').slice(0, 16);
    textDigests.set(passage, digest);
  }
  return digest;
}

/** Each passage's text digest once: every saved answer keeps its passages' digests (passages are read-only). */
const textDigests = new WeakMap<Pick<Passage, 'text'>, string>();

/** Whether passage `i` of `a` and passage `j` of `b` have the same digest. */
export function sameDigest(a: Uint32Array, i: number, b: Uint32Array, j: number): boolean {
  for (let w = 0; w < DIGEST_WORDS; w++) if (a[i * DIGEST_WORDS + w] !== b[j * DIGEST_WORDS + w]) return false;
  return true;
}
