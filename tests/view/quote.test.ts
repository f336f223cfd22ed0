import { describe, expect, it } from 'vitest';
import { bestSentenceText, fittingWindow, quoteOf, quoteWindow, type QuoteWindow } from '../../src/view/quote.ts';

const text = 'Putin je prispel v Pjongjang. Tam je s Kimom podpisal sporazum. Nato je odpotoval.';
const at = (word: string) => ({ start: text.indexOf(word), end: text.indexOf(word) + word.length });
const bestSentence = at('Tam je s Kimom podpisal sporazum.');

/** A window written out with [ ] around matched words and < > around the best sentence. */
function drawn(window: QuoteWindow): string {
  const signs = { matched: ['[', ']'], best: ['<', '>'] } as const;
  const body = window.pieces
    .map((p) => ('text' in p ? p.text : 'open' in p ? signs[p.open][0] : signs[p.close][1]))
    .join('');
  return `${window.cutBefore ? '…' : ''}${body}${window.cutAfter ? '…' : ''}`;
}

describe('quotes', () => {
  it('mark matched words and the best sentence, quoting the passage verbatim', () => {
    const quote = quoteOf(text, { highlights: [at('Kimom'), at('sporazum')], bestSentence });
    expect(drawn(quoteWindow(quote))).toBe(
      'Putin je prispel v Pjongjang. <Tam je s [Kimom] podpisal [sporazum].> Nato je odpotoval.',
    );
    expect(bestSentenceText(quoteWindow(quote))).toBe('Tam je s Kimom podpisal sporazum.');
  });

  it('do not mark a best sentence that is the whole passage, and join touching matches', () => {
    const quote = quoteOf(text, {
      highlights: [
        { start: 0, end: 3 },
        { start: 3, end: 5 },
      ],
      bestSentence: { start: 0, end: text.length },
    });
    expect(quote.marks).toEqual({ matched: [{ start: 0, end: 5 }], best: null });
    expect(bestSentenceText(quoteWindow(quote))).toBe('');
  });

  it('split a match that crosses the edge of the best sentence, so the marks nest', () => {
    const quote = quoteOf(text, { highlights: [at('Pjongjang. Tam je')], bestSentence });
    expect(drawn(quoteWindow(quote))).toBe(
      'Putin je prispel v [Pjongjang.] <[Tam je] s Kimom podpisal sporazum.> Nato je odpotoval.',
    );
  });

  it('clip marks to a window and say what the window leaves out', () => {
    const quote = quoteOf(text, { highlights: [at('Kimom')], bestSentence });
    expect(drawn(quoteWindow(quote, at('s Kimom').start, at('podpisal').end))).toBe('…<s [Kimom] podpisal>…');
  });

  it('fit a size as the formatter measures it, keeping the best sentence', () => {
    const quote = quoteOf(text, { highlights: [at('Kimom')], bestSentence });
    for (const max of [40, 50, 60]) {
      const window = fittingWindow(quote, drawn, max)!;
      expect(drawn(window).length).toBeLessThanOrEqual(max);
      expect(bestSentenceText(window)).toBe('Tam je s Kimom podpisal sporazum.');
    }
    expect(fittingWindow(quote, drawn, 1000)).toEqual(quoteWindow(quote));
    expect(fittingWindow(quote, drawn, 2)).toBeNull();
  });
});
