/**
 * Postings and document keys of a packed index as maps that make nothing until asked. Each of
 * those maps holds a typed array per index key (four posting fields and the document keys: some
 * 130 000 lists for 100 000 passages); as a `Map` of views into the buffer they were 55 MB of
 * small objects assembled on the answering thread, and their garbage collections, 10 to 30 ms
 * each, stalled it during a reload. Here every list set shares one key table (each key decoded
 * once, one `Map` from key to position) and a list's view is made the first time it is asked for.
 */

/** Every index key of a packed index, and each one's position. */
export class KeyTable {
  readonly position = new Map<string, number>();

  constructor(readonly keys: readonly string[]) {}

  /** Fills `position`; called a slice at a time by the assembly. */
  add(from: number, to: number): void {
    for (let i = from; i < to; i++) this.position.set(this.keys[i]!, i);
  }
}

type View = Int32Array | Uint16Array;

/**
 * Lists by key: key `i` of the table owns `values[offsets[i]..offsets[i + 1])`; an empty range
 * means the key has no list here (a list built from passages is never empty).
 */
export class KeyedViews<T extends View> implements ReadonlyMap<string, T> {
  /** Views already asked for: a hot key's view is made once, not per question. */
  private readonly made = new Map<string, T>();
  private count?: number;

  constructor(
    private readonly table: KeyTable,
    private readonly offsets: Int32Array,
    private readonly lists: T,
  ) {}

  get(key: string): T | undefined {
    const made = this.made.get(key);
    if (made) return made;
    const i = this.table.position.get(key);
    if (i === undefined) return undefined;
    const view = this.at(i);
    if (view) this.made.set(key, view);
    return view;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  get size(): number {
    if (this.count === undefined) {
      let n = 0;
      for (let i = 0; i < this.table.keys.length; i++) if (this.offsets[i] !== this.offsets[i + 1]) n++;
      this.count = n;
    }
    return this.count;
  }

  *entries(): MapIterator<[string, T]> {
    for (let i = 0; i < this.table.keys.length; i++) {
      const view = this.at(i);
      if (view) yield [this.table.keys[i]!, view];
    }
  }

  *keys(): MapIterator<string> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<T> {
    for (const [, view] of this.entries()) yield view;
  }

  [Symbol.iterator](): MapIterator<[string, T]> {
    return this.entries();
  }

  forEach(visit: (value: T, key: string, map: ReadonlyMap<string, T>) => void): void {
    for (const [key, view] of this.entries()) visit(view, key, this);
  }

  private at(i: number): T | undefined {
    const start = this.offsets[i]!;
    const end = this.offsets[i + 1]!;
    return start === end ? undefined : (this.lists.subarray(start, end) as T);
  }
}

/**
 * Numbers by key over the key table, key `i` owning `values[i]` (the first `values.length` keys):
 * the vocabulary's document frequencies. A `Map` from each of those keys to its number was 42 000
 * more entries set on the answering thread per 100 000-passage assembly, and more for its
 * collections; every read is answered from the table instead.
 */
export class KeyedNumbers implements ReadonlyMap<string, number> {
  constructor(
    private readonly table: KeyTable,
    private readonly numbers: Uint32Array,
  ) {}

  get(key: string): number | undefined {
    const i = this.table.position.get(key);
    return i !== undefined && i < this.numbers.length ? this.numbers[i] : undefined;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  get size(): number {
    return this.numbers.length;
  }

  *entries(): MapIterator<[string, number]> {
    for (let i = 0; i < this.numbers.length; i++) yield [this.table.keys[i]!, this.numbers[i]!];
  }

  *keys(): MapIterator<string> {
    for (let i = 0; i < this.numbers.length; i++) yield this.table.keys[i]!;
  }

  *values(): MapIterator<number> {
    yield* this.numbers;
  }

  [Symbol.iterator](): MapIterator<[string, number]> {
    return this.entries();
  }

  forEach(visit: (value: number, key: string, map: ReadonlyMap<string, number>) => void): void {
    for (let i = 0; i < this.numbers.length; i++) visit(this.numbers[i]!, this.table.keys[i]!, this);
  }
}
