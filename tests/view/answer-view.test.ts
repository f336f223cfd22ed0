import { describe, expect, it } from 'vitest';
import type { Answer, Passage } from '../../src/engine/index.ts';
import { answerView, passageView } from '../../src/view/answer-view.ts';
import { citation } from '../../src/view/citation.ts';

const passage = (n: number, over: Partial<Passage> = {}): Passage => ({
  id: `clanek#${n}`,
  doc: 'clanek',
  title: 'Naslov',
  date: '2024-06',
  lang: 'sl',
  paragraph: n,
  heading: null,
  text: `Odstavek ${n}.`,
  start: 0,
  end: 12,
  ...over,
});
const answer = (count: number, answered = true): Answer => ({
  question: 'q',
  answered,
  confidence: answered ? 0.9 : 0.1,
  passages: Array.from({ length: count }, (_, i) => ({
    passage: passage(i + 1),
    score: 1,
    highlights: [],
    bestSentence: { start: 0, end: 0 },
  })),
});

describe('the answer view', () => {
  it('has every passage of the answer, whatever a face can show', () => {
    expect(answerView(answer(12), 'sl').cards.map((c) => c.passage.id)).toEqual(
      Array.from({ length: 12 }, (_, i) => `clanek#${i + 1}`),
    );
  });

  it('says whether the article answers', () => {
    expect(answerView(answer(1), 'en').notice).toBeNull();
    expect(answerView(answer(1, false), 'en').notice).toBe('The article does not say. Maybe related:');
    expect(answerView(answer(0, false), 'en')).toEqual({
      answered: false,
      level: 'none',
      notice: 'Nothing in the article relates to this question.',
      cards: [],
    });
  });

  it('tells a greeting or a thank-you what the bot is for, in each language', () => {
    const smallTalk = { ...answer(0, false), question: 'Živjo!', smallTalk: 'chat' } as const;
    expect(answerView(smallTalk, 'sl').notice).toBe(
      'Odgovarjam na vprašanja o članku: vprašaj, kar te zanima (kdo, kaj, kdaj, kje …).',
    );
    expect(answerView(smallTalk, 'en').notice).toBe(
      'I answer questions about the article: ask what you want to know (who, what, when, where …).',
    );
    // A question among the thanks is a question: the engine does not mark it.
    expect(answerView({ ...answer(0, false), question: 'hvala, kaj je za kosilo?' }, 'en').notice).toBe(
      'Nothing in the article relates to this question.',
    );
  });

  it('cites each passage and shows a passage on its own without marks', () => {
    const card = passageView(passage(7, { heading: 'Obisk' }), 'sl');
    expect(card.citation).toBe('¶ 7 · Naslov · 2024-06 · clanek#7');
    expect(card.heading).toBe('Obisk');
    expect(card.quote.marks).toEqual({ matched: [], best: null });
  });
});

describe('citations', () => {
  it('cut a long title at a word, so the id at the end always shows', () => {
    const long = citation(passage(3, { title: 'Zelo dolg naslov '.repeat(30) }), 'sl');
    expect(long.length).toBeLessThan(300);
    expect(long).toMatch(/… · 2024-06 · clanek#3$/);
  });

  it('leave out a date the article does not have', () => {
    expect(citation(passage(3, { date: '' }), 'en')).toBe('¶ 3 · Naslov · clanek#3');
  });
});
