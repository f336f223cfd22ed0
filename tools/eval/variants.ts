import { fold } from '../../src/engine/analysis/fold.ts';
import type { DevQuestion } from './dev-set.ts';

/**
 * Derived variants of the development questions, to see whether a change helps the kinds of
 * input users type rather than the exact dev wording: every answerable question without
 * diacritics and lower-cased, and with one typo in its longest word. Deterministic, so scores
 * are comparable between runs.
 */
export function deriveVariants(questions: DevQuestion[]): DevQuestion[] {
  const out: DevQuestion[] = [];
  for (const q of questions) {
    const plain = fold(q.question).replace(/[?!.]+$/, '');
    if (plain !== q.question) out.push({ ...q, id: `${q.id}-plain`, kind: 'variant-no-diacritics', question: plain });
    const typo = withTypo(q.question);
    if (typo) out.push({ ...q, id: `${q.id}-typo`, kind: 'variant-typo', question: typo });
  }
  return out;
}

/** Swaps two inner letters of the question's longest word (of 6+ letters), or returns null. */
function withTypo(question: string): string | null {
  const words = [...question.matchAll(/\p{L}{6,}/gu)];
  if (words.length === 0) return null;
  const longest = words.reduce((a, b) => (b[0].length > a[0].length ? b : a));
  const word = longest[0];
  const i = Math.floor(word.length / 2);
  const swapped = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  if (swapped === word) return null;
  return question.slice(0, longest.index) + swapped + question.slice(longest.index + word.length);
}
