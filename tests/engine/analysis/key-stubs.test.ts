import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyStubs } from '../../../src/engine/analysis/key-stubs.ts';
import { hasIrregularKey, keyStub, stemKey } from '../../../src/engine/analysis/stem.ts';
import { oneEditAway } from '../../../src/engine/analysis/edits.ts';
import { readKeyed } from '../../../src/engine/lexicon/files.ts';
import { Vocabulary } from '../../../src/engine/search/vocabulary.ts';

/** Strings shaped like folded Slovenian words: letters, vowels often, the endings the stemmer changes. */
const word = fc
  .array(
    fc.constantFrom(
      ...'abcdefghijklmnoprstuvzaeiou'.split(''),
      'lj',
      'nj',
      'ec',
      'ek',
      'er',
      'ev',
      'zv',
      'oglj',
      'kremlj',
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((parts) => parts.join(''));

/** Whether every word with the key `stemKey(form)` could be told by its stub: the invariant `KeyStubs` rests on. */
const startsWithItsStub = (form: string) => hasIrregularKey(form) || form.startsWith(keyStub(stemKey(form)));

describe('key stubs', () => {
  it('start every listed Slovenian word, and every form of the -elj nouns whose e comes and goes', () => {
    const listed = [...readKeyed('sl-words.tsv').keys()];
    expect(listed.length).toBeGreaterThan(40_000);
    expect(listed.filter((form) => !startsWithItsStub(form))).toEqual([]);
    // "oglja" has the key "ogelj", which the bare form "ogelj" starts with and "oglja" does not.
    for (const form of ['ogelj', 'oglja', 'ogljem', 'kremlja', 'kaslja', 'zeblji'])
      expect(startsWithItsStub(form)).toBe(true);
  });

  it('start any word-like string', () => {
    fc.assert(
      fc.property(word, (form) => {
        expect(startsWithItsStub(form)).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it('never rule out a string one edit from a word whose key it has, as typo mending asks', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), (words) => {
        const keys = new Set(words.map(stemKey));
        const stubs = new KeyStubs(keys);
        // The words' own neighbours: dropping, adding or changing a last letter often keeps the key.
        for (const form of words.flatMap((w) => [w, ...oneEditAway(w)]))
          if (keys.has(stemKey(form))) expect(stubs.mayHaveKeyOf(form)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('are made for a large vocabulary in steps a caller can spread over slices, and then used', () => {
    const keys = [...readKeyed('sl-words.tsv').keys()].slice(0, 9_000).map(stemKey);
    const vocabulary = new Vocabulary(new Map(keys.map((k) => [k, 1])), keys.length);
    const steps = [...vocabulary.stubsInSteps()].length;
    expect(steps).toBeGreaterThan(1);
    // Made once: a second pass has nothing left to do.
    expect([...vocabulary.stubsInSteps()].length).toBe(0);
    const whole = new KeyStubs(keys);
    for (const form of ['sporazuma', 'xqzt', 'kolokvij', 'gremo', 'pjongjanga'])
      expect(vocabulary.mayHaveKeyOf(form)).toBe(whole.mayHaveKeyOf(form));
  });

  it('rule out strings no key begins like, and let irregular forms through', () => {
    const stubs = new KeyStubs(['sporazum', 'podpis', 'iti', 'oglja'].map(stemKey));
    expect(stubs.mayHaveKeyOf('sporazuma')).toBe(true);
    expect(stubs.mayHaveKeyOf('podpisala')).toBe(true);
    expect(stubs.mayHaveKeyOf('ogljem')).toBe(true);
    expect(stubs.mayHaveKeyOf('xsporazum')).toBe(false);
    expect(stubs.mayHaveKeyOf('kolokvij')).toBe(false);
    // "gremo" is a form of "iti", though it does not begin like it.
    expect(stemKey('gremo')).toBe(stemKey('iti'));
    expect(stubs.mayHaveKeyOf('gremo')).toBe(true);
  });
});
