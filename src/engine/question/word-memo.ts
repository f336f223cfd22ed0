/**
 * Memory of how the engine reads single question words: a word's alternatives (word family,
 * extensions, typo neighbours, wordnet synonyms, related words), the typo reading of a word
 * neither the corpus nor everyday Slovenian knows, whether a form is one edit from a corpus word,
 * and the two words a form the corpus lacks splits into. People asking about one article reuse
 * its words ("sporazum", "Putin", "hvala", "zanima me"), and working these out was about a third
 * of answering a question not asked before, the same words again and again.
 *
 * Every entry depends on the corpus vocabulary and synonym groups (and the process's lexicon), so
 * a memo belongs to one index: `wordMemoFor` keys it by the index's vocabulary. A reload builds a
 * new index with a new vocabulary, so answers from it start with an empty memo, and the old memo
 * goes with the old index. Entries are read-only: answers share them.
 */
import type { Lexicon } from '../lexicon/lexicon.ts';
import type { Alternative } from '../search/alternatives.ts';
import type { SynonymTable } from '../search/synonyms.ts';
import type { Vocabulary } from '../search/vocabulary.ts';
import type { WordSplit } from './spacing.ts';
import { LruCache } from '../util/lru-cache.ts';

/**
 * Words remembered per kind of analysis: far more than the distinct words a server's questions
 * use in a day, and a few megabytes at most (an entry is a handful of short arrays).
 */
export const WORDS_REMEMBERED = 4096;

/** The likeliest corpus word a misspelt word stands for, and the runners-up. */
export interface TypoReading {
  key: string;
  form: string;
  otherReadings: string[];
}

export class WordMemo {
  /** A word's alternatives, by everything the analysis reads of the word. */
  readonly alternatives: LruCache<string, readonly Alternative[]>;
  /** By folded form: its reading, null when nothing near is known, 'drop' for a misspelt question word. */
  readonly typoReadings: LruCache<string, TypoReading | null | 'drop'>;
  /** By folded form: some word one edit away is a corpus word of substance. */
  readonly nearCorpusWord: LruCache<string, boolean>;
  /**
   * By folded form: some word one edit away is a corpus word everyday speech lists. Asked of the
   * run-together words of many questions ("kolikolet"), each time looking up a few hundred strings.
   */
  readonly nearListedCorpusWord: LruCache<string, boolean>;
  /** By folded form (or two forms, NUL between them): the two words likeliest meant, null when none (see `mendSpacing`). */
  readonly splits: LruCache<string, WordSplit | null>;

  /** `limit` 0 remembers nothing (every analysis is worked out, as without a memo). */
  constructor(limit = WORDS_REMEMBERED) {
    this.alternatives = new LruCache(limit);
    this.typoReadings = new LruCache(limit);
    this.nearCorpusWord = new LruCache(limit);
    this.nearListedCorpusWord = new LruCache(limit);
    this.splits = new LruCache(limit);
  }
}

interface OwnedMemo {
  synonyms: SynonymTable;
  lex: Lexicon;
  memo: WordMemo;
}

const memos = new WeakMap<Vocabulary, OwnedMemo>();

/** The memo of the index whose vocabulary this is, made on first use (anew if asked with other synonyms or lexicon). */
export function wordMemoFor(vocab: Vocabulary, synonyms: SynonymTable, lex: Lexicon): WordMemo {
  const owned = memos.get(vocab);
  if (owned && owned.synonyms === synonyms && owned.lex === lex) return owned.memo;
  const memo = new WordMemo();
  memos.set(vocab, { synonyms, lex, memo });
  return memo;
}
