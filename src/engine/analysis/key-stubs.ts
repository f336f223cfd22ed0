import { hasIrregularKey, keyStub } from './stem.ts';

/**
 * Tells, without stemming it, whether a string's key may be among a set of keys: typo mending
 * stems some hundred strings one edit from each unknown question word, nearly all of which no
 * corpus key begins like. A string passes when one of its beginnings is the stub (`keyStub`) of a
 * key of the set, or its key is irregular; one that fails cannot have a key of the set.
 */
export class KeyStubs {
  private readonly stubs = new Set<string>();
  private readonly lengths: number[];

  constructor(keys: Iterable<string>) {
    const lengths = new Set<number>();
    for (const key of keys) {
      const stub = keyStub(key);
      this.stubs.add(stub);
      lengths.add(stub.length);
    }
    this.lengths = [...lengths].sort((a, b) => a - b);
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
