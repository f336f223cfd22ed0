import { describe, expect, it } from 'vitest';
import { leadAnswerView, sentenceWindow, webAddress } from '../../src/view/lead-answer.ts';
import { answer, ranked } from '../discord/render/passages.ts';

describe('sentenceWindow', () => {
  const text = 'Prvi stavek. Drugi stavek je tu. Tretji stavek. Četrti.';
  const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });

  it('takes the whole passage when it fits', () => {
    expect(sentenceWindow(text, at('Tretji stavek.'), 100)).toEqual({ start: 0, end: text.length });
  });

  it('adds the next sentence first, then the previous one, while they fit', () => {
    const best = at('Drugi stavek je tu.');
    expect(text.slice(...(Object.values(sentenceWindow(text, best, 35)) as [number, number]))).toBe(
      'Drugi stavek je tu. Tretji stavek.',
    );
    expect(text.slice(...(Object.values(sentenceWindow(text, best, 19)) as [number, number]))).toBe(
      'Drugi stavek je tu.',
    );
  });

  it('keeps a best sentence longer than the room whole (the face cuts it at words)', () => {
    expect(sentenceWindow(text, at('Drugi stavek je tu.'), 5)).toEqual(at('Drugi stavek je tu.'));
  });
});

describe('leadAnswerView', () => {
  const text = 'Putin je prispel. Kim ga je pričakal.';
  const three = [1, 2, 3].map((n) => ranked(text, ['Kim'], 'Kim ga je pričakal.', { id: `a#${n}`, paragraph: n }));

  it('leads with the page asked for and names the others, wrapping around', () => {
    const view = leadAnswerView(answer(three), 'sl', 4);
    expect(view.page).toBe(1);
    expect(view.lead!.passage.id).toBe('a#2');
    expect(view.others.map((p) => p.id)).toEqual(['a#1', 'a#3']);
    expect(view.lead!.citation).toBe('¶ 2 · a#2');
  });

  it('shows up to two related passages without marks when the article does not say', () => {
    const view = leadAnswerView(answer(three, false), 'en');
    expect(view.lead).toBeNull();
    expect(view.related.map((r) => r.passage.id)).toEqual(['a#1', 'a#2']);
    expect(view.related.every((r) => r.quote.marks.matched.length === 0 && r.quote.marks.best === null)).toBe(true);
    expect(view.notice).toBe('The article does not say. Maybe related:');
  });
});

describe('webAddress', () => {
  it('keeps http(s) addresses only', () => {
    expect(webAddress('https://example.si/a b')).toBe('https://example.si/a%20b');
    expect(webAddress('javascript:alert(1)')).toBeNull();
    expect(webAddress('ni naslov')).toBeNull();
    expect(webAddress(undefined)).toBeNull();
  });
});
