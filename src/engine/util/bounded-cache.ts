/**
 * A map that keeps at most `limit` entries, dropping the least recently used: the engine caches
 * word keys and text analyses that recur (news reuses its words, the same passages come up
 * question after question) without holding everything a large corpus ever showed it.
 */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // Re-inserting moves the entry to the young end of the Map's insertion order.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!);
  }

  /** The cached value, or the one `make` returns (then cached). */
  getOrMake(key: K, make: (key: K) => V): V {
    const cached = this.get(key);
    if (cached !== undefined) return cached;
    const made = make(key);
    this.set(key, made);
    return made;
  }
}
