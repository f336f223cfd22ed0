/**
 * Names from Russian, Korean, Chinese or Ukrainian reach English and Slovenian through different
 * transliterations: English writes "Pyongyang", "Zelensky", "Khrushchev", Slovenian "Pjongjang",
 * "Zelenski", "Hruščov". A question may use the English spelling of a name the corpus writes the
 * Slovenian way (an English question, or a Slovenian one that copies a name from an English
 * source); these are the Slovenian spellings to try, folded like every question word.
 */

/** English letter groups and the Slovenian (folded) letters they stand for, longest first. */
const GROUPS: [RegExp, string][] = [
  [/shch/g, 'sc'],
  [/kh/g, 'h'],
  [/zh/g, 'z'],
  [/sh/g, 's'],
  [/ch/g, 'c'],
  [/tz|ts/g, 'c'],
  [/ph/g, 'f'],
  [/x/g, 'ks'],
  [/q/g, 'k'],
  [/w/g, 'v'],
  // Final "-y"/"-iy" is Slovenian "-i"/"-ij" ("Zelensky", "Dmitriy"); any other y is a j.
  [/iy$/g, 'ij'],
  [/y$/g, 'i'],
  [/y/g, 'j'],
];

/** Stands for an English "j" while the groups are rewritten, so that a j made from y stays a j. */
const ENGLISH_J = '\u0001';

/**
 * Slovenian spellings of a folded foreign word, other than the word itself: with English "j"
 * kept (Slovenian texts write "Kim Jong-un") and read as "dž" ("Jae-in" → "Dže In"). Empty when
 * no rule applies.
 */
export function slovenianSpellings(folded: string): string[] {
  let spelled = folded.replaceAll('j', ENGLISH_J);
  for (const [group, letters] of GROUPS) spelled = spelled.replace(group, letters);
  const spellings = new Set([
    spelled.replaceAll(ENGLISH_J, 'j'),
    spelled.replace(new RegExp(`${ENGLISH_J}(?=[aeiou])`, 'g'), 'dz').replaceAll(ENGLISH_J, 'j'),
  ]);
  spellings.delete(folded);
  return [...spellings];
}

/** Letters Slovenian words do not have: a word with one is foreign, whatever its case. */
const FOREIGN_LETTERS = /[wyqx]/;

/** Whether a question word may be a foreign name to respell: capitalised, or with a foreign letter. */
export const mayBeForeignName = (folded: string, capitalised: boolean): boolean =>
  capitalised || FOREIGN_LETTERS.test(folded);
