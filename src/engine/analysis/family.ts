/**
 * Word families across parts of speech: "Rusija", "ruski" and "Rus", "turizem" and "turist",
 * "vojak" and "vojaški", the participles "uveden" and "uvedla" share a family key, their index
 * key without one derivational ending.
 * Looser than a stem, so a match through the family counts less than the word itself.
 */

/** Derivational endings of index keys (after stemming), longest first. */
const ENDINGS = ['ist', 'ost', 'ij', 'iz', 'sk', 'ck', 'ov', 'ev', 'it', 'ec', 'ic', 'en', 'n', 's', 'k', 'l'];
/** What must remain: shorter roots ("ru") join unrelated words. */
const MIN_ROOT = 3;

export function familyKey(key: string): string {
  let root = key;
  for (const ending of ENDINGS) {
    if (key.endsWith(ending) && key.length - ending.length >= MIN_ROOT) {
      root = key.slice(0, -ending.length);
      break;
    }
  }
  // The fleeting e of Slovenian ("kazen", "kazni", "kaznovalni"; "veter", "vetra").
  return root.length > MIN_ROOT ? root.replace(/e([lnrmv])$/, '$1') : root;
}

/**
 * The families a key belongs to: its `familyKey`, and for a short key the index left with a case
 * ending ("prvi", "prvo", "prveg" of "prvega") also the key without that ending, so "prvič" and
 * "prvega" meet. A second family rather than a shorter root: "hodi" stays with "hodil" too.
 */
export function familyKeys(key: string): string[] {
  const root = familyKey(key);
  if (root !== key) return [root];
  const caseEnding =
    key.length === MIN_ROOT + 1 ? /[aeiou]$/ : key.length === MIN_ROOT + 2 ? /(?:eg|em|ih|im)$/ : undefined;
  const match = caseEnding?.exec(key);
  return match ? [root, key.slice(0, match.index)] : [root];
}

/**
 * Two keys that share a family only through two different one-letter endings ("stalin" and
 * "stalis" of "stališče", both "stali" + a letter): neither is the other's root, and one letter
 * says too little to make them one word family.
 */
export function onlyLetterSiblings(a: string, b: string): boolean {
  const root = familyKey(a);
  return (
    a !== b && a.length === root.length + 1 && b.length === root.length + 1 && a.startsWith(root) && b.startsWith(root)
  );
}
