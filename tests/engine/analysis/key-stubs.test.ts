import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyStubs } from '../../../src/engine/analysis/key-stubs.ts';
import { hasIrregularKey, keyStub, stemKey } from '../../../src/engine/analysis/stem.ts';
import { oneEditAway } from '../../../src/engine/analysis/edits.ts';

/** Strings shaped like folded Slovenian words: letters, vowels often, the endings the stemmer changes. */
const word = fc
  .array(fc.constantFrom(...'abcdefghijklmnoprstuvzaeiou'.split(''), 'lj', 'nj', 'ec', 'ek', 'er', 'ev', 'zv'), {
    minLength: 1,
    maxLength: 8,
  })
  .map((parts) => parts.join(''));

describe('key stubs', () => {
  it('never rules out a string whose key is in the set', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 20 }), word, (words, asked) => {
        const keys = new Set(words.map(stemKey));
        const stubs = new KeyStubs(keys);
        // The words themselves, and strings one edit from another word: typo mending's candidates.
        for (const form of [...words, ...oneEditAway(asked)])
          if (keys.has(stemKey(form))) expect(stubs.mayBeKeyOf(form)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('starts every word with its key stub, irregular forms aside', () => {
    fc.assert(
      fc.property(word, (form) => {
        expect(hasIrregularKey(form) || form.startsWith(keyStub(stemKey(form)))).toBe(true);
      }),
      { numRuns: 20_000 },
    );
    // The fleeting vowel of "-elj" comes back in the key ("žebljo" → "žebelj"): the stub stops before it.
    expect(stemKey('zebljo')).toBe('zebelj');
    expect('zebljo'.startsWith(keyStub('zebelj'))).toBe(true);
  });

  it('rules out strings no key begins like, and lets irregular forms through', () => {
    const stubs = new KeyStubs(['sporazum', 'podpis', 'iti'].map(stemKey));
    expect(stubs.mayBeKeyOf('sporazuma')).toBe(true);
    expect(stubs.mayBeKeyOf('podpisala')).toBe(true);
    expect(stubs.mayBeKeyOf('xsporazum')).toBe(false);
    expect(stubs.mayBeKeyOf('kolokvij')).toBe(false);
    // "gremo" is a form of "iti", though it does not begin like it.
    expect(stemKey('gremo')).toBe(stemKey('iti'));
    expect(stubs.mayBeKeyOf('gremo')).toBe(true);
  });
});
