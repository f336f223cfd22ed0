/**
 * An engine assembled from a packed buffer (`pack.ts`) on the answering thread, a few
 * milliseconds at a time (`Slices`): strings decoded from their pools, passages made from their
 * columns when first read, postings and document keys as views into the buffer (no copy), the vocabulary's tree
 * filled in slices. Nothing is indexed or analysed here.
 */
import { Engine } from '../engine.ts';
import type { Vocabulary } from '../search/vocabulary.ts';
import { FoldedBytes, FoldedList, type FoldedSearch } from '../folded.ts';
import type { CorpusInfo, Passage } from '../types.ts';
import { DEFAULT_RETRIEVAL, PassageIndex } from '../search/passage-index.ts';
import { Postings } from '../search/postings.ts';
import { DocumentKeys } from '../search/document-keys.ts';
import type { PackedReader } from './layout.ts';
import type { KeyedListsMeta, PackedMeta } from './pack.ts';
import { checkPacked, PackedFormatError } from './check.ts';
import { restoreVocabulary, type TreeInSlices } from './vocabulary.ts';
import { KeyedNumbers, KeyedViews, KeyTable } from './keyed-views.ts';
import { Slices } from './slices.ts';
import { lazyList } from './lazy-list.ts';
import { FamiliesLater } from './families-later.ts';
import { PackedIds } from './id-table.ts';

/** Keys put in the key table's map between two looks at the clock. */
const KEYS_PER_STEP = 64;

type FieldPostings = ConstructorParameters<typeof Postings>[0] extends Map<string, infer F> ? F : never;

export { checkPacked, PackedFormatError };

/** How `unpackEngine` assembles. */
export interface UnpackOptions {
  /**
   * Hand the engine back before the parts an answer needs only for some words or look-ups are
   * made (the vocabulary's radix tree for typos, 0.4 s of a 100 000-passage start; the passages
   * by id): they are made a slice at a time right after, and whatever needs one first makes it at
   * once. For a start; a reload swaps in a whole engine.
   */
  finishLater?: boolean;
  /**
   * With `finishLater`: what is left is made only once this settles (the bot is ready), so it does
   * not take turns from the start itself. The language files and synonyms are prepared then too.
   */
  finishAfter?: Promise<unknown>;
}

/** The engine packed in `buffer`. `dir` replaces the saved corpus folder (the corpus may have moved). */
export async function unpackEngine(
  buffer: ArrayBuffer,
  slices: Slices,
  dir?: string,
  { finishLater = false, finishAfter }: UnpackOptions = {},
): Promise<Engine> {
  const { reader, meta } = checkPacked(buffer);
  // Each step below takes milliseconds on a large index: the event loop is handed back between them.
  if (slices.dueNow()) await slices.pause();
  const { passages, documentOf, idAt, ids } = unpackPassages(reader, meta);
  if (slices.dueNow()) await slices.pause();
  const keys = await reader.pool(meta.keys, slices);
  const table = new KeyTable(keys);
  for (let i = 0; i < keys.length; i += KEYS_PER_STEP) {
    table.add(i, Math.min(keys.length, i + KEYS_PER_STEP));
    if (slices.due()) await slices.pause();
  }
  const postings = unpackPostings(reader, meta.postings, table);
  const vocabularyMeta = meta.vocabulary;
  const df = reader.array(vocabularyMeta.df, 'u32');
  if (df.length !== vocabularyMeta.keyCount)
    throw new Error('packed index: the frequencies do not match the key table');
  const dfMap = new KeyedNumbers(table, df);
  const familyNames = await reader.pool(vocabularyMeta.families, slices);
  const familyOffsets = reader.array(vocabularyMeta.familyOffsets, 'i32');
  const familyMembers = reader.array(vocabularyMeta.familyMembers, 'i32');
  const membersOf = (i: number): string[] => {
    const members: string[] = [];
    for (let j = familyOffsets[i]!; j < familyOffsets[i + 1]!; j++) members.push(keys[familyMembers[j]!]!);
    return members;
  };
  // For a start, made once the bot is ready (or at the first question); for a reload, a slice at a time now.
  let families: Map<string, string[]>;
  let familiesLater: FamiliesLater | undefined;
  if (finishLater)
    families = familiesLater = new FamiliesLater((into) =>
      familyNames.forEach((name, i) => into.set(name, membersOf(i))),
    );
  else {
    families = new Map<string, string[]>();
    for (let i = 0; i < familyNames.length; i++) {
      families.set(familyNames[i]!, membersOf(i));
      if (slices.due()) await slices.pause();
    }
  }
  let tree: TreeInSlices | undefined;
  const sortedPositions = reader.array(vocabularyMeta.sorted, 'i32');
  const vocabulary = await restoreVocabulary(
    {
      df: dfMap,
      passageCount: vocabularyMeta.passageCount,
      names: new Set(await reader.pool(vocabularyMeta.names, slices)),
      // For a start, made at their first use or once the bot is ready (see `finish`).
      sorted: finishLater ? () => keysAtOnce(sortedPositions, keys) : await keysAt(sortedPositions, keys, slices),
      families,
    },
    slices,
    finishLater ? (filling) => (tree = filling) : undefined,
  );
  const documentKeys = new DocumentKeys(keyedViews(reader, meta.documentKeys, table, 'i32'));
  const index = PassageIndex.assemble(passages, postings, vocabulary, documentKeys, DEFAULT_RETRIEVAL, documentOf);

  const folded = await unpackFolded(reader, meta.folded, slices);
  // Each parsed when first read (`/about`), as the passages are.
  const documents = reader.lazyPool(meta.documents);
  const summaries = lazyList(documents.length, (i) => JSON.parse(documents.at(i)) as CorpusInfo['documents'][number]);
  const engine = Engine.assemble({
    index,
    synonyms: meta.synonyms,
    documents: summaries,
    notes: meta.notes,
    version: meta.version,
    loadedAt: new Date(),
    dir: dir ?? meta.dir,
    idAt,
    ids,
    citedDigests: reader.array(meta.citedDigests, 'u32'),
    folded,
    languageLater: finishLater,
  });
  if (finishLater) void Promise.resolve(finishAfter).finally(() => finish(engine, vocabulary, tree!, familiesLater!));
  else {
    // A reload's key stubs for typo mending, before it is swapped in, a slice at a time.
    for (const _ of vocabulary.stubsInSteps()) if (slices.due()) await slices.pause();
    // Ids read from their column alone (`idAt`), where the packed id table cannot serve (see `unpackPassages`).
    await engine.indexIdsInSlices(slices);
  }
  return engine;
}

/** The keys at `positions`, a slice at a time (50 000 of them took 5 to 30 ms in one piece). */
async function keysAt(positions: Int32Array, keys: readonly string[], slices: Slices): Promise<string[]> {
  const out = new Array<string>(positions.length);
  for (let i = 0; i < positions.length; i++) {
    out[i] = keys[positions[i]!]!;
    if (slices.due()) await slices.pause();
  }
  return out;
}

/** The keys at `positions`, in one piece. */
function keysAtOnce(positions: Int32Array, keys: readonly string[]): string[] {
  return Array.from(positions, (p) => keys[p]!);
}

/** Makes what `finishLater` left, a slice at a time (whatever is asked for first is made at once). */
async function finish(
  engine: Engine,
  vocabulary: Vocabulary,
  tree: TreeInSlices,
  families: FamiliesLater,
): Promise<void> {
  const slices = new Slices();
  // In one piece each (a fifth of a second, tens of ms): the first question would do it anyway.
  engine.prepareToAnswer();
  await slices.pause();
  // Else the first question that may be English loads it, in the middle of answering.
  engine.prepareForEnglish();
  await slices.pause();
  families.complete();
  await slices.pause();
  // The sorted keys, if no question has made them yet (in one piece: some 10 ms on an idle machine).
  vocabulary.extending('', 0);
  await slices.pause();
  // The keys' stubs for typo mending, a slice at a time.
  for (const _ of vocabulary.stubsInSteps()) if (slices.due()) await slices.pause();
  await tree.fill(slices);
  await engine.indexIdsInSlices(slices);
}

/** Autocomplete's folded ids and texts, searched as the UTF-8 bytes they are packed as (see `folded.ts`). */
async function unpackFolded(reader: PackedReader, meta: PackedMeta['folded'], slices: Slices): Promise<FoldedSearch> {
  const ids = reader.utf8(meta.ids);
  const texts = reader.utf8(meta.texts);
  if (ids && texts) return new FoldedBytes(ids, texts);
  // A lone surrogate somewhere (UTF-8 cannot hold it): strings, as the pools decode them.
  const foldedIds = await reader.pool(meta.ids, slices);
  const foldedTexts = await reader.pool(meta.texts, slices);
  return new FoldedList(foldedIds.map((id, i) => ({ id, text: foldedTexts[i]! })));
}

/** The passages, each made from its columns when first read (see `lazy-list.ts`), and each one's document number. */
function unpackPassages(
  reader: PackedReader,
  meta: PackedMeta,
): { passages: Passage[]; documentOf: Int32Array; idAt: (i: number) => string; ids?: PackedIds } {
  const count = meta.passageCount;
  const columns = meta.columns.map((c) => ({
    key: c.key,
    tags: reader.array(c.tags, 'u8'),
    numbers: c.numbers === undefined ? undefined : reader.array(c.numbers, 'f64'),
    index: c.strings === undefined ? undefined : reader.array(c.strings.index, 'i32'),
    dictionary: c.strings === undefined ? undefined : reader.lazyPool(c.strings.dictionary),
  }));
  const makers = new Map<number, PassageMaker>();
  const values: unknown[] = [];
  const passageAt = (i: number): Passage => {
    // Which fields this passage has, as bits (a passage has a few dozen fields at most), and their values in order.
    let shape = 0;
    values.length = 0;
    for (let j = 0; j < columns.length; j++) {
      const c = columns[j]!;
      const tag = c.tags[i];
      if (tag === 0) continue;
      shape += 2 ** j;
      values.push(tag === 1 ? null : tag === 2 ? c.numbers![i] : c.dictionary!.at(c.index![i]!));
    }
    let make = makers.get(shape);
    if (!make)
      makers.set(
        shape,
        (make = passageMaker(columns.filter((_, j) => Math.floor(shape / 2 ** j) % 2 === 1).map((c) => c.key))),
      );
    return make(values);
  };
  const ids = columns.find((c) => c.key === 'id');
  if (count > 0 && (!ids?.index || !ids.dictionary)) throw new Error('packed index: the passages have no id column');
  const dictionary = meta.columns.find((c) => c.key === 'id')?.strings?.dictionary;
  return {
    passages: lazyList(count, passageAt),
    documentOf: reader.array(meta.documentOf, 'i32'),
    idAt: (i) => ids!.dictionary!.at(ids!.index![i]!),
    // The table compares UTF-8 bytes: not for ids UTF-8 cannot hold (a lone surrogate), which the engine maps itself.
    ids:
      dictionary && dictionary.odd.length === 0
        ? new PackedIds(reader.array(meta.idTable.hashes, 'u32'), reader.array(meta.idTable.slots, 'i32'), {
            bytes: reader.array(dictionary.bytes, 'u8'),
            offsets: reader.array(dictionary.byteOffsets, 'i32'),
            index: ids!.index!,
          })
        : undefined,
  };
}

type PassageMaker = (values: readonly unknown[]) => Passage;

/**
 * A function making passages with these fields from their values, as one object literal: each
 * passage is then allocated at its full size in one go, its fields in the object itself, where
 * setting them one by one on an empty object grew each passage's property storage three times over
 * (garbage the answering thread collects) through a store that saw a dozen different names (slow).
 * The names are written as JSON string literals, so no name can be read as code.
 */
function passageMaker(keys: string[]): PassageMaker {
  const fields = keys.map((key, i) => `${JSON.stringify(key)}: values[${i}]`);
  return new Function('values', `return { ${fields.join(', ')} };`) as PassageMaker;
}

function unpackPostings(reader: PackedReader, meta: PackedMeta['postings'], table: KeyTable): Postings {
  const fields = new Map<string, FieldPostings>();
  for (const field of meta.fields) {
    const docs = keyedViews(reader, field.lists, table, 'i32');
    const freqs = new KeyedViews(table, reader.array(field.lists.offsets, 'i32'), reader.array(field.freqs, 'u16'));
    const lengths = reader.array(field.lengths, 'u16');
    fields.set(field.name, { docs, freqs, lengths, averageLength: field.averageLength });
  }
  return new Postings(fields, meta.count);
}

/** Keyed lists as views into the buffer, each made when first asked for (see `keyed-views.ts`). */
function keyedViews(reader: PackedReader, meta: KeyedListsMeta, table: KeyTable, kind: 'i32'): KeyedViews<Int32Array> {
  const offsets = reader.array(meta.offsets, 'i32');
  if (offsets.length !== table.keys.length + 1) throw new Error('packed index: keyed lists do not match the key table');
  return new KeyedViews(table, offsets, reader.array(meta.values, kind));
}
