import { readRows } from './files.ts';

/**
 * Synonym sets of the Slovene wordnet (sloWNet, `lexicon/sl-synonyms.tsv`) by index key: each
 * member as the keys of its words ("kazen", "sankcija"; "morska obala"), and the words WordNet
 * relates to a word (`lexicon/sl-related.tsv`). sloWNet was built largely by translation and a
 * word has several senses, so a match through it is weaker evidence than the word itself, and a
 * related word weaker still.
 */
export class WordnetSynonyms {
  /** For each single key: the synsets it belongs to, as lists of members. */
  private readonly byKey = new Map<string, string[][][]>();
  /** For each key: keys of words WordNet relates to it (derivation, similarity, broader and narrower terms). */
  private readonly relatedByKey = new Map<string, string[]>();

  constructor(rows: string[][], relatedRows: string[][] = []) {
    for (const [key, related] of relatedRows) if (key && related) this.relatedByKey.set(key, related.split('|'));
    for (const [, keys] of rows) {
      if (!keys) continue;
      const members = keys.split('|').map((m) => m.split(' '));
      for (const member of members) {
        if (member.length !== 1) continue;
        const list = this.byKey.get(member[0]!);
        if (list) list.push(members);
        else this.byKey.set(member[0]!, [members]);
      }
    }
  }

  static load(): WordnetSynonyms {
    return new WordnetSynonyms(readRows('sl-synonyms.tsv'), readRows('sl-related.tsv'));
  }

  /** Keys of related words, closest relations first ("kaznovalen" → "kazen"; "otrok" → "mladoletnik"). */
  related(key: string): string[] {
    return this.relatedByKey.get(key) ?? [];
  }

  /** The other members of every synset the key belongs to, each as its keys (a phrase has several). */
  of(key: string): string[][] {
    const synsets = this.byKey.get(key);
    if (!synsets) return [];
    const out = new Map<string, string[]>();
    for (const members of synsets) for (const m of members) if (m.length > 1 || m[0] !== key) out.set(m.join(' '), m);
    return [...out.values()];
  }
}
