import type { AnswerType } from '../question/answer-type.ts';

/**
 * The abstain rule, in one place: should the bot say "the article does not say" rather than quote
 * its best passage?
 *
 * Confidence starts as the best passage's coverage: the share of the question's concepts,
 * weighted by how rare they are in the corpus, that the passage (with its heading, title and
 * previous paragraph) contains (see `weighEvidence`). A question whose telling words the article
 * never uses ("Koliko stane hotel v Pjongjangu?" shares only "Pjongjang") scores low. Two checks
 * then lower it:
 * - the passage never mentions a name the question asks about (written with a capital inside the
 *   question): a passage about someone else does not answer it;
 * - a "kdaj" or "koliko" question whose best sentence holds no time or number.
 *
 * Raise the threshold to abstain more (fewer wrong answers, more "does not say"); lower it to
 * answer more. The default is the middle of the range that, on the development questions and
 * their no-diacritics and typo variants (`npm run eval`), abstains on every unanswerable question
 * and on no answerable one (unanswerable at most 0.37, answerable at least 0.50).
 */
export const DEFAULT_ABSTAIN_THRESHOLD = 0.44;

/** How much of the confidence is left when the best passage misses a name the question asks about. */
export const NAME_MISSING_FACTOR = 0.5;
/** How much is left when a when/how-many question's best sentence holds no time or number. */
export const NO_TIME_OR_NUMBER_FACTOR = 0.6;

/** What the rule looks at: the best passage's evidence and the kind of question. */
export interface AbstainInput {
  coverage: number;
  missesName: boolean;
  /** Strength of the asked-for kind of answer in the best sentence, in [0, 1]. */
  answerCue: number;
  answerType: AnswerType;
}

export interface AbstainDecision {
  /** In [0, 1]; what the threshold is compared with. */
  confidence: number;
  abstain: boolean;
}

export function decideAbstain(input: AbstainInput, threshold: number = DEFAULT_ABSTAIN_THRESHOLD): AbstainDecision {
  let confidence = input.coverage;
  if (input.missesName) confidence *= NAME_MISSING_FACTOR;
  if ((input.answerType === 'time' || input.answerType === 'number') && input.answerCue === 0) confidence *= NO_TIME_OR_NUMBER_FACTOR;
  return { confidence, abstain: !(confidence >= threshold) };
}
