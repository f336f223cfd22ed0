import { describe, expect, it } from 'vitest';
import { answerText } from '../../src/terminal/answer-text.ts';
import type { Answer, Passage } from '../../src/engine/index.ts';

const passage: Passage = {
  id: 'doc#2',
  doc: 'doc',
  title: 'Naslov',
  date: '2024-06',
  lang: 'sl',
  paragraph: 2,
  heading: 'Podnaslov',
  text: 'Prvi *stavek* z _oznakami_. Drugi stavek o sporazumu <@&123>.',
  start: 0,
  end: 61,
};
const answer: Answer = {
  question: 'sporazum',
  answered: true,
  confidence: 1,
  passages: [{ passage, score: 1, highlights: [{ start: 43, end: 52 }], bestSentence: { start: 28, end: 61 } }],
};
const plain = { color: false, locale: 'sl' } as const;

describe('answers as terminal text (console and ask)', () => {
  it('quote the passage verbatim in plain text, with the best sentence on a line of its own', () => {
    expect(answerText(answer, plain)).toBe(
      [
        '[1] ¶ 2 · Naslov · 2024-06 · doc#2',
        '    § Podnaslov',
        `    „${passage.text}“`,
        '    Najboljši stavek: „Drugi stavek o sporazumu <@&123>.“',
      ].join('\n'),
    );
  });

  it('name no best sentence in a passage where no word of the question matched', () => {
    const unmatched = { ...answer, passages: [{ ...answer.passages[0]!, highlights: [] }] };
    expect(answerText(unmatched, plain)).not.toMatch(/Najboljši stavek/);
  });

  it('show matched words bold and the best sentence underlined in a terminal', () => {
    const text = answerText(answer, { color: true, locale: 'sl' });
    expect(text).toContain('\u001b[4mDrugi stavek o \u001b[1msporazumu\u001b[22m <@&123>.\u001b[24m');
    expect(text).toContain('Prvi *stavek* z _oznakami_.');
    expect(text).not.toContain('Najboljši stavek');
  });

  it('say when the article does not answer, in English too', () => {
    const text = answerText({ ...answer, answered: false }, { color: false, locale: 'en' });
    expect(text.split('\n')[0]).toBe('The article does not say. Maybe related:');
    // Related passages are shown plainly: no best sentence, which would read as an answer.
    expect(text).not.toContain('Best sentence');
  });

  it('frame a middle-level answer as the closest the article comes, without a best sentence', () => {
    const text = answerText({ ...answer, confidence: 0.5 }, { color: false, locale: 'sl' });
    expect(text.split('\n')[0]).toBe('Najbližje, kar članek pove o tem:');
    expect(text).not.toContain('Najboljši stavek');
    expect(answerText(answer, { color: false, locale: 'sl' })).toContain('Najboljši stavek');
  });

  it('say when nothing in the article relates, and what to try next', () => {
    expect(answerText({ ...answer, answered: false, passages: [] }, plain)).toBe(
      'V članku ni ničesar, kar bi bilo povezano s tem vprašanjem. Poskusi z drugimi besedami.',
    );
    expect(answerText({ ...answer, answered: false, passages: [], smallTalk: 'chat' }, plain)).toBe(
      'Odgovarjam na vprašanja o članku: vprašaj, kar te zanima (kdo, kaj, kdaj, kje …).',
    );
  });

  it('show exactly as many passages as were asked for, more than a Discord message holds too', () => {
    const many = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        ...answer.passages[0]!,
        passage: { ...passage, id: `doc#${i + 1}`, paragraph: i + 1 },
      }));
    for (const n of [5, 11, 25]) {
      const citations = answerText({ ...answer, passages: many(n) }, plain)
        .split('\n')
        .filter((l) => l.startsWith('['));
      expect(citations).toEqual(
        Array.from({ length: n }, (_, i) => `[${i + 1}] ¶ ${i + 1} · Naslov · 2024-06 · doc#${i + 1}`),
      );
    }
  });

  it('quote a long passage whole: the terminal has no size limit', () => {
    const long = `${'Dolg stavek brez pomena. '.repeat(400)}Sporazum je podpisan.`;
    const text = answerText(
      {
        ...answer,
        passages: [
          { passage: { ...passage, text: long }, score: 1, highlights: [], bestSentence: { start: 0, end: 0 } },
        ],
      },
      plain,
    );
    expect(text).toContain(`„${long}“`);
  });
});
