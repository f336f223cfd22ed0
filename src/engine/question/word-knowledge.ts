/** What the question-mending steps need to know about a folded word form. */
export interface WordKnowledge {
  /** The corpus (its passages or its synonym groups) has a word with this word's index key. */
  inCorpus(form: string): boolean;
  /** How often the form is used in everyday Slovenian; 0 when unlisted. */
  count(form: string): number;
  /** Uses of all listed forms with the form's index key: its word family in everyday speech. */
  familyCount(form: string): number;
  /** All uses of all listed words together: `count` over it is a word's share of speech. */
  total: number;
  isStopword(form: string): boolean;
  /** The corpus writes the form's key as a name, capitalised ("Al" of "Sis Al Jufri"), seldom in small letters. */
  isCorpusName(form: string): boolean;
  /**
   * The form is a word and not just something the stemmer cuts down to a known key
   * ("putinovaocena" → "putin"): a listed word, or one whose key is no more than an ending shorter.
   */
  isWord(form: string): boolean;
  /** Some word one edit away from the form is a corpus word of substance: the form is likely its typo. */
  nearCorpusWord(form: string): boolean;
  /**
   * Some word one edit away is a corpus word that is also a listed Slovenian word: one people
   * write. It implies `nearCorpusWord` (a listed word is a word), which `mendSpacing` relies on.
   */
  nearListedCorpusWord(form: string): boolean;
  /** Some word one edit away other than `besides` is a corpus word of substance (as `nearCorpusWord`). */
  nearCorpusWordBesides(form: string, besides: string): boolean;
}

/** Known at all: used in the corpus or listed as a Slovenian word. */
export const isKnown = (k: WordKnowledge, form: string) => k.inCorpus(form) || k.count(form) > 0;
