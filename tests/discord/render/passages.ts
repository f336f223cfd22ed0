/** Passages, ranked passages and answers made up for the rendering tests. */
import type { Answer, Passage, RankedPassage, Span } from '../../../src/engine/index.ts';

export function passage(text: string, over: Partial<Passage> = {}): Passage {
  return {
    id: 'clanek#7',
    doc: 'clanek',
    title: 'Naslov članka',
    date: '2024-06',
    lang: 'sl',
    paragraph: 7,
    heading: null,
    text,
    start: 0,
    end: text.length,
    ...over,
  };
}

/** Spans of each listed word's first occurrence. */
export function spans(text: string, ...words: string[]): Span[] {
  return words.map((w) => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length }));
}

/** A passage ranked for a question: `words` matched, `best` its best sentence. */
export function ranked(text: string, words: string[], best: string, over: Partial<Passage> = {}): RankedPassage {
  const start = text.indexOf(best);
  return {
    passage: passage(text, over),
    score: 1,
    highlights: spans(text, ...words),
    bestSentence: { start, end: start + best.length },
  };
}

export function answer(passages: RankedPassage[], answered = true): Answer {
  return { question: 'q', answered, passages, confidence: answered ? 0.9 : 0.1 };
}

/** Removes our marks and escapes: what Discord shows as text. */
export function shown(markdown: string): string {
  return markdown.replace(/\*\*|__/g, '').replace(/\\(.)/g, '$1');
}
