import type { Passage } from '../types.ts';
import { SLOVENIAN_MONTHS } from '../analysis/months.ts';

/**
 * A passage's article title with the article's date ("2024-06") in the words a question would
 * use ("junij 2024"). The date is shown with every citation, so "Kam bo Putin odpotoval junija
 * 2024?" names the article rather than words it lacks. Searched and weighed as the title is.
 */
export function titleWithDate(passage: Pick<Passage, 'title' | 'date'>): string {
  const match = /^(\d{4})-(\d{2})/.exec(passage.date);
  const month = match ? SLOVENIAN_MONTHS[Number(match[2]) - 1] : undefined;
  return match && month ? `${passage.title} ${month} ${match[1]}` : passage.title;
}
