/**
 * A map that keeps at most `limit` entries: the engine caches word keys and text analyses that
 * recur (news reuses its words, the same passages come up question after question) without
 * holding everything a large corpus ever showed it.
 *
 * Entries are kept in two generations of up to half the limit each. New entries go to the young
 * one; when it is full, the old one is dropped whole and the young one becomes old. An entry found
 * in the old generation moves to the young one, so words in use stay while one-off ones go.
 * Dropping the oldest entry one at a time from a single Map, as this cache once did, got slower
 * the longer it ran: a Map leaves a hole where an entry is deleted, and finding the oldest entry
 * walks past every hole left since the table was last compacted, up to tens of thousands per
 * eviction (some 20 µs each, against 0.5 µs for stemming the word anew) once the cache was full.
 */
export class BoundedCache<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();
  private generation: number;

  /** `limit` is at least 2: one entry per generation (an odd limit holds one fewer). */
  constructor(limit: number) {
    if (!(limit >= 2)) throw new RangeError(`a BoundedCache holds at least 2 entries, not ${limit}`);
    this.generation = Math.floor(limit / 2);
  }

  /** Raises the limit to `limit` (never lowers it): for a cache whose right size is known only later. */
  reserve(limit: number): void {
    this.generation = Math.max(this.generation, Math.floor(limit / 2));
  }

  /** Entries held, counting an entry moved to the young generation twice until the old one goes. */
  get size(): number {
    return this.young.size + this.old.size;
  }

  get(key: K): V | undefined {
    const young = this.young.get(key);
    if (young !== undefined) return young;
    const old = this.old.get(key);
    if (old !== undefined) this.set(key, old);
    return old;
  }

  set(key: K, value: V): void {
    if (this.young.size >= this.generation && !this.young.has(key)) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
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
