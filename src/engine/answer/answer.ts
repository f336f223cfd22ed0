import type { Answer, RankedPassage } from '../types.ts';
import type { PassageIndex } from '../search/passage-index.ts';
import { buildConcepts, searchWeights } from '../search/query.ts';
import type { SynonymTable } from '../search/synonyms.ts';
import { DEFAULT_ABSTAIN_THRESHOLD, shouldAbstain } from './abstain.ts';
import { weighEvidence, type Evidence, type QuestionModel } from './evidence.ts';
import { answerTypeOf } from './question-type.ts';

export interface RankingTuning {
  /** How many BM25 candidates are re-ranked with the evidence features. */
  candidates: number;
  /**
   * Weights of the ranking features: BM25 relative to the best candidate, concept coverage of the
   * passage, coverage of its best sentence, and coverage of the question by the passage's whole
   * article among the candidates (so a paragraph of the article that is about the question
   * outranks a look-alike paragraph of an unrelated article).
   */
  weights: { bm25: number; coverage: number; sentence: number; document: number; answerType: number; lead: number };
  abstainThreshold: number;
}

export const DEFAULT_RANKING: RankingTuning = {
  candidates: 30,
  weights: { bm25: 0.3, coverage: 1, sentence: 0.5, document: 0.3, answerType: 0.3, lead: 0 },
  abstainThreshold: DEFAULT_ABSTAIN_THRESHOLD,
};

/** How much of the confidence is left when the best passage misses a name the question asks about. */
const NAME_MISSING_FACTOR = 0.5;
/** How much is left when a when/how-many question's best sentence holds no time or number. */
const NO_TIME_OR_NUMBER_FACTOR = 0.6;

export interface AnswerOptions {
  limit?: number;
  tuning?: Partial<RankingTuning>;
}

/**
 * Answers a question from the index: retrieves BM25 candidates for the question's concepts,
 * re-ranks them by how completely they (and their best sentence) cover those concepts, and
 * abstains when even the best passage covers too little. When abstaining, the closest passages
 * are still returned as "maybe related".
 */
export function answerQuestion(index: PassageIndex, synonyms: SynonymTable, question: string, options: AnswerOptions = {}): Answer {
  const tuning = { ...DEFAULT_RANKING, ...options.tuning };
  const limit = options.limit ?? 3;
  const concepts = buildConcepts(question, synonyms, index.vocabulary);
  const model: QuestionModel = { text: question, concepts, answerType: answerTypeOf(question) };
  const candidates = index.retrieve(searchWeights(concepts, index.vocabulary), tuning.candidates);
  if (candidates.length === 0) return { question, answered: false, passages: [], confidence: 0 };

  const topBm25 = candidates[0]!.score;
  const weighed = candidates.map((c) => {
    const passage = index.passages[c.index]!;
    const previous = index.passages[c.index - 1];
    const evidence = weighEvidence(model, passage, previous?.doc === passage.doc ? previous : undefined);
    return { passage, bm25: c.score / topBm25, evidence };
  });
  const documentCoverage = coverageByDocument(weighed);
  const w = tuning.weights;
  const ranked = weighed
    .map(({ passage, bm25, evidence }) => ({
      passage,
      evidence,
      score:
        w.bm25 * bm25 +
        w.coverage * evidence.coverage +
        w.sentence * evidence.sentenceCoverage +
        w.document * (documentCoverage.get(passage.doc) ?? 0) +
        w.answerType * evidence.answerCue +
        // News puts the essentials first: earlier paragraphs break near-ties.
        w.lead / passage.paragraph,
    }))
    .sort((a, b) => b.score - a.score);

  const top = ranked[0]!.evidence;
  let confidence = top.coverage;
  // A passage about someone or somewhere else does not answer a question about a named one.
  if (top.missesName) confidence *= NAME_MISSING_FACTOR;
  // "Kdaj ...?" and "Koliko ...?" want a time or a number; a sentence without one does not answer.
  if ((model.answerType === 'time' || model.answerType === 'number') && top.answerCue === 0) confidence *= NO_TIME_OR_NUMBER_FACTOR;
  const passages: RankedPassage[] = ranked.slice(0, limit).map(({ passage, evidence, score }) => ({
    passage,
    score: round(score),
    highlights: evidence.highlights,
    bestSentence: evidence.bestSentence,
  }));
  return { question, answered: !shouldAbstain(confidence, tuning.abstainThreshold), passages, confidence: round(confidence) };
}

/** For each article among the candidates: the best coverage any of its candidate passages reached. */
function coverageByDocument(weighed: { passage: { doc: string }; evidence: Evidence }[]): Map<string, number> {
  const byDoc = new Map<string, number>();
  for (const { passage, evidence } of weighed) byDoc.set(passage.doc, Math.max(byDoc.get(passage.doc) ?? 0, evidence.coverage));
  return byDoc;
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
