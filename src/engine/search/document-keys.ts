/**
 * Which articles use which index keys: for every key, the sorted numbers of the documents whose
 * passages (text, headings or title) hold it. With many articles loaded, a passage is a likelier
 * answer when its article as a whole is about what the question asks, and a question that names
 * something its article never mentions is not answered there.
 */
export interface DocumentKeysJSON {
  keys: string[];
  docs: number[][];
}

export class DocumentKeys {
  // Read-only: a packed index hands in a map that makes each view when first asked for (transfer/keyed-views.ts).
  constructor(private readonly docsByKey: ReadonlyMap<string, Int32Array>) {}

  /** Builds the lists from each passage's keys and the number of its document. */
  static build(passageKeys: Iterable<{ doc: number; keys: Iterable<string> }>): DocumentKeys {
    const lists = new Map<string, number[]>();
    for (const { doc, keys } of passageKeys) {
      for (const key of keys) {
        const list = lists.get(key);
        if (!list) lists.set(key, [doc]);
        else if (list[list.length - 1] !== doc) list.push(doc);
      }
    }
    return new DocumentKeys(new Map([...lists].map(([key, docs]) => [key, Int32Array.from(docs)])));
  }

  /** True when document number `doc` uses the key somewhere. */
  has(doc: number, key: string): boolean {
    const docs = this.docsByKey.get(key);
    if (!docs) return false;
    let lo = 0;
    let hi = docs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const value = docs[mid]!;
      if (value === doc) return true;
      if (value < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  /** How many documents use the key. */
  count(key: string): number {
    return this.docsByKey.get(key)?.length ?? 0;
  }

  /** The key set of one document, as evidence weighing reads key sets. */
  of(doc: number): { has(key: string): boolean } {
    return { has: (key) => this.has(doc, key) };
  }

  toJSON(): DocumentKeysJSON {
    const keys = [...this.docsByKey.keys()];
    return { keys, docs: keys.map((k) => Array.from(this.docsByKey.get(k)!)) };
  }

  static fromJSON(json: DocumentKeysJSON): DocumentKeys {
    return new DocumentKeys(new Map(json.keys.map((k, i) => [k, Int32Array.from(json.docs[i]!)])));
  }
}
