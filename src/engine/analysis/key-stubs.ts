import { hasIrregularKey, keyStub } from './stem.ts';

/**
 * Tells, without stemming it, whether a string's key may be among a set of keys: typo mending
 * stems some hundred strings one edit from each unknown question word, nearly all of which no
 * corpus key begins like. A string passes when one of its beginnings is the stub (`keyStub`) of a
 * key of the set, or its key is irregular; one that fails cannot have a key of the set.
 */
export class KeyStubs {
  private readonly stubs = new Set<string>();
  /** The stubs' lengths, shortest first. */
  private readonly lengths: number[] = [];

  constructor(keys: Iterable<string> = []) {
    for (const key of keys) this.add(key);
  }

  /** Adds a key to the set (a caller may add a large set a slice at a time). */
  add(key: string): void {
    const stub = keyStub(key);
    this.stubs.add(stub);
    if (!this.lengths.includes(stub.length)) {
      this.lengths.push(stub.length);
      this.lengths.sort((a, b) => a - b);
    }
  }

  /** False only when no key of the set can be the key of `folded`. */
  mayHaveKeyOf(folded: string): boolean {
    for (const length of this.lengths) {
      if (length > folded.length) break;
      if (this.stubs.has(folded.slice(0, length))) return true;
    }
    return hasIrregularKey(folded);
  }
}
