import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CorpusError,
  loadCheckQuestions,
  loadCorpus,
  parseCheckQuestions,
  type CorpusProblem,
} from '../../src/engine/index.ts';
import { problemText } from '../../src/view/corpus-problems.ts';
import { corpusDir } from '../helpers.ts';

const ARTICLE = 'Prvi odstavek članka.\n\nDrugi odstavek članka.\n';
const row = (fields: object) => JSON.stringify({ id: 'a', title: 'A', date: '2024-06', text: 'T', ...fields });

/** Folders that hold every mistake the loader names, each once or more. */
const BAD_FOLDERS: Record<string, string | Buffer>[] = [
  {
    'yaml.md': `---\ntitle: [x\n---\n${ARTICLE}`,
    'colon.md': `---\ntitle: Putin: obisk\n---\n${ARTICLE}`,
    'list.md': `---\n- a\n---\n${ARTICLE}`,
    'open.md': `---\ntitle: A\n\n${ARTICLE}`,
    'keys.md': `---\ntilte: A\nauthor: Ana\n---\n${ARTICLE}`,
    'cut.md': `---\ntitle: Kim #1\n---\n${ARTICLE}`,
    'values.md': `---\nid: true\ntitle:\ndate: 2024\nlang: slovensko\nurl: ni naslov\n---\n${ARTICLE}`,
    'values-2.md': `---\nid: a b\ndate: 2024-13\nurl: javascript:alert(1)\n---\n${ARTICLE}`,
    'values-3.md': `---\nid: 2024\ndate: junij 2024\n---\n${ARTICLE}`,
    'raw.txt': `date 2024-13 ${ARTICLE}`,
    'empty.md': '---\ntitle: A\n---\n\n',
    'moj članek.md': ARTICLE,
    'nul.txt': Buffer.alloc(8),
    'escape.md': `${ARTICLE}\u001b[31m\n`,
    'cp1250.txt': Buffer.from([0x9a, 0x0a]),
    'synonyms.txt': 'sporazum\n',
    'a.md': ARTICLE,
    'a.jsonl': [
      '{}',
      row({ date: 2024 }),
      row({ date: '2024-13' }),
      row({ date: 'junij' }),
      row({ text: 'Zvonec\u0007.' }),
      row({ text: ' ' }),
      row({ url: 'ni naslov' }),
      '[1]',
      '{"id": "b",',
      'not json',
      '{"a": 1 "b"}',
      '{"a": "\\q"}',
      '{} x',
    ].join('\n'),
  },
  { 'synonyms.txt': 'ZN, OZN\n' },
  { 'a.md': ARTICLE, 'arhiv/a.md': ARTICLE },
];

/** Every problem of a folder that does not load, and of its check questions. */
async function problemsOf(dir: string): Promise<CorpusProblem[]> {
  const problems = (await loadCheckQuestions(dir)).problems;
  try {
    await loadCorpus(dir);
  } catch (error) {
    if (!(error instanceof CorpusError)) throw error;
    problems.push(...error.problems);
  }
  return problems;
}

/**
 * English words left in a Slovenian problem, outside quotes, the YAML parser's own reason and
 * the term "front matter" given beside "glava".
 */
function englishIn(slovenian: string): string[] {
  const ours = slovenian
    .replace(/^[^:]*: /, '')
    .replace('(front matter)', '')
    .replace(/ni veljaven YAML: .*?(?= \(stolpec|$)/, '')
    .replace(/"[^"]*"|'[^']*'/g, '');
  const english =
    /\b(must|the|is|not|missing|contains|unknown|keys?|front|matter|found|cannot|read|valid|only|folder|file|did|you|mean|known|text|be|an|or|and|with|expected|unexpected|token|property|after|line|put|quotes|value|as|number|empty)\b/gi;
  return ours.match(english) ?? [];
}

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

  it('are all said in Slovenian, but for the reason the YAML parser gives', async () => {
    const problems: CorpusProblem[] = [];
    for (const files of BAD_FOLDERS) problems.push(...(await problemsOf(await corpusDir(files))));
    const notAFolder = path.join(await corpusDir({}), 'a.md');
    await writeFile(notAFolder, ARTICLE);
    problems.push(...(await problemsOf('/nonexistent/odlomek')), ...(await problemsOf(notAFolder)));
    problems.push(
      ...parseCheckQuestions(
        [
          '{"question": 1, "expect": 2}',
          '{"question": " ", "expect": "a#1"}',
          '{"question": "x"}',
          '{"question": "x".',
        ].join('\n'),
        'questions.jsonl',
      ).problems,
    );
    expect(problems.length).toBeGreaterThan(40);
    const untranslated = problems
      .map((p) => problemText(p, 'sl'))
      .filter((text) => englishIn(text).length > 0)
      .map((text) => `${text} [${englishIn(text).join(', ')}]`);
    expect(untranslated).toEqual([]);
  });

  it('translate what moderators met in English', () => {
    const sl = (message: string) => problemText({ file: 'a.jsonl', line: 2, message }, 'sl');
    expect(sl('missing "title"; "date" must be text')).toBe(
      'a.jsonl, vrstica 2: manjka "title"; "date" mora biti besedilo',
    );
    expect(
      sl('"text" contains the control character U+0007; only tabs and line breaks are allowed in plain text'),
    ).toBe(
      'a.jsonl, vrstica 2: "text" vsebuje kontrolni znak U+0007; v navadnem besedilu so dovoljeni le tabulatorji in prelomi vrstic',
    );
    expect(sl('contains the control character U+0000; only tabs and line breaks are allowed in plain text')).toBe(
      'a.jsonl, vrstica 2: vsebuje kontrolni znak U+0000; v navadnem besedilu so dovoljeni le tabulatorji in prelomi vrstic',
    );
    expect(problemText({ file: 'corpus', message: 'folder does not exist' }, 'sl')).toBe('corpus: mapa ne obstaja');
    expect(
      problemText(
        {
          file: 'moj članek.md',
          message:
            'the file name cannot be a citation id (must be letters, digits, ".", "_" or "-" (no spaces or "#")); rename it or set "id" in the front matter',
        },
        'sl',
      ),
    ).toBe(
      'moj članek.md: ime datoteke ne more biti oznaka za navajanje (le črke, števke, ".", "_" ali "-", brez presledkov in "#"); preimenuj jo ali v glavi nastavi "id"',
    );
    expect(problemText({ file: 'a.md', message: "cannot read: EACCES: permission denied, open 'a.md'" }, 'sl')).toBe(
      'a.md: ni mogoče prebrati: ni dovoljenja za branje',
    );
  });

  it('say a line that is not JSON in our words, at the same 1-based column in both languages', () => {
    const lines = [
      '{"question": "x", "expect": null}',
      '',
      '{"question": "x"',
      '{"question": "😀" "expect": null}',
      'abc',
      `{"a": x', "b": 1}`,
      `{"title": "Putin in Kim", "text": x, "date": "2024-06", "more": "${'a'.repeat(40)}"}`,
    ];
    const texts = (locale: 'sl' | 'en') =>
      parseCheckQuestions(lines.join('\n'), 'questions.jsonl').problems.map((p) => problemText(p, locale));
    expect(texts('en')).toEqual([
      `questions.jsonl:3: not valid JSON (expected ',' or '}' after a value, column 17)`,
      // Counted in characters, as an editor shows them: the emoji is one (V8 counts two).
      `questions.jsonl:4: not valid JSON (expected ',' or '}' after a value, column 18)`,
      `questions.jsonl:5: not valid JSON (unexpected character 'a')`,
      // The character alone, though the line holds "', " further on.
      `questions.jsonl:6: not valid JSON (unexpected character 'x')`,
      // V8 shortens a long line in its message.
      `questions.jsonl:7: not valid JSON (unexpected character 'x')`,
    ]);
    expect(texts('sl')).toEqual([
      `questions.jsonl, vrstica 3: ni veljaven JSON (za vrednostjo pričakujem ',' ali '}', stolpec 17)`,
      `questions.jsonl, vrstica 4: ni veljaven JSON (za vrednostjo pričakujem ',' ali '}', stolpec 18)`,
      `questions.jsonl, vrstica 5: ni veljaven JSON (nepričakovan znak 'a')`,
      `questions.jsonl, vrstica 6: ni veljaven JSON (nepričakovan znak 'x')`,
      `questions.jsonl, vrstica 7: ni veljaven JSON (nepričakovan znak 'x')`,
    ]);
  });

  it('keep a message the table does not know, rather than lose it', () => {
    expect(problemText({ file: 'c.md', message: 'something new' }, 'sl')).toBe('c.md: something new');
  });
});
