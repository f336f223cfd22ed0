/**
 * Reading a passage id as a person types it: `putin-kim-2024-06#8` is the id, but `8`, `¶ 8`,
 * `#8`, `PUTIN-KIM-2024-06#8` and `putin-kim-2024-06 # 8` mean the same passage, and an answer's
 * "Tudi: ¶ 2 · ¶ 3" line names passages by paragraph only.
 */

/** The ids `typed` may mean, most literal first; a bare paragraph number names one only when the corpus has one article. */
export function idsMeantBy(typed: string, slugs: readonly string[]): string[] {
  const trimmed = typed.trim();
  const tidy = trimmed
    .replace(/^¶\s*/u, '')
    .replace(/\s*#\s*/g, '#')
    .replace(/\s*¶\s*/gu, '#');
  const ids = [trimmed, tidy, tidy.toLowerCase()];
  const paragraph = /^#?(\d{1,6})$/.exec(tidy)?.[1];
  if (paragraph !== undefined && slugs.length === 1) ids.push(`${slugs[0]}#${Number(paragraph)}`);
  return [...new Set(ids)];
}
