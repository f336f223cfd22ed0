import { describe, expect, it } from 'vitest';
import { mergeSpans, trimSpan } from '../../src/engine/spans.ts';

describe('spans', () => {
  it('trimSpan shrinks a span to its first and last non-space characters', () => {
    const text = ' \n ena dva \t';
    expect(trimSpan(text, { start: 0, end: text.length })).toEqual({ start: 3, end: 10 });
    expect(text.slice(3, 10)).toBe('ena dva');
    expect(trimSpan(text, { start: 0, end: 3 })).toEqual({ start: 3, end: 3 });
  });

  it('mergeSpans sorts and joins spans that overlap or touch, leaving the input as it was', () => {
    const spans = [
      { start: 10, end: 12 },
      { start: 0, end: 3 },
      { start: 3, end: 5 },
      { start: 11, end: 15 },
      { start: 7, end: 8 },
    ];
    const before = JSON.stringify(spans);
    expect(mergeSpans(spans)).toEqual([
      { start: 0, end: 5 },
      { start: 7, end: 8 },
      { start: 10, end: 15 },
    ]);
    expect(JSON.stringify(spans)).toBe(before);
  });
});
