/**
 * The abstain rule, in one place. `confidence` is the share of the question's concepts, weighted
 * by how rare they are in the corpus, that the best passage covers (see `weighEvidence`). A
 * question whose telling words the article never uses ("Koliko stane hotel v Pjongjangu?" shares
 * only "Pjongjang") falls below the threshold, and the bot says the article does not answer it
 * instead of quoting something loosely related.
 *
 * Raise the threshold to abstain more (fewer wrong answers, more "does not say"); lower it to
 * answer more. The default was chosen on the development questions (`npm run eval`) as the middle
 * of the range that abstains on every unanswerable question and on no answerable one.
 */
export const DEFAULT_ABSTAIN_THRESHOLD = 0.45;

export function shouldAbstain(confidence: number, threshold: number = DEFAULT_ABSTAIN_THRESHOLD): boolean {
  return !(confidence >= threshold);
}
