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
export const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-‐‑'’][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*/gu;
const JOINERS = /[-‐‑'’]/;
/**
 * Case endings Slovenian writes after a hyphen on abbreviations and foreign names ending in a
 * vowel ("ETF-jev", "SEC-a", "NATO-m", "EU-ju"); a longer second part ("Jong-un") is a word.
 */
const CASE_ENDING_AFTER_HYPHEN = /^(?:j?(?:a|u|e|i|o|om|em|ov|ev|ih|ah|im|ami|ema|oma)|m|mi|h)$/;

/** Index key of a single written word, or null for a stop word; cached, as news reuses its words. */
const wordKeys = new Map<string, string | null>();
const WORD_CACHE_LIMIT = 300_000;

export function keyOfWord(word: string): string | null {
  let key = wordKeys.get(word);
  if (key === undefined) {
    const folded = fold(word);
    key = isStopword(folded) ? null : stemKey(folded);
    if (wordKeys.size < WORD_CACHE_LIMIT) wordKeys.set(word, key);
  }
  return key;
}

/**
 * Tokens of `text` in order, stop words removed. A hyphenated word yields its joined form
 * ("jongun") and its parts ("jong", "un"), so "Kim Jong-un", "Jong-una" and "jong un" meet.
 */
export function analyze(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    const start = match.index;
    if (!JOINERS.test(word)) {
      const key = keyOfWord(word);
      if (key !== null) tokens.push({ start, end: start + word.length, key });
      continue;
    }
    const parts = word.split(JOINERS);
    if (parts.length === 2 && CASE_ENDING_AFTER_HYPHEN.test(fold(parts[1]!))) {
      // "ETF-jev", "SEC-a", "EU-ju": an abbreviation with its case ending is the abbreviation.
      const key = keyOfWord(parts[0]!);
      if (key !== null) tokens.push({ start, end: start + word.length, key });
      continue;
    }
    tokens.push({ start, end: start + word.length, key: stemKey(fold(word).replace(/[-‐‑'’]/g, '')) });
    let offset = start;
    for (const part of parts) {
      const key = part.length > 1 ? keyOfWord(part) : null;
      if (key !== null) tokens.push({ start: offset, end: offset + part.length, key });
      offset += part.length + 1;
    }
  }
  return tokens;
}

/** A written word: its token (the joined key for a hyphenated word) and the keys of its parts. */
export interface Word {
  token: Token;
  parts: string[];
}

/**
 * One entry per written word, in order: a hyphenated word's parts are folded into it. Used where
 * word order matters (phrases in synonym groups and questions).
 */
export function analyzeWords(text: string): Word[] {
  const words: Word[] = [];
  for (const token of analyze(text)) {
    const last = words[words.length - 1];
    if (last && token.start >= last.token.start && token.end <= last.token.end) last.parts.push(token.key);
    else words.push({ token, parts: [] });
  }
  return words;
}

/** Just the keys, for indexing. */
export function analyzeKeys(text: string): string[] {
  return analyze(text).map((t) => t.key);
}
