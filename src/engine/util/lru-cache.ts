/**
 * A map of at most `limit` entries that forgets the least recently used first. For small memos
 * (thousands of entries) of work that recurs unevenly, such as the words of questions asked in
 * one server: the words asked again and again stay, one-off ones make room. (The large caches of
 * word keys use `BoundedCache`, which keeps two generations and refreshes only entries found in
 * the old one: moving every hit to the young end of one Map would cost more than it saves.)
 * A limit of 0 remembers nothing: every look-up makes its value anew.
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly limit: number) {}

  get size(): number {
    return this.entries.size;
  }

  /** The value, now the most recently used; undefined when not remembered. */
  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    // A Map iterates in insertion order: inserting again moves the entry to the young end.
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!);
  }

  /** The remembered value, or the one `make` returns (then remembered). `make` must not return undefined. */
  getOrMake(key: K, make: (key: K) => V): V {
    const known = this.get(key);
    if (known !== undefined) return known;
    const made = make(key);
    this.set(key, made);
    return made;
  }

  clear(): void {
    this.entries.clear();
  }
}
