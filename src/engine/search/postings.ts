/**
 * Field-weighted BM25 over compact posting lists.
 *
 * minisearch scores a query by walking Maps of Maps and allocating a result object per matching
 * passage; on 100 000 passages a question touching a few thousand passages costs tens of
 * milliseconds. The same formula over typed arrays and one reused score buffer costs well under
 * a millisecond, so retrieval uses these lists while minisearch's radix tree (`SearchableMap`)
 * keeps serving the vocabulary: typo and prefix look-ups.
 *
 * The score is minisearch's BM25 (same idf, `k`, `b`, `d` and field boosts), so tuning carries
 * over: for each query key with weight `w` and each field with boost `f`,
 * `w · f · idf · (d + tf·(k+1) / (tf + k·(1 − b + b·len/avgLen)))`.
 */

export interface Bm25Params {
  /** Term-frequency saturation. */
  k: number;
  /** Length normalisation. */
  b: number;
  /** Floor added to every match, so one more matched word always counts. */
  d: number;
}

/** Term frequencies and field lengths are stored in 16 bits; longer counts are capped (they no longer change a BM25 score). */
const MAX_COUNT = 65_535;

/** BM25's inverse document frequency of a term found in `df` of `total` documents (minisearch's formula). */
export function bm25Idf(total: number, df: number): number {
  return Math.log(1 + (total - df + 0.5) / (df + 0.5));
}

/** The postings of one field: for each key, the passages that hold it and how often. */
interface FieldPostings {
  // Read-only maps: a packed index hands in maps that make each view when first asked for (transfer/keyed-views.ts).
  docs: ReadonlyMap<string, Int32Array>;
  freqs: ReadonlyMap<string, Uint16Array>;
  lengths: Uint16Array;
  averageLength: number;
}

/** Serialised form: plain arrays, since typed arrays do not survive JSON. */
export interface PostingsJSON {
  count: number;
  fields: Record<string, { keys: string[]; docs: number[][]; freqs: number[][]; lengths: number[] }>;
}

/** Collects postings passage by passage, then freezes them into typed arrays. */
export class PostingsBuilder {
  private readonly docs = new Map<string, Map<string, number[]>>();
  private readonly freqs = new Map<string, Map<string, number[]>>();
  private readonly lengths = new Map<string, number[]>();
  private count = 0;

  constructor(private readonly fields: readonly string[]) {
    for (const field of fields) {
      this.docs.set(field, new Map());
      this.freqs.set(field, new Map());
      this.lengths.set(field, []);
    }
  }

  /** Adds the next passage (ids are consecutive from 0) with the keys of each field. */
  add(keysByField: Record<string, string[]>): void {
    const id = this.count++;
    for (const field of this.fields) {
      const keys = keysByField[field] ?? [];
      this.lengths.get(field)!.push(Math.min(keys.length, MAX_COUNT));
      const counts = new Map<string, number>();
      for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
      const docs = this.docs.get(field)!;
      const freqs = this.freqs.get(field)!;
      for (const [key, tf] of counts) {
        let list = docs.get(key);
        if (!list) {
          list = [];
          docs.set(key, list);
          freqs.set(key, []);
        }
        list.push(id);
        freqs.get(key)!.push(Math.min(tf, MAX_COUNT));
      }
    }
  }

  build(): Postings {
    const fields = new Map<string, FieldPostings>();
    for (const field of this.fields) {
      const docs = new Map<string, Int32Array>();
      const freqs = new Map<string, Uint16Array>();
      for (const [key, list] of this.docs.get(field)!) {
        docs.set(key, Int32Array.from(list));
        freqs.set(key, Uint16Array.from(this.freqs.get(field)!.get(key)!));
      }
      fields.set(field, withLengths(docs, freqs, Uint16Array.from(this.lengths.get(field)!)));
    }
    return new Postings(fields, this.count);
  }
}

function withLengths(
  docs: Map<string, Int32Array>,
  freqs: Map<string, Uint16Array>,
  lengths: Uint16Array,
): FieldPostings {
  let total = 0;
  for (const length of lengths) total += length;
  return { docs, freqs, lengths, averageLength: lengths.length > 0 ? total / lengths.length : 0 };
}

export interface Scored {
  id: number;
  score: number;
}

export class Postings {
  /** Reused between queries: scoring allocates nothing per matching passage. */
  private scores: Float64Array;
  private touched: Int32Array;

  constructor(
    private readonly fields: Map<string, FieldPostings>,
    readonly count: number,
  ) {
    this.scores = new Float64Array(count);
    this.touched = new Int32Array(count);
  }

  /** The `limit` best passages for weighted keys, best first (ties: earlier passage first). */
  top(weights: Map<string, number>, boosts: Record<string, number>, params: Bm25Params, limit: number): Scored[] {
    const { scores, touched } = this;
    let touchedCount = 0;
    const { k, b, d } = params;
    for (const [field, boost] of Object.entries(boosts)) {
      const postings = this.fields.get(field);
      if (!postings || boost === 0) continue;
      const avg = postings.averageLength || 1;
      for (const [key, weight] of weights) {
        const docs = postings.docs.get(key);
        if (!docs) continue;
        const freqs = postings.freqs.get(key)!;
        const n = docs.length;
        const idf = bm25Idf(this.count, n);
        const factor = weight * boost * idf;
        for (let i = 0; i < n; i++) {
          const doc = docs[i]!;
          const tf = freqs[i]!;
          const norm = 1 - b + (b * postings.lengths[doc]!) / avg;
          if (scores[doc] === 0) touched[touchedCount++] = doc;
          scores[doc]! += factor * (d + (tf * (k + 1)) / (tf + k * norm));
        }
      }
    }
    const best = selectTop(scores, touched, touchedCount, limit);
    for (let i = 0; i < touchedCount; i++) scores[touched[i]!] = 0;
    return best;
  }

  toJSON(): PostingsJSON {
    const fields: PostingsJSON['fields'] = {};
    for (const [name, field] of this.fields) {
      const keys = [...field.docs.keys()];
      fields[name] = {
        keys,
        docs: keys.map((key) => Array.from(field.docs.get(key)!)),
        freqs: keys.map((key) => Array.from(field.freqs.get(key)!)),
        lengths: Array.from(field.lengths),
      };
    }
    return { count: this.count, fields };
  }

  static fromJSON(json: PostingsJSON): Postings {
    const fields = new Map<string, FieldPostings>();
    for (const [name, field] of Object.entries(json.fields)) {
      const docs = new Map(field.keys.map((key, i) => [key, Int32Array.from(field.docs[i]!)] as const));
      const freqs = new Map(field.keys.map((key, i) => [key, Uint16Array.from(field.freqs[i]!)] as const));
      fields.set(name, withLengths(docs, freqs, Uint16Array.from(field.lengths)));
    }
    return new Postings(fields, json.count);
  }
}

/** The `limit` highest scores among the touched passages, without sorting all of them. */
function selectTop(scores: Float64Array, touched: Int32Array, touchedCount: number, limit: number): Scored[] {
  const heap: Scored[] = [];
  const worse = (a: Scored, c: Scored) => a.score < c.score || (a.score === c.score && a.id > c.id);
  for (let i = 0; i < touchedCount; i++) {
    const id = touched[i]!;
    const score = scores[id]!;
    if (heap.length < limit) {
      heap.push({ id, score });
      siftUp(heap, heap.length - 1, worse);
      continue;
    }
    // Most touched passages lose to the heap's weakest: compare before allocating an entry.
    const weakest = heap[0]!;
    if (score < weakest.score || (score === weakest.score && id > weakest.id)) continue;
    heap[0] = { id, score };
    siftDown(heap, 0, worse);
  }
  return heap.sort((a, c) => (worse(a, c) ? 1 : worse(c, a) ? -1 : 0));
}

function siftUp(heap: Scored[], i: number, worse: (a: Scored, b: Scored) => boolean): void {
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!worse(heap[i]!, heap[parent]!)) return;
    [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
    i = parent;
  }
}

function siftDown(heap: Scored[], i: number, worse: (a: Scored, b: Scored) => boolean): void {
  for (;;) {
    const left = 2 * i + 1;
    const right = left + 1;
    let smallest = i;
    if (left < heap.length && worse(heap[left]!, heap[smallest]!)) smallest = left;
    if (right < heap.length && worse(heap[right]!, heap[smallest]!)) smallest = right;
    if (smallest === i) return;
    [heap[i], heap[smallest]] = [heap[smallest]!, heap[i]!];
    i = smallest;
  }
}
