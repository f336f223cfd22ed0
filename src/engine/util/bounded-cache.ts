/**
 * A map that keeps at most `limit` entries, dropping the oldest first: the engine caches word
 * keys and text analyses that recur (news reuses its words, the same passages come up question
 * after question) without holding everything a large corpus ever showed it. Oldest rather than
 * least recently used: refreshing an entry on every hit (delete and set again) costs more in a
 * map of hundreds of thousands of words than the occasional recomputation it saves.
 */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  set(key: K, value: V): void {
    this.entries.set(key, value);
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!);
  }

  /** The cached value, or the one `make` returns (then cached). */
  getOrMake(key: K, make: (key: K) => V): V {
    const cached = this.entries.get(key);
    if (cached !== undefined) return cached;
    const made = make(key);
    this.set(key, made);
    return made;
  }
}
