import { readKeyed } from './files.ts';
import { oneEditAway } from '../analysis/edits.ts';
import { LruCache } from '../util/lru-cache.ts';

/** Unlisted forms whose nearest listed word is remembered (see `nearestCount`). */
const NEAREST_MEMO = 4096;

/**
 * How often Slovenian words are used in everyday speech (film subtitles), by folded word form and
 * by index key. A word's frequency says how much it tells about a question: "hvala", "zanima"
 * or "točno" are everywhere and tell nothing; "sankcije" or "jagode" name a topic.
 */
export class SlovenianWords {
  private readonly words = new Map<string, number>();
  private readonly keys = new Map<string, number>();
  /** The uses of the most used form of each key: how often one form of that word is met. */
  private readonly keyForms = new Map<string, number>();
  /** Log of all counts together, and of the rarest listed word: the ends of the information scale. */
  private readonly logTotal: number;
  /** All uses of all listed words together. */
  readonly total: number;
  private readonly logRarest: number;
  private readonly nearest = new LruCache<string, number>(NEAREST_MEMO);

  /** @param rows folded word → "count<TAB>index key", as in `lexicon/sl-words.tsv` */
  constructor(rows: Map<string, string>) {
    let total = 0;
    let rarest = Infinity;
    for (const [word, rest] of rows) {
      const tab = rest.indexOf('\t');
      const count = Number(rest.slice(0, tab));
      if (!(count > 0)) continue;
      const key = rest.slice(tab + 1);
      this.words.set(word, count);
      this.keys.set(key, (this.keys.get(key) ?? 0) + count);
      this.keyForms.set(key, Math.max(this.keyForms.get(key) ?? 0, count));
      total += count;
      if (count < rarest) rarest = count;
    }
    this.total = total;
    this.logTotal = Math.log(total);
    this.logRarest = Math.log(rarest);
  }

  static load(): SlovenianWords {
    return new SlovenianWords(readKeyed('sl-words.tsv'));
  }

  /** Uses of this folded word form; 0 when it is not among the listed words. */
  count(folded: string): number {
    return this.words.get(folded) ?? 0;
  }

  /** Uses of all listed forms that share this index key. */
  keyCount(key: string): number {
    return this.keys.get(key) ?? 0;
  }

  has(folded: string): boolean {
    return this.words.has(folded);
  }

  /**
   * Information of a word in [0, 1]: 0 for the most frequent words, 1 for words rarer than every
   * listed one (names, technical terms, typos), in between by the log of its frequency. An
   * unlisted form of a listed word ("sankcijah") is judged by the most used form of its key.
   */
  information(folded: string, key: string): number {
    return this.informationOfCount(this.count(folded) || (this.keyForms.get(key) ?? 0));
  }

  /**
   * Uses of the most used listed word one edit from an unlisted form, its first letter kept (0 when
   * none is): "vsebno" is "vsebino" mistyped, "nekdej" a spoken "nekdaj".
   */
  nearestCount(folded: string): number {
    return this.nearest.getOrMake(folded, () => {
      let most = 0;
      for (const candidate of oneEditAway(folded))
        if (candidate[0] === folded[0]) most = Math.max(most, this.words.get(candidate) ?? 0);
      return most;
    });
  }

  /**
   * Information of a form no list or corpus knows: that of the listed word one edit away, if there
   * is one, since such a form is most likely that word mistyped or in a rare form, not a rare topic
   * word; else the most (1).
   */
  informationOfUnlisted(folded: string): number {
    const near = this.nearestCount(folded);
    return near === 0 ? 1 : this.informationOfCount(near);
  }

  /**
   * Information of an index key alone (for words known only by key, such as translations), by its
   * most used form: a question names a word in one form, and all forms together would make a
   * common stem ("star…": star, stara, staro, stari) look far commoner than "star" is.
   */
  informationOfKey(key: string): number {
    return this.informationOfCount(this.keyForms.get(key) ?? 0);
  }

  private informationOfCount(count: number): number {
    if (count === 0) return 1;
    const bits = this.logTotal - Math.log(count);
    const most = this.logTotal - this.logRarest;
    return Math.min(1, Math.max(0, bits / most));
  }
}
