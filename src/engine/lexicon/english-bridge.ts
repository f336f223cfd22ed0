import { APOSTROPHE } from '../analysis/analyze.ts';
import { readKeyed } from './files.ts';

/** An English possessive's 's, with any apostrophe ("Putin's", "Putin’s"), after its possessor. */
const POSSESSIVE = new RegExp(`^(.+)${APOSTROPHE}s$`, 'u');

/** The possessor an English possessive names ("Putin's" → "Putin"), or undefined. */
export function possessorOf(word: string): string | undefined {
  return POSSESSIVE.exec(word)?.[1];
}

/**
 * English questions about a Slovenian article: English words to the index keys of Slovenian
 * words with the same meaning, through English WordNet 3.0 joined with sloWNet by synset
 * (`lexicon/en-sl.tsv`), after reducing inflected forms to their WordNet lemma
 * (`lexicon/en-forms.tsv` for irregular forms, suffix rules for the rest).
 */
export class EnglishBridge {
  /**
   * @param translations English lemma → Slovenian keys as in `lexicon/en-sl.tsv` (split on use)
   * @param irregular irregular English form → lemma
   */
  constructor(
    private readonly translations: Map<string, string>,
    private readonly irregular: Map<string, string>,
  ) {}

  static load(): EnglishBridge {
    return new EnglishBridge(readKeyed('en-sl.tsv'), readKeyed('en-forms.tsv'));
  }

  /**
   * The WordNet lemmas an English word or phrase (lower case) may be a form of, the word itself
   * first: "signed" is an adjective and a form of "sign"; empty when none has a translation.
   */
  lemmasOf(word: string): string[] {
    const lemmas = [...new Set(lemmaCandidates(word, this.irregular))].filter((c) => this.translations.has(c));
    return lemmas.length > 0 ? lemmas : adjectivesOfAdverb(word).filter((c) => this.translations.has(c));
  }

  /** Slovenian index keys for an English lemma: one key sequence per Slovenian word or phrase, most frequent sense first. */
  translate(lemma: string): string[][] {
    return (
      this.translations
        .get(lemma)
        ?.split('|')
        .map((m) => m.split(' ')) ?? []
    );
  }
}

/**
 * WordNet's suffix rules for reducing an inflected form to a lemma ("treaties" → "treaty",
 * "signed" → "sign", "larger" → "large"); every rule is tried, the dictionary decides.
 */
const SUFFIX_RULES: [string, string][] = [
  ['ies', 'y'], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['es', 'e'], ['es', ''], ['s', ''],
  ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', ''], ['er', ''], ['er', 'e'], ['est', ''], ['est', 'e'],
];

/** Adverb endings and what the adjective ends in instead (see `adjectivesOfAdverb`). */
const ADVERB_RULES: [string, string][] = [
  ['ly', ''],
  ['ily', 'y'],
  ['ly', 'le'],
  ['ally', ''],
];

/**
 * The adjectives an adverb WordNet does not list may be made from ("personally" → "personal",
 * "happily" → "happy", "probably" → "probable", "basically" → "basic"): the adjective's
 * Slovenian words share their key with the adverb ("oseben", "osebno"). Only for a word with no
 * lemma of its own, so "apply" is never "apple", nor "early" "ear".
 */
function adjectivesOfAdverb(word: string): string[] {
  const out: string[] = [];
  for (const [suffix, replacement] of ADVERB_RULES)
    if (word.length > suffix.length + 2 && word.endsWith(suffix)) out.push(word.slice(0, -suffix.length) + replacement);
  return out;
}

function lemmaCandidates(word: string, irregular: Map<string, string>): string[] {
  const bare = possessorOf(word) ?? word;
  const out = [bare];
  const exception = irregular.get(bare);
  if (exception) out.push(exception);
  for (const [suffix, replacement] of SUFFIX_RULES) {
    if (bare.length > suffix.length + 1 && bare.endsWith(suffix)) out.push(bare.slice(0, -suffix.length) + replacement);
  }
  // A doubled consonant before -ed/-ing ("stopped", "planning").
  const doubled = /^(.*([bdgklmnprt]))\2(?:ed|ing)$/.exec(bare);
  if (doubled) out.push(doubled[1]!);
  // The adjectives of the four directions, which WordNet leaves untranslated ("Western sanctions").
  const direction = /^(west|east|north|south)ern$/.exec(bare);
  if (direction) out.push(direction[1]!);
  return out;
}
