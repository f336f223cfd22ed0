import type { Span } from '../types.ts';
import { fold } from './fold.ts';
import { stemKey } from './stem.ts';
import { isStopword } from './stopwords.ts';

/** A searchable word of a text: where it is and the key it is indexed under. */
export interface Token extends Span {
  key: string;
}

/**
 * Words, with inner hyphens or apostrophes kept together ("Jong-un", "vojaško-tehničnega").
 * Combining marks belong to the word, so decomposed (NFD) text tokenizes like composed text.
 */
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-‐‑'’][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*/gu;
const JOINERS = /[-‐‑'’]/;

/**
 * Tokens of `text` in order, stop words removed. A hyphenated word yields its joined form
 * ("jongun") and its parts ("jong", "un"), so "Kim Jong-un", "Jong-una" and "jong un" meet.
 */
export function analyze(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    const start = match.index;
    const folded = fold(word);
    if (!JOINERS.test(word)) {
      if (!isStopword(folded)) tokens.push({ start, end: start + word.length, key: stemKey(folded) });
      continue;
    }
    tokens.push({ start, end: start + word.length, key: stemKey(folded.replace(/[-‐‑'’]/g, '')) });
    let offset = start;
    for (const part of word.split(JOINERS)) {
      const partFolded = fold(part);
      if (part.length > 1 && !isStopword(partFolded)) tokens.push({ start: offset, end: offset + part.length, key: stemKey(partFolded) });
      offset += part.length + 1;
    }
  }
  return tokens;
}

/**
 * One key per written word: the joined key for hyphenated words, without their parts. Used where
 * word order matters (phrases in synonym groups and questions).
 */
export function analyzeWords(text: string): Token[] {
  const words: Token[] = [];
  for (const token of analyze(text)) {
    const last = words[words.length - 1];
    if (last && token.start >= last.start && token.end <= last.end) continue;
    words.push(token);
  }
  return words;
}

/** Just the keys, for indexing. */
export function analyzeKeys(text: string): string[] {
  return analyze(text).map((t) => t.key);
}
