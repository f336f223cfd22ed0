import type { Span } from '../types.ts';
import { fold } from './fold.ts';
import { stemKey } from './stem.ts';
import { isStopword } from './stopwords.ts';
import { BoundedCache } from '../util/bounded-cache.ts';

/** A searchable word of a text: where it is and the key it is indexed under. */
export interface Token extends Span {
  key: string;
}

/**
 * Apostrophes as written: the typewriter one and the typographic ones. Translations write it as a
 * left quote as often as a right one ("O‘Hagan", "Sainsbury‘s"), and people type whichever their
 * keyboard gives. (The modifier letter ʼ is a letter to Unicode, and stays part of its word:
 * folding it away would shift the offsets of folded text, which cues are read by.)
 */
export const APOSTROPHE = "['’‘]";

/** What joins the parts of one word: hyphens and apostrophes ("Jong-un", "O'Neill"). */
const JOINER = `(?:[-‐‑]|${APOSTROPHE})`;

/**
 * Words, with inner hyphens or apostrophes kept together ("Jong-un", "vojaško-tehničnega").
 * Combining marks belong to the word, so decomposed (NFD) text tokenizes like composed text.
 */
export const WORD = new RegExp(
  `[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}]*(?:${JOINER}[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}]*)*`,
  'gu',
);
/** Tests for (or splits at) the joiner of a word. */
export const JOINERS = new RegExp(JOINER);
const ALL_JOINERS = new RegExp(JOINER, 'g');
/**
 * Case endings Slovenian writes after a hyphen on abbreviations and foreign names ending in a
 * vowel ("ETF-jev", "SEC-a", "NATO-m", "EU-ju"); a longer second part ("Jong-un") is a word.
 */
const CASE_ENDING_AFTER_HYPHEN = /^(?:j?(?:a|u|e|i|o|om|em|ov|ev|ih|ah|im|ami|ema|oma)|m|mi|h)$/;

/** Index keys of written words; news reuses its words, so most lookups hit. */
const wordKeys = new BoundedCache<string, string | null>(300_000);

/** Index key of a single written word, or null for a stop word. */
export function keyOfWord(word: string): string | null {
  return wordKeys.getOrMake(word, (w) => {
    const folded = fold(w);
    return isStopword(folded) ? null : stemKey(folded);
  });
}

/**
 * Tokens of `text` in order, stop words removed. A hyphenated word yields its joined form
 * ("jongun") and its parts ("jong", "un"), so "Kim Jong-un", "Jong-una" and "jong un" meet.
 */
export function analyze(text: string, words: Iterable<RegExpExecArray> = text.matchAll(WORD)): Token[] {
  const tokens: Token[] = [];
  for (const match of words) {
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
    tokens.push({
      start,
      end: start + word.length,
      key: joinedKey(fold(word).replace(ALL_JOINERS, ''), fold(parts.at(-1)!)),
    });
    let offset = start;
    for (const part of parts) {
      // A one-letter part ("o-" of a prefix, "s" of "'s") says nothing on its own.
      const key = part.length > 1 ? keyOfWord(part) : null;
      if (key !== null) tokens.push({ start: offset, end: offset + part.length, key });
      offset += part.length + 1;
    }
  }
  return tokens;
}

/**
 * The key of a hyphenated word written as one ("jongilom" for "Jong-ilom"). The stemmer may read
 * a short last part as an ending and cut it off whole ("jongil" → "jong", as "delil" → "del"),
 * and then "Jong-il" would be "Jong-un": the last part of a name is never all ending. The key
 * then keeps the last part's first two letters, which its case forms share ("Jong-il",
 * "Jong-ila", "Jong-ilom" → "jongil"; "drive-in", "drive-ina" → "drivein").
 */
function joinedKey(joined: string, lastPart: string): string {
  const key = stemKey(joined);
  const firstParts = joined.length - lastPart.length;
  return key.length > firstParts ? key : joined.slice(0, firstParts + Math.min(KEPT_OF_LAST_PART, lastPart.length));
}
/** Letters of a hyphenated word's last part its key keeps when the stemmer would cut them all. */
const KEPT_OF_LAST_PART = 2;

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
