/** Text with a character outside ASCII (where folding may do more than lower the case). */
const NOT_ASCII = /\P{ASCII}/u;

/** Letters NFD does not decompose but users still type without their mark. */
const EXTRA_FOLDS: Record<string, string> = { đ: 'd', ł: 'l', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe' };

/**
 * Case- and diacritic-insensitive form of a word: NFC/NFD-safe lower case with combining marks
 * removed, so "Zaščita", "zaščita" and "zascita" all become "zascita". Users often type c/s/z for
 * č/š/ž, and the corpus may hold either normalisation form.
 */
export function fold(word: string): string {
  // Most words and questions are plain ASCII, which has nothing to decompose or strip: only the
  // case to lower. Folding runs for every word of every question and candidate sentence.
  if (!NOT_ASCII.test(word)) return word.toLowerCase();
  return word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[đłøßæœ]/g, (ch) => EXTRA_FOLDS[ch] ?? ch);
}
