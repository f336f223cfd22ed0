/**
 * Whether a word at `at` opens a sentence: it starts the text or follows a sentence end, a colon,
 * an opening quote or bracket, or a line break. A capital there says nothing about a name.
 */
export function startsSentence(text: string, at: number): boolean {
  return at === 0 || /(?:^|[.!?:„"»«(\n])\s*$/.test(text.slice(Math.max(0, at - 3), at));
}
