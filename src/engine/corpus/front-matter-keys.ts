/**
 * Slips in front matter that YAML itself accepts, so nothing else would catch them: a key the
 * loader does not know (`tilte:`, `Title:`, `naslov:`), which used to be ignored, so the title
 * silently fell back to the article's first words; and a title that YAML cut short at ` #`, which
 * starts a comment.
 */
import type { KeyLine } from './front-matter.ts';

/** The keys front matter may have, in the order the corpus README lists them. */
export const FRONT_MATTER_KEYS = ['id', 'title', 'date', 'lang', 'url'] as const;
export type FrontMatterKey = (typeof FRONT_MATTER_KEYS)[number];

/** The Slovenian words a moderator may write for a key, in lower case. */
const SLOVENIAN_KEYS: Readonly<Record<string, FrontMatterKey>> = {
  oznaka: 'id',
  naslov: 'title',
  datum: 'date',
  jezik: 'lang',
  povezava: 'url',
};

/**
 * Edits that still make a typo of a key: one for the short keys, two for `title`. More would
 * take any two-letter word for `id`.
 */
function typosAllowed(key: FrontMatterKey): number {
  return key.length <= 4 ? 1 : 2;
}

/** Edits from `a` to `b`: inserted, deleted or replaced letters, or two neighbours swapped (`tilte`). */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const replace = d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, replace);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** The key a moderator most likely meant by `key`, or undefined when none is close. */
export function meantKey(key: string): FrontMatterKey | undefined {
  const lower = key.trim().toLowerCase();
  const slovenian = SLOVENIAN_KEYS[lower];
  if (slovenian) return slovenian;
  const [closest] = FRONT_MATTER_KEYS.map((known) => ({ known, edits: editDistance(lower, known) }))
    .filter(({ known, edits }) => edits <= typosAllowed(known))
    .sort((a, b) => a.edits - b.edits);
  return closest?.known;
}

/** The problem text for a key the loader does not know, with the key meant when one is close. */
export function describeUnknownKey(key: string): string {
  const meant = meantKey(key);
  const known = `(known keys: ${FRONT_MATTER_KEYS.join(', ')})`;
  return meant ? `unknown key "${key}": did you mean "${meant}"? ${known}` : `unknown key "${key}" ${known}`;
}

/** The keys of `meta` the loader does not know, in the order they were written. */
export function unknownKeys(meta: Record<string, unknown>): string[] {
  return Object.keys(meta).filter((key) => !(FRONT_MATTER_KEYS as readonly string[]).includes(key));
}

/** A value YAML takes as written to the end of its line: not quoted, not a block (`|`, `>`). */
const PLAIN_VALUE = /^\s*[^\s"'|>]/;
/** ` #` starts a YAML comment in a plain value: the rest of the line is dropped. */
const COMMENT = /(^|\s)#/;

/**
 * Whether YAML cut the title written on `title` at ` #` (`title: Kim #1 v Pjongjangu` is "Kim").
 * A comment after a title is rare, a `#` in one is not: quoting keeps the whole title.
 */
export function titleCutByComment(title: KeyLine | undefined): boolean {
  return title !== undefined && PLAIN_VALUE.test(title.rawValue) && COMMENT.test(title.rawValue.trim());
}

/** The problem text for a title cut at ` #`. */
export const TITLE_CUT_BY_COMMENT =
  '"title" stops at " #", as YAML reads the rest of the line as a comment: put the title in quotes';
