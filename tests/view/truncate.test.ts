import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ELLIPSIS,
  fitLines,
  largestFitting,
  truncateAtWord,
  truncateMiddle,
  wordEnds,
  wordPrefix,
} from '../../src/view/truncate.ts';

describe('truncateAtWord', () => {
  it('keeps text that fits', () => {
    expect(truncateAtWord('kratko besedilo', 100)).toBe('kratko besedilo');
  });

  it('cuts at the last whole word and marks the cut', () => {
    expect(truncateAtWord('Putin in Kim sta podpisala sporazum', 20)).toBe('Putin in Kim sta…');
  });

  it('cuts inside a single overlong word rather than returning nothing', () => {
    const out = truncateAtWord('x'.repeat(200), 50);
    expect(out).toHaveLength(50);
    expect(out.endsWith(ELLIPSIS)).toBe(true);
  });

  it('never splits a surrogate pair', () => {
    const out = truncateAtWord('😀'.repeat(30), 11);
    expect(out.length).toBeLessThanOrEqual(11);
    expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('always fits and always ends a word (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-zčšž]{1,12}$/), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 2, max: 200 }),
        (words, max) => {
          const text = words.join(' ');
          const out = truncateAtWord(text, max);
          expect(out.length).toBeLessThanOrEqual(max);
          if (out === text) return;
          const kept = out.slice(0, -ELLIPSIS.length);
          // What is kept is a prefix of the text ending at a word end (unless one word was too long).
          expect(text.startsWith(kept)).toBe(true);
          if (kept.includes(' ')) expect(text[kept.length] === ' ' || kept.length === text.length).toBe(true);
        },
      ),
    );
  });
});

describe('truncateMiddle', () => {
  it('keeps the start and the end, at words, with the cut marked between them', () => {
    const question = 'Zanima me, ker pišem seminarsko nalogo o odnosih med državama, kdaj je Rusija vložila veto?';
    expect(truncateMiddle(question, 200)).toBe(question);
    expect(truncateMiddle(question, 60)).toBe('Zanima me, ker … med državama, kdaj je Rusija vložila veto?');
  });

  it('always fits, and keeps a start and an end of the text (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-zčšž😀]{1,50}$/u), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 300 }),
        (words, max) => {
          const text = words.join(' ');
          const out = truncateMiddle(text, max);
          expect(out.length).toBeLessThanOrEqual(max);
          expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
          const cut = out.indexOf(` ${ELLIPSIS} `);
          if (out === text || cut < 0) return;
          expect(text.startsWith(out.slice(0, cut))).toBe(true);
          expect(text.endsWith(out.slice(cut + 3))).toBe(true);
        },
      ),
    );
  });
});

describe('helpers', () => {
  it('wordPrefix stops before the word it would split', () => {
    expect(wordPrefix('ena dva tri', 6)).toBe('ena');
    expect(wordPrefix('ena dva tri', 7)).toBe('ena dva');
  });

  it('wordEnds lists every word end', () => {
    expect(wordEnds('ab cd  e')).toEqual([2, 5, 8]);
    expect(wordEnds('ab cd ', 3)).toEqual([5, 6]);
  });

  it('largestFitting finds the longest rendering within the limit', () => {
    expect(largestFitting([1, 2, 3, 4, 5], (n) => 'x'.repeat(n * 2), 7)).toBe(3);
    expect(largestFitting([5], (n) => 'x'.repeat(n), 4)).toBeUndefined();
  });

  it('fitLines keeps whole lines and says how many were left out', () => {
    const lines = Array.from({ length: 50 }, (_, i) => `vrstica ${i}`);
    const out = fitLines(lines, 60);
    expect(out.length).toBeLessThanOrEqual(60);
    expect(
      out
        .split('\n')
        .slice(0, -1)
        .every((l) => lines.includes(l)),
    ).toBe(true);
    expect(out).toMatch(/… \(\+\d+\)$/);
  });
});
