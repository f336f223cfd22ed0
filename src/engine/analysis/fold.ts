/** Letters NFD does not decompose but users still type without their mark. */
const EXTRA_FOLDS: Record<string, string> = { đ: 'd', ł: 'l', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe' };

/**
 * Case- and diacritic-insensitive form of a word: NFC/NFD-safe lower case with combining marks
 * removed, so "Zaščita", "zaščita" and "zascita" all become "zascita". Users often type c/s/z for
 * č/š/ž, and the corpus may hold either normalisation form.
 */
export function fold(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[đłøßæœ]/g, (ch) => EXTRA_FOLDS[ch] ?? ch);
}
