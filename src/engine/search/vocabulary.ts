import SearchableMap from 'minisearch/SearchableMap';
import { caseRoot, derivedPartners, familyKey } from '../analysis/family.ts';
import { bm25Idf } from './postings.ts';
import { KeyStubs } from '../analysis/key-stubs.ts';

/** Keys whose stubs are made between two looks at the clock (see `Vocabulary.stubsInSteps`). */
const STUB_KEYS_PER_STEP = 2_000;

/**
 * Passage frequencies of every index key, with a radix tree for typo and prefix look-ups. The
 * query side uses it to decide which words of a question are known to the corpus and how
 * telling each one is (rare words weigh more).
 */
export class Vocabulary {
  private readonly tree: SearchableMap<number>;
  /** All keys in sorted order, for prefix look-ups; made on first use. */
  private sorted?: string[];
  /** Known keys by family key, made on first use. */
  private families?: Map<string, string[]>;
  /** The keys' stubs, made on first use (see `mayHaveKeyOf`). */
  private stubs?: KeyStubs;

  constructor(
    private readonly df: ReadonlyMap<string, number>,
    readonly passageCount: number,
    /** Keys the corpus writes as names: capitalised inside sentences (see `NameCounter`). */
    private readonly names: Set<string> = new Set(),
  ) {
    this.tree = SearchableMap.from(df);
  }

  /**
   * Builds the frequencies from the key sets of all passages. A word only a title uses
   * ("… uporabe ruščine v Ukrajini") is still a word of the corpus, not a typo to correct into
   * another one: such title keys count as found in one passage.
   */
  static fromKeySets(
    keySets: Iterable<Set<string>>,
    names: Set<string> = new Set(),
    titles: Iterable<string[]> = [],
  ): Vocabulary {
    const df = new Map<string, number>();
    let n = 0;
    for (const keys of keySets) {
      n++;
      for (const key of keys) df.set(key, (df.get(key) ?? 0) + 1);
    }
    for (const title of titles) for (const key of title) if (!df.has(key)) df.set(key, 1);
    return new Vocabulary(df, n, names);
  }

  /** True when the corpus writes this key as a name ("Putin", "Pjongjang"), so a question may too, in lower case. */
  isName(key: string): boolean {
    return this.names.has(key);
  }

  has(key: string): boolean {
    return this.df.has(key);
  }

  /** False only when no key of the corpus can be the key of the folded string (see `KeyStubs`): no need to stem it. */
  mayHaveKeyOf(folded: string): boolean {
    if (!this.stubs) for (const _ of this.stubsInSteps()) continue;
    return this.stubs!.mayHaveKeyOf(folded);
  }

  /**
   * Makes the keys' stubs (see `mayHaveKeyOf`), pausing after every `STUB_KEYS_PER_STEP` keys so a
   * caller can spread the work over slices (some 25 ms in all for the 48 000 keys of 100 000
   * passages). They are used only once complete: a question asked meanwhile makes them whole at once.
   */
  *stubsInSteps(): Generator<void> {
    if (this.stubs) return;
    const stubs = new KeyStubs();
    let added = 0;
    for (const key of this.df.keys()) {
      stubs.add(key);
      if (++added % STUB_KEYS_PER_STEP === 0) yield;
    }
    this.stubs ??= stubs;
  }

  /** In how many passages the key occurs. */
  frequency(key: string): number {
    return this.df.get(key) ?? 0;
  }

  /** BM25-style inverse document frequency; unknown keys get the highest value. */
  idf(key: string): number {
    return bm25Idf(this.passageCount, this.df.get(key) ?? 0);
  }

  /** Known keys within `maxDistance` edits of `key`, closest first, then most frequent. */
  near(key: string, maxDistance: number): { key: string; distance: number }[] {
    const found: { key: string; distance: number; df: number }[] = [];
    for (const [k, [df, distance]] of this.tree.fuzzyGet(key, maxDistance)) {
      if (distance > 0) found.push({ key: k, distance, df });
    }
    return found
      .sort((a, b) => a.distance - b.distance || b.df - a.df)
      .map(({ key: k, distance }) => ({ key: k, distance }));
  }

  /**
   * Known keys of the same word family as `key` (see `familyKey`), itself excluded, most frequent
   * first; with the short keys that reach its root only through a case ending (see `caseRoot`).
   */
  family(key: string): string[] {
    if (!this.families) {
      // One map for both kinds, so that a packed index carries them as it is: the short case
      // forms of a root are listed under the root with a prefix no key has.
      const families = new Map<string, string[]>();
      for (const k of this.df.keys()) {
        addTo(families, familyKey(k), k);
        const root = caseRoot(k);
        if (root !== undefined) addTo(families, CASE_FORMS + root, k);
      }
      for (const members of families.values()) members.sort((a, b) => this.frequency(b) - this.frequency(a));
      this.families = families;
    }
    const root = familyKey(key);
    const members = this.families.get(root) ?? [];
    const short = caseRoot(key);
    // A derived key meets the short case forms of its root; a short case form meets the derived
    // keys, but not another case form ("voda" and "vodi" may be two words; see `caseSiblings`).
    // The bare root counts as a derived key: "mir" meets "miru", "Kim" meets "Kima" (and "rok"
    // meets "roka": the price of reading short words, at a family's weight).
    // A copy: the lists in `families` are shared by every key of the family.
    const more = [
      ...((short === undefined ? this.families.get(CASE_FORMS + root) : this.families.get(short)) ?? []),
      ...derivedPartners(key).filter((partner) => this.has(partner)),
    ];
    if (more.length === 0) return members.filter((k) => k !== key);
    return [...new Set([...members, ...more])]
      .filter((k) => k !== key)
      .sort((a, b) => this.frequency(b) - this.frequency(a));
  }

  /**
   * Known keys that extend `prefix`, most frequent first (ties: alphabetical). A binary search in
   * the sorted keys finds the range; questions ask this for every word, and walking the radix
   * tree's subtree allocated an entry per key.
   */
  extending(prefix: string, limit: number): string[] {
    const keys = this.sortedKeys();
    const best: string[] = [];
    for (let i = firstNotBefore(keys, prefix); i < keys.length && keys[i]!.startsWith(prefix); i++) {
      const key = keys[i]!;
      if (key === prefix) continue;
      const df = this.frequency(key);
      if (best.length === limit && this.frequency(best[limit - 1]!) >= df) continue;
      let at = best.length;
      while (at > 0 && this.frequency(best[at - 1]!) < df) at--;
      best.splice(at, 0, key);
      if (best.length > limit) best.pop();
    }
    return best;
  }

  /**
   * Whether some key begins with `prefix` (the prefix itself counts): one binary search, so a
   * caller can rule out at once the many look-ups of longer strings that begin so.
   */
  hasKeyStartingWith(prefix: string): boolean {
    const keys = this.sortedKeys();
    const at = firstNotBefore(keys, prefix);
    return at < keys.length && keys[at]!.startsWith(prefix);
  }

  private sortedKeys(): string[] {
    this.sorted ??= [...this.df.keys()].sort();
    return this.sorted;
  }

  toJSON(): VocabularyJSON {
    return { frequencies: [...this.df], names: [...this.names] };
  }

  static fromJSON(json: VocabularyJSON, passageCount: number): Vocabulary {
    return new Vocabulary(new Map(json.frequencies), passageCount, new Set(json.names));
  }
}

export interface VocabularyJSON {
  frequencies: [string, number][];
  names: string[];
}

/** Marks the list of a root's short case forms among the families (index keys are letters and digits). */
const CASE_FORMS = '#';

/** The index of the first of the sorted keys that does not sort before `prefix`: where its extensions begin. */
function firstNotBefore(sorted: string[], prefix: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function addTo(map: Map<string, string[]>, root: string, key: string): void {
  const members = map.get(root);
  if (members) members.push(key);
  else map.set(root, [key]);
}
