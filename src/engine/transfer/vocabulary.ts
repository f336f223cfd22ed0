/**
 * Moving a `Vocabulary` between threads without rebuilding it on the answering thread. Its
 * constructor builds a radix tree over every index key in one go (about 100 ms for the 42 000
 * keys of a 100 000-passage corpus), and its first questions sort the keys and group them by word
 * family (another 100 ms or so): three stalls longer than a bot may block. Here the sorted keys and
 * the families come made from the thread that built the index, the tree is filled a slice at a
 * time, and the parts are put into a `Vocabulary` without running its constructor.
 *
 * That last step knows the class's fields (`VOCABULARY_FIELDS`); a test fails, naming this file,
 * when the class gains or loses one, so the two cannot drift apart unnoticed. (A constructor that
 * accepted made parts would make this unnecessary; see the README's notes on the engine.)
 */
import SearchableMap from 'minisearch/SearchableMap';
import { Vocabulary } from '../search/vocabulary.ts';
import type { Slices } from './slices.ts';

/** Every field a `Vocabulary` holds, as its constructor and its lazily made lists leave them. */
export const VOCABULARY_FIELDS = ['df', 'passageCount', 'names', 'tree', 'sorted', 'families', 'stubs'] as const;

/** What a vocabulary is made of, the tree aside (it is rebuilt from `df`). */
export interface VocabularyParts {
  df: ReadonlyMap<string, number>;
  passageCount: number;
  names: Set<string>;
  /**
   * Every key, sorted (`Vocabulary.extending` makes it on first use); or a function making them,
   * called when the vocabulary first reads them (see `restoreVocabulary`).
   */
  sorted: string[] | (() => string[]);
  /** Keys by family key, most frequent first (`Vocabulary.family` makes it on first use). */
  families: Map<string, string[]>;
}

/** The parts of `vocabulary`, its lazily made lists made first (on this thread: call it off the answering one). */
export function vocabularyParts(vocabulary: Vocabulary): VocabularyParts & { sorted: string[] } {
  vocabulary.extending('', 0);
  vocabulary.family('');
  const field = <T>(name: (typeof VOCABULARY_FIELDS)[number]) => Reflect.get(vocabulary, name) as T;
  return {
    df: field('df'),
    passageCount: field('passageCount'),
    names: field('names'),
    sorted: field<string[]>('sorted'),
    families: field('families'),
  };
}

/**
 * The radix tree of a vocabulary, filled from its frequencies a slice at a time (`fill`), or all
 * at once by whatever uses it first: `tree` is the map itself, behind a proxy that completes it
 * before any use, so a question asked before the slices are done gets the whole tree.
 */
export class TreeInSlices {
  private readonly map = new SearchableMap<number>();
  private readonly entries: IterableIterator<[string, number]>;
  private done = false;
  readonly tree: SearchableMap<number>;

  constructor(df: ReadonlyMap<string, number>) {
    this.entries = df.entries();
    this.tree = new Proxy(this.map, {
      get: (map, name) => {
        this.fillNow();
        const value: unknown = Reflect.get(map, name, map);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(map) : value;
      },
    });
  }

  /** Adds the keys not added yet, a slice at a time. */
  async fill(slices: Slices): Promise<void> {
    while (!this.done) {
      this.add(TREE_KEYS_PER_STEP);
      if (slices.due()) await slices.pause();
    }
  }

  /** The tree, every key added. */
  filled(): SearchableMap<number> {
    this.fillNow();
    return this.map;
  }

  private fillNow(): void {
    while (!this.done) this.add(Infinity);
  }

  private add(count: number): void {
    for (let n = 0; n < count; n++) {
      const next = this.entries.next();
      if (next.done) {
        this.done = true;
        return;
      }
      this.map.set(next.value[0], next.value[1]);
    }
  }
}

/** Keys put in the tree between two looks at the clock. */
const TREE_KEYS_PER_STEP = 16;

/**
 * A `Vocabulary` from its parts, the radix tree filled a slice at a time; or, with `later`, handed
 * back at once with the tree to be filled by `later.fill` (or by its first use).
 */
export async function restoreVocabulary(
  parts: VocabularyParts,
  slices: Slices,
  later?: (tree: TreeInSlices) => void,
): Promise<Vocabulary> {
  const filling = new TreeInSlices(parts.df);
  if (later) later(filling);
  else await filling.fill(slices);
  const tree = later ? filling.tree : filling.filled();
  const vocabulary = Object.create(Vocabulary.prototype) as Vocabulary;
  const fields: Record<(typeof VOCABULARY_FIELDS)[number], unknown> = {
    df: parts.df,
    passageCount: parts.passageCount,
    names: parts.names,
    tree,
    sorted: parts.sorted,
    families: parts.families,
    // Made from `df` a slice at a time by `unpackEngine`, or whole at its first use.
    stubs: undefined,
  };
  const field = (value: unknown) => ({ value, writable: true, enumerable: true, configurable: true });
  for (const name of VOCABULARY_FIELDS) Object.defineProperty(vocabulary, name, field(fields[name]));
  const makeSorted = parts.sorted;
  // Made at the first read, then an ordinary field again: a start is ready without them.
  if (typeof makeSorted === 'function')
    Object.defineProperty(vocabulary, 'sorted', {
      get: () => {
        const sorted = makeSorted();
        Object.defineProperty(vocabulary, 'sorted', field(sorted));
        return sorted;
      },
      set: (sorted: string[]) => Object.defineProperty(vocabulary, 'sorted', field(sorted)),
      enumerable: true,
      configurable: true,
    });
  return vocabulary;
}
