/**
 * An engine packed into one buffer (see `layout.ts`): on the thread that built or read it, so the
 * answering thread only has to assemble it (`unpack.ts`). Passages are stored column by column,
 * whatever fields they have, so a field added to `Passage` travels without a change here.
 */
import type { Engine } from '../engine.ts';
import type { CorpusNote } from '../types.ts';
import { INDEX_FORMAT, PACKED_FORMAT } from '../formats.ts';
import type { PostingsJSON } from '../search/postings.ts';
import { PackedWriter, type PoolRef } from './layout.ts';
import { vocabularyParts } from './vocabulary.ts';
import { buildIdTable } from './id-table.ts';

export { PACKED_FORMAT };

/** One passage field: which passages have it and what value (number, string from a dictionary, null). */
export interface ColumnMeta {
  key: string;
  /** Per passage: 0 absent, 1 null, 2 number, 3 string. */
  tags: string;
  numbers?: string;
  strings?: { index: string; dictionary: PoolRef };
}

/**
 * Lists by index key, concatenated in the order of the key table (`PackedMeta.keys`): postings and
 * document keys. Key `i`'s list is `values[offsets[i]..offsets[i + 1])`, empty when it has none.
 */
export interface KeyedListsMeta {
  offsets: string;
  values: string;
}

export interface PackedMeta {
  format: typeof PACKED_FORMAT;
  indexFormat: typeof INDEX_FORMAT;
  version: string;
  dir: string;
  synonyms: string[][];
  /**
   * The per-document summaries, each as its JSON text: kept out of the header, whose JSON is parsed
   * in one piece (7 000 documents made it 1 MB, 20 ms of parsing), so they are read a slice at a time.
   */
  documents: PoolRef;
  /** What the moderators should look at in the corpus (see `CorpusNote`): a few, in the header. */
  notes: CorpusNote[];
  passageCount: number;
  columns: ColumnMeta[];
  /**
   * Each passage's document number (an i32 section): read as it lies, where working it out from
   * the passages' `doc` made every passage (see `lazy-list.ts`).
   */
  documentOf: string;
  /** Digests of what each passage's citation shows (a u32 section, see `cited.ts`): what a reload compares. */
  citedDigests: string;
  /** Passages by id (see `id-table.ts`): each id's hash (a u32 section) and the table's slots (i32). */
  idTable: { hashes: string; slots: string };
  /**
   * Every index key, each once: the vocabulary's keys first (in its order), then any other key a
   * posting list or a document list has. The lists, the vocabulary's sorted keys and its families
   * name keys by position here, so the answering thread decodes each key once.
   */
  keys: PoolRef;
  postings: {
    count: number;
    /** `averageLength` is BM25's average field length, summed here rather than by the answering thread. */
    fields: { name: string; lists: KeyedListsMeta; freqs: string; lengths: string; averageLength: number }[];
  };
  vocabulary: {
    /** Its keys are the key table's first `keyCount`, with their document frequencies in `df`. */
    keyCount: number;
    df: string;
    passageCount: number;
    names: PoolRef;
    /** The sorted keys as positions in `keys`. */
    sorted: string;
    families: PoolRef;
    /** For each family, where its members start in `familyMembers` (positions in `keys`). */
    familyOffsets: string;
    familyMembers: string;
  };
  documentKeys: KeyedListsMeta;
  folded: { ids: PoolRef; texts: PoolRef };
}

const TAG = { absent: 0, null: 1, number: 2, string: 3 } as const;

/** Packs `engine` into one transferable buffer. Slow on a large corpus: call it off the answering thread. */
export function packEngine(engine: Engine): ArrayBuffer {
  const parts = engine.parts();
  const json = parts.index.toJSON();
  const writer = new PackedWriter();
  const passages = json.passages as unknown as Record<string, unknown>[];
  const folded = parts.folded.list();

  const vocab = vocabularyParts(parts.index.vocabulary);
  const keys = [...vocab.df.keys()];
  const position = new Map(keys.map((k, i) => [k, i]));
  const keyCount = keys.length;
  const listed = [...Object.values(json.postings.fields).map((f) => f.keys), json.documentKeys.keys];
  for (const key of listed.flat())
    if (!position.has(key)) {
      position.set(key, keys.length);
      keys.push(key);
    }
  const families = [...vocab.families];
  const familyOffsets = new Int32Array(families.length + 1);
  families.forEach(([, members], i) => (familyOffsets[i + 1] = familyOffsets[i]! + members.length));
  const familyMembers = new Int32Array(familyOffsets[families.length]!);
  families.forEach(([, members], i) =>
    members.forEach((m, j) => (familyMembers[familyOffsets[i]! + j] = position.get(m)!)),
  );

  const meta: PackedMeta = {
    format: PACKED_FORMAT,
    indexFormat: INDEX_FORMAT,
    version: parts.version,
    dir: parts.dir,
    synonyms: parts.synonyms,
    documents: writer.pool(parts.documents.map((d) => JSON.stringify(d))),
    notes: parts.notes,
    passageCount: passages.length,
    columns: packColumns(passages, writer),
    documentOf: writer.array(Int32Array.from(parts.index.documentOf)),
    citedDigests: writer.array(parts.citedDigests),
    idTable: packIdTable(passages, writer),
    keys: writer.pool(keys),
    postings: packPostings(json.postings, position, writer),
    vocabulary: {
      keyCount,
      df: writer.array(Uint32Array.from(vocab.df.values())),
      passageCount: vocab.passageCount,
      names: writer.pool([...vocab.names]),
      sorted: writer.array(Int32Array.from(vocab.sorted, (k) => position.get(k)!)),
      families: writer.pool(families.map(([family]) => family)),
      familyOffsets: writer.array(familyOffsets),
      familyMembers: writer.array(familyMembers),
    },
    documentKeys: packKeyedLists(json.documentKeys.keys, json.documentKeys.docs, position, writer),
    folded: {
      ids: writer.pool(folded.map((f) => f.id)),
      texts: writer.pool(folded.map((f) => f.text)),
    },
  };
  return writer.finish(meta);
}

function packIdTable(passages: Record<string, unknown>[], writer: PackedWriter): PackedMeta['idTable'] {
  const { hashes, slots } = buildIdTable(passages.map((p) => p.id as string));
  return { hashes: writer.array(hashes), slots: writer.array(slots) };
}

/** Passages column by column: each field's values as numbers, dictionary strings or null, per passage. */
function packColumns(passages: Record<string, unknown>[], writer: PackedWriter): ColumnMeta[] {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const p of passages)
    for (const key of Object.keys(p))
      if (!seen.has(key)) {
        seen.add(key);
        keys.push(key);
      }
  return keys.map((key) => {
    const tags = new Uint8Array(passages.length);
    let numbers: Float64Array | undefined;
    let indexes: Int32Array | undefined;
    const dictionary = new Map<string, number>();
    passages.forEach((p, i) => {
      const value = p[key];
      if (value === undefined) tags[i] = TAG.absent;
      else if (value === null) tags[i] = TAG.null;
      else if (typeof value === 'number') {
        tags[i] = TAG.number;
        (numbers ??= new Float64Array(passages.length))[i] = value;
      } else if (typeof value === 'string') {
        tags[i] = TAG.string;
        let at = dictionary.get(value);
        if (at === undefined) dictionary.set(value, (at = dictionary.size));
        (indexes ??= new Int32Array(passages.length))[i] = at;
      } else throw new Error(`cannot pack passage field "${key}" holding a ${typeof value}`);
    });
    return {
      key,
      tags: writer.array(tags),
      ...(numbers ? { numbers: writer.array(numbers) } : {}),
      ...(indexes
        ? { strings: { index: writer.array(indexes), dictionary: writer.pool([...dictionary.keys()]) } }
        : {}),
    };
  });
}

function packPostings(
  postings: PostingsJSON,
  position: Map<string, number>,
  writer: PackedWriter,
): PackedMeta['postings'] {
  return {
    count: postings.count,
    fields: Object.entries(postings.fields).map(([name, field]) => {
      const { offsets, values } = inTableOrder(field.keys, field.docs, position, Int32Array);
      // The frequencies line up with the passages: the same offsets serve both.
      const freqs = inTableOrder(field.keys, field.freqs, position, Uint16Array).values;
      return {
        name,
        lists: { offsets: writer.array(offsets), values: writer.array(values) },
        freqs: writer.array(freqs),
        lengths: writer.array(Uint16Array.from(field.lengths)),
        averageLength: averageOf(field.lengths),
      };
    }),
  };
}

/** BM25's average field length, summed in the order `Postings` sums it for a freshly built index. */
function averageOf(lengths: readonly number[]): number {
  let total = 0;
  for (let i = 0; i < lengths.length; i++) total += lengths[i]!;
  return lengths.length > 0 ? total / lengths.length : 0;
}

function packKeyedLists(
  keys: string[],
  lists: number[][],
  position: Map<string, number>,
  writer: PackedWriter,
): KeyedListsMeta {
  const { offsets, values } = inTableOrder(keys, lists, position, Int32Array);
  return { offsets: writer.array(offsets), values: writer.array(values) };
}

/** `lists` (one per key of `keys`) concatenated in key-table order, with where each key's starts. */
function inTableOrder<T extends Int32Array | Uint16Array>(
  keys: string[],
  lists: number[][],
  position: Map<string, number>,
  Type: new (length: number) => T,
): { offsets: Int32Array; values: T } {
  const byPosition = new Array<number[] | undefined>(position.size);
  keys.forEach((key, i) => (byPosition[position.get(key)!] = lists[i]));
  const offsets = new Int32Array(position.size + 1);
  for (let i = 0; i < position.size; i++) offsets[i + 1] = offsets[i]! + (byPosition[i]?.length ?? 0);
  const values = new Type(offsets[position.size]!);
  byPosition.forEach((list, i) => list && values.set(list, offsets[i]!));
  return { offsets, values };
}
