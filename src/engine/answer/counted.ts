/**
 * What a how-many question counts ("koliko ljudi je prišlo" counts people): a figure in a sentence
 * that does not name it ("40 odstotkov članov") answers the question less surely.
 */
import type { AnswerType } from '../question/answer-type.ts';
import type { Concept } from '../search/query.ts';

/** "Koliko" and its chat forms, before what a how-many question counts. */
const HOW_MANY = /(?<![\p{L}])(?:koliko|kolk|kok|kolko|koko)(?![\p{L}])/iu;
/** Adjectives and the noun they go with ("koliko predsezonskih tekem"): at most this many words. */
const MAX_COUNTED = 3;
/** What may stand between "koliko" and what it counts ("koliko je bilo ljudi"). */
const COUNTED_GAP = /^\s*(?:(?:je|so|bo|bodo|bi|bil|bila|bilo|bili|bile)\s+)*$/iu;

/**
 * The concepts a how-many question counts: the words right after "koliko" ("koliko ljudi",
 * "koliko predsezonskih tekem"), unless they are a name ("koliko je Putin …") or "koliko" is
 * followed by a word that asks ("koliko dni"), or none.
 */
export function countedConcepts(question: string, concepts: Concept[], type: AnswerType): number[] {
  if (type !== 'number') return [];
  // Read in the question as written: concept spans are offsets into it.
  const match = HOW_MANY.exec(question);
  if (!match) return [];
  let end = match.index + match[0].length;
  const counted: number[] = [];
  const first = concepts.findIndex((c) => c.span.start >= end);
  for (let i = first; i >= 0 && i < concepts.length; i++) {
    const concept = concepts[i]!;
    const gap = question.slice(end, concept.span.start);
    // A form of "biti" may stand after "koliko" only; the counted words follow each other.
    if (i === first ? !COUNTED_GAP.test(gap) : gap.trim() !== '') break;
    // "Koliko je Putin …" counts nothing; "koliko novih londonskih nepremičnin" counts around the name.
    if (concept.name && counted.length === 0) break;
    if (!concept.name) counted.push(i);
    end = concept.span.end;
  }
  return counted.slice(0, MAX_COUNTED);
}
