/**
 * Word families across parts of speech: "Rusija", "ruski" and "Rus", "turizem" and "turist",
 * "vojak" and "vojaški", the participles "uveden" and "uvedla" share a family key, their index
 * key without one derivational ending.
 * Looser than a stem, so a match through the family counts less than the word itself.
 */

/** Derivational endings of index keys (after stemming), longest first. */
const ENDINGS = [
  'ist',
  'ost',
  'nik',
  'ij',
  'iz',
  'sk',
  'ck',
  'ov',
  'ev',
  'it',
  'ec',
  'ic',
  'en',
  'n',
  's',
  'k',
  'c',
  'l',
];
/** What must remain: shorter roots ("ru") join unrelated words. */
const MIN_ROOT = 3;
/**
 * What must remain of a noun in -nik without it, which then meets its feminine in -ica as the
 * stemmer cuts it ("zaveznik", "zaveznica" → "zavez…"; "predsednik", "predsednica" → "predsed"):
 * a "sodnik" is no "sod".
 */
const MIN_NIK_ROOT = 4;

/**
 * A verbal noun of an -ati verb ("igranje", "čakanje", "iskanje"): its key without the "nj" is
 * the root its participle reaches ("igra" of "igral"). Only after an a and a root of four
 * letters: "stanje", "znanje" and "sanje" are no forms of "stal", "znak" or "sam", nor are nouns
 * in a consonant and "nj" ("zadnji", "stopnja", "polnjenje"). "Dejanje" is an act, not "dejal".
 */
const VERBAL_NOUN = /^(?!dejanj$)(\p{L}{3,}a)nj$/u;

/**
 * An agent noun in -telj ("voditelj", "učitelj", "ustanovitelj"): its key without "tel" is the
 * root the verb's participle reaches ("vodi" of "vodil"). Only after the verb's vowel: "postelja"
 * and "hotel" are no agents.
 */
const AGENT_NOUN = /^(\p{L}{2,}[aie])tel$/u;

export function familyKey(key: string): string {
  const verbal = VERBAL_NOUN.exec(key) ?? AGENT_NOUN.exec(key);
  if (verbal) return verbal[1]!;
  let root = key;
  for (const ending of ENDINGS) {
    if (key.endsWith(ending) && key.length - ending.length >= (ending === 'nik' ? MIN_NIK_ROOT : MIN_ROOT)) {
      root = key.slice(0, -ending.length);
      break;
    }
  }
  // The fleeting e of Slovenian ("kazen", "kazni", "kaznovalni"; "veter", "vetra").
  return root.length > MIN_ROOT ? root.replace(/e([lnrmv])$/, '$1') : root;
}

/**
 * The root a short key reaches only through the case ending the index left on it ("prvi", "prvo",
 * "prveg" of "prvega" → "prv"; "miru" → "mir"), or undefined. Such keys join the bare root and the
 * words that reach the same root through a derivational ending ("prvič" → "prv"), but not each
 * other here: "voda" and "vodi" may be different words (a question word meets its other case
 * forms only as the weak alternative of `caseSiblings` in `search/alternatives.ts`).
 */
export function caseRoot(key: string): string | undefined {
  if (familyKey(key) !== key) return undefined;
  const ending =
    key.length === MIN_ROOT + 1 ? /[aeiou]$/ : key.length === MIN_ROOT + 2 ? /(?:eg|em|ih|im)$/ : undefined;
  const match = ending?.exec(key);
  return match ? key.slice(0, match.index) : undefined;
}

/**
 * Two keys that share a family only through two different one-letter endings ("stalin" and
 * "stalis" of "stališče", both "stali" + a letter): neither is the other's root, and one letter
 * says too little to make them one word family.
 */
export function onlyLetterSiblings(a: string, b: string): boolean {
  const root = familyKey(a);
  return (
    a !== b &&
    a.length === root.length + 1 &&
    b.length === root.length + 1 &&
    a.startsWith(root) &&
    b.startsWith(root) &&
    !PALATALISED.has(a.at(-1)! + b.at(-1)!)
  );
}

/**
 * A k that became c before an i ("otrok", "otročiček"; "otroci" itself is listed with "otrok" in
 * `stem.ts`): the same word's family, not two siblings.
 */
const PALATALISED = new Set(['kc', 'ck']);
