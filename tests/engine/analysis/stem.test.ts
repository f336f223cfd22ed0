import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snowballStem } from '../../../src/engine/analysis/stem.ts';
import { readKeyed } from '../../../src/engine/lexicon/files.ts';

/** The stemmer as its package offers it, through `stemWord` (which also remembers every word). */
const { StemmerSl } = createRequire(import.meta.url)('@nlpjs/lang-sl') as {
  StemmerSl: new () => { stemWord(word: string): string };
};
const packaged = new StemmerSl();

describe('snowballStem', () => {
  it('gives the stem the package’s stemWord gives, for every listed Slovenian word', () => {
    const differing = [...readKeyed('sl-words.tsv').keys()].filter((w) => snowballStem(w) !== packaged.stemWord(w));
    expect(differing).toEqual([]);
  });

  it('gives the same stem for any string of letters (typo mending stems strings that are no words)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,16}$/), (w) => snowballStem(w) === packaged.stemWord(w)),
      { numRuns: 5_000 },
    );
  });
});
