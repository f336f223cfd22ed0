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
  });

  it('name an unknown front matter key and the key meant in Slovenian', () => {
    const sl = (message: string) => problemText({ file: 'a.md', line: 2, message }, 'sl');
    expect(
      sl('front matter: unknown key "naslov": did you mean "title"? (known keys: id, title, date, lang, url)'),
    ).toBe('a.md, vrstica 2: glava: neznan ključ "naslov": morda "title"? (znani ključi: id, title, date, lang, url)');
    expect(sl('front matter: unknown key "author" (known keys: id, title, date, lang, url)')).toBe(
      'a.md, vrstica 2: glava: neznan ključ "author" (znani ključi: id, title, date, lang, url)',
    );
    expect(
      sl(
        'front matter: "title" stops at " #", as YAML reads the rest of the line as a comment: put the title in quotes',
      ),
    ).toBe(
      'a.md, vrstica 2: glava: "title" se konča pri " #", ker YAML preostanek vrstice bere kot komentar: naslov daj v narekovaje',
    );
    expect(sl('"url" must be a web address starting with http:// or https://')).toBe(
      'a.md, vrstica 2: "url" mora biti spletni naslov, ki se začne s http:// ali https://',
    );
  });

  it('say what YAML made of a value, and what to do, in Slovenian', () => {
    const sl = (message: string) => problemText({ file: 'a.md', line: 2, message }, 'sl');
    expect(sl('front matter: "date" must look like YYYY-MM or YYYY-MM-DD (YAML read 2024 as a number)')).toBe(
      'a.md, vrstica 2: glava: "date" mora biti oblike YYYY-MM ali YYYY-MM-DD (YAML je 2024 prebral kot število)',
    );
    expect(sl('front matter: "id" must be text (YAML read true as a truth value: put it in quotes)')).toBe(
      'a.md, vrstica 2: glava: "id" mora biti besedilo (YAML je true prebral kot logično vrednost: daj ga v narekovaje)',
    );
    expect(sl('front matter: "title" must not be empty')).toBe('a.md, vrstica 2: glava: "title" ne sme biti prazno');
    // The parser's reason stays as it wrote it; the column and the advice are ours.
    expect(
      sl(
        'front matter is not valid YAML: Nested mappings are not allowed in compact mappings (column 8): put the value in quotes, since YAML reads ": " in it as a key',
      ),
    ).toBe(
      'a.md, vrstica 2: glava (front matter) ni veljaven YAML: Nested mappings are not allowed in compact mappings (stolpec 8): vrednost daj v narekovaje, saj YAML ": " v njej bere kot ključ',
    );
    expect(sl('front matter is not valid YAML: Missing closing "quote (column 6)')).toBe(
      'a.md, vrstica 2: glava (front matter) ni veljaven YAML: Missing closing "quote (stolpec 6)',
    );
  });

  it('keep a message the table does not know, rather than lose it', () => {
    expect(problemText({ file: 'c.md', message: 'something new' }, 'sl')).toBe('c.md: something new');
  });
});
