import type { Span } from '../types.ts';
import { trimSpan } from '../spans.ts';

const segmenter = new Intl.Segmenter('sl', { granularity: 'sentence' });

/**
 * Abbreviations after which ICU's sentence rules would wrongly end a sentence in Slovenian news
 * text (titles, "for example", "that is", initials are handled separately).
 */
const ABBREVIATIONS = new Set([
  'npr',
  'oz',
  'tj',
  'itd',
  'ipd',
  'idr',
  'dr',
  'mag',
  'prof',
  'g',
  'ga',
  'gdč',
  'št',
  'str',
  'sv',
  'mio',
  'mrd',
  'jan',
  'feb',
  'avg',
  'sept',
  'okt',
  'nov',
  'dec',
  'pribl',
  'prim',
  'ca',
  'st',
  'l',
  'tel',
  'inž',
  'dipl',
]);

/** A word and its full stop at the end of a segment, after a space, bracket or quote or at its start. */
const ABBREVIATION_AT_END = /(?:^|[\s(„"»])([\p{L}]+)\.$/u;
/** Characters read from a segment's end (see `endsWithAbbreviation`). */
const ABBREVIATION_TAIL = 32;

/** True when the segment ends with a known abbreviation or a single-letter initial ("J."). */
export function endsWithAbbreviation(segment: string): boolean {
  // Most segments end in a sentence's full stop after a long word: only the end is read, and the
  // pattern only where it ends in a full stop. A tail this long holds any abbreviation with what
  // comes before it; a longer word cut at the tail's start is no abbreviation either.
  const trimmed = segment.trimEnd();
  if (!trimmed.endsWith('.')) return false;
  const match = ABBREVIATION_AT_END.exec(trimmed.slice(-ABBREVIATION_TAIL));
  if (!match) return false;
  const word = match[1]!;
  return ABBREVIATIONS.has(word.toLowerCase()) || (word.length === 1 && word === word.toUpperCase());
}

/** One segment as the segmenter gives it: its text and where it starts. */
export interface Segment {
  segment: string;
  index: number;
}

/**
 * Longest text handed to the segmenter at once. In Node 20's V8 every step of a segmenter costs
 * time in proportion to the whole text it iterates over (https://issues.chromium.org/issues/326176949,
 * fixed in later V8s), so one call costs the text's length times its number of sentences: a
 * paragraph of 1 MB took 3 s, one of 5 MB over a minute. Windows this long keep a step cheap, and
 * splitting linear in the text's length.
 */
export const SEGMENT_WINDOW = 8192;

/**
 * Where the segments of a window cut mid-line may end. The segmenter decides where a sentence
 * ends from what follows it: after a full stop it reads on over spaces, digits and punctuation to
 * the next letter (a small one continues the sentence, a capital starts the next), and no further.
 * So a segment that ends at or before a letter of the window was read in full, and ends where it
 * would in the whole text; later ones are left to the next window. The letter is looked for a few
 * characters before the cut (`CUT_SLACK`, for the accents that may follow it), and at most
 * `WINDOW_MARGIN` back: where there is none (a table of figures), what ends before the margin is
 * kept, so that a window always moves on by half its width and splitting stays linear. Only a
 * sentence end followed by thousands of characters without a letter could then end elsewhere.
 */
const LETTER = /\p{L}/u;
const CUT_SLACK = 32;
const WINDOW_MARGIN = SEGMENT_WINDOW / 2;

function keptUpTo(text: string, from: number, to: number): number {
  const last = to - CUT_SLACK;
  const stop = Math.max(from, last - WINDOW_MARGIN);
  for (let i = last - 1; i >= stop; i--) if (LETTER.test(text[i]!)) return i;
  return stop;
}

/**
 * The segments `segmentText` gives for `text` in one call, got a window at a time (see
 * `SEGMENT_WINDOW`), with their offsets into `text`. A window ends after the last line break in it
 * where there is one: a line break always ends a sentence, and the segmenter never reads past one
 * to decide what comes before it, so all its segments are final. Otherwise the segments that end
 * after `keptUpTo` are left to the next window, which starts where the last one kept ends; a
 * sentence longer than a window gets a window twice as wide, as often as needed. `segmentText` is
 * a parameter for the tests.
 */
export function* segmentsInWindows(
  text: string,
  segmentText: (window: string) => Iterable<Segment> = (window) => segmenter.segment(window),
): Generator<Segment> {
  let from = 0;
  let width = SEGMENT_WINDOW;
  while (from < text.length) {
    let to = Math.min(text.length, from + width);
    let window = text.slice(from, to);
    if (to < text.length) {
      // Looked for in the window: `text.lastIndexOf` would search a line without breaks back to its start.
      const lineBreak = window.lastIndexOf('\n');
      if (lineBreak >= 0) {
        to = from + lineBreak + 1;
        window = window.slice(0, lineBreak + 1);
      }
    }
    const limit = to === text.length || text[to - 1] === '\n' ? to : keptUpTo(text, from, to);
    let kept = from;
    for (const { segment, index } of segmentText(window)) {
      const end = from + index + segment.length;
      if (end > limit) break;
      yield { segment, index: from + index };
      kept = end;
    }
    if (kept === from) width *= 2;
    else {
      from = kept;
      width = SEGMENT_WINDOW;
    }
  }
}

/**
 * Splits `text` into sentences and returns their spans with surrounding white space trimmed, so
 * `text.slice(span.start, span.end)` is each sentence verbatim. Empty input gives no spans.
 */
export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  let pendingStart: number | null = null;
  for (const { segment, index } of segmentsInWindows(text)) {
    const start: number = pendingStart ?? index;
    const end = index + segment.length;
    if (endsWithAbbreviation(segment) && end < text.length) {
      pendingStart = start;
      continue;
    }
    pendingStart = null;
    pushTrimmed(text, start, end, spans);
  }
  if (pendingStart !== null) pushTrimmed(text, pendingStart, text.length, spans);
  return spans;
}

function pushTrimmed(text: string, start: number, end: number, into: Span[]): void {
  const span = trimSpan(text, { start, end });
  if (span.end > span.start) into.push(span);
}
