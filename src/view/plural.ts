/**
 * Counted nouns in both UI languages: Slovenian has four plural forms (1 odlomek, 2 odlomka,
 * 3 odlomki, 5 odlomkov; 101 counts as 1 again), English two. `Intl.PluralRules` knows which
 * form a number takes, so no face writes its own "if n === 1".
 */
import type { Locale } from './strings.ts';

/** Forms of a Slovenian noun after a number, by `Intl.PluralRules('sl')` category. */
export interface SlovenianForms {
  one: string;
  two: string;
  few: string;
  other: string;
}

/** Forms of an English noun after a number. */
export interface EnglishForms {
  one: string;
  other: string;
}

export interface CountedNoun {
  sl: SlovenianForms;
  en: EnglishForms;
}

/** The nouns the faces count. */
export const NOUNS = {
  passage: {
    sl: { one: 'odlomek', two: 'odlomka', few: 'odlomki', other: 'odlomkov' },
    en: { one: 'passage', other: 'passages' },
  },
  character: {
    sl: { one: 'znak', two: 'znaka', few: 'znaki', other: 'znakov' },
    en: { one: 'character', other: 'characters' },
  },
  file: {
    sl: { one: 'datoteka', two: 'datoteki', few: 'datoteke', other: 'datotek' },
    en: { one: 'file', other: 'files' },
  },
  article: {
    sl: { one: 'članek', two: 'članka', few: 'članki', other: 'člankov' },
    en: { one: 'article', other: 'articles' },
  },
  answer: {
    sl: { one: 'odgovor', two: 'odgovora', few: 'odgovori', other: 'odgovorov' },
    en: { one: 'answer', other: 'answers' },
  },
  vote: {
    sl: { one: 'glas', two: 'glasova', few: 'glasovi', other: 'glasov' },
    en: { one: 'vote', other: 'votes' },
  },
  question: {
    sl: { one: 'vprašanje', two: 'vprašanji', few: 'vprašanja', other: 'vprašanj' },
    en: { one: 'question', other: 'questions' },
  },
  tally: {
    sl: { one: 'seštevek glasov', two: 'seštevka glasov', few: 'seštevki glasov', other: 'seštevkov glasov' },
    en: { one: 'vote count', other: 'vote counts' },
  },
  day: {
    sl: { one: 'dan', two: 'dneva', few: 'dnevi', other: 'dni' },
    en: { one: 'day', other: 'days' },
  },
  group: {
    sl: { one: 'skupina', two: 'skupini', few: 'skupine', other: 'skupin' },
    en: { one: 'group', other: 'groups' },
  },
  problem: {
    sl: { one: 'napaka', two: 'napaki', few: 'napake', other: 'napak' },
    en: { one: 'problem', other: 'problems' },
  },
} satisfies Record<string, CountedNoun>;

export type NounName = keyof typeof NOUNS;

const RULES: Record<Locale, Intl.PluralRules> = { sl: new Intl.PluralRules('sl'), en: new Intl.PluralRules('en') };

/** The form of `noun` that goes with `n` in `locale` (without the number). */
export function pluralForm(locale: Locale, n: number, noun: CountedNoun | NounName): string {
  const forms = typeof noun === 'string' ? NOUNS[noun] : noun;
  const category = RULES[locale].select(n);
  if (locale === 'en') return category === 'one' ? forms.en.one : forms.en.other;
  return forms.sl[category as keyof SlovenianForms] ?? forms.sl.other;
}

/** `n` and its noun: `5 odlomkov`, `2 odlomka`, `1 passage`. */
export function counted(locale: Locale, n: number, noun: CountedNoun | NounName): string {
  return `${n} ${pluralForm(locale, n, noun)}`;
}
