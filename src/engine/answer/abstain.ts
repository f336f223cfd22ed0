/**
 * The abstain rule, in one place. `confidence` is the share of the question's concepts, weighted
 * by how rare they are in the corpus, that the best passage covers (see `weighEvidence`). A
 * question whose telling words the article never uses ("Koliko stane hotel v Pjongjangu?" shares
 * only "Pjongjang") falls below the threshold, and the bot says the article does not answer it
 * instead of quoting something loosely related.
 *
 * Before the threshold is applied, `answerQuestion` lowers the confidence when the best passage
 * misses a name the question asks about, or when a "kdaj"/"koliko" question's best sentence holds
 * no time or number.
 *
 * Raise the threshold to abstain more (fewer wrong answers, more "does not say"); lower it to
 * answer more. The default is the middle of the range that, on the development questions and
 * their no-diacritics and typo variants (`npm run eval`), abstains on every unanswerable question
 * and on no answerable one (unanswerable at most 0.37, answerable at least 0.50).
 */
export const DEFAULT_ABSTAIN_THRESHOLD = 0.44;

export function shouldAbstain(confidence: number, threshold: number = DEFAULT_ABSTAIN_THRESHOLD): boolean {
  return !(confidence >= threshold);
}
