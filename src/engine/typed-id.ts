/**
 * Reading a passage id as a person types it: `putin-kim-2024-06#8` is the id, but `8`, `¶ 8`,
 * `#8`, `PUTIN-KIM-2024-06#8` and `putin-kim-2024-06 # 8` mean the same passage, and an answer's
 * "Tudi: ¶ 2 · ¶ 3" line names passages by paragraph only.
 */

/**
 * The ids `typed` may mean, most literal first: as typed, tidied (no "¶", no spaces around "#"),
 * with its article named as the corpus names it (in any case), a bare paragraph number in the
 * only article of a corpus of one, and each of these as the first part of a paragraph the
 * engine split (`#8.1`), which "¶ 8" names in an answer.
 */
export function idsMeantBy(typed: string, slugs: readonly string[]): string[] {
  const trimmed = typed.trim();
  const tidy = tidied(trimmed);
  const ids = [trimmed, tidy];
  const hash = tidy.lastIndexOf('#');
  if (hash > 0) {
    const article = tidy.slice(0, hash).toLowerCase();
    const slug = slugs.find((s) => s.toLowerCase() === article);
    if (slug !== undefined) ids.push(`${slug}${tidy.slice(hash)}`);
  }
  const paragraph = paragraphNumber(typed);
  if (paragraph !== undefined && slugs.length === 1) ids.push(`${slugs[0]}#${paragraph}`);
  return [...new Set([...ids, ...ids.filter((id) => /#\d+$/.test(id)).map((id) => `${id}.1`)])];
}

/** `typed` without "¶" in front and without spaces around "#" ("¶ 8" → "8", "a # 8" → "a#8"). */
function tidied(typed: string): string {
  return typed
    .trim()
    .replace(/^¶\s*/u, '')
    .replace(/\s*#\s*/g, '#')
    .replace(/\s*¶\s*/gu, '#');
}

/**
 * The paragraph number `typed` names without an article ("8", "¶ 8", "#8"), as an answer's
 * "Tudi:" line names passages; undefined for anything else.
 */
export function paragraphNumber(typed: string): number | undefined {
  const digits = /^#?(\d{1,6})$/.exec(tidied(typed))?.[1];
  return digits === undefined ? undefined : Number(digits);
}
