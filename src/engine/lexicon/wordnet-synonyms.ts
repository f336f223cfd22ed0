import { readKeyed } from './files.ts';

/**
 * Synonyms from the Slovene wordnet (sloWNet, `lexicon/sl-synonyms.tsv`) by index key, each as
 * the keys of its words ("kazen" → "sankcija"; "obala" → "morska obala"), and the words WordNet
 * relates to a word (`lexicon/sl-related.tsv`). sloWNet was built largely by translation and a
 * word has several senses, so a match through it is weaker evidence than the word itself, and a
 * related word weaker still.
 */
export class WordnetSynonyms {
  /**
   * @param synonyms key → "lemma<TAB>synonym keys", as in the file
   * @param related key → related keys, `|`-separated
   */
  constructor(
    private readonly synonyms: Map<string, string>,
    private readonly relatedKeys: Map<string, string>,
  ) {}

  static load(): WordnetSynonyms {
    return new WordnetSynonyms(readKeyed('sl-synonyms.tsv'), readKeyed('sl-related.tsv'));
  }

  /** The synonyms of the word with this key, each as its keys (a phrase has several). */
  of(key: string): string[][] {
    const line = this.synonyms.get(key);
    if (!line) return [];
    return line
      .slice(line.indexOf('\t') + 1)
      .split('|')
      .map((member) => member.split(' '));
  }

  /** The base form the wordnet lists under this key, as written there ("ognjenik"), if any. */
  lemmaOf(key: string): string | undefined {
    const line = this.synonyms.get(key);
    return line === undefined ? undefined : line.slice(0, line.indexOf('\t'));
  }

  /** Keys of related words, closest relations first ("kaznovalen" → "kazen"; "otrok" → "mladoletnik"). */
  related(key: string): string[] {
    return this.relatedKeys.get(key)?.split('|') ?? [];
  }
}
