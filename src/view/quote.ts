/**
 * A quote and its marks, independent of any output format: the passage text verbatim, the words
 * that matched the question and the best sentence, and the window of it a face shows. Formatters
 * (Discord Markdown, terminal text) turn a window's pieces into their own marks; where a window
 * must fit a size, the formatter's own rendering measures it.
 */
import { mergeSpans, trimSpan, type RankedPassage, type Span } from '../engine/index.ts';
import { largestFitting, wordEnds } from './truncate.ts';

/** What a mark means; each format draws it its own way (bold and underline, say). */
export type Mark = 'matched' | 'best';

export interface QuoteMarks {
  /** Words that matched the question: sorted, non-overlapping, hugging their words. */
  matched: Span[];
  /** The best sentence, or null when it would be the whole passage (marking all of it says nothing). */
  best: Span | null;
}

/** A passage's text with its marks. */
export interface Quote {
  text: string;
  marks: QuoteMarks;
}

/** A run of quoted text, or the place where a mark opens or closes. Marks always nest: best outside, matched inside. */
export type QuotePiece = { text: string } | { open: Mark } | { close: Mark };

/** The part `[from, to)` of a quote, as pieces, and whether text was left out before or after it. */
export interface QuoteWindow {
  pieces: QuotePiece[];
  cutBefore: boolean;
  cutAfter: boolean;
}

/** The marks of a ranked passage (none for a passage shown on its own). */
export function quoteOf(text: string, ranked: Pick<RankedPassage, 'highlights' | 'bestSentence'> | null): Quote {
  if (!ranked) return { text, marks: { matched: [], best: null } };
  // Marks hug words: a mark around spaces shows nothing (and `** x**` does not render).
  const best = trimSpan(text, ranked.bestSentence);
  const whole = trimSpan(text, { start: 0, end: text.length });
  const partOfPassage = best.end > best.start && (best.start > whole.start || best.end < whole.end);
  // Touching highlights become one mark, else a formatter would close and reopen it (`**a****b**`).
  const matched = mergeSpans(ranked.highlights.map((h) => trimSpan(text, h)).filter((h) => h.end > h.start));
  // A passage where no word of the question matched has no sentence that answers it better than
  // another: marking one as "best" read as an answer ("veto?" underlined sentences without a veto).
  return { text, marks: { matched, best: partOfPassage && matched.length > 0 ? best : null } };
}

/**
 * The pieces of `quote.text[from, to)` with the marks clipped to it. A matched span that crosses
 * an edge of the best sentence is split there, so the marks always nest.
 */
export function quoteWindow(quote: Quote, from = 0, to = quote.text.length): QuoteWindow {
  const { text, marks } = quote;
  const events: { at: number; piece: QuotePiece; rank: number }[] = [];
  const add = (span: Span, mark: Mark, open: number, close: number) => {
    const start = Math.max(span.start, from);
    const end = Math.min(span.end, to);
    if (end <= start) return;
    events.push({ at: start, piece: { open: mark }, rank: open }, { at: end, piece: { close: mark }, rank: close });
  };
  const best = marks.best;
  if (best) add(best, 'best', 1, -1);
  for (const m of marks.matched) {
    const cuts = best
      ? [m.start, ...[best.start, best.end].filter((c) => c > m.start && c < m.end), m.end]
      : [m.start, m.end];
    for (let i = 0; i + 1 < cuts.length; i++)
      add(trimSpan(text, { start: cuts[i]!, end: cuts[i + 1]! }), 'matched', 2, -2);
  }
  // At one offset: inner closes, then outer closes, then outer opens, then inner opens.
  events.sort((a, b) => a.at - b.at || a.rank - b.rank);
  const pieces: QuotePiece[] = [];
  const addText = (end: number) => {
    if (end > cursor) pieces.push({ text: text.slice(cursor, end) });
    cursor = end;
  };
  let cursor = from;
  for (const e of events) {
    addText(e.at);
    pieces.push(e.piece);
  }
  addText(to);
  return { pieces, cutBefore: from > 0, cutAfter: to < text.trimEnd().length };
}

/** The text inside the best-sentence mark of a window (empty when it has none). */
export function bestSentenceText(window: QuoteWindow): string {
  let inside = false;
  let text = '';
  for (const piece of window.pieces) {
    if ('open' in piece && piece.open === 'best') inside = true;
    else if ('close' in piece && piece.close === 'best') inside = false;
    else if ('text' in piece && inside) text += piece.text;
  }
  return text.trim();
}

/**
 * The window of a quote whose rendering fits in `max` characters, or null when not even one
 * word does. The whole quote when it fits. Else it keeps its start when the best sentence still
 * fits after it, or starts as early as leaves the best sentence a quarter of the room for what
 * follows; the end is then cut after the last word that fits. `render` is the formatter's own
 * rendering (escapes and marks count), which must grow with the window.
 */
export function fittingWindow(quote: Quote, render: (window: QuoteWindow) => string, max: number): QuoteWindow | null {
  const { text, marks } = quote;
  const measure = (from: number, to: number) => render(quoteWindow(quote, from, to));
  const whole = quoteWindow(quote);
  if (render(whole).length <= max) return whole;
  let from = 0;
  const best = marks.best;
  if (best && measure(0, best.end).length > max) {
    // Word starts from the sentence back to the passage start: the rendering grows along the list.
    const starts = [...wordStarts(text, best.start), best.start]
      .filter((s, i, all) => s <= best.start && all.indexOf(s) === i)
      .sort((a, b) => b - a);
    from =
      largestFitting(starts, (start) => measure(start, best.end), Math.floor(max * BEST_SENTENCE_SHARE)) ?? best.start;
  }
  const ends = wordEnds(text, from).filter((e) => e > from);
  const to = largestFitting(ends, (end) => measure(from, end), max);
  return to === undefined ? null : quoteWindow(quote, from, to);
}

/**
 * When a quote must start later to fit, the text up to the end of the best sentence may take
 * this share of the room; the rest shows how the passage goes on.
 */
const BEST_SENTENCE_SHARE = 3 / 4;

/** Offsets where a word starts, up to `until`. */
function wordStarts(text: string, until: number): number[] {
  const starts: number[] = [];
  const re = /(?<=^|\s)\S/g;
  for (let m = re.exec(text); m && m.index <= until; m = re.exec(text)) starts.push(m.index);
  return starts;
}
