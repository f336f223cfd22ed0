/**
 * The ways one question word can appear in a passage besides its own key: its word family,
 * other forms the stemmer kept apart, typo neighbours, wordnet synonyms and related words, the
 * parts of a hyphenated name. Each comes with a weight below the word's own, so a passage with
 * the word itself still wins.
 */
import type { Lexicon } from '../lexicon/lexicon.ts';
import { onlyLetterSiblings } from '../analysis/family.ts';
import { stemKey } from '../analysis/stem.ts';
import { mayBeForeignName, slovenianSpellings } from '../question/foreign-spelling.ts';
import type { QuestionWord } from '../question/question-words.ts';
import type { Vocabulary } from './vocabulary.ts';

/** One way a concept of the question can appear in a passage: all `keys` present. */
export interface Alternative {
  keys: string[];
  /** How much a match through this alternative counts, in (0, 1]; the question's own words are 1. */
  weight: number;
}

/** How much matches that are not the question's own word form count. */
export const MATCH_WEIGHTS = {
  synonym: 0.8,
  /** A synonym from the Slovene wordnet: noisier than the corpus's own groups. */
  wordnet: 0.5,
  /** A word WordNet relates to it: derived, similar, broader or narrower ("kaznovalni" → "kazen"). */
  related: 0.35,
  /** The same word family across parts of speech ("Rusija" → "ruski"). */
  family: 0.6,
  /** A known key of the same word family, when the word's own key is unknown ("kimov" → "kim"). */
  backoff: 0.7,
  /** A known key one edit away (two for long words): typos. */
  typo: 0.65,
  /** A longer known key starting with the word's whole key ("prvi" → "prvic"). */
  extension: 0.7,
  /** A longer key of the same family as a word the corpus knows ("prvi" → "prvic"). */
  knownExtension: 0.6,
  /** The parts of a hyphenated name ("jong un" for "Jong-un"). */
  parts: 0.9,
  /** A Slovenian word for an English one (WordNet + sloWNet). */
  english: 0.7,
  /** The name an abbreviation stands for, found by its initials ("SNL" → "Saturday Night Live"). */
  abbreviation: 0.8,
  /** A word whose spacing or colloquial form was mended. */
  mended: 0.9,
  /** A name in another case ("Kimu", "Kimom" → "Kim"; the stemmer keeps short words whole), or its English possessive without the apostrophe. */
  nameCase: 0.9,
  /** The Slovenian spelling of a foreign name written the English way ("Pyongyang" → "Pjongjang"). */
  spelling: 0.9,
  /** The same word family with or without a learned prefix ("kolonializem" → "neokolonialen", "protiukrep" → "ukrep"). */
  prefixed: 0.5,
};

/** The corpus key of the Slovenian spelling of a foreign name the corpus lacks as written. */
export function respelled(
  word: Pick<AlternativesInput, 'key' | 'form' | 'question'>,
  vocab: Vocabulary,
): Alternative[] {
  if (vocab.has(word.key) || !mayBeForeignName(word.form, word.question.capitalised)) return [];
  return slovenianSpellings(word.form)
    .map((spelling) => stemKey(spelling))
    .filter((k) => vocab.has(k))
    .map((k) => ({ keys: [k], weight: MATCH_WEIGHTS.spelling }));
}

/** A listed word (or word family) used at least this often is a word, not a typo, even when the corpus lacks it ("star"). */
export const GENUINE_WORD_COUNT = 50;
const MIN_FAMILY_KEY = 5;

/**
 * A real word of everyday Slovenian: the form, or other forms of its word family, are used often
 * enough. Short keys are shared by too many unrelated forms ("borl…") to vouch for a word.
 */
export function isEverydayWord(form: string, key: string, lex: Lexicon): boolean {
  return (
    lex.words.count(form) >= GENUINE_WORD_COUNT ||
    (key.length >= MIN_FAMILY_KEY && lex.words.keyCount(key) >= GENUINE_WORD_COUNT)
  );
}

/** Typo correction tries one-edit variants of words up to this length: beyond it, no real word is misspelt. */
export const MAX_TYPO_LENGTH = 24;
/** Stems shorter than this have too many unrelated look-alikes to extend or shorten. */
const MIN_FAMILY_STEM = 4;
/** An unknown key is shortened by at most this many letters to find its family ("uveden" → "uved…"). */
const MAX_SHORTENING = 2;
/** Known keys taken from one prefix look-up, most frequent first. */
const MAX_EXTENSIONS = 3;
/** Typos corrected in a stem: one edit from 5 letters on, two from 8 (longer words bear more). */
const ONE_EDIT_FROM = 5;
const TWO_EDITS_FROM = 8;
/** Alternatives kept from the wordnet and from the word family, most relevant first. */
const MAX_WORDNET_ALTERNATIVES = 8;
export const MAX_FAMILY_ALTERNATIVES = 3;
/** A wordnet synonym's key must be this long to stand for the corpus keys that extend it. */
const MIN_EXTENDED_SYNONYM = 4;
/** A wordnet member the corpus lacks is shortened by at most this many letters to a known key. */
const MAX_MEMBER_SHORTENING = 3;
/** Related words kept, closest relations first. */
const MAX_RELATED_ALTERNATIVES = 4;

/** A word on its way to becoming a concept. */
export interface Word {
  question: QuestionWord;
  key: string;
  parts: string[];
  /** Weight of the word's own key: below 1 when it is mended. */
  weight: number;
  /** The folded form whose everyday frequency says how telling the word is. */
  form: string;
  /** Other keys a misspelt word may stand for. */
  otherReadings?: string[];
}

/** Fields a memo key can be made of: values written out as they are, not objects. */
type Keyable<T> = {
  [F in keyof T]-?: T[F] extends string | number | boolean | readonly string[] | undefined ? F : never;
}[keyof T];

/**
 * What `wordAlternatives` reads of a word, and of the question word it was written as. Its memo
 * key is made of exactly these fields, so a field it comes to need must be added here (the type
 * refuses the read otherwise) and is keyed too.
 */
const ALTERNATIVES_INPUT = ['key', 'parts', 'form', 'weight', 'otherReadings'] as const satisfies Keyable<Word>[];
const ALTERNATIVES_QUESTION_INPUT = ['abbreviation', 'capitalised'] as const satisfies Keyable<QuestionWord>[];
export type AlternativesInput = Pick<Word, (typeof ALTERNATIVES_INPUT)[number]> & {
  question: Pick<QuestionWord, (typeof ALTERNATIVES_QUESTION_INPUT)[number]>;
};

export function alternativesKey(word: AlternativesInput): string {
  let id = '';
  const write = (value: string | number | boolean | readonly string[] | undefined) => {
    id += `${Array.isArray(value) ? value.join(' ') : (value ?? '')}\u0000`;
  };
  for (const field of ALTERNATIVES_INPUT) write(word[field]);
  for (const field of ALTERNATIVES_QUESTION_INPUT) write(word.question[field]);
  return id;
}

/** The ways one word can appear besides its own key. */
export function wordAlternatives(word: AlternativesInput, vocab: Vocabulary, lex: Lexicon): Alternative[] {
  const { key } = word;
  const out: Alternative[] = [];
  if (word.parts.length > 1) {
    out.push({ keys: word.parts, weight: MATCH_WEIGHTS.parts });
    // A declined foreign name: "Berners-Leeja" for "Berners-Lee". The declined part may be known
    // from another article ("Leeja" of another Lee), so the bare stem is tried either way.
    const bare = word.parts.map((p) =>
      vocab.has(p) ? (bareStem(p, vocab) ?? p) : (shortStems(p, vocab)[0]?.keys[0] ?? p),
    );
    if (bare.some((p, i) => p !== word.parts[i]))
      out.push({ keys: bare, weight: MATCH_WEIGHTS.parts * MATCH_WEIGHTS.backoff });
  }
  for (const reading of word.otherReadings ?? []) out.push({ keys: [reading], weight: MATCH_WEIGHTS.typo });
  const abbreviation = word.question.abbreviation;
  if (abbreviation && vocab.has(abbreviation)) out.push({ keys: [abbreviation], weight: MATCH_WEIGHTS.abbreviation });
  // A foreign name in a case that adds a j, which the corpus may write too ("Leejev" of "Lee" while
  // another article has "Leeja" of another Lee): the name is the nominative.
  if (word.question.capitalised || vocab.isName(key))
    for (const other of declinedName(key, word.form, vocab))
      out.push({ keys: [other], weight: MATCH_WEIGHTS.nameCase });
  out.push(
    ...extensions(key, vocab),
    ...lessCut(word.form, key, vocab),
    ...shortStems(key, vocab, word.question.capitalised),
    ...caseSiblings(key, vocab),
    ...otherVerbForm(key, vocab),
    ...alternated(word.form, key, vocab),
    ...verbalNounOrVerb(word.form, key, vocab, lex),
    ...softRKin(word.form, key, vocab, lex),
    ...respelled(word, vocab),
    ...decadeYears(word.form, vocab),
  );
  if (!vocab.has(key) && !isEverydayWord(word.form, key, lex)) {
    // Unknown to the corpus and to everyday speech: another form of a corpus word, or a typo in its stem.
    out.push(...prefixFamily(key, vocab), ...typoNeighbours(key, vocab));
  }
  for (const member of vocab
    .family(key)
    .filter((m) => !onlyLetterSiblings(key, m))
    .slice(0, MAX_FAMILY_ALTERNATIVES))
    out.push({ keys: [member], weight: MATCH_WEIGHTS.family * word.weight });
  for (const member of prefixedFamily(key, vocab).slice(0, MAX_FAMILY_ALTERNATIVES))
    out.push({ keys: [member], weight: MATCH_WEIGHTS.prefixed * word.weight });
  out.push(...wordnetAlternatives(key, vocab, lex).map((a) => ({ keys: a.keys, weight: a.weight * word.weight })));
  // A name stands for one person, place or body: the words WordNet relates to it are other things
  // ("Kitajska" → "otok", "Tajvan", "mandarinščina"), and matching them answers a question about a
  // country the article never mentions.
  if (word.question.capitalised || vocab.isName(key)) return out;
  const related = lex.synonyms.related(key).filter((k) => vocab.has(k));
  for (const k of related.slice(0, MAX_RELATED_ALTERNATIVES))
    out.push({ keys: [k], weight: MATCH_WEIGHTS.related * word.weight });
  return out;
}

/** Decades by their tens, in words ("v osemdesetih") as in figures ("v 80-ih", "1990-ih"). */
const DECADE_WORDS = [
  'dvajset',
  'trideset',
  'stirideset',
  'petdeset',
  'sestdeset',
  'sedemdeset',
  'osemdeset',
  'devetdeset',
];
const DECADE_FIGURES = /^(19|20)?([0-9])0-?(?:ih|tih)$/;

/**
 * The years a decade stands for ("v 80-ih" → 1980 … 1989) that the corpus writes, so "zakaj so
 * ga ukinili v 80-ih" meets "v letih 1981–87". Decades without a century are the 1900s.
 */
function decadeYears(form: string, vocab: Vocabulary): Alternative[] {
  const figure = DECADE_FIGURES.exec(form);
  const word = DECADE_WORDS.findIndex((w) => form === `${w}ih`);
  const tens = figure ? Number(figure[2]) : word >= 0 ? word + 2 : -1;
  if (tens < 0) return [];
  const century = figure?.[1] === '20' ? 2000 : 1900;
  const years: Alternative[] = [];
  for (let year = century + tens * 10; year < century + tens * 10 + 10; year++)
    if (vocab.has(String(year))) years.push({ keys: [String(year)], weight: MATCH_WEIGHTS.family });
  return years;
}

/**
 * Learned prefixes that make a word of the same topic ("neokolonialen", "protiukrep",
 * "postsovjetski"): general Slovenian word formation. Native prefixes are left out, as they make
 * other words ("pogodba" is not "godba", "nadzor" not "zor").
 */
const LEARNED_PREFIXES = [
  'anti',
  'proti',
  'neo',
  'post',
  'psevdo',
  'kvazi',
  'super',
  'hiper',
  'ultra',
  'mega',
  'mikro',
  'makro',
  'multi',
  'inter',
  'trans',
  'eks',
];
/** The rest of a word after a learned prefix must be this long to be a word of its own. */
const MIN_PREFIXED_ROOT = 5;

/**
 * Known keys of the word with a learned prefix added, or, for a prefixed word, without it. The
 * stemmer cuts derived words at different places ("kolonializ…" of "kolonializem", "neokolon…" of
 * "neokolonialnim"), so the root may be a shorter or a longer key sharing its start.
 */
function prefixedFamily(key: string, vocab: Vocabulary): string[] {
  const out: string[] = [];
  const related = (root: string, prefix: string) => {
    // Most learned prefixes make no corpus key with this root: one search of the sorted keys
    // rules out the extensions and the shortened roots below, all of which begin so.
    if (!vocab.hasKeyStartingWith(prefix + root.slice(0, MIN_PREFIXED_ROOT))) return;
    out.push(...vocab.extending(prefix + root, MAX_EXTENSIONS));
    for (let len = root.length; len >= MIN_PREFIXED_ROOT; len--)
      if (vocab.has(prefix + root.slice(0, len))) {
        out.push(prefix + root.slice(0, len));
        break;
      }
  };
  for (const prefix of LEARNED_PREFIXES) {
    if (key.startsWith(prefix) && key.length - prefix.length >= MIN_PREFIXED_ROOT)
      related(key.slice(prefix.length), '');
    else if (key.length >= MIN_PREFIXED_ROOT) related(key, prefix);
  }
  return [...new Set(out)].filter((k) => k !== key);
}

/**
 * Synonyms from the Slovene wordnet that the corpus uses. Wordnet members are dictionary forms
 * ("krepiti"); where the corpus holds only other forms of one ("krepita"), its known extensions stand in.
 */
function wordnetAlternatives(key: string, vocab: Vocabulary, lex: Lexicon): Alternative[] {
  const out: Alternative[] = [];
  for (const member of lex.synonyms.of(key)) {
    if (out.length >= MAX_WORDNET_ALTERNATIVES) break;
    if (member.every((k) => vocab.has(k))) out.push({ keys: member, weight: MATCH_WEIGHTS.wordnet });
    else if (member.length === 1 && member[0]!.length >= MIN_EXTENDED_SYNONYM) {
      // Or the known key it shortens to: the corpus's "sankcij…" for "sankcionirati".
      const known = vocab.extending(member[0]!, 1);
      for (const k of known.length > 0 ? known : knownStem(member[0]!, vocab))
        out.push({
          keys: [k],
          weight: MATCH_WEIGHTS.wordnet * MATCH_WEIGHTS.knownExtension,
        });
    }
  }
  return out;
}

/**
 * The known key a wordnet member's key shortens to by at most `MAX_MEMBER_SHORTENING` letters,
 * not below `MIN_SHARED_PREFIX` ("sankcion" of "sankcionirati" → "sankc" of "sankcije"): the
 * stemmer cuts verbs and nouns of one root at different places.
 */
function knownStem(key: string, vocab: Vocabulary): string[] {
  for (let len = key.length - 1; len >= Math.max(MIN_SHARED_PREFIX, key.length - MAX_MEMBER_SHORTENING); len--)
    if (vocab.has(key.slice(0, len))) return [key.slice(0, len)];
  return [];
}

/**
 * Known keys of the same word family as an unknown key: sharing all but its last one or two
 * letters ("uveden" → "uvedl", "kimov" → "kim").
 */
export function prefixFamily(key: string, vocab: Vocabulary): Alternative[] {
  if (key.length < MIN_FAMILY_STEM) return [];
  for (
    let len = key.length;
    len === key.length || len >= Math.max(MIN_SHARED_PREFIX, key.length - MAX_SHORTENING);
    len--
  ) {
    const prefix = key.slice(0, len);
    const members = [
      ...(vocab.has(prefix) && len < key.length ? [prefix] : []),
      ...vocab.extending(prefix, MAX_EXTENSIONS),
    ];
    if (members.length === 0) continue;
    const weight = len === key.length ? MATCH_WEIGHTS.extension : MATCH_WEIGHTS.backoff;
    return members.slice(0, MAX_EXTENSIONS).map((k) => ({ keys: [k], weight }));
  }
  return [];
}

/**
 * Shortening an unknown key to find its family stops at this length: shorter stems have too many
 * unrelated look-alikes ("sporo…" of "sporočil" is not "spor…" of "sporazum").
 */
const MIN_SHARED_PREFIX = 5;

/** Known keys one or two edits from an unknown key (two for long words): typos in the stem. */
function typoNeighbours(key: string, vocab: Vocabulary): Alternative[] {
  if (key.length > MAX_TYPO_LENGTH) return [];
  const maxEdits = key.length >= TWO_EDITS_FROM ? 2 : key.length >= ONE_EDIT_FROM ? 1 : 0;
  if (maxEdits === 0) return [];
  return vocab
    .near(key, maxEdits)
    .filter(({ key: near }) => near[0] === key[0])
    .slice(0, MAX_EXTENSIONS)
    .map(({ key: near, distance }) => ({ keys: [near], weight: MATCH_WEIGHTS.typo / distance }));
}

/**
 * Case endings the stemmer leaves on short words ("toku", "miru") and on foreign names, which take
 * a j after a vowel ("Leeja", "Kanyeju"): tried when the corpus lacks the key.
 */
const SHORT_WORD_ENDINGS = /j?(?:om|em|ih|ah|ov|ev|mi|a|e|i|o|u)$|j$/;
/** The shortest stem a short word may be cut to. */
const MIN_SHORT_STEM = 3;

/**
 * The stems a short word's key may be cut to: without its case ending, a foreign name's j with it
 * ("leeja" → "lee"), and, for a name (`name`), with the j kept where it may be the stem's own
 * ("Baji", "Maje" of "Baja", "Maja" → "baj", "maj"). Not for other words: a chat "vejo" (they
 * know) is no case of "veja" (a branch).
 */
function shortWordStems(key: string, name: boolean): string[] {
  const stem = key.replace(SHORT_WORD_ENDINGS, '');
  const cut = key.slice(stem.length);
  return name && cut.length > 1 && cut.startsWith('j') ? [stem, `${stem}j`] : [stem];
}

/** The known bare stem of a short word or name part with a case ending ("leej" → "lee"), if any. */
function bareStem(key: string, vocab: Vocabulary): string | undefined {
  const stem = shortWordStems(key, false)[0]!;
  return stem.length >= MIN_SHORT_STEM && stem !== key && vocab.has(stem) ? stem : undefined;
}

/**
 * The corpus name a short word is in another case of ("kimu", "Kimom" → "kim"), or whose English
 * possessive it is, typed without the apostrophe ("sainsburys"), if any: a name declines like any
 * noun but names one thing in every case, so this is no typo.
 */
export function nameInCase(key: string, vocab: Vocabulary): string | undefined {
  const stem = bareStem(key, vocab);
  if (stem !== undefined && vocab.isName(stem)) return stem;
  // An English possessive typed without its apostrophe: "Sainsburys" for "Sainsbury's".
  const possessor = key.slice(0, -1);
  return key.endsWith('s') && possessor.length >= MIN_SHORT_STEM && vocab.isName(possessor) ? possessor : undefined;
}

/**
 * The corpus's keys of a foreign name in the cases that add a j ("Leeja", "Abercrombieju"): the
 * nominative's key of a j-form ("leej" → "lee", "abercrombiej" → "abercr", as the stemmer cuts
 * "Abercrombie"), and the j-form of a nominative ("Abercrombie" → "abercrombiej"), wherever the
 * corpus writes them as names. Not for a j of the stem ("Španija", "Aleksej"; so none after an
 * i, and "Ferrarija" is left to typo mending), and no other ending is cut: "William" is no case of
 * "Will", nor "Španec" of "SPAN".
 */
function declinedName(key: string, form: string, vocab: Vocabulary): string[] {
  const out = new Set<string>();
  if (/[aeouyr]j$/.test(key) && !form.endsWith('j')) out.add(stemKey(key.slice(0, -1)));
  if (/[aeiouyr]$/.test(form)) out.add(stemKey(`${form}ja`));
  out.delete(key);
  return [...out].filter((k) => vocab.isName(k));
}

/**
 * The corpus name a capitalised short word is, declined by ear with another vowel ending: "Petra
 * Bona" for Peter Bone, whose case forms the stemmer keeps whole. The caller asks it only of
 * short words written with a capital: a longer or small-letter word is likelier a typo ("Boliiji",
 * "vladee") or another word.
 */
export function nameWithOtherVowel(key: string, vocab: Vocabulary): string | undefined {
  for (const bare of shortWordStems(key, true)) {
    if (bare === key || bare.length < MIN_SHORT_STEM) continue;
    const name = VOWEL_ENDINGS.map((v) => bare + v).find((k) => k !== key && vocab.isName(k));
    if (name !== undefined) return name;
  }
  return undefined;
}

/** Vowel endings a short word's key may keep in another case ("pita", "pito", "pite"). */
const VOWEL_ENDINGS = ['a', 'e', 'i', 'o', 'u'];

/**
 * The stemmer keeps case endings on short words, since cutting them from short words more often
 * joins unrelated ones; where the corpus lacks the key, the word is its bare stem or the stem
 * with another case ending, if the corpus has those ("toku" → "tok", "pita" → "pito").
 */
function shortStems(key: string, vocab: Vocabulary, name = false): Alternative[] {
  if (vocab.has(key)) return [];
  const forms = shortWordStems(key, name)
    .filter((stem) => stem.length >= MIN_SHORT_STEM && stem !== key)
    .flatMap((stem) => [stem, ...VOWEL_ENDINGS.map((v) => stem + v)])
    .filter((k) => k !== key && vocab.has(k));
  return forms.map((k) => ({ keys: [k], weight: MATCH_WEIGHTS.backoff }));
}

/**
 * Other case forms of a short word the corpus knows ("kapi" → "kapo", "voda" → "vodo"): the
 * stemmer keeps their endings, so they are other keys. At a word family's weight, as two short
 * words may differ only in their last vowel ("vodi" is also "leads").
 */
function caseSiblings(key: string, vocab: Vocabulary): Alternative[] {
  if (key.length !== MIN_SHORT_STEM + 1 || !/[aeiou]$/.test(key) || !vocab.has(key)) return [];
  const stem = key.slice(0, -1);
  return VOWEL_ENDINGS.map((v) => stem + v)
    .filter((k) => k !== key && vocab.has(k))
    .map((k) => ({ keys: [k], weight: MATCH_WEIGHTS.family }));
}

/**
 * The infinitive and the past participle of a verb with a short root ("metati"/"metal",
 * "igrati"/"igral", "hoditi"/"hodil", and the chat infinitive "metat"): the stemmer takes endings
 * only from longer words, so their keys differ in the last letter alone ("metat", "metal"), while
 * a longer verb's forms share one key ("podpisati", "podpisal" → "podpis").
 */
const SHORT_VERB_KEY = /^[a-z]{3}[aei][tl]$/;

function otherVerbForm(key: string, vocab: Vocabulary): Alternative[] {
  if (!SHORT_VERB_KEY.test(key)) return [];
  const other = key.slice(0, -1) + (key.endsWith('t') ? 'l' : 't');
  return vocab.has(other) ? [{ keys: [other], weight: MATCH_WEIGHTS.prefixed }] : [];
}

/**
 * The consonant changes between a verb and its passive participle ("zgraditi" → "zgrajen",
 * "obsoditi" → "obsojen", "objaviti" → "objavljen", "kupiti" → "kupljen", "vrniti" → "vrnjen"),
 * read on folded keys ("puščen" is "puscen", so "izpustiti" → "izpuščen" is the t → c change):
 * the verb key's last letters, the participle key's.
 */
const ALTERNATIONS: [string, string][] = [
  ['d', 'j'],
  ['t', 'c'],
  ['p', 'plj'],
  ['b', 'blj'],
  ['v', 'vlj'],
  ['v', 'vl'],
  ['m', 'mlj'],
  ['n', 'nj'],
  ['l', 'lj'],
];
/** The shortest key the alternations are read on: shorter ones end in a consonant by chance. */
const MIN_ALTERNATED_KEY = 4;
/** A verb of the -iti class as written after its key: infinitive or l-participle ("zgrad-ili", "obsod-ilo"). */
const VERB_ENDING = /^(?:iti|il|ila|ilo|ili|ile)$/;
/** A passive participle after its changed consonant ("zgrajena", "objavljen", "puscen", "vrnjeni"). */
const PARTICIPLE_FORM = /(?:j|c|nj)en(?:a|o|i|e|ega|emu|em|im|ih|ima|imi)?$/;

/**
 * A verb's passive participle, or a participle's verb, across the changed consonant, when the
 * corpus has it: "zgradili" meets "je bila zgrajena", "obsojen" meets "so ga obsodili". Read
 * only on words written as one of the two, so "policija" does not meet "politika".
 */
function alternated(form: string, key: string, vocab: Vocabulary): Alternative[] {
  if (key.length < MIN_ALTERNATED_KEY) return [];
  const verb = form.startsWith(key) && VERB_ENDING.test(form.slice(key.length));
  const participle = PARTICIPLE_FORM.test(form);
  if (!verb && !participle) return [];
  const out: Alternative[] = [];
  for (const [verbEnd, participleEnd] of ALTERNATIONS) {
    const other =
      verb && key.endsWith(verbEnd)
        ? key.slice(0, -verbEnd.length) + participleEnd
        : participle && key.endsWith(participleEnd)
          ? key.slice(0, -participleEnd.length) + verbEnd
          : undefined;
    if (other !== undefined && other !== key && vocab.has(other))
      out.push({ keys: [other], weight: MATCH_WEIGHTS.family });
  }
  return out;
}

/** A verbal noun in -tev of an -iti or -ati verb, in any case ("ustanovitev", "vrnitvijo", "potrditvi"). */
const VERBAL_NOUN_FORM = /^(\p{L}{3,}[ai])t(?:ev|ve|vi|vijo|vah|vam|vama|vami)$/u;
/** That verb's infinitive or past participle ("ustanoviti", "ustanovil", "ustanovila"). */
const VERB_FORM = /^(\p{L}{3,}[ai])(?:ti|t|l|la|lo|li|le)$/u;

/**
 * A verbal noun in -tev and its verb, each way: "ustanovitev" meets "ustanovila", "so se vrnili"
 * meets "pred vrnitvijo". The stemmer cuts the two at different places ("ustanovit…", "ustan…"),
 * so the other's key is made from the form written. Only real words on the other side: a noun
 * everyday speech lists for a verb ("ustanovitev", not "izrazitev", whose key is that of
 * "izrazito"), a listed infinitive for a noun.
 */
function verbalNounOrVerb(form: string, key: string, vocab: Vocabulary, lex: Lexicon): Alternative[] {
  const noun = VERBAL_NOUN_FORM.exec(form)?.[1];
  const verb = noun === undefined ? VERB_FORM.exec(form)?.[1] : undefined;
  const listed = (word: string) => lex.words.count(word) > 0;
  const others =
    noun !== undefined && listed(`${noun}ti`)
      ? [`${noun}ti`, `${noun}l`, `${noun}la`]
      : verb !== undefined && listed(`${verb}tev`)
        ? [`${verb}tev`]
        : [];
  return keysOf(others, key, vocab);
}

/** The corpus's keys of `forms`, other than `key`, each once, at a family's weight. */
function keysOf(forms: string[], key: string, vocab: Vocabulary): Alternative[] {
  return [...new Set(forms.map(stemKey))]
    .filter((other) => other !== key && vocab.has(other))
    .map((other) => ({ keys: [other], weight: MATCH_WEIGHTS.family }));
}

/** A neuter noun in -rje, in any case ("morje", "morja", "morju", "Primorje"). */
const RJE_NOUN = /^(\p{L}{2,}r)j(?:e|a|u|em|ih|i|ema|ami)$/u;
/** Its adjective, plain or of what lies along it ("morski", "obmorskih", "primorski"). */
const RSKI_ADJECTIVE = /^(?:ob)?(\p{L}{2,}r)sk(?:i|a|o|e|ega|emu|em|im|ih|imi|ima)$/u;

/**
 * A noun in -rje and its adjective in -rski, which drops the soft r's j ("morje", "morski"), and
 * the adjective of what lies along it ("obmorski"), each way. Read from the forms written: a key
 * in "rj" is as often a verb's ("verjeti", whose "verski" is no kin). From an adjective, only to a
 * noun everyday speech lists ("morje", not "verje").
 */
function softRKin(form: string, key: string, vocab: Vocabulary, lex: Lexicon): Alternative[] {
  const noun = RJE_NOUN.exec(form)?.[1];
  const adjective = noun === undefined ? RSKI_ADJECTIVE.exec(form)?.[1] : undefined;
  const root = noun ?? adjective;
  if (root === undefined) return [];
  const listedNoun = adjective !== undefined && lex.words.count(`${root}je`) > 0 ? [`${root}je`] : [];
  return keysOf([...listedNoun, `${root}ski`, `ob${root}ski`], key, vocab);
}

/** Keys this short are whole words: the stemmer leaves a case ending on them ("miru", "boju"). */
const MAX_UNSTEMMED_KEY = 3;

/**
 * The corpus's case forms of a short dictionary word it lacks in that form: an English word's
 * translation "mir" (peace) is written "miru" in the article, since the stemmer leaves short
 * words whole.
 */
export function caseForms(key: string, vocab: Vocabulary): Alternative[] {
  if (key.length > MAX_UNSTEMMED_KEY || vocab.has(key)) return [];
  return VOWEL_ENDINGS.map((v) => key + v)
    .filter((k) => vocab.has(k))
    .map((k) => ({ keys: [k], weight: MATCH_WEIGHTS.backoff }));
}

/**
 * Other forms of a known word that the stemmer kept apart ("prvi" → "prvič"): known keys that
 * extend it, at a lower weight, so the passage with the question's exact form still wins.
 */
function extensions(key: string, vocab: Vocabulary): Alternative[] {
  if (key.length < MIN_FAMILY_STEM) return [];
  return vocab.extending(key, MAX_EXTENSIONS).map((k) => ({ keys: [k], weight: MATCH_WEIGHTS.knownExtension }));
}

/** A key this short from a word this long was cut too far ("zahvala" → "zah", its "-ala" taken for a participle's). */
const OVERCUT_KEY = 3;
const OVERCUT_WORD = 6;

/**
 * The word without its last vowel, where the corpus has that as a key and the stemmer cut the
 * word down to a root too short to say much ("zahvala" → "zah", while "zahvalil" keeps "zahval").
 * Not an adjective's "-ov" root: "gotov", "surov", "domov" are keys of nouns that drifted from
 * them ("gotovina", "surovine", "domovina").
 */
function lessCut(form: string, key: string, vocab: Vocabulary): Alternative[] {
  if (key.length > OVERCUT_KEY || form.length < OVERCUT_WORD || !/[aeiou]$/.test(form)) return [];
  // As written, not stemmed again: the stemmer would cut "zahval" to "zah" as well.
  const lighter = form.slice(0, -1);
  return !lighter.endsWith('ov') && vocab.has(lighter) ? [{ keys: [lighter], weight: MATCH_WEIGHTS.extension }] : [];
}

/** Each distinct alternative once, at its best weight, strongest first (evidence weighing relies on the order). */
export function dedupeAlternatives(alternatives: Alternative[]): Alternative[] {
  const best = new Map<string, Alternative>();
  for (const alt of alternatives) {
    const id = alt.keys.join(' ');
    const seen = best.get(id);
    if (!seen || seen.weight < alt.weight) best.set(id, alt);
  }
  return [...best.values()].sort((a, b) => b.weight - a.weight);
}
