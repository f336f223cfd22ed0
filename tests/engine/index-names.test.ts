import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../../src/engine/corpus/chunk.ts';
import { PassageIndex } from '../../src/engine/search/passage-index.ts';
import { keyOfWord } from '../../src/engine/analysis/analyze.ts';
import { articleOf } from '../helpers.ts';

describe('the names an index finds', () => {
  it('counts the capitals of each distinct text once, however far apart the text recurs', () => {
    // Six articles end with the same subheading, "Pomoč Mali", dozens of passages apart; one article
    // writes "mali" in small letters. Counted once, the capital and the small letters are even, and
    // "mali" is no name; counted each time the builder met the heading again, it would be one.
    const filler = (d: number, i: number) =>
      `Poročilo ${d} v odstavku ${i} navaja, da je bilo vreme ${i % 2 ? 'lepo' : 'slabo'} in da je padlo ${i * 3 + d} milimetrov dežja.`;
    const docs = Array.from({ length: 6 }, (_, d) =>
      articleOf(`a${d}`, `Poročilo ${d}`, [
        ...Array.from({ length: 60 }, (_, i) => filler(d, i)),
        'Pomoč Mali',
        d === 0 ? 'Tam so bili mali otroci in njihovi starši.' : `Pomoč je prišla v kraj ${d}.`,
      ]),
    );
    const index = PassageIndex.build(docs.flatMap((doc) => chunkDocument(doc)));
    expect(index.passages.length).toBeGreaterThan(6 * 40);
    expect(index.vocabulary.isName(keyOfWord('mali')!)).toBe(false);
  });
});
