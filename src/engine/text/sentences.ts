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

/**
 * Splits `text` into sentences and returns their spans with surrounding white space trimmed, so
 * `text.slice(span.start, span.end)` is each sentence verbatim. Empty input gives no spans.
 */
export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  let pendingStart: number | null = null;
  for (const { segment, index } of segmenter.segment(text)) {
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
