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
  const parts = [
    `${viewStrings(locale).paragraph} ${passage.paragraph}`,
    truncateAtWord(passage.title, CITATION_TITLE_MAX),
  ];
  if (passage.date) parts.push(passage.date);
  parts.push(passage.id);
  return parts.join(' · ');
}
