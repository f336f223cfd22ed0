import { fold } from '../analysis/fold.ts';
import { PREPOSITIONS } from './prepositions.ts';
import { PEOPLE_NOUNS, ROLE_NOUNS } from './person-nouns.ts';

/**
 * Words that open a paragraph which goes on from the one before: a pronoun or demonstrative
 * ("Ta naj bi dosegla …", "Njegovo truplo …"), or a word of sequence or contrast ("Nato je
 * skočil …", "Toda …"). Such a paragraph names its subject only in the paragraph before it.
 */
const CONTINUING_WORDS =
  /^(?:ta|to|te|ti|tega|temu|tem|tej|tisti\p{L}*|njegov\p{L}*|njen\p{L}*|njihov\p{L}*|njun\p{L}*|on|ona|ono|oni|one|nato|potem|takrat|tedaj|tam|kasneje|pozneje|vendar|toda|ampak|zato)$/u;
/**
 * A preposition with a demonstrative that points back ("Namesto tega …", "Poleg tega …", "Kljub
 * temu …", "Ob tem …"): the paragraph goes on from what the one before said.
 */
const POINTING_BACK = new RegExp(`^(?:${PREPOSITIONS}|namesto|poleg|kljub|zaradi|razen)$`, 'u');
const DEMONSTRATIVE = /^(?:tega|temu|tem|to|tej|teh)$/;

/**
 * A masculine or feminine past participle and the form of "biti" that agrees with it, opening a
 * sentence without a subject ("Umrl je …", "Dejala je …", "Povedali so …"). Neuter and plural
 * feminine forms are left out: they are spelt as nouns are ("Letalo je …", "Pravila so …"), and
 * so are names ("Izrael je …"), which the caller tells apart.
 */
const SINGULAR_PARTICIPLE = /^\p{L}{3,}(?:l|la)$/u;
const SINGULAR_AUXILIARY = /^(?:je|sem|si|bo|bi)$/;
const PLURAL_PARTICIPLE = /^\p{L}{3,}li$/u;
const PLURAL_AUXILIARY = /^(?:so|smo|ste|bodo|bi)$/;
/**
 * The subject named by its age alone ("56-letnik v priljubljeni seriji igra …", "31-letni igralec
 * …", "42-letni Škot uživa …"), as news refers back: an age noun, or an age before a noun of a
 * person or a nationality; not before a full name ("68-letni Narcis Termes je dejal") nor a thing
 * ("20-letna pogodba").
 */
const AGE_NOUN_FIRST = /^\P{L}*\d+\s?-\s?letni[kc]/u;
const AGE_FIRST = /^\P{L}*\d+\s?-\s?letn[iao]\s+/u;
const PERSON_AFTER_AGE = new RegExp(`^(?:${ROLE_NOUNS}|${PEOPLE_NOUNS})`, 'u');
/** A nationality: one capitalised word and then a lower-case one ("Škot uživa"), not a first name and a surname. */
const NATIONALITY_AFTER_AGE = /^\p{Lu}\p{Ll}+\s+\p{Ll}/u;

/** A quote opens the paragraph ("»Nemudoma se morajo umakniti,« je dejal skupščini."). */
const QUOTE_FIRST = /^\s*[»"„“]/u;
/**
 * … and names its speaker within a few words after it ("… je dejal Jaynes", "… je dejal g.
 * Albence", "… je med obiskom v Pjongjangu pojasnil Putin"); a capital after a preposition is a
 * place or a medium ("… je dejal v Bruslju").
 */
const NAMED_SPEAKER = new RegExp(`[«"“”],?\\s+(?:[^\\s«»"“”]+\\s+){0,6}?(?<!(?:^|\\s)${PREPOSITIONS}\\s)\\p{Lu}`, 'u');

function subjectByAge(text: string): boolean {
  if (AGE_NOUN_FIRST.test(text)) return true;
  const age = AGE_FIRST.exec(text);
  if (!age) return false;
  const rest = text.slice(age[0].length, age[0].length + 40);
  return NATIONALITY_AFTER_AGE.test(rest) || PERSON_AFTER_AGE.test(fold(rest));
}

/**
 * Whether a paragraph continues the previous one: it opens with a continuing word (see above),
 * with a preposition that points back ("Namesto tega …"), with a verb and no subject ("Ostal je v
 * njem, da …", "Umrl je pozneje v bolnišnici."), with its
 * subject's age ("56-letnik …") or with a quote whose speaker it does not name. Articles written
 * one sentence per paragraph are full of them, and their subject is in the paragraph before, so a
 * question that names it is answered by both together. `isName` tells a name among the folded
 * first words ("Daniel je …" has its subject).
 */
export function continuesPrevious(text: string, isName: (folded: string) => boolean = () => false): boolean {
  if (subjectByAge(text) || (QUOTE_FIRST.test(text) && !NAMED_SPEAKER.test(text))) return true;
  const words = fold(text.slice(0, 60)).match(/\p{L}+/gu) ?? [];
  const [first = '', second = ''] = words;
  if (CONTINUING_WORDS.test(first)) return true;
  if (POINTING_BACK.test(first) && DEMONSTRATIVE.test(second)) return true;
  const participle =
    (SINGULAR_PARTICIPLE.test(first) && SINGULAR_AUXILIARY.test(second)) ||
    (PLURAL_PARTICIPLE.test(first) && PLURAL_AUXILIARY.test(second));
  return participle && !isName(first);
}
