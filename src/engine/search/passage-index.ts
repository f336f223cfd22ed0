import type { Passage } from '../types.ts';
import { analyzeKeys } from '../analysis/analyze.ts';
import { Postings, PostingsBuilder, type Bm25Params, type PostingsJSON } from './postings.ts';
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
  bm25: Bm25Params;
}

export const DEFAULT_RETRIEVAL: RetrievalTuning = {
  boost: { text: 1, heading: 0.6, title: 0.3, context: 0.25 },
  bm25: { k: 1.2, b: 0.75, d: 0.5 },
};

export interface Candidate {
  /** Position in `PassageIndex.passages`. */
  index: number;
  /** BM25 score over all fields, with the query weights applied. */
  score: number;
}

/** Serialised form; passages travel with it so a loaded index needs no corpus. */
export interface PassageIndexJSON {
  passages: Passage[];
  postings: PostingsJSON;
  vocabulary: [string, number][];
}

/**
 * Full-text index over passages: field-weighted BM25 postings of Slovene stem keys (see
 * `postings.ts`), plus the vocabulary of passage frequencies that the query side needs for typo
 * tolerance and for weighing evidence.
 */
export class PassageIndex {
  private constructor(
    readonly passages: Passage[],
    private readonly postings: Postings,
    readonly vocabulary: Vocabulary,
    private readonly tuning: RetrievalTuning,
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
    const builder = new PostingsBuilder(FIELDS);
    const keySets: Set<string>[] = [];
    passages.forEach((passage, i) => {
      const previous = passages[i - 1];
      const text = keysOf(passage.text);
      const heading = keysOf(passage.heading ?? '');
      builder.add({
        text,
        heading,
        title: keysOf(passage.title),
        context: previous && previous.doc === passage.doc ? keysOf(previous.text) : [],
      });
      keySets.push(new Set([...heading, ...text]));
    });
    return new PassageIndex(passages, builder.build(), Vocabulary.fromKeySets(keySets), tuning);
  }

  /** The best `limit` passages for the weighted keys, by BM25. */
  retrieve(weights: Map<string, number>, limit: number): Candidate[] {
    if (weights.size === 0) return [];
    return this.postings.top(weights, this.tuning.boost, this.tuning.bm25, limit).map((s) => ({ index: s.id, score: s.score }));
  }

  toJSON(): PassageIndexJSON {
    return { passages: this.passages, postings: this.postings.toJSON(), vocabulary: this.vocabulary.toJSON() };
  }

  static fromJSON(json: PassageIndexJSON, tuning: RetrievalTuning = DEFAULT_RETRIEVAL): PassageIndex {
    return new PassageIndex(json.passages, Postings.fromJSON(json.postings), Vocabulary.fromJSON(json.vocabulary, json.passages.length), tuning);
  }
}
