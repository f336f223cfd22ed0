import { describe, expect, it } from 'vitest';
import { readRows } from '../../src/engine/lexicon/files.ts';
import { stemKey } from '../../src/engine/analysis/stem.ts';
import { fold } from '../../src/engine/analysis/fold.ts';
import { analyzeWords } from '../../src/engine/analysis/analyze.ts';
import { lexicon } from '../../src/engine/lexicon/lexicon.ts';
import { SlovenianWords } from '../../src/engine/lexicon/slovenian-words.ts';

/** Every `step`-th row: enough to notice an analyser change that the files were not rebuilt for. */
const sample = <T>(rows: T[], step = 97) => rows.filter((_, i) => i % step === 0);

describe('the shipped lexicon', () => {
  it('holds index keys as the analyser makes them today (else: npm run build-lexicon)', () => {
    for (const [word, , key] of sample(readRows('sl-words.tsv'))) expect(stemKey(word!), word).toBe(key);
    for (const [key, lemma] of sample(readRows('sl-synonyms.tsv'))) {
      expect(
        analyzeWords(lemma!)
          .map((w) => w.token.key)
          .join(' '),
        lemma,
      ).toBe(key);
    }
  });

  it('lists chat forms folded, as questions are compared', () => {
    for (const [form, meaning] of readRows('sl-chat.tsv')) {
      expect(fold(form!), form).toBe(form);
      expect(meaning === '-' || fold(meaning!) === meaning, meaning).toBe(true);
    }
  });

  it('rates everyday words as less telling than topic words and unknown names', () => {
    const { words } = lexicon();
    const info = (w: string) => words.information(w, stemKey(w));
    expect(info('hvala')).toBeLessThan(info('sporazum'));
    expect(info('je')).toBeLessThan(info('hvala'));
    expect(info('songdowon')).toBe(1);
  });

  it('rates a key alone (a translation) or an unlisted form by its most used form, not by all its forms together', () => {
    const words = new SlovenianWords(
      new Map([
        ['star', '100\tstar'],
        ['stara', '90\tstar'],
        ['stari', '80\tstar'],
        ['mir', '100\tmir'],
        ['hvala', '10000\thvala'],
      ]),
    );
    expect(words.informationOfKey('star')).toBe(words.informationOfKey('mir'));
    expect(words.informationOfKey('star')).toBe(words.information('star', 'star'));
    expect(words.information('starih', 'star')).toBe(words.information('star', 'star'));
    expect(words.informationOfKey('hvala')).toBeLessThan(words.informationOfKey('star'));
  });
});
