import { analyze, WORD, type Token } from './analyze.ts';
import { initialsTokens } from './acronyms.ts';

/**
 * Tokens of a corpus text: its words (see `analyze`), and the initials of its multi-word names
 * (see `acronyms.ts`), so "Saturday Night Live" is found for "SNL". Indexing and evidence weighing
 * read passages this way; questions are read word by word.
 */
export function analyzeText(text: string): Token[] {
  // One scan for words serves both.
  const words = [...text.matchAll(WORD)];
  const initials = initialsTokens(text, words);
  if (initials.length === 0) return analyze(text, words);
  return [...analyze(text, words), ...initials].sort((a, b) => a.start - b.start);
}
