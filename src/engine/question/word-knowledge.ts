/** What the question-mending steps need to know about a folded word form. */
export interface WordKnowledge {
  /** The corpus (its passages or its synonym groups) has a word with this word's index key. */
  inCorpus(form: string): boolean;
  /** How often the form is used in everyday Slovenian; 0 when unlisted. */
  count(form: string): number;
  isStopword(form: string): boolean;
}

/** Known at all: used in the corpus or listed as a Slovenian word. */
export const isKnown = (k: WordKnowledge, form: string) => k.inCorpus(form) || k.count(form) > 0;
