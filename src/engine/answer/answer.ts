import type { Answer, Passage, RankedPassage } from '../types.ts';
import type { Candidate, PassageIndex } from '../search/passage-index.ts';
import { continuesPrevious } from '../text/continuation.ts';
import { keyOfWord } from '../analysis/analyze.ts';
import { parseQuestion, searchWeights, type Concept, type ParsedQuestion } from '../search/query.ts';
import type { SynonymTable } from '../search/synonyms.ts';
import { lexicon } from '../lexicon/lexicon.ts';
import { DEFAULT_ABSTAIN_THRESHOLD, decideAbstain, type AbstainInput } from './abstain.ts';
import { askedWords, CUE_PREFIX } from './answer-cues.ts';
import { MATCH_WEIGHTS } from '../search/alternatives.ts';
import { fold } from '../analysis/fold.ts';
import { FIGURE_TYPES } from '../question/answer-type.ts';
import { smallTalkKind } from '../question/small-talk.ts';
import { asksWhatItIsAbout } from '../question/summary.ts';
import { sentenceSpans } from '../text/sentences.ts';
import { coverageOf, highlightsOf, matches, questionModel, weighEvidence, type Evidence } from './evidence.ts';

export interface RankingTuning {
  /** How many BM25 candidates are re-ranked with the evidence features. */
  candidates: number;
  /**
   * Weights of the ranking features: BM25 relative to the best candidate, concept coverage of the
   * passage (with heading, title and previous paragraph), coverage of its best sentence, how
   * clearly that sentence holds what the question word asks for, and the coverage of the
   * passage's whole article. Coverage leads: BM25 rewards repeated words, coverage rewards
   * answering all of the question. Chosen on the tuning part of the evaluation questions; the
   * sweep that chose them is described in the README.
   */
  weights: {
    bm25: number;
    coverage: number;
    sentence: number;
    answerType: number;
    /**
     * `answerType` where the question asks for a figure with its unit: an age, a sum, a share or a
     * length ("48-letnik" for "Koliko je star Mickelson?") is given by the one passage that
     * answers, often without the name the others repeat ("Mickelson ima 18 zmag"), while any
     * capital or any number is in many passages.
     */
    figureAnswerType: number;
    document: number;
  };
  /**
   * In ranking, a concept counts its weight times this floor plus the rest times how few
   * candidates match it: a concept nearly every candidate has does not tell them apart.
   */
  specificityFloor: number;
  /**
   * The passage's coverage of the question at which its answer cue counts fully; below, the cue
   * counts in proportion. A date or a place in a passage that shares one name with the question
   * ("Belfast Giants" in a hockey report for a question about a stabbing in Belfast) says little.
   * Not for a figure with its unit (an age, a sum, a share, a length), which only the answering
   * passage gives, often without the name the others repeat ("48-letnik").
   */
  cueFullCoverage: number;
  abstainThreshold: number;
}

export const DEFAULT_RANKING: RankingTuning = {
  candidates: 20,
  weights: { bm25: 0.3, coverage: 1, sentence: 0.3, answerType: 0.6, figureAnswerType: 1.2, document: 1 },
  specificityFloor: 0.3,
  cueFullCoverage: 0.8,
  abstainThreshold: DEFAULT_ABSTAIN_THRESHOLD,
};

/** An article with at least this many candidates has its own shares of what its passages hold (see `rankPassages`). */
const MIN_ARTICLE_CANDIDATES = 5;
/** A match at least this strong (the word itself, a close form, a name in the previous paragraph) counts as holding the concept. */
const CLEAR_MATCH = 0.5;

/** Passages to return when the caller does not say. */
export const DEFAULT_PASSAGES_PER_ANSWER = 3;

export interface AnswerOptions {
  limit?: number;
  tuning?: Partial<RankingTuning>;
}

/** A candidate passage with everything the ranking and the abstain rule looked at. */
export interface WeighedPassage {
  passage: Passage;
  evidence: Evidence;
  /** BM25 relative to the best candidate, in (0, 1]. */
  bm25: number;
  score: number;
}

/** The question as read and the candidates best first: what an answer is made from (and what `explain` shows). */
export interface Ranking {
  question: ParsedQuestion;
  ranked: WeighedPassage[];
}

/**
 * Retrieves BM25 candidates for the question's concepts and re-ranks them by how completely they,
 * their best sentence and their article cover those concepts.
 */
export function rankPassages(
  index: PassageIndex,
  synonyms: SynonymTable,
  question: string,
  tuning: RankingTuning = DEFAULT_RANKING,
): Ranking {
  const parsed = parseQuestion(question, synonyms, index.vocabulary, lexicon());
  const retrievedCandidates = index.retrieve(searchWeights(parsed.concepts, index.vocabulary), tuning.candidates);
  const candidates = withFollowers(index, retrievedCandidates);
  if (candidates.length === 0) return { question: parsed, ranked: [] };
  // What the question names as it was read: the Slovenian its English was bridged to, or the
  // word a colloquial or variant form stands for ("prvikrat" names "prvič"). Not a typo's guess
  // ("osumili" read as "osem" would hide the answer "osem ljudi"), nor a key shorter than a cue
  // prefix (the "sest" of "sestala" is the whole of "šest").
  const bridged = parsed.english
    ? parsed.concepts.flatMap((c) => c.alternatives.flatMap((a) => a.keys))
    : parsed.concepts.flatMap((c) => {
        const read = c.alternatives[0];
        return read && read.weight >= MATCH_WEIGHTS.mended ? read.keys.filter((k) => k.length >= CUE_PREFIX) : [];
      });
  const wholeNames = wholeNamesOf(question, parsed.concepts);
  const model = questionModel(
    parsed,
    askedWords(question, {
      bridged,
      asksSpan: parsed.asksSpan,
      asksDay: parsed.asksDay,
      asksClock: parsed.asksClock,
      asksName: parsed.asksName,
      wholeNames,
      names: wholeNames.flat(),
    }),
  );
  const topBm25 = candidates[0]!.score;
  const w = tuning.weights;
  const byDocument = new Map<number, number[]>();
  const weighed = candidates.map((c) => {
    const passage = index.passages[c.index]!;
    // The paragraph before it, in the same article: it may name the subject this one refers to.
    const previous = index.passages[c.index - 1];
    const neighbours = previous?.doc === passage.doc ? [previous] : [];
    const document = index.documentOf[c.index]!;
    // Candidates often come several from one article: match the question against each article once.
    let inDocument = byDocument.get(document);
    if (!inDocument)
      byDocument.set(document, (inDocument = matches(parsed.concepts, [[index.documentKeys.of(document), 1]])));
    const continued = neighbours.length > 0 && continues(index, c.index);
    return { passage, c, evidence: weighEvidence(model, passage, neighbours, inDocument, continued) };
  });
  // A concept nearly every candidate matches does not tell them apart: rank by the others.
  const floor = tuning.specificityFloor;
  const telling = (group: typeof weighed, matched: (found: number, concept: Concept, i: number) => boolean) =>
    parsed.concepts.map((concept, i) => {
      const share = group.filter((x) => matched(x.evidence.found[i]!, concept, i)).length / group.length;
      return concept.weight * (floor + (1 - floor) * (1 - share));
    });
  // Shares among what BM25 retrieved (the followers come after them): passages it did not bring
  // would tilt them.
  const retrieved = weighed.slice(0, retrievedCandidates.length);
  const rankWeights = telling(retrieved, (found) => found > 0);
  // Within one article, what most of its candidate passages hold (its topic: "Inrupt" in an
  // article about Inrupt) does not tell them apart either: "direktor Inrupta?" asks for the
  // passage about the director. Where an article brings enough candidates to tell, its own
  // passages are weighed by its own shares; a concept counts as held where it is clearly matched,
  // and a name in all of them if the article names it anywhere, in any of the name's forms: the
  // paragraph that answers about Verstappen often calls him "he", and the ones that name him do
  // not answer more for it. (A name the article mentions once is held everywhere too, and so tells
  // its paragraphs apart no more than its topic's names do: measured, limiting this to names
  // several candidates write changed nothing on the tuning questions.)
  const byArticle = new Map<string, typeof weighed>();
  for (const x of retrieved) byArticle.set(x.passage.doc, [...(byArticle.get(x.passage.doc) ?? []), x]);
  const articleWeights = new Map<string, number[]>();
  for (const [doc, group] of byArticle)
    if (group.length >= MIN_ARTICLE_CANDIDATES) {
      const inArticle = byDocument.get(index.documentOf[group[0]!.c.index]!)!;
      articleWeights.set(
        doc,
        telling(group, (found, concept, i) => found >= CLEAR_MATCH || (concept.name && inArticle[i]! > 0)),
      );
    }
  const figure = FIGURE_TYPES.has(parsed.answerType);
  const cueWeight = figure ? w.figureAnswerType : w.answerType;
  // A figure with its unit is given by the one passage that answers, often without the name the
  // others repeat ("48-letnik"): its cue counts whatever the passage's coverage.
  const cueShare = (coverage: number) => (figure ? 1 : Math.min(1, coverage / tuning.cueFullCoverage));
  const ranked = weighed.map(({ passage, c, evidence }): WeighedPassage => {
    const ownWeights = articleWeights.get(passage.doc);
    evidence.rankCoverage = coverageOf(ownWeights ?? rankWeights, evidence.found);
    // The best sentence is weighed by the article's own shares too: otherwise the article's topic,
    // which nearly every sentence of it holds, still decides between its sentences.
    if (ownWeights)
      evidence.rankSentenceCoverage = Math.max(0, ...evidence.sentenceFound.map((f) => coverageOf(ownWeights, f)));
    const bm25 = c.score / topBm25;
    const score =
      w.bm25 * bm25 +
      w.coverage * evidence.rankCoverage +
      w.sentence * evidence.rankSentenceCoverage +
      cueWeight * evidence.answerCue * cueShare(evidence.rankCoverage) +
      w.document * evidence.documentCoverage;
    return { passage, evidence, bm25, score };
  });
  return { question: parsed, ranked: ranked.sort((a, b) => b.score - a.score) };
}

/** Per index, whether each passage continues the one before it: 0 not worked out yet, 1 no, 2 yes. */
const CONTINUING = new WeakMap<PassageIndex, Uint8Array>();

/**
 * Whether the passage at `position` continues the one before it (see `continuesPrevious`), names
 * told by the index's vocabulary. Worked out once per passage: candidates recur across questions,
 * and doing it for every candidate of every question cost a sixth of the answer time.
 */
function continues(index: PassageIndex, position: number): boolean {
  let known = CONTINUING.get(index);
  if (!known) CONTINUING.set(index, (known = new Uint8Array(index.passages.length)));
  if (known[position] === 0) {
    const isName = (word: string) => {
      const key = keyOfWord(word);
      return key !== null && index.vocabulary.isName(key);
    };
    known[position] = continuesPrevious(index.passages[position]!.text, isName) ? 2 : 1;
  }
  return known[position] === 2;
}

/** How many of the best candidates bring the paragraphs that continue them (see `withFollowers`). */
const CANDIDATES_WITH_FOLLOWERS = 10;
/** How far a chain of continuing paragraphs is followed ("Nato je skočil …", "Umrl je pozneje …"). */
const FOLLOWERS_PER_CANDIDATE = 2;

/**
 * The candidates and, after them all, the paragraphs that continue the best of them (see
 * `continuesPrevious`): "Umrl je pozneje v bolnišnici." answers "kje je umrl kontrolor?" but holds
 * none of its rarer words, which its previous paragraph has, so BM25 alone seldom brings it. A
 * follower counts no BM25 of its own: it is there by its neighbour's.
 */
function withFollowers(index: PassageIndex, candidates: Candidate[]): Candidate[] {
  const seen = new Set(candidates.map((c) => c.index));
  const out = [...candidates];
  for (const c of candidates.slice(0, CANDIDATES_WITH_FOLLOWERS)) {
    const doc = index.documentOf[c.index];
    for (let j = c.index + 1; j <= c.index + FOLLOWERS_PER_CANDIDATE; j++) {
      if (j >= index.passages.length || index.documentOf[j] !== doc || !continues(index, j)) break;
      if (!seen.has(j)) {
        seen.add(j);
        out.push({ index: j, score: 0 });
      }
    }
  }
  return out;
}

/**
 * Answers a question from the index: the best passages, and whether they answer it at all (see
 * `abstain.ts`). When abstaining, the closest passages are still returned as "maybe related".
 */
export function answerQuestion(
  index: PassageIndex,
  synonyms: SynonymTable,
  question: string,
  options: AnswerOptions = {},
): Answer {
  // Looked up, "hvala za odgovor" would quote whatever passage holds "odgovor".
  const smallTalk = smallTalkKind(question);
  if (smallTalk) return { question, answered: false, passages: [], confidence: 0, smallTalk };
  const tuning = { ...DEFAULT_RANKING, ...options.tuning };
  const limit = options.limit ?? DEFAULT_PASSAGES_PER_ANSWER;
  if (asksWhatItIsAbout(question)) return openingsAnswer(index, question, limit);
  const { question: parsed, ranked } = rankPassages(index, synonyms, question, tuning);
  if (ranked.length === 0) return { question, answered: false, passages: [], confidence: 0 };
  const { confidence, abstain } = decideAbstain(abstainInput(parsed, ranked), tuning.abstainThreshold);
  const passages: RankedPassage[] = ranked.slice(0, limit).map(({ passage, evidence, score }) => ({
    passage,
    score: round(score),
    highlights: highlightsOf(parsed.concepts, passage),
    bestSentence: evidence.bestSentence,
  }));
  return { question, answered: !abstain, passages, confidence: round(confidence) };
}

/**
 * "O čem je članek?": each article's opening passage, the newest articles first, its first
 * sentence as the best. It answers by what news puts first, not by evidence, so its confidence is full.
 */
function openingsAnswer(index: PassageIndex, question: string, limit: number): Answer {
  const openings: Passage[] = [];
  for (let i = 0; i < index.passages.length; i++)
    if (i === 0 || index.documentOf[i] !== index.documentOf[i - 1]) openings.push(index.passages[i]!);
  // Newest first ("2024-06" and "2024-06-19" sort as text; an undated article last), in corpus
  // order among equals: with many articles, "what is it about" most likely means the latest news,
  // not whichever file sorts first.
  const newestFirst = openings.sort((a, b) => b.date.localeCompare(a.date));
  const passages: RankedPassage[] = newestFirst.slice(0, limit).map((passage) => {
    const first = sentenceSpans(passage.text)[0] ?? { start: 0, end: passage.text.length };
    return { passage, score: 1, highlights: [], bestSentence: first };
  });
  return { question, answered: passages.length > 0, passages, confidence: passages.length > 0 ? 1 : 0 };
}

/** What the abstain rule looks at: the best passage's evidence and the question. */
export function abstainInput(parsed: ParsedQuestion, ranked: WeighedPassage[]): AbstainInput {
  // Field by field rather than spreading the evidence: a spread copies its arrays' references
  // into an object of a new shape, for every answer.
  const e = ranked[0]!.evidence;
  return {
    coverage: e.coverage,
    sentenceCoverage: e.sentenceCoverage,
    documentCoverage: e.documentCoverage,
    missesName: e.missesName,
    documentMissesName: e.documentMissesName,
    largestMiss: e.largestMiss,
    answerCue: e.answerCue,
    focusCoverage: e.focusCoverage,
    pairCoverage: e.pairCoverage,
    answerType: parsed.answerType,
    asksName: parsed.asksName,
    english: parsed.english,
    unknownShare: parsed.unknownShare,
  };
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

/**
 * The question's names of several words, each as its folded words: a name concept of several
 * words, or name concepts written one after the other ("Bernard Vann", which the question reads as
 * two names).
 */
function wholeNamesOf(question: string, concepts: readonly Concept[]): string[][] {
  const wholes: string[][] = [];
  let previousEnd = -1;
  for (const c of [...concepts].filter((c) => c.name).sort((a, b) => a.span.start - b.span.start)) {
    const words = fold(question.slice(c.span.start, c.span.end)).match(/\p{L}+/gu) ?? [];
    const adjacent = previousEnd >= 0 && /^\s+$/.test(question.slice(previousEnd, c.span.start));
    if (adjacent && wholes.length > 0) wholes[wholes.length - 1]!.push(...words);
    else wholes.push(words);
    previousEnd = c.span.end;
  }
  return wholes;
}
