import MiniSearch, { type Options } from 'minisearch';
import type { Passage } from '../types.ts';
import { analyzeKeys } from '../analysis/analyze.ts';
import { Vocabulary } from './vocabulary.ts';

/** Fields each passage is indexed under. */
type Field = 'text' | 'heading' | 'title' | 'context';
const FIELDS: Field[] = ['text', 'heading', 'title', 'context'];

export interface RetrievalTuning {
  /**
   * Field weights. The passage's own words count most; its section heading and the article title
   * say what the passage is about; the previous paragraph ("context") often names the subject a
   * paragraph only refers to ("Ruskega kolega je označil ..." follows "Kim je medtem poudaril").
   */
  boost: Record<Field, number>;
  /** BM25 parameters: `k` term-frequency saturation, `b` length normalisation, `d` floor. */
  bm25: { k: number; b: number; d: number };
}

export const DEFAULT_RETRIEVAL: RetrievalTuning = {
  boost: { text: 1, heading: 0.6, title: 0.3, context: 0.25 },
  bm25: { k: 1.2, b: 0.75, d: 0.5 },
};

interface IndexedFields {
  id: number;
  text: string;
  heading: string;
  title: string;
  context: string;
}

function miniSearchOptions(tuning: RetrievalTuning, tokenize: (text: string) => string[] = analyzeKeys): Options<IndexedFields> {
  return {
    fields: FIELDS,
    idField: 'id',
    storeFields: [],
    // Analysis happens once, in our analyzer: the index stores Slovene stem keys.
    tokenize,
    processTerm: (term) => term,
    searchOptions: {
      tokenize: (query) => query.split(' '),
      processTerm: (term) => term,
      boost: tuning.boost,
      bm25: tuning.bm25,
    },
  };
}

export interface Candidate {
  /** Position in `PassageIndex.passages`. */
  index: number;
  /** BM25 score over all fields, with the query weights applied. */
  score: number;
}

/** Serialised form; passages travel with it so a loaded index needs no corpus. */
export interface PassageIndexJSON {
  passages: Passage[];
  search: unknown;
  vocabulary: [string, number][];
}

/**
 * Full-text index over passages: minisearch's BM25 over Slovene stem keys, plus the vocabulary of
 * passage frequencies that the query side needs for typo tolerance and for weighing evidence.
 */
export class PassageIndex {
  private constructor(
    readonly passages: Passage[],
    private readonly search: MiniSearch<IndexedFields>,
    readonly vocabulary: Vocabulary,
  ) {}

  static build(passages: Passage[], tuning: RetrievalTuning = DEFAULT_RETRIEVAL): PassageIndex {
    // Each text is indexed up to three times (as a passage, as the next one's context, titles and
    // headings once per passage): analyse each distinct text once. Recent texts suffice.
    const recent = new Map<string, string[]>();
    const keysOf = (text: string): string[] => {
      let keys = recent.get(text);
      if (!keys) {
        keys = analyzeKeys(text);
        if (recent.size > 64) recent.delete(recent.keys().next().value!);
        recent.set(text, keys);
      }
      return keys;
    };
    const search = new MiniSearch<IndexedFields>(miniSearchOptions(tuning, keysOf));
    const keySets: Set<string>[] = [];
    passages.forEach((passage, i) => {
      const previous = passages[i - 1];
      const context = previous && previous.doc === passage.doc ? previous.text : '';
      const heading = passage.heading ?? '';
      search.add({ id: i, text: passage.text, heading, title: passage.title, context });
      keySets.push(new Set([...keysOf(heading), ...keysOf(passage.text)]));
    });
    return new PassageIndex(passages, search, Vocabulary.fromKeySets(keySets));
  }

  /** The best `limit` passages for the weighted keys, by BM25. */
  retrieve(weights: Map<string, number>, limit: number): Candidate[] {
    if (weights.size === 0) return [];
    const results = this.search.search([...weights.keys()].join(' '), {
      boostTerm: (term) => weights.get(term) ?? 1,
    });
    return results.slice(0, limit).map((r) => ({ index: r.id as number, score: r.score }));
  }

  toJSON(): PassageIndexJSON {
    return { passages: this.passages, search: this.search.toJSON(), vocabulary: this.vocabulary.toJSON() };
  }

  static fromJSON(json: PassageIndexJSON, tuning: RetrievalTuning = DEFAULT_RETRIEVAL): PassageIndex {
    const search = MiniSearch.loadJS<IndexedFields>(json.search as never, miniSearchOptions(tuning));
    return new PassageIndex(json.passages, search, Vocabulary.fromJSON(json.vocabulary, json.passages.length));
  }
}
