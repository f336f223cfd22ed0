import { describe, expect, it } from 'vitest';
import { problemText } from '../../src/view/corpus-problems.ts';

describe('corpus problems in the reader’s language', () => {
  it('are said in Slovenian with file and line, and as the engine wrote them in English', () => {
    const unclosed = {
      file: 'a.md',
      line: 1,
      message: 'front matter opened with "---" is never closed: end it with a line "---"',
    };
    expect(problemText(unclosed, 'sl')).toBe(
      'a.md, vrstica 1: glava, odprta z "---", ni zaprta: končaj jo z vrstico "---"',
    );
    expect(problemText(unclosed, 'en')).toBe(`a.md:1: ${unclosed.message}`);
    expect(
      problemText(
        { file: 'b.jsonl', line: 3, message: 'id "x" is already used by a.md; every article needs its own id' },
        'sl',
      ),
    ).toBe('b.jsonl, vrstica 3: oznako "x" že uporablja a.md; vsak članek potrebuje svojo oznako');
    expect(problemText({ file: 'c.md', message: 'the article has only headings, no paragraph' }, 'sl')).toBe(
      'c.md: članek ima samo naslove, nobenega odstavka',
    );
  });

  it('keep a message the table does not know, rather than lose it', () => {
    expect(problemText({ file: 'c.md', message: 'something new' }, 'sl')).toBe('c.md: something new');
  });
});
