import { fold } from '../analysis/fold.ts';

/**
 * Words that open a paragraph which goes on from the one before: a pronoun or demonstrative
 * ("Ta naj bi dosegla …", "Njegovo truplo …"), or a word of sequence or contrast ("Nato je
 * skočil …", "Toda …"). Such a paragraph names its subject only in the paragraph before it.
 */
const CONTINUING_WORDS =
  /^(?:ta|to|te|ti|tega|temu|tem|tej|tisti\p{L}*|njegov\p{L}*|njen\p{L}*|njihov\p{L}*|njun\p{L}*|on|ona|ono|oni|one|nato|potem|takrat|tedaj|tam|kasneje|pozneje|vendar|toda|ampak|zato)$/u;
/** Forms of "biti" that follow a past participle in a sentence without a subject ("Umrl je …"). */
const AUXILIARIES = /^(?:je|so|sta|ste|bo|bodo|bi|sem|smo)$/;
/** Endings of a past participle ("umrl", "ostala", "povedali"). */
const PARTICIPLE = /(?:l|la|lo|li|le)$/;
/** The subject named by its age alone ("56-letnik v priljubljeni seriji igra …"), as news refers back. */
const AGE_NOUN_FIRST = /^\P{L}*\d+\s?-\s?letn/u;
/** A quote opens the paragraph ("»Nemudoma se morajo umakniti,« je dejal skupščini."). */
const QUOTE_FIRST = /^\s*[»"„“]/u;
/** … and names its speaker after it ("… je dejal Jaynes", "… je dejal g. Albence", "… pojasnil Putin"). */
const NAMED_SPEAKER = /[«"“”],?\s+(?:[\p{Ll}\s]+\s)?\p{Lu}/u;

/**
 * Whether a paragraph continues the previous one: it opens with a continuing word (see above),
 * with a verb and no subject ("Ostal je v njem, da …", "Umrl je pozneje v bolnišnici."), with its
 * subject's age ("56-letnik …") or with a quote whose speaker it does not name. Articles written
 * one sentence per paragraph are full of them, and their subject is in the paragraph before, so a
 * question that names it is answered by both together.
 */
export function continuesPrevious(text: string): boolean {
  if (AGE_NOUN_FIRST.test(text) || (QUOTE_FIRST.test(text) && !NAMED_SPEAKER.test(text))) return true;
  const words =
    fold(text.slice(0, 60))
      .toLowerCase()
      .match(/\p{L}+/gu) ?? [];
  const first = words[0] ?? '';
  return CONTINUING_WORDS.test(first) || (PARTICIPLE.test(first) && AUXILIARIES.test(words[1] ?? ''));
}
