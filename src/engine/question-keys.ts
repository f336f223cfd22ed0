/**
 * Questions as the faces keep and compare them: the text with Discord syntax blanked out and
 * spaces collapsed (what a question log stores), and the folded key words of a question (what
 * "asked in similar words" is measured on).
 */
import { analyzeKeys } from './analysis/analyze.ts';
import { cleanQuestion } from './question/clean.ts';

/** The question without mentions, emoji, links or Markdown marks, on one line with single spaces. */
export function cleanQuestionText(question: string): string {
  return cleanQuestion(question).replace(/\s+/g, ' ').trim();
}

/**
 * The distinct index keys of a question's words (stop words dropped, case, č/š/ž and word endings
 * folded), in first-seen order: `Kdo je podpisal sporazum?` and `kdo podpisal sporazume` share them.
 */
export function questionKeys(question: string): string[] {
  return [...new Set(analyzeKeys(cleanQuestion(question)))];
}
