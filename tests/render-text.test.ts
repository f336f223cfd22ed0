import { describe, expect, it } from 'vitest';
import { messageToText } from '../src/render/message-text.ts';
import { answerAsText } from '../src/render/answer-as-text.ts';
import { renderAnswer } from '../src/discord/render.ts';
import type { Answer, Passage } from '../src/engine/types.ts';

const passage: Passage = {
  id: 'doc#2', doc: 'doc', title: 'Naslov', date: '2024-06', lang: 'sl', paragraph: 2, heading: 'Podnaslov',
  text: 'Prvi *stavek* z _oznakami_. Drugi stavek o sporazumu <@&123>.', start: 0, end: 61,
};
const answer: Answer = {
  question: 'sporazum',
  answered: true,
  confidence: 1,
  passages: [{ passage, score: 1, highlights: [{ start: 43, end: 52 }], bestSentence: { start: 28, end: 61 } }],
};

describe('answers in text form (console and ask)', () => {
  it('are the Discord message with its Markdown undone: the quote reads verbatim', () => {
    const text = answerAsText(answer);
    expect(text).toBe(
      [
        '[1] ¶ 2 · Naslov · 2024-06 · doc#2',
        '    § Podnaslov',
        `    „${passage.text}“`,
        '    Najboljši stavek: „Drugi stavek o sporazumu <@&123>.“',
      ].join('\n'),
    );
  });

  it('show matched words bold and the best sentence underlined in a terminal', () => {
    const text = answerAsText(answer, { color: true });
    expect(text).toContain('\u001b[4mDrugi stavek o \u001b[1msporazumu\u001b[22m <@&123>.\u001b[24m');
    expect(text).toContain('Prvi *stavek* z _oznakami_.');
    expect(text).not.toContain('Najboljši stavek');
  });

  it('say when the article does not answer, in English too', () => {
    const text = answerAsText({ ...answer, answered: false }, { locale: 'en' });
    expect(text.split('\n')[0]).toBe('The article does not answer this question. Maybe related:');
    expect(text).toContain('Best sentence: „Drugi stavek');
  });

  it('show as many passages as were asked for (ask --limit 5 prints five)', () => {
    const five = [1, 2, 3, 4, 5].map((n) => ({ ...answer.passages[0]!, passage: { ...passage, id: `doc#${n}`, paragraph: n } }));
    const text = answerAsText({ ...answer, passages: five });
    expect(text.split('\n').filter((l) => l.startsWith('['))).toEqual([1, 2, 3, 4, 5].map((n) => `[${n}] ¶ ${n} · Naslov · 2024-06 · doc#${n}`));
  });

  it('render non-answer embeds as title, text and fields', () => {
    const discord = renderAnswer({ ...answer, passages: [] }, 'sl');
    expect(messageToText(discord)).toBe('V članku ni ničesar, kar bi bilo povezano s tem vprašanjem.');
    expect(messageToText({ embeds: [{ title: 'O **zbirki**', description: 'a\\_b', fields: [{ name: 'Odlomki', value: '11' }] }] })).toBe('O zbirki\na_b\nOdlomki: 11');
  });
});
