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
    const builder = new IndexBuilder(passages);
    builder.addUpTo(passages.length);
    return builder.finish(tuning);
  }

  /**
   * Same as `build`, but hands the event loop back every few hundred passages, so a long-running
   * bot keeps acknowledging interactions while a large corpus is re-indexed beside the live one.
   */
  static async buildYielding(passages: Passage[], tuning: RetrievalTuning = DEFAULT_RETRIEVAL): Promise<PassageIndex> {
    const builder = new IndexBuilder(passages);
    for (let end = YIELD_EVERY; builder.pending; end += YIELD_EVERY) {
      builder.addUpTo(end);
      await new Promise((resolve) => setImmediate(resolve));
    }
    return builder.finish(tuning);
  }

  /** The best `limit` passages for the weighted keys, by BM25. */
  retrieve(weights: Map<string, number>, limit: number): Candidate[] {
    if (weights.size === 0) return [];
    return this.postings.top(weights, this.tuning.boost, this.tuning.bm25, limit).map((s) => ({ index: s.id, score: s.score }));
  }

  toJSON(): PassageIndexJSON {
    return { passages: this.passages, postings: this.postings.toJSON(), vocabulary: this.vocabulary.toJSON() };
  }

  /** For the builder: an index from its finished parts. */
  static assemble(passages: Passage[], postings: Postings, vocabulary: Vocabulary, tuning: RetrievalTuning): PassageIndex {
    return new PassageIndex(passages, postings, vocabulary, tuning);
  }

  static fromJSON(json: PassageIndexJSON, tuning: RetrievalTuning = DEFAULT_RETRIEVAL): PassageIndex {
    return new PassageIndex(json.passages, Postings.fromJSON(json.postings), Vocabulary.fromJSON(json.vocabulary, json.passages.length), tuning);
  }
}

const YIELD_EVERY = 500;

/** Indexes passages in order, in as many steps as the caller likes. */
class IndexBuilder {
  private readonly postings = new PostingsBuilder(FIELDS);
  private readonly keySets: Set<string>[] = [];
  private next = 0;
  // Each text is indexed up to three times (as a passage, as the next one's context, titles and
  // headings once per passage): analyse each distinct text once. Recent texts suffice.
  private readonly recent = new Map<string, string[]>();

  constructor(private readonly passages: Passage[]) {}

  get pending(): boolean {
    return this.next < this.passages.length;
  }

  private keysOf(text: string): string[] {
    let keys = this.recent.get(text);
    if (!keys) {
      keys = analyzeKeys(text);
      if (this.recent.size > 64) this.recent.delete(this.recent.keys().next().value!);
      this.recent.set(text, keys);
    }
    return keys;
  }

  addUpTo(end: number): void {
    for (; this.next < Math.min(end, this.passages.length); this.next++) {
      const passage = this.passages[this.next]!;
      const previous = this.passages[this.next - 1];
      const text = this.keysOf(passage.text);
      const heading = this.keysOf(passage.heading ?? '');
      this.postings.add({
        text,
        heading,
        title: this.keysOf(passage.title),
        context: previous && previous.doc === passage.doc ? this.keysOf(previous.text) : [],
      });
      this.keySets.push(new Set([...heading, ...text]));
    }
  }

  finish(tuning: RetrievalTuning): PassageIndex {
    return PassageIndex.assemble(this.passages, this.postings.build(), Vocabulary.fromKeySets(this.keySets), tuning);
  }
}
