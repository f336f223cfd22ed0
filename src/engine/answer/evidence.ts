import type { Passage, Span } from '../types.ts';
import type { Concept } from '../search/query.ts';
import { analysisOf } from './passage-analysis.ts';
import { answerCueStrength } from './answer-cues.ts';
import type { AnswerType } from '../question/answer-type.ts';

/**
 * How much a concept found only outside the passage's own text counts: the heading names the
 * section's topic, the title the article's, the previous paragraph may name the subject.
 */
export const PLACE_WEIGHTS = { text: 1, heading: 0.8, title: 0.5, context: 0.5 };

/** What a passage offers as evidence for a question. */
export interface Evidence {
  /** Share of the question's concepts (weighted by rarity) the passage covers, in [0, 1]. */
  coverage: number;
  /** A name the question asks about appears nowhere in the passage, its heading, title or the paragraph before. */
  missesName: boolean;
  /** Same share for the single best sentence of the passage's text. */
  sentenceCoverage: number;
  bestSentence: Span;
  /** Matched words in the passage text. */
  highlights: Span[];
  /** How clearly the best sentence holds the kind of answer the question word asks for, in [0, 1]. */
  answerCue: number;
}

/** The question as the evidence weighing needs it. */
export interface QuestionModel {
  text: string;
  concepts: Concept[];
  answerType: AnswerType;
}

/** Strength in [0, 1] with which `keys` satisfy the concept: the best alternative fully present. */
function conceptMatch(concept: Concept, keys: Set<string>): number {
  let best = 0;
  for (const alt of concept.alternatives) {
    if (alt.weight > best && alt.keys.every((k) => keys.has(k))) best = alt.weight;
  }
  return best;
}

/** Coverage of `concepts` by a set of places, each with its own weight. */
function coverageOf(concepts: Concept[], places: [Set<string>, number][]): number {
  let total = 0;
  let found = 0;
  for (const concept of concepts) {
    total += concept.weight;
    let best = 0;
    for (const [keys, weight] of places) best = Math.max(best, weight * conceptMatch(concept, keys));
    found += concept.weight * best;
  }
  return total > 0 ? found / total : 0;
}

/**
 * Weighs a passage as evidence for the concepts of a question: overall coverage (text, heading,
 * title, previous paragraph), the best sentence and its coverage, and the words to highlight.
 */
export function weighEvidence(question: QuestionModel, passage: Passage, previous: Passage | undefined): Evidence {
  const { concepts } = question;
  const own = analysisOf(passage.text);
  const { tokens, keys: textKeys } = own;
  const places: [Set<string>, number][] = [
    [textKeys, PLACE_WEIGHTS.text],
    [analysisOf(passage.heading ?? '').keys, PLACE_WEIGHTS.heading],
    [analysisOf(passage.title).keys, PLACE_WEIGHTS.title],
  ];
  if (previous) places.push([analysisOf(previous.text).keys, PLACE_WEIGHTS.context]);
  const coverage = coverageOf(concepts, places);
  const missesName = concepts.some((c) => c.name && places.every(([keys]) => conceptMatch(c, keys) === 0));

  const wanted = new Set<string>();
  for (const concept of concepts) {
    for (const alt of concept.alternatives) if (alt.keys.every((k) => textKeys.has(k))) for (const k of alt.keys) wanted.add(k);
  }
  const highlights = mergeSpans(tokens.filter((t) => wanted.has(t.key)));

  let bestSentence: Span = { start: 0, end: passage.text.length };
  let sentenceCoverage = -1;
  for (const sentence of own.sentences) {
    const score = coverageOf(concepts, [[sentence.keys, 1]]);
    if (score > sentenceCoverage) {
      sentenceCoverage = score;
      bestSentence = sentence.span;
    }
  }
  const answerCue = answerCueStrength(question.answerType, passage.text.slice(bestSentence.start, bestSentence.end), question.text);
  return { coverage, missesName, sentenceCoverage: Math.max(0, sentenceCoverage), bestSentence, highlights, answerCue };
}

/** Sorted, non-overlapping spans (a hyphenated name and its parts collapse into one). */
function mergeSpans(spans: Span[]): Span[] {
  const sorted = spans.map((s) => ({ start: s.start, end: s.end })).sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push(span);
  }
  return merged;
}
