/**
 * Small operations on `[start, end)` spans of a text, shared by the chunker and the faces that
 * mark up quotes, so "trim a span" and "merge spans" mean the same thing everywhere.
 */
import type { Span } from './types.ts';

const SPACE = /\s/u;

/** The span shrunk to its first and last non-space characters (empty when it holds only spaces). */
export function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && SPACE.test(text[start]!)) start++;
  while (end > start && SPACE.test(text[end - 1]!)) end--;
  return { start, end };
}

/** Sorted, non-overlapping spans: spans that overlap or touch become one. The input is not changed. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.map((s) => ({ start: s.start, end: s.end })).sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push(span);
  }
  return merged;
}
