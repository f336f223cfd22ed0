import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/index.ts';
import { articleOf } from '../helpers.ts';

describe('a request for what the article is about', () => {
  const engine = Engine.fromDocuments([
    articleOf('obisk', 'Obisk', ['Putin je prispel v Pjongjang. Tam ga je pričakal Kim.', 'Govoril je o sankcijah.']),
    articleOf('vrh', 'Vrh', ['Voditelji so se sešli na vrhu.', 'Članek o vrhu govori še o drugem.']),
  ]);

  it("is answered with each article's opening passage, its first sentence the best", () => {
    for (const question of [
      'O čem je članek?',
      'o cem govori clanek',
      'Povzetek, prosim',
      'Kaj se je zgodilo?',
      'tl;dr',
      'What is the article about?',
    ]) {
      const answer = engine.ask(question);
      expect(answer.answered, question).toBe(true);
      expect(
        answer.passages.map((r) => r.passage.id),
        question,
      ).toEqual(['obisk#1', 'vrh#1']);
    }
    const [first] = engine.ask('O čem je članek?').passages;
    expect(first!.passage.text.slice(first!.bestSentence.start, first!.bestSentence.end)).toBe(
      'Putin je prispel v Pjongjang.',
    );
  });

  it('puts the newest articles first, as many articles loaded most likely mean the latest news', () => {
    const dated = (slug: string, date: string) => ({ ...articleOf(slug, slug, [`Začetek ${slug}.`]), date });
    const many = Engine.fromDocuments([
      dated('a', '2018-09'),
      dated('b', '2019-01'),
      dated('c', '2018-09'),
      dated('d', '2024-06'),
    ]);
    expect(many.ask('O čem je članek?', { limit: 3 }).passages.map((r) => r.passage.id)).toEqual(['d#1', 'b#1', 'a#1']);
  });

  it('is read however a member words it, with chat around it', () => {
    for (const question of [
      'o čem je ta članek?',
      'Na kratko?',
      'živjo, o čem pa je članek?',
      'lahko povzameš članek?',
      'hvala, o čem je članek?',
      'kaj je glavno?',
      'za kaj gre v članku?',
      // The digits of a custom emoji are no number asked about.
      'o čem je članek? <:hmm:123456789>',
    ])
      expect(
        engine.ask(question).passages.map((r) => r.passage.id),
        question,
      ).toEqual(['obisk#1', 'vrh#1']);
  });

  it('is not a question about something in it, or for something else ("še", a number), which is looked up', () => {
    for (const question of [
      'kaj se je še zgodilo?',
      'Kaj se je zgodilo leta 2000?',
      'kaj je glavno v sankcijah?',
      'Ta novica je kratka.',
      'hvala za povzetek',
    ])
      expect(engine.ask(question).confidence, question).not.toBe(1);

    expect(engine.ask('Kaj piše v članku o sankcijah?').passages[0]?.passage.id).toBe('obisk#2');
    expect(engine.ask('Kaj se je zgodilo na vrhu?').passages[0]?.passage.id).toBe('vrh#1');
  });
});
