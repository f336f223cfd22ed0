/**
 * Word families across parts of speech: "Rusija", "ruski" and "Rus", "turizem" and "turist",
 * "vojak" and "vojaški", the participles "uveden" and "uvedla" share a family key, their index
 * key without one derivational ending.
 * Looser than a stem, so a match through the family counts less than the word itself.
 */

/** Derivational endings of index keys (after stemming), longest first. */
const ENDINGS = ['ist', 'ost', 'ij', 'iz', 'sk', 'ck', 'ov', 'ev', 'it', 'ec', 'ic', 'en', 'n', 's', 'k', 'c', 'l'];
/**
 * What must remain: shorter roots ("ru") join unrelated words; one more before -ev, which ends
 * stems as well as possessives ("ruševine" → "rušev…" is no "Rus").
 */
const MIN_ROOT = 3;

/**
 * A verbal noun of an -ati verb ("igranje", "čakanje", "iskanje"): its key without the "nj" is
 * the root its participle reaches ("igra" of "igral"). Only after an a and a root of four
 * letters: "stanje", "znanje" and "sanje" are no forms of "stal", "znak" or "sam", nor are nouns
 * in a consonant and "nj" ("zadnji", "stopnja", "polnjenje"). "Dejanje" is an act, not "dejal".
 */
const VERBAL_NOUN = /^(?!dejanj$)(\p{L}{3,}a)nj$/u;

export function familyKey(key: string): string {
  const verbal = VERBAL_NOUN.exec(key);
  if (verbal) return verbal[1]!;
  let root = key;
  for (const ending of ENDINGS) {
    if (key.endsWith(ending) && key.length - ending.length >= (ending === 'ev' ? MIN_ROOT + 1 : MIN_ROOT)) {
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

/** An agent noun in -telj ("voditelj", "učitelj"): the verb's root, ending in its vowel, before "tel". */
const AGENT_NOUN = /^(\p{L}{2,}[aie])tel$/u;
/** A verb's l-participle or infinitive key ("vodil", "vodit"): its root before the last letter. */
const VERB_KEY = /^(\p{L}{2,}[aie])[lt]$/u;
/** A noun in -nik ("zaveznik", "predsednik"), its root at least four letters: a "sodnik" is no "sod". */
const NIK_NOUN = /^(\p{L}{4,})nik$/u;
/**
 * A root the stemmer left bare this long is the feminine in -nica of a noun in -nik
 * ("predsednica" → "predsed"), not a word of its own as a shorter one may be ("zdrav", "namest"
 * of "namesto").
 */
const MIN_BARE_FEMININE = 7;
/**
 * A noun in -fikacija and its verb in -ficirati ("kvalifikacija" and "kvalificiral", "ratifikacija"
 * and "ratificirali"): the stemmer leaves "kvalifik" and "kvalif", whose family keys differ by the
 * k that became c before the verb's i.
 */
const FIK_NOUN = /^(\p{L}{3,}f)ik$/u;
const FIC_VERB = /^\p{L}{3,}f$/u;

/**
 * Keys of words derived from this one, or it from them, that a family key cannot join without
 * joining others too, each pair named exactly: a noun in -fikacija and its verb (see `FIK_NOUN`),
 * an agent noun in -telj and its verb's participle and infinitive ("voditelj" and "vodil",
 * "voditi", not the water of "v vodi", which shares the participle's family key), and a noun in
 * -nik and its feminine in -ica as the stemmer cuts it
 * ("zaveznik" and "zaveznica" → "zavezn"; "predsednik" and "predsednica" → "predsed"). The
 * stemmer cuts an adjective in -ni to the same key, so "lastnik" meets "lastni" and "uradnik"
 * "uradni" too: mostly the noun's own root, and limiting the pairs to nouns with a feminine of
 * their own lost more right answers than it saved. The caller keeps those its corpus has.
 */
export function derivedPartners(key: string): string[] {
  const agent = AGENT_NOUN.exec(key);
  if (agent) return [`${agent[1]}l`, `${agent[1]}t`];
  const verb = VERB_KEY.exec(key);
  const nik = NIK_NOUN.exec(key);
  const out: string[] = [];
  if (verb) out.push(`${verb[1]}tel`);
  if (nik) {
    out.push(`${nik[1]}n`);
    if (nik[1]!.length >= MIN_BARE_FEMININE) out.push(nik[1]!);
  }
  const fik = FIK_NOUN.exec(key);
  if (fik) out.push(fik[1]!);
  else if (FIC_VERB.test(key)) out.push(`${key}ik`);
  // The feminine's key back to the noun in -nik.
  if (!key.endsWith('nik')) {
    if (key.endsWith('n') && key.length >= 5) out.push(`${key}ik`);
    if (key.length >= MIN_BARE_FEMININE) out.push(`${key}nik`);
  }
  return out;
}
