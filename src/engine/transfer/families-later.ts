/**
 * The vocabulary's word families from a packed index (39 000 of them for 100 000 passages, 20 to
 * 40 ms to put in a map), made at their first use rather than before a start is ready: a question
 * asked first makes them at once, and `unpackEngine` makes them right after the bot is ready.
 * Every way of reading the map completes it first, so its readers see a whole map.
 */
export class FamiliesLater extends Map<string, string[]> {
  private make: ((families: Map<string, string[]>) => void) | undefined;

  /** `make` fills the map it is given (once). */
  constructor(make: (families: Map<string, string[]>) => void) {
    super();
    this.make = make;
  }

  /** Makes the families now, if they are not made yet. */
  complete(): this {
    const make = this.make;
    if (make) {
      this.make = undefined;
      make(this);
    }
    return this;
  }

  override get(key: string): string[] | undefined {
    return this.complete() && super.get(key);
  }

  override has(key: string): boolean {
    return this.complete() && super.has(key);
  }

  override get size(): number {
    return this.complete() && super.size;
  }

  override keys(): MapIterator<string> {
    return this.complete() && super.keys();
  }

  override values(): MapIterator<string[]> {
    return this.complete() && super.values();
  }

  override entries(): MapIterator<[string, string[]]> {
    return this.complete() && super.entries();
  }

  override [Symbol.iterator](): MapIterator<[string, string[]]> {
    return this.complete() && super[Symbol.iterator]();
  }

  override forEach(
    callback: (value: string[], key: string, map: Map<string, string[]>) => void,
    thisArg?: unknown,
  ): void {
    this.complete();
    super.forEach(callback, thisArg);
  }
}
