import type { Passage, Span } from '../types.ts';
import { MATCH_WEIGHTS, type Alternative } from '../search/alternatives.ts';
import type { Concept, ParsedQuestion } from '../search/query.ts';
import type { AskedUnit } from '../question/counted.ts';
import type { AnswerType } from '../question/answer-type.ts';
import { analysisOf, type AnalysedSentence } from './passage-analysis.ts';
import { mergeSpans } from '../spans.ts';
import { fold } from '../analysis/fold.ts';
import { answerCueStrength, cueStrength, cueWords } from './answer-cues.ts';
import { titleWithDate } from '../corpus/title-with-date.ts';

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
  /** The previous paragraph of one that continues it (see `continuesPrevious`): it holds the subject. */
  continuedName: 0.8,
  continuedOther: 0.5,
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

/**
 * How much what the question asks for counts when another sentence of the passage than the best
 * one holds it, where that sentence holds some of the question too: "Kim je medtem poudaril …",
 * then "… je poročala srbska tiskovna agencija Tanjug" answers who reported Kim's words. Less than
 * in the best sentence, which may hold it as well.
 */
const OTHER_SENTENCE_CUE = 0.5;

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
  /**
   * Each concept's match (see `conceptMatch`) in a key set, by key set, filled as candidates are
   * weighed: the candidates of one question share their article's title, often their heading, and
   * one candidate's text is often the next one's previous paragraph.
   */
  matchesIn: Map<KeySet, number[]>;
  /** The concepts a how-many question counts ("koliko ljudi" → "ljudi"), by index. */
  counted: number[];
  /** The unit a how-long question asks its span in ("koliko dni"), if it asks one. */
  countedUnit?: AskedUnit;
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

/** Each concept's match in `keys`, worked out once per question and key set (see `QuestionModel.matchesIn`). */
function matchesIn(question: QuestionModel, keys: KeySet): number[] {
  let found = question.matchesIn.get(keys);
  if (!found) {
    found = question.concepts.map((concept) => conceptMatch(concept, keys));
    question.matchesIn.set(keys, found);
  }
  return found;
}

/** A key set of a passage, where a match counts `weight` for names and `otherWeight` for other words. */
interface WeighedPlace {
  found: number[];
  weight: number;
  otherWeight: number;
}

/**
 * What a figure counts for in a sentence that does not name what the question counts, or the unit
 * a how-long question asks in ("štirje igralci" for "koliko minut").
 */
const COUNTED_MISSING = 0.7;
/** A counted word matched this strongly is named (not just a wordnet sense of it: "prebivati" → "pust"). */
const CLEARLY_COUNTED = 0.5;

/** The question as evidence weighing reads it, with the per-concept weights it needs for every passage. */
export function questionModel(
  {
    concepts,
    answerType,
    counted,
    countedUnit,
  }: Pick<ParsedQuestion, 'concepts' | 'answerType' | 'counted' | 'countedUnit'>,
  asked: Set<string>,
): QuestionModel {
  return {
    counted,
    countedUnit,
    concepts,
    answerType,
    asked,
    weights: concepts.map((c) => c.weight),
    // Ranking's weight of a concept: its weight, adjusted by how specific to a few passages it is.
    rankWeights: concepts.map((c) => c.weight * (SPECIFICITY_FLOOR + (1 - SPECIFICITY_FLOOR) * c.specificity)),
    focusWeights: concepts.map((c) => (c.name ? 0 : c.weight)),
    matchesIn: new Map(),
  };
}

/** Coverage: the weighted share of the concepts matched, from each concept's weight and match. */
export function coverageOf(weights: number[], found: number[]): number {
  let total = 0;
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    total += w;
    sum += w * found[i]!;
  }
  return total > 0 ? sum / total : 0;
}

/**
 * Weighs a passage as evidence for the concepts of a question: overall coverage (text, heading,
 * title, previous paragraph), the best sentence and its coverage, the article's coverage (from
 * `inDocument`, each concept's match in the whole article) and names missing. Runs for every
 * candidate of every question, so it loops rather than maps and reuses what the question's other
 * candidates worked out (`matchesIn`); the words to highlight are left to `highlightsOf`, for the
 * few passages an answer shows.
 */
export function weighEvidence(
  question: QuestionModel,
  passage: Passage,
  neighbours: Passage[],
  inDocument: number[],
  /** The passage continues its neighbour (see `continuesPrevious`), which names its subject. */
  continued = false,
): Evidence {
  const { concepts } = question;
  const { weights, rankWeights, focusWeights } = question;
  const own = analysisOf(passage.text);
  const textKeys = own.keys;
  // The alternatives of each concept present in the passage text, strongest first: sentences can
  // only hold these, so they need not try the others. The first one is the concept's match in the text.
  const inText: Alternative[][] = [];
  for (const concept of concepts) {
    const held: Alternative[] = [];
    for (const alt of concept.alternatives) if (holdsAll(textKeys, alt.keys)) held.push(alt);
    inText.push(held);
  }
  let textFound = question.matchesIn.get(textKeys);
  if (!textFound) question.matchesIn.set(textKeys, (textFound = inText.map((held) => held[0]?.weight ?? 0)));
  // Strongest place first: a weaker one is looked at only while it could still beat the best so far.
  const places: WeighedPlace[] = [
    { found: textFound, weight: PLACE_WEIGHTS.text, otherWeight: PLACE_WEIGHTS.text },
    placeOf(question, passage.heading ?? '', PLACE_WEIGHTS.heading, PLACE_WEIGHTS.heading),
    placeOf(question, titleWithDate(passage), PLACE_WEIGHTS.title, PLACE_WEIGHTS.title),
  ];
  for (const neighbour of neighbours)
    places.push(
      continued
        ? placeOf(question, neighbour.text, PLACE_WEIGHTS.continuedName, PLACE_WEIGHTS.continuedOther)
        : placeOf(question, neighbour.text, PLACE_WEIGHTS.contextName, PLACE_WEIGHTS.contextOther),
    );
  const found: number[] = [];
  let missesName = false;
  let documentMissesName = false;
  let largestMiss = 0;
  for (let i = 0; i < concepts.length; i++) {
    const concept = concepts[i]!;
    let best = 0;
    for (const place of places) {
      const placeWeight = concept.name ? place.weight : place.otherWeight;
      if (placeWeight > best) best = Math.max(best, placeWeight * place.found[i]!);
    }
    // A name the article mentions elsewhere is its topic: in an article of one-sentence paragraphs
    // the answer often names it only as "he" or "the company".
    const f = concept.name ? Math.max(best, PLACE_WEIGHTS.documentName * inDocument[i]!) : best;
    found.push(f);
    // A name in the preamble only hints at the topic ("pišem seminarsko o … v ZDA, me zanima: …").
    if (concept.name && !concept.preamble && best === 0) missesName = true;
    if (concept.name && !concept.preamble && inDocument[i] === 0) documentMissesName = true;
    if (f === 0 && concept.weight > largestMiss) largestMiss = concept.weight;
  }
  const coverage = coverageOf(weights, found);

  const holding: AnalysedSentence[] = [];
  let bestSentence: Span = { start: 0, end: passage.text.length };
  let best: AnalysedSentence | undefined;
  let sentenceCoverage = 0;
  let rankSentenceCoverage = -1;
  let bestFound: number[] = [];
  const together = new Array<boolean>(Math.max(0, concepts.length - 1)).fill(false);
  const sentenceFound: number[][] = [];
  for (const sentence of own.sentences) {
    const found: number[] = [];
    for (const held of inText) found.push(firstHeld(held, sentence.keys));
    sentenceFound.push(found);
    for (let i = 0; i < together.length; i++) if (found[i]! > 0 && found[i + 1]! > 0) together[i] = true;
    const score = coverageOf(rankWeights, found);
    if (score > 0) holding.push(sentence);
    if (score > rankSentenceCoverage) {
      rankSentenceCoverage = score;
      sentenceCoverage = coverageOf(weights, found);
      bestSentence = sentence.span;
      best = sentence;
      bestFound = found;
    }
  }
  // A figure in a sentence that does not name what the question counts ("40 odstotkov" for
  // "koliko ljudi") counts for less (for the unit of a how-long question, see `sentenceCue`).
  const countedMissing =
    question.counted.length > 0 && question.counted.every((i) => !(bestFound[i]! >= CLEARLY_COUNTED));
  const cue = answerCueOf(question, passage.text, bestSentence, best, holding);
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
    answerCue: countedMissing ? cue * COUNTED_MISSING : cue,
  };
}

/**
 * How clearly the passage holds what the question asks for: in its best sentence, or at
 * `OTHER_SENTENCE_CUE` in another one that holds some of the question. The others are looked at
 * only when they could count more than the best one does.
 */
function answerCueOf(
  question: QuestionModel,
  text: string,
  bestSpan: Span,
  best: AnalysedSentence | undefined,
  holding: AnalysedSentence[],
): number {
  let cue = sentenceCue(question, text, bestSpan, best);
  for (const sentence of holding) {
    if (cue >= OTHER_SENTENCE_CUE) break;
    if (sentence !== best)
      cue = Math.max(cue, OTHER_SENTENCE_CUE * sentenceCue(question, text, sentence.span, sentence));
  }
  return cue;
}

/** The weight of the first alternative (strongest first) whose keys are all in `keys`, else 0. */
function firstHeld(alternatives: Alternative[], keys: KeySet): number {
  for (const alt of alternatives) if (holdsAll(keys, alt.keys)) return alt.weight;
  return 0;
}

/** A text around the passage (heading, title, previous paragraph) as a place to find concepts. */
function placeOf(question: QuestionModel, text: string, weight: number, otherWeight: number): WeighedPlace {
  return { found: matchesIn(question, analysisOf(text).keys), weight, otherWeight };
}

/**
 * How clearly a sentence of the passage (the best one, or another one, see `OTHER_SENTENCE_CUE`)
 * holds what the question asks for (see `answerCueStrength`). The cue words depend on the sentence
 * alone, so a sentence of the analysis cache keeps them per kind of question; only which of them
 * the question already says is worked out per question.
 */
function sentenceCue(
  question: QuestionModel,
  text: string,
  span: Span,
  sentence: AnalysedSentence | undefined,
): number {
  const type = question.answerType;
  if (type === 'other') return 0;
  const sentenceText = text.slice(span.start, span.end);
  const folded = () => (sentence ? (sentence.folded ??= fold(sentenceText)) : fold(sentenceText));
  let strength: number;
  if (!sentence) strength = answerCueStrength(type, sentenceText, question.asked);
  else {
    const cues = (sentence.cues ??= {});
    strength = cueStrength(type, (cues[type] ??= cueWords(type, sentenceText, folded)), question.asked);
  }
  // A how-long question asks a span in its unit: given there, with or without a figure ("za mesec
  // dni" for "koliko časa"), or as when it ends or began ("do oktobra"), it is the answer; a figure
  // without the unit ("štirje igralci" for "koliko minut") counts for less.
  const unit = question.countedUnit;
  if (!unit) return strength;
  const sentenceFolded = folded();
  if (unit.span.test(sentenceFolded) || unit.bound?.test(sentenceFolded)) return 1;
  return unit.named.test(sentenceFolded) ? strength : strength * COUNTED_MISSING;
}

/**
 * The lightest match an answer marks as the question's word: its forms, its family, a typo's
 * reading, a synonym of the corpus's own list. Not the weak links that only help ranking (a
 * wordnet sense, a prefixed or related word, a second-edit typo): readers take a bold word for
 * one they asked about, and "sporazum" marking "sankcijami" (a wordnet sense of approval) or
 * "pomagala" marking "dopuščali" read as mistakes.
 */
const HIGHLIGHT_MIN_WEIGHT = MATCH_WEIGHTS.family;

/**
 * The spans of the passage's words that match the question (through an alternative of a concept
 * that its text holds, at least `HIGHLIGHT_MIN_WEIGHT`), merged: what an answer marks. Only the
 * passages shown need them.
 */
export function highlightsOf(concepts: Concept[], passage: Passage): Span[] {
  const { tokens, keys } = analysisOf(passage.text);
  const wanted = new Set<string>();
  for (const concept of concepts)
    for (const alt of concept.alternatives)
      if (alt.weight >= HIGHLIGHT_MIN_WEIGHT && holdsAll(keys, alt.keys)) for (const key of alt.keys) wanted.add(key);
  return mergeSpans(tokens.filter((t) => wanted.has(t.key)));
}

/** Weighted share of neighbouring concept pairs held together (each pair weighs as its lighter concept). */
function pairShare(concepts: Concept[], together: boolean[]): number {
  let total = 0;
  let held = 0;
  for (let i = 0; i < together.length; i++) {
    const w = Math.min(concepts[i]!.weight, concepts[i + 1]!.weight);
    total += w;
    if (together[i]) held += w;
  }
  return total > 0 ? held / total : 1;
}
