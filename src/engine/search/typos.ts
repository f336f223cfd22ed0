/**
 * Typos in question words: a word neither the corpus nor everyday Slovenian knows is read as the
 * likeliest corpus word one edit away, and a misspelt question word is dropped.
 */
import { oneEditAway } from '../analysis/edits.ts';
import { fold } from '../analysis/fold.ts';
import { isStopword } from '../analysis/stopwords.ts';
import { isQuestionWord } from '../question/answer-type.ts';
import { stemKey } from '../analysis/stem.ts';
import type { Lexicon } from '../lexicon/lexicon.ts';
import type { TypoReading, WordMemo } from '../question/word-memo.ts';
import {
  GENUINE_WORD_COUNT,
  isEverydayWord,
  MATCH_WEIGHTS,
  MAX_TYPO_LENGTH,
  nameInCase,
  nameWithOtherVowel,
  type Word,
} from './alternatives.ts';
import type { Vocabulary } from './vocabulary.ts';
import type { SynonymTable } from './synonyms.ts';

/** Shorter words are not corrected: one edit turns them into too many other words. */
export const MIN_TYPO_LENGTH = 4;
/** A misspelt stop word this long ("kolkio") is dropped rather than read as a rare topic word. */
const MIN_MISSPELT_QUESTION_WORD = 5;
/**
 * The shortest key whose everyday family vouches for a word that only a made-up reading would
 * mend (see `typoReading`). Shorter than `isEverydayWord` asks, as the reading is no word either.
 */
const MIN_EVERYDAY_FAMILY_KEY = 4;
/** The longest capitalised word read as a corpus name with another vowel ending ("Bona" for "Bone"). */
const MAX_REVOWELLED_NAME = 5;
/** The shortest key of a name read with one letter doubled or undoubled (see `nameWithOtherDoubling`). */
const MIN_REDOUBLED_NAME = 5;
/**
 * A word the wordnet lists (with this long a key) is a real word, however seldom it is said
 * ("ognjenik", for the corpus's "vulkan"): its synonyms find the corpus's word, a typo reading
 * would find another ("ognjen").
 */
const MIN_DICTIONARY_KEY = 5;
const foldedLemma = (lex: Lexicon, key: string) => {
  const lemma = lex.synonyms.lemmaOf(key);
  return lemma === undefined ? undefined : fold(lemma);
};
/**
 * How much commoner in speech a function word one typo away must be than the likeliest corpus word
 * as close for the typed word to be read as the function word: an order of magnitude.
 */
const FUNCTION_WORD_ODDS = 10;
/** Readings of a misspelt word kept, the likeliest first. */
const MAX_TYPO_READINGS = 3;

/** What the corpus knows (its index keys and its synonyms' keys), made by `knownKeysOf`. */
export interface KnownKeys {
  knownKey: (key: string) => boolean;
  /** False only when `knownKey` is false for the folded string's key: no need to stem it (see `KeyStubs`). */
  mayBeKnown: (folded: string) => boolean;
}

/** The two tests of `KnownKeys` on the same keys, so that the quick one never rules out a known key. */
export function knownKeysOf(vocab: Vocabulary, synonyms: SynonymTable): KnownKeys {
  return {
    knownKey: (key) => vocab.has(key) || synonyms.knows(key),
    mayBeKnown: (folded) => vocab.mayHaveKeyOf(folded) || synonyms.mayHaveKeyOf(folded),
  };
}

/**
 * Mends words that neither the corpus nor everyday Slovenian knows but that are one typo away from
 * a word the corpus knows ("uvajnaju" → "uvajanju"), and drops misspelt question words ("Kolkio")
 * instead of treating them as rare topic words. A real word the corpus lacks ("star") is left as
 * it is: "correcting" it would invent a match.
 */
export function mendTypos(words: Word[], known: KnownKeys, lex: Lexicon, vocab: Vocabulary, memo: WordMemo): Word[] {
  const mended: Word[] = [];
  for (const word of words) {
    const { form } = word;
    const doubled =
      word.question.capitalised && !word.question.acronym && word.parts.length === 0 && !known.knownKey(word.key)
        ? nameWithOtherDoubling(word.key, vocab)
        : undefined;
    if (doubled !== undefined) {
      mended.push({ ...word, key: doubled, weight: MATCH_WEIGHTS.typo });
      continue;
    }
    if (
      word.parts.length > 0 ||
      known.knownKey(word.key) ||
      form.length < MIN_TYPO_LENGTH ||
      form.length > MAX_TYPO_LENGTH ||
      isEverydayWord(form, word.key, lex) ||
      (word.key.length >= MIN_DICTIONARY_KEY && foldedLemma(lex, word.key) === form)
    ) {
      mended.push(word);
      continue;
    }
    const name =
      nameInCase(word.key, vocab) ??
      (word.question.capitalised && !word.question.acronym && form.length <= MAX_REVOWELLED_NAME
        ? nameWithOtherVowel(word.key, vocab)
        : undefined);
    if (name !== undefined) {
      mended.push({ ...word, key: name, weight: MATCH_WEIGHTS.nameCase });
      continue;
    }
    const reading = memo.typoReadings.getOrMake(form, () => typoReading(form, known, lex, vocab));
    if (reading === 'drop') continue;
    if (!reading) mended.push(word);
    // The likeliest reading leads; close runners-up stay as alternatives ("povdaril": "poudaril" or "podaril").
    else
      mended.push({
        ...word,
        key: reading.key,
        form: reading.form,
        weight: MATCH_WEIGHTS.typo,
        otherReadings: reading.otherReadings,
      });
  }
  return mended;
}

/**
 * The corpus name a capitalised word is with one letter of its key doubled or undoubled
 * ("Harrington" for the corpus's "Harington", "Hilary" for "Hillary"): whether a foreign name
 * doubles a letter is the spelling people remember least. Asked before the everyday-word test, as
 * such a misspelling is often another real name ("Harrington") that the corpus does not mention.
 * The key is changed, not the word: a word changed and stemmed again may lose a longer ending and
 * land on a shorter, unrelated name ("Mitchell" → "mitch…"). Not for short keys, where one letter
 * more or less makes another name ("Lev", "Leev").
 */
function nameWithOtherDoubling(key: string, vocab: Vocabulary): string | undefined {
  if (key.length < MIN_REDOUBLED_NAME || key.length > MAX_TYPO_LENGTH) return undefined;
  for (let i = 1; i <= key.length; i++) {
    const undoubled = key[i] === key[i - 1] ? key.slice(0, i) + key.slice(i + 1) : undefined;
    if (undoubled !== undefined && vocab.isName(undoubled)) return undoubled;
    const doubled = key.slice(0, i) + key[i - 1] + key.slice(i);
    if (vocab.isName(doubled)) return doubled;
  }
  return undefined;
}

/**
 * What a word unknown to the corpus and to everyday speech stands for: the likeliest known word
 * one typo away, null when there is none (or when the only one is made up and the word is real,
 * see below), 'drop' for a misspelt question word. Depends on the form alone (and the corpus), so
 * it is remembered by form.
 */
function typoReading(
  form: string,
  { knownKey, mayBeKnown }: KnownKeys,
  lex: Lexicon,
  vocab: Vocabulary,
): TypoReading | null | 'drop' {
  // People seldom mistype a word's first letter; a name the corpus lacks ("Piranu") is not
  // another one without it ("Iranu").
  const candidates = [...oneEditAway(form)].filter((c) => c[0] === form[0]);
  // Long question words are the ones users misspell ("Kolkio"); short ones collide with content
  // words. A misspelt chat filler or talk about the article ("člnaku") is dropped too: it says
  // nothing about what is asked.
  const long = (c: string) => c.length >= MIN_MISSPELT_QUESTION_WORD;
  const misspelt = (isFunctionWord: (c: string) => boolean) =>
    long(form) && candidates.some((c) => long(c) && isFunctionWord(c));
  if (misspelt((c) => isQuestionWord(c) || lex.chat.isFiller(c))) return 'drop';
  const fixes = new Map<string, { form: string; key: string; score: number }>();
  for (const candidate of candidates) {
    if (!mayBeKnown(candidate)) continue;
    const key = stemKey(candidate);
    if (!knownKey(key)) continue;
    // Like a spelling corrector: among equally close words, the ones most used, in speech and in the corpus.
    const score = lex.words.count(candidate) + vocab.frequency(key);
    if ((fixes.get(key)?.score ?? -1) < score) fixes.set(key, { form: candidate, key, score });
  }
  // Another function word is dropped only when it is more than ten times as common in speech as
  // the likeliest corpus word as close: "čeprov" is "čeprav", not a rare corpus word, while
  // "dalež" is read as the corpus's "delež" ("daleč" is 8 times as common).
  const likeliestFix = Math.max(0, ...[...fixes.values()].map((f) => lex.words.count(f.form)));
  if (misspelt((c) => isStopword(c) && lex.words.count(c) > FUNCTION_WORD_ODDS * likeliestFix)) return 'drop';
  const [best, ...others] = [...fixes.values()].sort((a, b) => b.score - a.score);
  if (!best) return null;
  // A reading unlisted in everyday speech whose own family everyday speech does use ("obehovo"
  // for "orehovo" → "obeh…", "ocetala" for "očitala" → "ocet…") matches its key by chance, while
  // the typed word's own family is everyday too: the word is real, the corpus just lacks it. (A
  // reading whose family speech does not list, such as "sankcije", is the corpus's own word.)
  const typedKey = stemKey(form);
  if (
    lex.words.count(best.form) === 0 &&
    lex.words.keyCount(best.key) > 0 &&
    typedKey.length >= MIN_EVERYDAY_FAMILY_KEY &&
    lex.words.keyCount(typedKey) >= GENUINE_WORD_COUNT
  )
    return null;
  return { key: best.key, form: best.form, otherReadings: others.slice(0, MAX_TYPO_READINGS - 1).map((o) => o.key) };
}
