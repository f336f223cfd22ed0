import { describe, expect, it } from 'vitest';
import { keyOfWord } from '../../../src/engine/analysis/analyze.ts';
import { onlyLetterSiblings } from '../../../src/engine/analysis/family.ts';
import { Vocabulary } from '../../../src/engine/search/vocabulary.ts';
import { nameInCase } from '../../../src/engine/search/alternatives.ts';

/** A vocabulary of the keys of `words`, each found in one passage. */
const vocabularyOf = (words: string[]) =>
  new Vocabulary(new Map(words.map((w) => [keyOfWord(w)!, 1] as [string, number])), 1);

describe('word families', () => {
  it('joins a short word whose key keeps its case ending to the rest of its family', () => {
    // The index keeps "prvi", "prvo" and "prveg" (of "prvega") whole: "prvič" must still meet them.
    const vocab = vocabularyOf(['prvič', 'prvega', 'prvo', 'prvi', 'sporazum']);
    const family = vocab.family(keyOfWord('prvič')!);
    expect(family).toEqual(expect.arrayContaining(['prveg', 'prvo', 'prvi'].map((w) => keyOfWord(w)!)));
    expect(family).not.toContain(keyOfWord('sporazum'));
    expect(vocab.family(keyOfWord('prvega')!)).toContain(keyOfWord('prvič'));
  });

  it('joins a bare short root to its case forms, but not two case forms to each other', () => {
    const vocab = vocabularyOf(['mir', 'miru', 'voda', 'vodi']);
    expect(vocab.family(keyOfWord('mir')!)).toContain(keyOfWord('miru'));
    expect(vocab.family(keyOfWord('miru')!)).toContain(keyOfWord('mir'));
    expect(vocab.family(keyOfWord('voda')!)).not.toContain(keyOfWord('vodi'));
  });

  it('takes keys that differ in a k turned c before a plural i for one word, not two one-letter siblings', () => {
    // "otroci" and "otroke" share one key (see the irregular nouns in stem.ts); keys that still
    // differ so ("otrok" and the "otroc" of "otročiček") are one family, not siblings.
    expect(keyOfWord('otroci')).toBe(keyOfWord('otroke'));
    expect(onlyLetterSiblings('otrok', 'otroc')).toBe(false);
    expect(onlyLetterSiblings(keyOfWord('stalin')!, keyOfWord('stališče')!)).toBe(true);
  });

  it('tells whether some key begins with a prefix, the whole key included', () => {
    const vocab = new Vocabulary(
      new Map([
        ['kolonializ', 1],
        ['neokolon', 1],
        ['zahod', 1],
      ]),
      1,
    );
    expect(vocab.hasKeyStartingWith('neokol')).toBe(true);
    expect(vocab.hasKeyStartingWith('zahod')).toBe(true);
    expect(vocab.hasKeyStartingWith('zahodn')).toBe(false);
    // Past the last key, and before the first.
    expect(vocab.hasKeyStartingWith('zz')).toBe(false);
    expect(vocab.hasKeyStartingWith('a')).toBe(false);
    expect(new Vocabulary(new Map(), 0).hasKeyStartingWith('a')).toBe(false);
  });

  it('joins a verbal noun to its verb ("igranjem" and "igral", "čakanje" and "čakal"), not a noun that only ends alike', () => {
    const vocab = vocabularyOf(['igral', 'čakal', 'dejal', 'stal', 'policija', 'zadev', 'sredo']);
    expect(vocab.family(keyOfWord('igranjem')!)).toContain(keyOfWord('igral'));
    expect(vocab.family(keyOfWord('čakanje')!)).toContain(keyOfWord('čakal'));
    for (const [noun, other] of [
      ['dejanje', 'dejal'],
      ['stanje', 'stal'],
      ['polnjenje', 'policija'],
      ['zadnjih', 'zadev'],
      ['srednje', 'sredo'],
    ])
      expect(vocab.family(keyOfWord(noun!)!), noun).not.toContain(keyOfWord(other!));
  });

  it('keeps a verb form with its participle while it joins its short root', () => {
    const vocab = vocabularyOf(['hodi', 'hodil', 'hodili']);
    expect(vocab.family(keyOfWord('hodil')!)).toContain(keyOfWord('hodi'));
  });
});

describe('names in other forms', () => {
  const vocab = new Vocabulary(
    new Map([
      ['kim', 1],
      ['sainsbury', 1],
      ['sporazum', 1],
    ]),
    1,
    new Set(['kim', 'sainsbury']),
  );

  it('reads a short name with a case ending, or an English possessive without its apostrophe, as the name', () => {
    expect(nameInCase('kimu', vocab)).toBe('kim');
    expect(nameInCase('kimom', vocab)).toBe('kim');
    expect(nameInCase('sainsburys', vocab)).toBe('sainsbury');
  });

  it('reads no other word as a name', () => {
    expect(nameInCase('sporazums', vocab)).toBeUndefined();
    expect(nameInCase('kimono', vocab)).toBeUndefined();
  });
});
