import { createRequire } from 'node:module';
import { BoundedCache } from '../util/bounded-cache.ts';

/** The Snowball stemmer of `@nlpjs/lang-sl`: its rules, run on the word set as current. */
interface SnowballRules {
  setCurrent(word: string): void;
  innerStem(): void;
  getCurrent(): string;
}

let stemmer: SnowballRules | undefined;

/** The Snowball stemmer, loaded at the first word stemmed: a start from a saved index stems nothing before it is ready. */
function snowball(): SnowballRules {
  if (!stemmer) {
    const { StemmerSl } = createRequire(import.meta.url)('@nlpjs/lang-sl') as {
      StemmerSl: new () => SnowballRules;
    };
    stemmer = new StemmerSl();
  }
  return stemmer;
}

/**
 * The Snowball stem of a word: the stemmer's rules alone. Its `stemWord` gives the same stem (its
 * tables of exceptions are empty for Slovenian) but also remembers every word it was ever given,
 * in an object without bound: typo mending stems a few hundred new strings for each unknown word,
 * each cost some 2 µs there instead of 0.5, and stayed in memory for good. `stemKey` remembers
 * keys in a bounded cache of its own.
 */
export function snowballStem(word: string): string {
  const rules = snowball();
  rules.setCurrent(word);
  rules.innerStem();
  return rules.getCurrent();
}

/**
 * Inflectional endings removed before the Snowball stemmer runs. The Slovene Snowball rules only
 * strip suffixes from longer words, so short forms such as "svetu" or "sankcijah" would otherwise
 * keep their case ending and miss "svet" or "sankcije". Longest first; the rest must keep 4 letters.
 */
const ENDINGS = [
  // verbs: present tense of -ovati verbs ("obiskuje"), infinitive, and the l-participle of the
  // past and future tenses ("podpisati", "podpisala")
  'ujejo',
  'ujeta',
  'ujemo',
  'uje',
  'ajo',
  'ejo',
  'ijo',
  'iti',
  'ati',
  'eti',
  'ila',
  'ilo',
  'ili',
  'ala',
  'alo',
  'ali',
  'ela',
  'elo',
  'eli',
  'il',
  'al',
  'el',
  // nouns and adjectives: case endings
  'ega',
  'emu',
  'ima',
  'ami',
  'ih',
  'im',
  'om',
  'em',
  'ov',
  'ev',
  'ah',
  'mi',
  'a',
  'e',
  'i',
  'o',
  'u',
].sort((a, b) => b.length - a.length);
const MIN_STEM = 4;
/** The longest uninflected word read as a possessive adjective ("Kimov", "Putinov"). */
const MAX_BARE_POSSESSIVE = 6;

function stripEnding(word: string): string {
  let stem = word;
  for (const ending of ENDINGS) {
    if (word.endsWith(ending) && word.length - ending.length >= MIN_STEM) {
      stem = word.slice(0, -ending.length);
      break;
    }
  }
  // Possessive adjectives of names and kin ("Kimovih", "Putinova", "sinovih") meet the name itself;
  // an uninflected word ends in -ov/-ev as a possessive only when short ("Kimov"), longer ones
  // are nouns of their own ("Lakersov" aside, "pogovor").
  if (stem !== word || word.length <= MAX_BARE_POSSESSIVE) {
    const possessive = /^(.{3,})[oe]v$/.exec(stem);
    if (possessive) stem = possessive[1]!;
  }
  return stem;
}

/**
 * Nouns whose stem changes within the paradigm (and the verb "iti"), which no suffix stripping
 * joins: every listed form (folded) gets the key of the first, so "Koliko dni …?" meets "dan" and
 * "dneva", and "hčer" meets "hči". Grammar-book paradigms, not words picked for any question.
 */
const IRREGULAR_PARADIGMS: string[][] = [
  ['dan', 'dne', 'dneva', 'dnevu', 'dnevom', 'dneve', 'dnevi', 'dni', 'dnevih', 'dneh', 'dnem', 'dnevoma', 'dnevov'],
  ['clovek', 'cloveka', 'cloveku', 'clovekom', 'ljudje', 'ljudi', 'ljudem', 'ljudmi', 'ljudeh'],
  // the k of "otrok" turns c before the i of the plural ("otroci", "otrocih")
  ['otrok', 'otroka', 'otroku', 'otrokom', 'otroci', 'otroke', 'otrocih', 'otroki', 'otrokoma'],
  [
    'hci',
    'hcere',
    'hcer',
    'hceri',
    'hcerjo',
    'hcera',
    'hcerama',
    'hcerami',
    'hcerah',
    'hceram',
    'hcerka',
    'hcerke',
    'hcerki',
    'hcerko',
    'hcerk',
    'hcerkama',
    'hcerkami',
    'hcerkah',
    'hcerkam',
  ],
  ['mati', 'matere', 'mater', 'materi', 'materjo', 'materama', 'materami', 'materah', 'materam'],
  ['pes', 'psa', 'psu', 'psom', 'psi', 'psov', 'psih', 'psoma'],
  // nouns that grow a syllable outside the nominative ("oče" → "očeta", "ime" → "imena"), keyed as
  // the longer forms already are
  ['oceta', 'oce', 'ocetu', 'ocetom', 'ocetje', 'ocetov', 'ocete', 'oceti', 'ocetih', 'ocetoma', 'ocetmi'],
  ['imena', 'ime'],
  ['vremena', 'vreme'],
  ['plemena', 'pleme'],
  ['semena', 'seme'],
  ['bremena', 'breme'],
  ['dekleta', 'dekle'],
  // and the one verb whose forms share no stem: "iti" ("gredo" is not "greda"); not "šlo", which
  // folds to the abbreviation "SLO"
  [
    'iti',
    'grem',
    'gres',
    'gre',
    'greva',
    'gresta',
    'gremo',
    'greste',
    'gredo',
    'grejo',
    'sel',
    'sla',
    'sli',
    'sle',
    'pojdi',
    'pojdimo',
    'pojdite',
  ],
];
let irregular: Map<string, string> | undefined;

/** The shared key of an irregular noun's form, if it is one (see `IRREGULAR_PARADIGMS`). */
function irregularKey(word: string): string | undefined {
  if (!irregular) {
    irregular = new Map();
    for (const [lemma, ...forms] of IRREGULAR_PARADIGMS) {
      const key = regularKey(lemma!);
      for (const form of [lemma!, ...forms]) irregular.set(form, key);
    }
  }
  return irregular.get(word);
}

function regularKey(word: string): string {
  // The perfective verbs of "zvati" ("odzvati", "pozval", "izzove") share their root with their
  // imperfectives and nouns ("odzivati", "poziv", "izziv"), but Snowball cuts them down to the
  // prefix ("odzval" → "odz"): they take the noun's key, so "se je odzval" meets "odziv".
  const called = CALL_VERB.exec(word);
  if (called) return plainKey(`${called[1]}ziv`);
  const key = plainKey(word);
  // Snowball cuts into the k of the other forms of some -ek nouns ("sestanka", "sestankom" →
  // "sestan") but keeps it in the bare form ("sestanek" → "sestank"): the bare form takes the key
  // of the others, however far Snowball cuts them ("prispevek" meets "prispel" as "prispevka"
  // already did). Not where the e stays ("pomislek", "pomisleka"), or the -ek is a plural's
  // ("kartotek" of "kartoteka").
  const bare = FLEETING_EK.exec(word);
  if (bare && !KEEPS_EK.test(word)) {
    const other = plainKey(bare[1]! + 'ka');
    if (other.length < key.length && key.startsWith(other)) return other;
  }
  return key;
}

/**
 * A form of "odzvati", "pozvati" or "izzvati" (the prefixed "zvati", "call", that news uses):
 * infinitive, past and passive participles, present ("odzvati", "pozvala", "pozvani",
 * "izzovejo"). Only these prefixes, so a word that merely ends the same way is not caught.
 */
const CALL_VERB =
  /^(od|po|iz)z(?:vati|val[aioe]?|van(?:a|i|o|e|ih|im|imi|ima|ega|emu|em)?|ov(?:em|es|e|emo|ete|ejo|eta|eva|i|imo|ite))$/;

/** A bare noun with a fleeting e before its last k ("sestanek", "odstotek", "trenutek"). */
const FLEETING_EK = /^(\p{L}+[^aeiou])ek$/u;
/**
 * Words in -ek whose e stays in the other forms ("pomislek", "pomisleka"; "sočlovek", "pododsek"),
 * and genitive plurals of -teka nouns ("kartotek", "diskotek").
 */
const KEEPS_EK = /(?:clovek|mislek|odsek|(?:bibli|disk|kart|vide|medi|pinak|fon|apot|hipot)otek)$/;

function plainKey(word: string): string {
  return dropFleetingVowel(dropNounIj(word, snowballStem(stripEnding(word)) || word));
}

/** The forms of an -ija noun other than its -ijo form ("Turčija", "Turčiji", "teorij"). */
const IJA_NOUN_FORM = /ij(?:a|e|i|ah|am|ama|ami)?$/;

/**
 * The -ija nouns ("Turčija", "teorija", "Italija"): their -ijo form loses "ijo" with the verbs'
 * ending ("Turčijo" → "turč", as "mislijo" → "misl"), while Snowball keeps the "ij" of the other
 * forms of the longer ones ("turčij"), so "v Turčiji" never met "s Turčijo". Their key drops the
 * "ij" too, where enough is left (not "Rusija", whose "Rusijo" keeps it as well).
 */
function dropNounIj(word: string, key: string): string {
  return key.endsWith('ij') && key.length - 2 >= MIN_STEM && IJA_NOUN_FORM.test(word) ? key.slice(0, -2) : key;
}

/**
 * "Moskva" keeps its v. The v-dropping that joins "cerkev" and "cerkve" (see `dropFleetingVowel`)
 * gave it the key of "moški", so through the corpus's synonyms a question about a man met Russia.
 * Other -va nouns still share a key with another word ("britev"/"Brit", "kotva"/"kot"): keeping
 * their v too left them keys neither the corpus nor the word list has, and typo mending then read
 * "kletvo" as "kmet". Moscow is in the news, and "moški" in every other question.
 */
const KEEPS_V = /^moskv(?:a|e|i|o|ah|am|ama|ami)?$/;

function keptV(word: string): string | undefined {
  return KEEPS_V.test(word) ? 'moskv' : undefined;
}

/**
 * Nouns in -elj whose e drops when inflected ("Kremelj", "Kremlja"; "kašelj", "kašlja"; "ogelj",
 * "oglja"; "žebelj", "žeblja"): the inflected forms' key is the bare form's. Most -elj nouns keep
 * their e ("prijatelj", "prijatelja"), so these are listed, as the grammar books list them.
 */
const FLEETING_ELJ = new Map([
  ['kremlj', 'kremel'],
  ['kaslj', 'kaselj'],
  ['oglj', 'ogelj'],
  ['zeblj', 'zebelj'],
]);

function elj(key: string): string {
  return FLEETING_ELJ.get(key) ?? key;
}

const stems = new BoundedCache<string, string>(200_000);

/**
 * The index key of a folded word: its light-stripped, Snowball-stemmed form, so the word forms
 * of one lemma ("sporazum", "sporazuma", "sporazumom") share a key. Digits are kept as they are.
 */
export function stemKey(folded: string): string {
  return stems.getOrMake(folded, (word) =>
    /^\p{N}+$/u.test(word) || WHOLE_WORDS.has(word)
      ? word
      : (irregularKey(word) ?? keptV(word) ?? elj(regularKey(word))),
  );
}

/** Whether the word's key comes from the table of irregular paradigms ("gre" → "iti", "ljudeh" → "človek"). */
export function hasIrregularKey(folded: string): boolean {
  return irregularKey(folded) !== undefined;
}

/**
 * The letters every word with this key begins with: the key less its last three letters, but at
 * least its first three. The stemmer cuts endings and changes only a word's last letters (a
 * fleeting vowel, "-elj"), so a word whose key this is starts with them, unless its key comes
 * from the irregular paradigms (`hasIrregularKey`). The listed -elj nouns put their e back into
 * the key of every form ("oglja" → "ogelj"): their stub is what the key shares with the forms
 * ("og"). Lets a caller rule out, without stemming it, a string whose key cannot be among a set
 * of keys (see `KeyStubs`).
 */
export function keyStub(key: string): string {
  const stub = (k: string) => k.slice(0, Math.max(Math.min(STUB_HEAD, k.length), k.length - STUB_TAIL));
  const inflected = ELJ_INFLECTED.get(key);
  if (inflected === undefined) return stub(key);
  const [a, b] = [stub(key), stub(inflected)];
  let shared = 0;
  while (shared < a.length && a[shared] === b[shared]) shared++;
  return a.slice(0, shared);
}
/** Letters at the start of a key no regular form changes. */
const STUB_HEAD = 3;
/** Letters at the end of a key a form may have otherwise ("zebelj" from "zebljo"). */
const STUB_TAIL = 3;
/** The inflected forms' key of each listed -elj noun's key ("ogelj" → "oglj"; see `FLEETING_ELJ`). */
const ELJ_INFLECTED = new Map([...FLEETING_ELJ].map(([inflected, bare]) => [bare, inflected]));

/**
 * Words kept whole: the adverbs "največ" and "najmanj" ("at most", "at least") would otherwise
 * share a key with the superlatives "največji" and "najmanjši".
 */
const WHOLE_WORDS = new Set(['najvec', 'najmanj']);

/**
 * Nouns whose last e comes and goes lose it when inflected, so the bare form and the inflected
 * ones would get different keys: -ec and -ek ("borec", "borca"; "začetek", "začetka"), -er
 * ("center", "centra"; "veter", "vetra") and -ev ("volitev", "volitve"; "cerkev", "cerkve"; and
 * the genitive plural of -stvo, "ministrstev"). Keys ending in a consonant + "ec"/"ek"/"er" drop
 * the e, and keys ending in a consonant + "v" drop the v, which brings each family together.
 * Short keys are left alone ("ček", "krv").
 */
function dropFleetingVowel(key: string): string {
  if (key.length >= 5 && /[^aeiou]e[ckr]$/.test(key)) return key.slice(0, -2) + key.slice(-1);
  if (key.length >= 4 && /[^aeiour]v$/.test(key)) return key.slice(0, -1);
  return key;
}
