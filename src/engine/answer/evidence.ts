import type { Passage, Span } from '../types.ts';
import type { Concept } from '../search/query.ts';
import type { AnswerType } from '../question/answer-type.ts';
import { analysisOf, type TextAnalysis } from './passage-analysis.ts';
import { mergeSpans } from '../spans.ts';
import { fold } from '../analysis/fold.ts';
import { answerCueStrength } from './answer-cues.ts';

/**
 * How much a concept found only outside the passage's own text counts: the heading names the
 * section's topic, the title the article's. The previous paragraph may name the subject a
 * paragraph only refers to ("Ruskega kolega je označil …" follows "Kim je medtem poudaril"), so
 * names count there, other words much less: they belong to what that paragraph says.
 */
export const PLACE_WEIGHTS = {
  text: 1,
  heading: 0.8,
  title: 0.5,
  contextName: 0.5,
  contextOther: 0.2,
  documentName: 0.4,
};

/** Anything that can say whether it holds an index key: a passage's key set, a whole document. */
export interface KeySet {
  has(key: string): boolean;
}

/**
 * Ranking weighs a concept by its weight times this floor plus its specificity's share of the
 * rest: concepts in every passage still count a little, so a passage that has them beats one that
 * does not.
 */
export const SPECIFICITY_FLOOR = 0.3;

/** What a passage offers as evidence for a question. */
export interface Evidence {
  /** Coverage with concepts weighed for telling passages apart (see `SPECIFICITY_FLOOR`): what ranking uses. */
  rankCoverage: number;
  /** For each concept of the question, how well the passage (with its surroundings) matches it, in [0, 1]. */
  found: number[];
  /** The best sentence's coverage, weighed the same way. */
  rankSentenceCoverage: number;
  /** For each sentence of the text, each concept's match in it: to weigh sentences again with other weights. */
  sentenceFound: number[][];
  /** Share of the question's concepts (by weight) the passage covers, with its heading, title and previous paragraph, in [0, 1]. */
  coverage: number;
  /** Same share for the single best sentence of the passage's text. */
  sentenceCoverage: number;
  /** Same share for the passage's whole article: is the article about what is asked? */
  documentCoverage: number;
  /** A name the question asks about appears nowhere in the passage, its heading, title or the paragraph before. */
  missesName: boolean;
  /** A name the question asks about appears nowhere in the whole article. */
  documentMissesName: boolean;
  /** The largest weight of a concept the passage (with its surroundings) does not match at all. */
  largestMiss: number;
  /** Coverage of the concepts that are not names: what the question asks about its topic. */
  focusCoverage: number;
  /**
   * Of the word pairs next to each other in the question ("predsednik ZDA", "ruski ministri"),
   * the weighted share that some one sentence of the passage holds together, in [0, 1] (1 when
   * the question has no such pair). Words of the article put together in a way it never does
   * ask something it does not say.
   */
  pairCoverage: number;
  bestSentence: Span;
  /** Matched words in the passage text. */
  highlights: Span[];
  /** How clearly the best sentence holds the kind of answer the question word asks for, in [0, 1]. */
  answerCue: number;
}

/** The question as the evidence weighing needs it. */
export interface QuestionModel {
  concepts: Concept[];
  answerType: AnswerType;
  /** The question's words for telling new answers from words it already says (see `askedWords`). */
  asked: Set<string>;
  /** The concepts' weights, and their weights for ranking (see `SPECIFICITY_FLOOR`), made once per question. */
  weights: number[];
  rankWeights: number[];
  /** The concepts' weights with names left out: what the question asks about its topic. */
  focusWeights: number[];
}

function holdsAll(keys: KeySet, wanted: string[]): boolean {
  for (const k of wanted) if (!keys.has(k)) return false;
  return true;
}

/**
 * Strength in [0, 1] with which `keys` satisfy the concept: its best alternative fully present.
 * Alternatives come strongest first (see `parseQuestion`), so the first one present is the best.
 */
function conceptMatch(concept: Concept, keys: KeySet): number {
  for (const alt of concept.alternatives) if (holdsAll(keys, alt.keys)) return alt.weight;
  return 0;
}

/** Where a concept may be found, and how much a match there counts for names and for other words. */
type Place = [KeySet, number, number?];

/** Each concept's best match over a set of places (strongest place first, so weaker ones are skipped once beaten). */
export function matches(concepts: Concept[], places: Place[]): number[] {
  return concepts.map((concept) => {
    let best = 0;
    for (const [keys, weight, otherWeight = weight] of places) {
      const placeWeight = concept.name ? weight : otherWeight;
      if (placeWeight > best) best = Math.max(best, placeWeight * conceptMatch(concept, keys));
    }
    return best;
  });
}

/** The question as evidence weighing reads it, with the per-concept weights it needs for every passage. */
export function questionModel(concepts: Concept[], answerType: AnswerType, asked: Set<string>): QuestionModel {
  return {
    concepts,
    answerType,
    asked,
    weights: concepts.map((c) => c.weight),
    // Ranking's weight of a concept: its weight, adjusted by how specific to a few passages it is.
    rankWeights: concepts.map((c) => c.weight * (SPECIFICITY_FLOOR + (1 - SPECIFICITY_FLOOR) * c.specificity)),
    focusWeights: concepts.map((c) => (c.name ? 0 : c.weight)),
  };
}

/** Coverage: the weighted share of the concepts matched, from each concept's weight and match. */
export function coverageOf(weights: number[], found: number[]): number {
  let total = 0;
  let sum = 0;
  weights.forEach((w, i) => {
    total += w;
    sum += w * found[i]!;
  });
  return total > 0 ? sum / total : 0;
}

/**
 * Weighs a passage as evidence for the concepts of a question: overall coverage (text, heading,
 * title, previous paragraph), the best sentence and its coverage, the article's coverage (from
 * `inDocument`, each concept's match in the whole article), names missing, and the words to highlight.
 */
export function weighEvidence(
  question: QuestionModel,
  passage: Passage,
  neighbours: Passage[],
  inDocument: number[],
): Evidence {
  const { concepts } = question;
  const { weights, rankWeights, focusWeights } = question;
  const own = analysisOf(passage.text);
  const { tokens, keys: textKeys } = own;
  // The alternatives of each concept present in the passage text, strongest first: sentences and
  // highlights can only hold these, so they need not try the others.
  const inText = concepts.map((c) => c.alternatives.filter((alt) => holdsAll(textKeys, alt.keys)));
  const places: Place[] = [
    [textKeys, PLACE_WEIGHTS.text],
    [analysisOf(passage.heading ?? '').keys, PLACE_WEIGHTS.heading],
    [analysisOf(passage.title).keys, PLACE_WEIGHTS.title],
  ];
  for (const neighbour of neighbours)
    places.push([analysisOf(neighbour.text).keys, PLACE_WEIGHTS.contextName, PLACE_WEIGHTS.contextOther]);
  const nearby = matches(concepts, places);
  // A name the article mentions elsewhere is its topic: in an article of one-sentence paragraphs
  // the answer often names it only as "he" or "the company".
  const found = nearby.map((m, i) =>
    concepts[i]!.name ? Math.max(m, PLACE_WEIGHTS.documentName * inDocument[i]!) : m,
  );
  const coverage = coverageOf(weights, found);
  const missesName = concepts.some((c, i) => c.name && nearby[i] === 0);
  const documentMissesName = concepts.some((c, i) => c.name && inDocument[i] === 0);
  const largestMiss = Math.max(0, ...concepts.filter((_, i) => found[i] === 0).map((c) => c.weight));

  const wanted = new Set(inText.flat().flatMap((alt) => alt.keys));
  const highlights = mergeSpans(tokens.filter((t) => wanted.has(t.key)));

  let bestSentence: Span = { start: 0, end: passage.text.length };
  let best: TextAnalysis['sentences'][number] | undefined;
  let sentenceCoverage = 0;
  let rankSentenceCoverage = -1;
  const together = new Array<boolean>(Math.max(0, concepts.length - 1)).fill(false);
  const sentenceFound: number[][] = [];
  for (const sentence of own.sentences) {
    const found = inText.map((alts) => alts.find((alt) => holdsAll(sentence.keys, alt.keys))?.weight ?? 0);
    sentenceFound.push(found);
    for (let i = 0; i < together.length; i++) if (found[i]! > 0 && found[i + 1]! > 0) together[i] = true;
    const score = coverageOf(rankWeights, found);
    if (score > rankSentenceCoverage) {
      rankSentenceCoverage = score;
      sentenceCoverage = coverageOf(weights, found);
      bestSentence = sentence.span;
      best = sentence;
    }
  }
  const sentenceText = passage.text.slice(bestSentence.start, bestSentence.end);
  const answerCue = answerCueStrength(question.answerType, sentenceText, question.asked, () =>
    best ? (best.folded ??= fold(sentenceText)) : fold(sentenceText),
  );
  return {
    coverage,
    rankCoverage: coverageOf(rankWeights, found),
    found,
    sentenceCoverage,
    rankSentenceCoverage: Math.max(0, rankSentenceCoverage),
    sentenceFound,
    documentCoverage: coverageOf(weights, inDocument),
    focusCoverage: coverageOf(focusWeights, found),
    pairCoverage: pairShare(concepts, together),
    missesName,
    documentMissesName,
    largestMiss,
    bestSentence,
    highlights,
    answerCue,
  };
}

/** Weighted share of neighbouring concept pairs held together (each pair weighs as its lighter concept). */
function pairShare(concepts: Concept[], together: boolean[]): number {
  let total = 0;
  let held = 0;
  together.forEach((both, i) => {
    const w = Math.min(concepts[i]!.weight, concepts[i + 1]!.weight);
    total += w;
    if (both) held += w;
  });
  return total > 0 ? held / total : 1;
}
