import { describe, expect, it } from 'vitest';
import { questionSuggestions } from '../../src/view/suggestions.ts';
import { visitEngine } from '../helpers.ts';

describe('questionSuggestions', () => {
  const engine = visitEngine();
  const options = { limit: 25, maxChars: 100 };

  it('offers the typed question first, then the sentences that answer it', () => {
    const lines = questionSuggestions(engine, 'Kdo je pričakal Putina?', options);
    expect(lines[0]).toBe('Kdo je pričakal Putina?');
    expect(lines).toContain('Kim ga je pričakal na letališču.');
    expect(new Set(lines).size).toBe(lines.length);
  });

  it("offers the article's opening sentences before anything askable is typed", () => {
    expect(questionSuggestions(engine, ' ?? ', options)).toEqual([
      'Putin je prispel v Pjongjang.',
      'Kim ga je pričakal na letališču.',
    ]);
  });

  it('keeps within the limits it is given, cutting at a word', () => {
    const lines = questionSuggestions(engine, `Kdo je pričakal Putina ${'na letališču '.repeat(20)}?`, {
      limit: 2,
      maxChars: 20,
    });
    expect(lines.length).toBeLessThanOrEqual(2);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(20);
  });
});
