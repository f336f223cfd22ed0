/** How a passage is cited, in every face: paragraph number, article title, date and passage id. */
import type { Passage } from '../engine/index.ts';
import { viewStrings, type Locale } from './strings.ts';
import { truncateAtWord } from './truncate.ts';

/**
 * Longest title kept in a citation; a longer one is cut at a word. A citation is a line to glance
 * at, and the id at its end (what `/passage` takes) must never be pushed out of sight. Real
 * headlines are well under it (the shipped one has 64 characters).
 */
export const CITATION_TITLE_MAX = 200;

/** `¶ 8 · title · 2024-06 · putin-kim-2024-06#8` (no date part when the article has none). */
export function citation(passage: Passage, locale: Locale): string {
  const parts = [paragraphMark(passage, locale), truncateAtWord(passage.title, CITATION_TITLE_MAX)];
  if (passage.date) parts.push(passage.date);
  parts.push(passage.id);
  return parts.join(' · ');
}

/** `¶ 8 · putin-kim-2024-06#8`: the citation where the article's title and date are shown elsewhere once. */
export function shortCitation(passage: Passage, locale: Locale): string {
  return `${paragraphMark(passage, locale)} · ${passage.id}`;
}

/** `¶ 8`: a passage's paragraph as a reader counts them. */
export function paragraphMark(passage: Pick<Passage, 'paragraph'>, locale: Locale): string {
  return `${viewStrings(locale).paragraph} ${passage.paragraph}`;
}

/** `Title · 2024-06`: the article a passage is from (no date part when it has none). */
export function articleLine(passage: Pick<Passage, 'title' | 'date'>): string {
  const title = truncateAtWord(passage.title, CITATION_TITLE_MAX);
  return passage.date ? `${title} · ${passage.date}` : title;
}
