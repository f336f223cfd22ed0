/**
 * What to offer while someone types a question: the sentences of the article that answer the
 * text so far best (the best sentence of each ranked passage, then other sentences that hold a
 * matched word), each one line, cut at a word. Picking one asks it. Before anything askable is
 * typed, the opening sentences of the article show what it is about.
 */
import { checkQuestion, sentenceSpans, type Engine, type Span } from '../engine/index.ts';
import { truncateAtWord } from './truncate.ts';

export interface SuggestionOptions {
  /** How many suggestions at most. */
  limit: number;
  /** Longest suggestion in characters. */
  maxChars: number;
}

/** Passages asked for when suggesting: enough to fill a list, few enough to stay fast. */
const SUGGESTION_PASSAGES = 8;

/**
 * The typed text itself first (when it is a question that fits, so picking it keeps it), then
 * sentences of the article, best first, without repeats.
 */
export function questionSuggestions(
  engine: Pick<Engine, 'ask' | 'passages'>,
  typed: string,
  { limit, maxChars }: SuggestionOptions,
): string[] {
  const check = checkQuestion(typed);
  const out = new Set<string>();
  const add = (text: string) => {
    const line = truncateAtWord(text.replace(/\s+/g, ' ').trim(), maxChars);
    if (line !== '' && out.size < limit) out.add(line);
  };
  if (!check.ok) {
    for (const passage of engine.passages) {
      const first = sentenceSpans(passage.text)[0];
      if (first) add(passage.text.slice(first.start, first.end));
      if (out.size >= limit) break;
    }
    return [...out];
  }
  if (check.question.length <= maxChars) add(check.question);
  const ranked = engine.ask(check.question, { limit: SUGGESTION_PASSAGES }).passages;
  for (const r of ranked) add(r.passage.text.slice(r.bestSentence.start, r.bestSentence.end));
  for (const r of ranked) {
    for (const sentence of sentenceSpans(r.passage.text))
      if (r.highlights.some((h) => overlaps(h, sentence))) add(r.passage.text.slice(sentence.start, sentence.end));
  }
  return [...out];
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}
