/**
 * The engine facade the faces use: load a corpus folder, answer questions, look passages up.
 * Plain TypeScript: nothing here knows about Discord.
 */
import { createHash } from 'node:crypto';
import type { Answer, CorpusDiff, CorpusDocument, CorpusInfo, CorpusNote, Passage } from './types.ts';
import { chunkDocument, longParagraphNotes, type ChunkOptions } from './corpus/chunk.ts';
import { loadCorpus } from './corpus/load.ts';
import { PassageIndex, type PassageIndexJSON, type RetrievalTuning } from './search/passage-index.ts';
import { SynonymTable } from './search/synonyms.ts';
import { answerQuestion, rankPassages, DEFAULT_RANKING, type Ranking, type RankingTuning } from './answer/answer.ts';
import { fold } from './analysis/fold.ts';
import { FoldedList, foldPassages, type FoldedSearch } from './folded.ts';
import { lexicon } from './lexicon/lexicon.ts';
import { parseQuestion } from './search/query.ts';
import { Slices } from './transfer/slices.ts';
import { loadEngine, type CacheProblem } from './index-cache.ts';
import { INDEX_FORMAT } from './formats.ts';
import { citedDifferently, citedDigests, citedKey, digestKey, sameDigest } from './cited.ts';
import type { PackedIds } from './transfer/id-table.ts';
import { reserveAnalyses } from './answer/passage-analysis.ts';
import { idsMeantBy, paragraphNumber } from './typed-id.ts';
import { pointsBack } from './question/points-back.ts';

export interface AskOptions {
  /** How many passages to return (default `DEFAULT_PASSAGES_PER_ANSWER`). */
  limit?: number;
  /** Overrides of the ranking and abstain tuning (evaluation and experiments). */
  tuning?: Partial<RankingTuning>;
  /**
   * False: work the answer out even if the question was asked before, and do not remember it
   * (`npm run bench` times the answer path, not the memory).
   */
  remember?: boolean;
}

export interface EngineOptions extends ChunkOptions {
  synonyms?: string[][];
  /** Folder the corpus came from, for `info()`. */
  dir?: string;
  /** Field boosts and BM25 parameters (evaluation and experiments). */
  retrieval?: RetrievalTuning;
}

/**
 * Below this sum of concept weights (each 0 for the commonest words, 1 for the rarest) a question
 * names too little to stand on its own: one word of middling frequency. No answerable evaluation
 * question weighs less than 0.55; "zakaj je to rekel?" weighs 0.11, "kaj pa drugi?" 0.28.
 */
const SLIGHT_QUESTION_WEIGHT = 0.5;
/** Version of the serialised index: bump it in `formats.ts` (the worker reads it from there). */
export { INDEX_FORMAT };

/**
 * Hex digits of the content hash shown as the corpus version: short enough to read out of
 * `/about`, and 48 bits, so two versions of one corpus practically never share one.
 */
const VERSION_HEX_DIGITS = 12;

/**
 * Autocomplete suggestions when the caller does not say how many: a screenful. (The Discord face
 * always asks for as many as Discord shows.)
 */
export const DEFAULT_SUGGESTIONS = 25;

/**
 * Answers kept per engine for questions asked again word for word. Under a burst many people ask
 * the same thing, and an answer costs a millisecond or more on a large corpus; a few hundred
 * answers take well under a megabyte.
 */
export const REMEMBERED_ANSWERS = 512;

/** Serialised engine: everything needed to answer without re-reading or re-indexing the corpus. */
export interface EngineJSON {
  format: typeof INDEX_FORMAT;
  index: PassageIndexJSON;
  synonyms: string[][];
  documents: CorpusInfo['documents'];
  notes: CorpusNote[];
  version: string;
  loadedAt: string;
  dir: string;
}

/** What an engine is made of, whether freshly indexed or restored from a saved index. */
export interface EngineParts {
  index: PassageIndex;
  /** Synonym groups as read (kept to save them with the index). */
  synonyms: string[][];
  documents: CorpusInfo['documents'];
  /** What the moderators should look at in the corpus (see `CorpusNote`); none when absent. */
  notes?: CorpusNote[];
  version: string;
  loadedAt: Date;
  /** Folder the corpus came from ('' when it was not read from one). */
  dir: string;
  /** Passage `i`'s id without making the passage (a packed index); by default read from the passage. */
  idAt?: (i: number) => string;
  /** Passages by id from a packed index (see `transfer/id-table.ts`): then no id map is made. */
  ids?: PackedIds;
  /** Digests of what each passage's citation shows (see `cited.ts`), when a packed index brought them. */
  citedDigests?: Uint32Array;
  /** Folded ids and texts for autocomplete, when already made (else the first suggestion makes them). */
  folded?: FoldedSearch;
  /** `prepareToAnswer` is called by the caller later (a start, see `unpackEngine`), not now. */
  languageLater?: boolean;
}

export type { FoldedPassage } from './folded.ts';

export class Engine {
  private readonly index: PassageIndex;
  private readonly synonyms: string[][];
  private readonly documents: CorpusInfo['documents'];
  /** What the moderators should look at in the corpus, which loaded all the same: `/reload` and `--verbose` show it. */
  readonly notes: readonly CorpusNote[];
  private readonly dir: string;
  readonly version: string;
  readonly loadedAt: Date;
  /** Passage positions by id: made in slices by `indexIdsInSlices`, or at once on first use before then. */
  private numberOfIdMap?: Map<string, number>;
  private readonly idAt: (i: number) => string;
  private readonly packedIds?: PackedIds;
  private readonly citedDigests?: Uint32Array;
  /** Made at the first question: its groups are analysed, which a start from a saved index need not wait for. */
  private synonymTableMade?: SynonymTable;
  /** Folded ids and texts for autocomplete, made on first use: each keystroke then only compares. */
  private folded?: FoldedSearch;
  /** Recent answers by limit and question text, least recently asked first (see `REMEMBERED_ANSWERS`). */
  private readonly remembered = new Map<string, Answer>();

  private constructor(parts: EngineParts) {
    this.index = parts.index;
    this.synonyms = parts.synonyms;
    this.documents = parts.documents;
    this.notes = parts.notes ?? [];
    this.dir = parts.dir;
    this.version = parts.version;
    this.loadedAt = parts.loadedAt;
    this.idAt = parts.idAt ?? ((i) => this.index.passages[i]!.id);
    this.packedIds = parts.ids;
    this.citedDigests = parts.citedDigests;
    this.folded = parts.folded;
    reserveAnalyses(this.index.passages.length + this.documents.length);
    if (!parts.languageLater) this.prepareToAnswer();
  }

  /**
   * Loads and indexes every corpus file in `dir`. Throws `CorpusError` listing every problem.
   * Indexing yields to the event loop now and then, so a bot reloading a large corpus goes on
   * answering meanwhile.
   */
  static async fromDirectory(dir: string, options: ChunkOptions = {}): Promise<Engine> {
    const corpus = await loadCorpus(dir);
    const { passages, synonyms, documents, notes } = prepare(corpus.documents, {
      ...options,
      synonyms: corpus.synonyms,
    });
    const index = await PassageIndex.buildYielding(passages);
    return new Engine({
      index,
      synonyms,
      documents,
      notes,
      version: versionOf(passages, synonyms),
      loadedAt: new Date(),
      dir,
    });
  }

  /**
   * Indexes already-loaded documents (used by benchmarks and tests). `synonyms` are groups of
   * equivalent words or phrases, as in the corpus folder's `synonyms.txt`.
   */
  static fromDocuments(documents: CorpusDocument[], options: EngineOptions = {}): Engine {
    const { passages, synonyms, documents: docs, notes } = prepare(documents, options);
    const index = PassageIndex.build(passages, options.retrieval);
    return new Engine({
      index,
      synonyms,
      documents: docs,
      notes,
      version: versionOf(passages, synonyms),
      loadedAt: new Date(),
      dir: options.dir ?? '',
    });
  }

  /**
   * An engine from parts made elsewhere (`transfer/`: another thread, a packed index file), so
   * nothing large is built on the thread that calls this.
   */
  static assemble(parts: EngineParts): Engine {
    return new Engine(parts);
  }

  /** Its parts, with the lazily made ones made now: for `transfer/`, to move or save the engine whole. */
  parts(): Required<Omit<EngineParts, 'ids'>> {
    this.folded ??= this.foldPassages();
    return {
      index: this.index,
      synonyms: this.synonyms,
      documents: this.documents,
      notes: [...this.notes],
      version: this.version,
      loadedAt: this.loadedAt,
      dir: this.dir,
      idAt: this.idAt,
      citedDigests: this.citedDigests ?? citedDigests(this.index.passages),
      folded: this.folded,
      languageLater: false,
    };
  }

  /**
   * Loads what every answer needs, so the first question does not wait for it: the language files
   * (once per process) and the synonym groups, analysed. An engine assembled for a start has it
   * called once the bot is ready (see `EngineParts.languageLater`).
   */
  prepareToAnswer(): void {
    lexicon();
    void this.synonymTable;
  }

  /** Loads the English bridge (some 25 ms), which an engine otherwise loads at the first question that may be English. */
  prepareForEnglish(): void {
    lexicon().english();
  }

  private get synonymTable(): SynonymTable {
    return (this.synonymTableMade ??= new SynonymTable(this.synonyms));
  }

  private get numberOfId(): Map<string, number> {
    if (!this.numberOfIdMap) {
      const numbers = new Map<string, number>();
      for (let i = 0; i < this.index.passages.length; i++) numbers.set(this.idAt(i), i);
      this.numberOfIdMap = numbers;
    }
    return this.numberOfIdMap;
  }

  /** The position of the passage with this id. */
  private numberOf(id: string): number | undefined {
    return this.packedIds ? this.packedIds.find(id) : this.numberOfId.get(id);
  }

  /** The position here of `other`'s passage `i`'s id: between two packed indexes, without decoding it. */
  private numberOfIdIn(other: Engine, i: number): number | undefined {
    return this.packedIds && other.packedIds
      ? this.packedIds.findIdOf(other.packedIds, i)
      : this.numberOf(other.idAt(i));
  }

  /**
   * Makes the id look-up a slice at a time (nothing to make with a packed id table): `unpackEngine`
   * calls it before handing a reload's engine back, and after a start is ready. A look-up before
   * then makes it at once.
   */
  async indexIdsInSlices(slices: Slices): Promise<void> {
    if (this.numberOfIdMap || this.packedIds) return;
    const numbers = new Map<string, number>();
    for (let i = 0; i < this.index.passages.length; i++) {
      numbers.set(this.idAt(i), i);
      if (slices.due()) await slices.pause();
    }
    this.numberOfIdMap ??= numbers;
  }

  private foldPassages(): FoldedSearch {
    return new FoldedList(foldPassages(this.index.passages));
  }

  /**
   * The answer to `question`. Answers to questions asked again word for word (with the default
   * tuning) come from memory, the same object each time: treat answers as read-only.
   */
  ask(question: string, options: AskOptions = {}): Answer {
    if (options.tuning !== undefined || options.remember === false)
      return answerQuestion(this.index, this.synonymTable, question, options);
    const key = `${options.limit ?? ''}\u0000${question}`;
    const known = this.remembered.get(key);
    if (known) {
      // Most recently asked last: the oldest is the one forgotten when the memory is full.
      this.remembered.delete(key);
      this.remembered.set(key, known);
      return known;
    }
    const answer = answerQuestion(this.index, this.synonymTable, question, options);
    this.remembered.set(key, answer);
    if (this.remembered.size > REMEMBERED_ANSWERS) this.remembered.delete(this.remembered.keys().next().value!);
    return answer;
  }

  /**
   * How the engine read a question and weighed every candidate passage, best first: what `ask`
   * decides from, for evaluation and for finding out why an answer came out as it did.
   */
  explain(question: string, tuning: Partial<RankingTuning> = {}): Ranking {
    return rankPassages(this.index, this.synonymTable, question, { ...DEFAULT_RANKING, ...tuning });
  }

  /**
   * Whether `question`, a reply to an earlier answer, leans on that answer's question: it points
   * back to it ("zakaj je to rekel?", "in kje?", see `pointsBack`) and names little of its own,
   * no name and its words together less telling than one word of middling frequency. "Kaj je Kim
   * rekel o tem sporazumu?" points back too, but asks in full, and "kaj pa Vietnam?" asks about
   * something new.
   */
  leansOnPrevious(question: string): boolean {
    if (!pointsBack(question)) return false;
    // Read, not ranked: only what it names matters here.
    const { concepts } = parseQuestion(question, this.synonymTable, this.index.vocabulary, lexicon());
    return !concepts.some((c) => c.name) && concepts.reduce((sum, c) => sum + c.weight, 0) < SLIGHT_QUESTION_WEIGHT;
  }

  /** The passage with this citation id, if any. */
  passage(id: string): Passage | undefined {
    const i = this.numberOf(id.trim());
    return i === undefined ? undefined : this.index.passages[i];
  }

  /**
   * The passage a person means by `typed`: its id, or the id as typed loosely (`8`, `¶ 8` in a
   * corpus of one article, or of several when only one has that paragraph; upper case, spaces
   * around `#`; see `idsMeantBy`).
   */
  passageAsTyped(typed: string): Passage | undefined {
    for (const id of idsMeantBy(
      typed,
      this.documents.map((d) => d.slug),
    )) {
      const found = this.passage(id);
      if (found) return found;
    }
    // "9" with several articles names a passage when only one of them has a ninth paragraph.
    const numbered = this.passagesNumbered(typed);
    return numbered.length === 1 ? numbered[0] : undefined;
  }

  /**
   * The passages a paragraph number typed alone ("9", "¶ 9") may mean: that paragraph of each
   * article that has one, in corpus order. Empty for anything but a paragraph number.
   */
  passagesNumbered(typed: string): Passage[] {
    const paragraph = paragraphNumber(typed);
    if (paragraph === undefined) return [];
    return this.documents.flatMap((d) => {
      const found = this.passage(`${d.slug}#${paragraph}`) ?? this.passage(`${d.slug}#${paragraph}.1`);
      return found ? [found] : [];
    });
  }

  /** All passages in corpus order. */
  get passages(): readonly Passage[] {
    return this.index.passages;
  }

  /**
   * The passages of one article, in order; none for an article the corpus does not have. Only
   * those are made (a packed index makes a passage when it is first read), not every one.
   */
  passagesOf(doc: string): Passage[] {
    let start = 0;
    for (const d of this.documents) {
      if (d.slug === doc) return Array.from({ length: d.passages }, (_, i) => this.index.passages[start + i]!);
      start += d.passages;
    }
    return [];
  }

  /**
   * Passages for autocomplete, best first: the passage `query` names as a person types an id
   * (`passageAsTyped`: "¶ 8"), ids starting with `query`, then ids containing it, then
   * passages whose text contains it (diacritics and case ignored). An empty query lists the first ones.
   */
  suggest(query: string, limit = DEFAULT_SUGGESTIONS): Passage[] {
    const q = fold(query.trim());
    const passages = this.index.passages;
    if (q === '') return passages.slice(0, limit);
    this.folded ??= this.foldPassages();
    const found = this.folded.find(q, limit).map((i) => passages[i]!);
    // "¶ 8" or "8", as answers name a passage, is that passage first (`passageAsTyped`).
    // With several articles, "9" is paragraph 9 of each of them, before ids and texts that hold a 9.
    const meant = this.passageAsTyped(query);
    const first = meant ? [meant] : this.passagesNumbered(query).slice(0, limit);
    const ids = new Set(first.map((p) => p.id));
    return [...first, ...found.filter((p) => !ids.has(p.id))].slice(0, limit);
  }

  info(): CorpusInfo {
    return {
      documents: this.documents,
      passageCount: this.index.passages.length,
      version: this.version,
      loadedAt: this.loadedAt,
      dir: this.dir,
    };
  }

  /** Passage-level difference from an older engine to this one. */
  diffFrom(older: Engine): CorpusDiff {
    const diff = this.diffSteps(older);
    for (let step = diff.next(); ; step = diff.next()) if (step.done) return step.value;
  }

  /** `diffFrom`, handing the event loop back between slices (100 000 passages take tens of milliseconds). */
  async diffFromInSlices(older: Engine, slices: Slices): Promise<CorpusDiff> {
    const diff = this.diffSteps(older);
    for (let step = diff.next(); ; step = diff.next()) {
      if (step.done) return step.value;
      if (slices.due()) await slices.pause();
    }
  }

  /**
   * The diff, a passage per step. Ids and digests are compared where both engines have digests (a
   * packed index), so no passage is made for it; otherwise the passages themselves. Between two
   * packed indexes the ids are compared as bytes, and only those reported are decoded.
   *
   * A passage whose citation the older engine had under another id moved: a paragraph inserted
   * at the top of an article renumbers every one below it, which by ids alone read as all of them
   * changed and the last one added. Only what is left after that is added, removed or changed
   * (the same id, a new citation, or a passage between two that moved by the same step: see
   * `editedInMove`).
   */
  private *diffSteps(older: Engine): Generator<void, CorpusDiff> {
    const mine = this.citedDigests;
    const theirs = older.citedDigests;
    // Counted once: the passages of a packed index are a Proxy (see `transfer/lazy-list.ts`), dear to ask per step.
    const count = this.index.passages.length;
    const olderCount = older.index.passages.length;
    // The older passages accounted for: the same, moved, or changed in place.
    const accounted = new Uint8Array(olderCount);
    // This engine's passages not the same as the older one's of their id, with that one's position (-1: none).
    const different: { i: number; j: number }[] = [];
    for (let i = 0; i < count; i++) {
      const j = older.numberOfIdIn(this, i);
      const same =
        j !== undefined &&
        (mine && theirs
          ? sameDigest(mine, i, theirs, j)
          : !citedDifferently(older.index.passages[j]!, this.index.passages[i]!));
      if (same) accounted[j] = 1;
      else different.push({ i, j: j ?? -1 });
      yield;
    }
    // The older passages left, by citation: where one of `different` came from under another id.
    // Each taken in order, from `next` on (a text repeated thousands of times is not searched again each time).
    const left = new Map<string, { positions: number[]; next: number }>();
    if (different.length > 0)
      for (let j = 0; j < olderCount; j++) {
        if (!accounted[j]) {
          const key = older.citedKeyAt(j);
          const same = left.get(key);
          if (same) same.positions.push(j);
          else left.set(key, { positions: [j], next: 0 });
        }
        yield;
      }
    // New position → older position of each moved passage.
    const movedFrom = new Map<number, number>();
    const rest: typeof different = [];
    for (const passage of different) {
      // The first older passage with this citation, so a run of moved paragraphs pairs up in order.
      const same = left.get(this.citedKeyAt(passage.i));
      const from = same?.positions[same.next++];
      if (from === undefined) rest.push(passage);
      else {
        accounted[from] = 1;
        movedFrom.set(passage.i, from);
      }
      yield;
    }
    const added: string[] = [];
    const changed: string[] = [];
    for (const { i, j } of rest) {
      // Changed in place only when the older passage of its id did not move away.
      if (j >= 0 && !accounted[j]) {
        accounted[j] = 1;
        changed.push(this.idAt(i));
        continue;
      }
      // Moved and edited: between two neighbours that moved by the same step, in the place the
      // step gives ("marca" made "aprila" in ¶ 8 as a paragraph went in above: ¶ 9 now).
      const from = this.editedInMove(older, i, movedFrom);
      if (from !== undefined && !accounted[from]) {
        accounted[from] = 1;
        changed.push(this.idAt(i));
        movedFrom.set(i, from);
      } else added.push(this.idAt(i));
    }
    // In the order of their new ids: runs of them are told as one ("#1–11 → #2–12").
    const moved = [...movedFrom]
      .sort(([a], [b]) => a - b)
      .map(([to, from]) => ({ from: older.idAt(from), to: this.idAt(to) }));
    const removed: string[] = [];
    for (let j = 0; j < olderCount; j++) {
      if (!accounted[j]) removed.push(older.idAt(j));
      yield;
    }
    return { added, removed, changed, moved, oldVersion: older.version, newVersion: this.version };
  }

  /**
   * The older position of passage `i` when both its neighbours in its article moved there from
   * positions two apart (the one between them is its older self, edited), else undefined.
   */
  private editedInMove(older: Engine, i: number, movedFrom: ReadonlyMap<number, number>): number | undefined {
    const [before, after] = [movedFrom.get(i - 1), movedFrom.get(i + 1)];
    if (before === undefined || after === undefined || after - before !== 2) return undefined;
    const doc = this.index.documentOf;
    const olderDoc = older.index.documentOf;
    const sameArticle = doc[i - 1] === doc[i] && doc[i + 1] === doc[i] && olderDoc[before] === olderDoc[after];
    return sameArticle ? before + 1 : undefined;
  }

  /** Passage `i`'s citation as a key equal between engines (packed or not), to find it under another id. */
  private citedKeyAt(i: number): string {
    return this.citedDigests ? digestKey(this.citedDigests, i) : citedKey(this.index.passages[i]!);
  }

  toJSON(): EngineJSON {
    return {
      format: INDEX_FORMAT,
      index: this.index.toJSON(),
      synonyms: this.synonyms,
      documents: this.documents,
      notes: [...this.notes],
      version: this.version,
      loadedAt: this.loadedAt.toISOString(),
      dir: this.dir,
    };
  }

  /**
   * Restores an engine saved with `JSON.stringify(engine)`, without re-indexing. `dir` replaces
   * the saved folder name (the same corpus may have moved).
   */
  static fromJSON(json: EngineJSON, dir?: string): Engine {
    if (json.format !== INDEX_FORMAT) throw new Error(`unsupported index format: ${String(json.format)}`);
    return new Engine({
      index: PassageIndex.fromJSON(json.index),
      synonyms: json.synonyms,
      documents: json.documents,
      notes: json.notes,
      version: json.version,
      loadedAt: new Date(),
      dir: dir ?? json.dir,
    });
  }
}

/** Passages, synonyms and the per-document summary an engine is built from. */
function prepare(
  documents: CorpusDocument[],
  options: EngineOptions,
): { passages: Passage[]; synonyms: string[][]; documents: CorpusInfo['documents']; notes: CorpusNote[] } {
  const notes: CorpusNote[] = [];
  const passages = documents.flatMap((doc) => {
    const own = chunkDocument(doc, options);
    notes.push(...longParagraphNotes(doc, own, options));
    return own;
  });
  const counts = new Map<string, number>();
  for (const p of passages) counts.set(p.doc, (counts.get(p.doc) ?? 0) + 1);
  return {
    passages,
    notes,
    synonyms: options.synonyms ?? [],
    documents: documents.map((d) => ({
      slug: d.slug,
      title: d.title,
      date: d.date,
      passages: counts.get(d.slug) ?? 0,
    })),
  };
}

/**
 * Short content hash over everything that can change an answer or a quote: what a citation shows
 * (the link included: a reload that only mends an article's url is a new version, which hosts
 * sharing a reload compare) and the language it is read in.
 */
function versionOf(passages: Passage[], synonyms: string[][]): string {
  const hash = createHash('sha256');
  for (const p of passages)
    hash.update(
      `${p.id}\u0000${p.title}\u0000${p.date}\u0000${p.heading ?? ''}\u0000${p.lang}\u0000${p.url ?? ''}\u0000${p.text}\u0001`,
    );
  hash.update(JSON.stringify(synonyms));
  return hash.digest('hex').slice(0, VERSION_HEX_DIGITS);
}

/** How a `LiveEngine` reloads. */
export interface LiveEngineOptions {
  /** Saved indexes (INDEX_CACHE_DIR): a reload of an unchanged corpus reads instead of indexing. */
  cacheDir?: string;
  onCacheProblem?: (problem: CacheProblem) => void;
  /**
   * Read and index in a worker thread, so only assembling the result, in slices of a few
   * milliseconds, happens on the thread that answers. Default `'auto'`: for a corpus large enough
   * to stall (see `WORKER_FROM_BYTES`).
   */
  worker?: boolean | 'auto';
}

/**
 * Holds the live engine for a long-running face. `reload()` builds a new engine beside the live
 * one (in a worker thread) and swaps only when the build succeeded, so a broken corpus never
 * interrupts answers, and a large one never stalls them.
 */
export class LiveEngine {
  constructor(
    private current: Engine,
    readonly dir: string,
    private readonly options: LiveEngineOptions = {},
  ) {}

  get engine(): Engine {
    return this.current;
  }

  /**
   * Builds `dir` beside the live engine without swapping (a dry run): the engine it would become
   * and the diff to it. Throws what `reload` throws; the live engine is untouched either way.
   */
  async preview(): Promise<{ engine: Engine; diff: CorpusDiff }> {
    const next = await Engine.fromDirectory(this.dir);
    return { engine: next, diff: next.diffFrom(this.current) };
  }

  /** Rebuilds from `dir`; on success swaps and returns the diff, on failure throws and keeps serving. */
  async reload(): Promise<CorpusDiff> {
    const slices = new Slices();
    const next = await loadEngine(this.dir, this.options.cacheDir, this.options.onCacheProblem, {
      worker: this.options.worker ?? 'auto',
      slices,
    });
    const diff = await next.diffFromInSlices(this.current, slices);
    this.current = next;
    return diff;
  }
}
