/**
 * What a how-many question counts ("koliko ljudi je prišlo" counts people, "koliko let" years): a
 * figure in a sentence that does not name it ("40 odstotkov članov") answers it less surely.
 */
import { fold } from '../analysis/fold.ts';
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

/**
 * The units a span of time is given in, by the word after "koliko" that asks for one ("koliko
 * let", "koliko dni"): a sentence answers with a figure in that unit ("pred 24 leti", "dvodnevni
 * obisk"), not with any figure ("treh senatorjev"). "Koliko časa" takes any of them.
 */
const SPAN_UNIT_FORMS: Record<string, string> = {
  let: 'let(?:o|a|i|u|ih|om|n\\p{L}*)?',
  leta: 'let(?:o|a|i|u|ih|om|n\\p{L}*)?',
  dni: 'dan|dni|dne|dneh|dnev\\p{L}*',
  ur: 'ur[aeio]?|urah|urn\\p{L}*',
  minut: 'minut\\p{L}*',
  tednov: 'teden|tedn\\p{L}*',
  tedne: 'teden|tedn\\p{L}*',
  mesecev: 'mesec\\p{L}*',
  mesece: 'mesec\\p{L}*',
};
/** A number the unit may be written together with ("dvodnevni", "večletni", "polurni"). */
const NUMBER_PREFIX =
  '(?:eno|dvo|tri|stiri|pet|sest|sedem|osem|devet|deset|\\p{L}*najst|\\p{L}*deset|\\p{L}*dvajset|sto|vec|pol)';
const ANY_SPAN_UNIT = [...new Set(Object.values(SPAN_UNIT_FORMS))].join('|');

/** The words of the unit a how-long question asks its span in, as a pattern over a folded sentence, if it asks one. */
export function countedUnit(question: string): RegExp | undefined {
  const match = new RegExp(`${HOW_MANY.source}\\s+(\\p{L}+)`, 'iu').exec(fold(question));
  const unit = match?.[1]?.toLowerCase();
  if (unit === undefined) return undefined;
  const forms = unit === 'casa' ? ANY_SPAN_UNIT : SPAN_UNIT_FORMS[unit];
  return forms === undefined ? undefined : new RegExp(`(?<![\\p{L}])${NUMBER_PREFIX}?(?:${forms})(?![\\p{L}])`, 'u');
}
