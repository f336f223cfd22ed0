import type { Passage } from '../types.ts';
import { analyzeText } from '../analysis/text-tokens.ts';
import { Postings, PostingsBuilder, type Bm25Params, type PostingsJSON } from './postings.ts';
import { Vocabulary, type VocabularyJSON } from './vocabulary.ts';
import { NameCounter } from './names.ts';
import { BoundedCache } from '../util/bounded-cache.ts';
import { DocumentKeys, type DocumentKeysJSON } from './document-keys.ts';
import { titleWithDate } from '../corpus/title-with-date.ts';

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
  vocabulary: VocabularyJSON;
  documentKeys: DocumentKeysJSON;
}

/**
 * Full-text index over passages: field-weighted BM25 postings of Slovene stem keys (see
 * `postings.ts`), plus the vocabulary of passage frequencies that the query side needs for typo
 * tolerance and for weighing evidence.
 */
export class PassageIndex {
  /** For each passage, the number of its document (documents numbered in corpus order). */
  readonly documentOf: Int32Array;

  private constructor(
    readonly passages: Passage[],
    private readonly postings: Postings,
    readonly vocabulary: Vocabulary,
    readonly documentKeys: DocumentKeys,
    private readonly tuning: RetrievalTuning,
    documentOf?: Int32Array,
  ) {
    this.documentOf = documentOf ?? numberDocuments(passages);
  }

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
    return this.postings
      .top(weights, this.tuning.boost, this.tuning.bm25, limit)
      .map((s) => ({ index: s.id, score: s.score }));
  }

  toJSON(): PassageIndexJSON {
    return {
      passages: this.passages,
      postings: this.postings.toJSON(),
      vocabulary: this.vocabulary.toJSON(),
      documentKeys: this.documentKeys.toJSON(),
    };
  }

  /** For the builder: an index from its finished parts. */
  static assemble(
    passages: Passage[],
    postings: Postings,
    vocabulary: Vocabulary,
    documentKeys: DocumentKeys,
    tuning: RetrievalTuning,
    /** Each passage's document number, when known without reading the passages (a packed index's are made when read). */
    documentOf?: Int32Array,
  ): PassageIndex {
    return new PassageIndex(passages, postings, vocabulary, documentKeys, tuning, documentOf);
  }

  static fromJSON(json: PassageIndexJSON, tuning: RetrievalTuning = DEFAULT_RETRIEVAL): PassageIndex {
    return new PassageIndex(
      json.passages,
      Postings.fromJSON(json.postings),
      Vocabulary.fromJSON(json.vocabulary, json.passages.length),
      DocumentKeys.fromJSON(json.documentKeys),
      tuning,
    );
  }
}

/** Document numbers of passages: a new number whenever the document changes (passages come grouped by document). */
function numberDocuments(passages: Passage[]): Int32Array {
  const numbers = new Int32Array(passages.length);
  let current = -1;
  passages.forEach((p, i) => {
    if (i === 0 || passages[i - 1]!.doc !== p.doc) current++;
    numbers[i] = current;
  });
  return numbers;
}

const YIELD_EVERY = 500;
/** Texts whose keys the builder keeps: a passage's own, its neighbour's, its heading and title recur within a few passages. */
const RECENT_TEXTS = 64;

/** Indexes passages in order, in as many steps as the caller likes. */
class IndexBuilder {
  private readonly postings = new PostingsBuilder(FIELDS);
  private readonly keySets: Set<string>[] = [];
  /** Each passage's keys with its title's, by document number, for the document key lists. */
  private readonly documentPassages: { doc: number; keys: Set<string> }[] = [];
  /** Each document's title keys, once per document. */
  private readonly titleKeys: string[][] = [];
  private next = 0;
  // Each text is indexed up to three times (as a passage, as the next one's context, titles and
  // headings once per passage): analyse each distinct text once. Recent texts suffice.
  private readonly recent = new BoundedCache<string, string[]>(RECENT_TEXTS);
  private readonly names = new NameCounter();
  /**
   * The texts whose capitals are counted already: each distinct text once, whatever the cache of
   * recent texts forgot and analysed again (a heading shared by documents far apart, a long
   * article's title), so the names found do not depend on the cache's size or policy.
   */
  private readonly counted = new Set<string>();

  constructor(private readonly passages: Passage[]) {}

  get pending(): boolean {
    return this.next < this.passages.length;
  }

  private keysOf(text: string): string[] {
    return this.recent.getOrMake(text, () => {
      const tokens = analyzeText(text);
      if (!this.counted.has(text)) {
        this.counted.add(text);
        this.names.add(text, tokens);
      }
      return tokens.map((t) => t.key);
    });
  }

  addUpTo(end: number): void {
    for (; this.next < Math.min(end, this.passages.length); this.next++) {
      const passage = this.passages[this.next]!;
      const previous = this.passages[this.next - 1];
      const text = this.keysOf(passage.text);
      const heading = this.keysOf(passage.heading ?? '');
      const title = this.keysOf(titleWithDate(passage));
      if (previous?.doc !== passage.doc) this.titleKeys.push(title);
      this.postings.add({
        text,
        heading,
        title,
        context: previous && previous.doc === passage.doc ? this.keysOf(previous.text) : [],
      });
      const keys = new Set([...heading, ...text]);
      this.keySets.push(keys);
      const doc =
        this.documentPassages.length === 0
          ? 0
          : this.documentPassages[this.documentPassages.length - 1]!.doc + (previous?.doc === passage.doc ? 0 : 1);
      this.documentPassages.push({ doc, keys: new Set([...keys, ...title]) });
    }
  }

  finish(tuning: RetrievalTuning): PassageIndex {
    return PassageIndex.assemble(
      this.passages,
      this.postings.build(),
      Vocabulary.fromKeySets(this.keySets, this.names.names(), this.titleKeys),
      DocumentKeys.build(this.documentPassages),
      tuning,
    );
  }
}
