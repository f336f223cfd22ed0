import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/index.ts';
import { articleOf } from '../helpers.ts';

describe('a passage id as typed', () => {
  const one = Engine.fromDocuments([articleOf('obisk', 'Obisk', ['Prvi odstavek.', 'Drugi odstavek.'])]);
  const two = Engine.fromDocuments([
    articleOf('obisk', 'Obisk', ['Prvi odstavek.', 'Drugi odstavek.']),
    articleOf('vrh', 'Vrh', ['Prvi odstavek vrha.', 'Drugi odstavek vrha.']),
  ]);

  it('finds the passage by its id, loosely written', () => {
    for (const typed of ['obisk#2', ' obisk#2 ', 'OBISK#2', 'obisk # 2', 'obisk ¶ 2'])
      expect(one.passageAsTyped(typed)?.id, typed).toBe('obisk#2');
  });

  it('finds it by its paragraph alone when the corpus has one article, as an answer names the others', () => {
    for (const typed of ['2', '¶ 2', '¶2', '#2']) expect(one.passageAsTyped(typed)?.id, typed).toBe('obisk#2');
    // With two articles a paragraph number alone is ambiguous.
    expect(two.passageAsTyped('2')).toBeUndefined();
    expect(two.passageAsTyped('vrh#2')?.id).toBe('vrh#2');
  });

  it('lists the paragraph a number alone names in each article that has it', () => {
    expect(two.passagesNumbered('¶ 2').map((p) => p.id)).toEqual(['obisk#2', 'vrh#2']);
    expect(two.passagesNumbered('3')).toEqual([]);
    expect(two.passagesNumbered('vrh#2')).toEqual([]);
    expect(
      two
        .suggest('2')
        .slice(0, 2)
        .map((p) => p.id),
    ).toEqual(['obisk#2', 'vrh#2']);
    // Only one of them has a third: "3" names it.
    const uneven = Engine.fromDocuments([
      articleOf('obisk', 'Obisk', ['Prvi odstavek.', 'Drugi odstavek.']),
      articleOf('vrh', 'Vrh', ['Prvi odstavek vrha.', 'Drugi odstavek vrha.', 'Tretji odstavek vrha.']),
    ]);
    expect(uneven.passageAsTyped('¶ 3')?.id).toBe('vrh#3');
    expect(uneven.passageAsTyped('2')).toBeUndefined();
  });

  it('finds a paragraph the engine split by its first part, and an article id in capitals in any case', () => {
    const long = 'Dolg stavek o obisku, ki se vleče in vleče. '.repeat(80);
    const split = Engine.fromDocuments([articleOf('Obisk', 'Obisk', ['Prvi.', long])]);
    expect(split.passage('Obisk#2')).toBeUndefined();
    for (const typed of ['2', '¶ 2', 'Obisk#2', 'obisk#2', 'OBISK # 2'])
      expect(split.passageAsTyped(typed)?.id, typed).toBe('Obisk#2.1');
  });

  it('is suggested first while typing, as an answer names it', () => {
    expect(one.suggest('¶ 2')[0]?.id).toBe('obisk#2');
    expect(one.suggest('odstavek')[0]?.id).toBe('obisk#1');
  });

  it('finds nothing for a paragraph or article that is not there', () => {
    for (const typed of ['3', 'obisk#3', 'drugo#1', 'obisk', ''])
      expect(one.passageAsTyped(typed), typed).toBeUndefined();
  });
});

describe("an article's passages", () => {
  it('are its own, in order, and none for an article the corpus lacks', () => {
    const engine = Engine.fromDocuments([
      articleOf('obisk', 'Obisk', ['Prvi odstavek.', 'Drugi odstavek.']),
      articleOf('vrh', 'Vrh', ['Prvi odstavek vrha.', 'Drugi odstavek vrha.', 'Tretji.']),
    ]);
    expect(engine.passagesOf('vrh').map((p) => p.id)).toEqual(['vrh#1', 'vrh#2', 'vrh#3']);
    expect(engine.passagesOf('obisk').map((p) => p.id)).toEqual(['obisk#1', 'obisk#2']);
    expect(engine.passagesOf('drugo')).toEqual([]);
  });
});
