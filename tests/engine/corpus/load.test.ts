import { readFile, symlink } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticlesFile, loadCorpus } from '../../../src/engine/corpus/load.ts';
import { CorpusError } from '../../../src/engine/corpus/corpus-error.ts';
import { chunkDocument } from '../../../src/engine/corpus/chunk.ts';
import { CORPUS, DISTRACTORS, SEED, corpusDir } from '../../helpers.ts';

async function problemsOf(files: Record<string, string | Buffer>): Promise<string[]> {
  const dir = await corpusDir(files);
  try {
    await loadCorpus(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(CorpusError);
    return (error as CorpusError).problems.map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`);
  }
  throw new Error('expected the corpus to be rejected');
}

const ARTICLE = 'Prvi odstavek članka.\n\nDrugi odstavek članka.\n';

describe('loading the shipped corpus', () => {
  it('holds the seed article verbatim with its metadata', async () => {
    const { documents, synonyms } = await loadCorpus(CORPUS);
    expect(documents).toHaveLength(1);
    const [doc] = documents;
    expect(doc).toMatchObject({ slug: 'putin-kim-2024-06', date: '2024-06', lang: 'sl' });
    expect(doc!.title.length).toBeGreaterThan(10);
    const seed = await readFile(SEED, 'utf8');
    // The seed is " date 2024-06 " followed by the article; the shipped body is that article byte for byte.
    expect(seed.replace(/^\s*date 2024-06 /, '')).toBe(doc!.text.slice(doc!.bodyStart));
    expect(synonyms.some((group) => group.includes('ZN') && group.includes('Združeni narodi'))).toBe(true);
  });

  it('reads the raw seed form, whose first word is "date"', async () => {
    const dir = await corpusDir({ 'seed.txt': await readFile(SEED, 'utf8') });
    const { documents } = await loadCorpus(dir);
    expect(documents[0]).toMatchObject({ slug: 'seed', date: '2024-06', lang: 'sl' });
    expect(documents[0]!.text.slice(documents[0]!.bodyStart)).toMatch(/^Ruski predsednik Vladimir Putin/);
  });

  it('loads the vendored distractor articles as they are', async () => {
    const documents = await loadArticlesFile(DISTRACTORS);
    expect(documents).toHaveLength(11);
    expect(documents[0]!.source).toBe('hard-distractors.jsonl:1');
  });
});

describe('good corpus files', () => {
  it('reads front matter, jsonl rows with extra keys, and skips README and hidden files', async () => {
    const dir = await corpusDir({
      'a.md': `---\ntitle: Naslov A\ndate: 2024-06-19\nurl: https://example.org/a\nlang: sl\n---\n${ARTICLE}`,
      'nested/b.txt': ARTICLE,
      'c.jsonl': `${JSON.stringify({ id: 'c-1', title: 'C', date: '2018-09', text: ARTICLE, source: 'x' })}\n\n`,
      'README.md': '# Not an article',
      'nested/readme.txt': 'Notes for moderators, not an article.',
      '.draft.md': 'hidden',
      'notes.csv': 'ignored',
    });
    const { documents, skipped } = await loadCorpus(dir);
    expect(documents.map((d) => d.slug)).toEqual(['a', 'c-1', 'b']);
    expect(documents[0]).toMatchObject({ title: 'Naslov A', date: '2024-06-19', url: 'https://example.org/a' });
    expect(documents[2]!.title).toBe('Prvi odstavek članka.');
    // README and hidden files are conventions; a file of another kind may be a mistake: reported.
    expect(skipped).toEqual([{ file: 'notes.csv', reason: 'extension' }]);
  });

  it('take a title from the first line without its # marks when they give none', async () => {
    const { documents } = await loadCorpus(
      await corpusDir({
        'a.md': `# Naslov članka #\n\n${ARTICLE}`,
        'b.txt': `date 2024-06 ## Ena dva tri štiri pet šest sedem osem devet deset enajst\n\n${ARTICLE}`,
      }),
    );
    expect(documents.map((d) => d.title)).toEqual([
      'Naslov članka',
      'Ena dva tri štiri pet šest sedem osem devet deset…',
    ]);
  });

  it('skips symbolic links and reports them, so nothing outside the folder can be quoted', async () => {
    const outside = await corpusDir({ 'secret.md': 'Besedilo zunaj korpusa.' });
    const dir = await corpusDir({ 'a.md': ARTICLE });
    await symlink(path.join(outside, 'secret.md'), path.join(dir, 'link.md'));
    await symlink(outside, path.join(dir, 'folder-link'));
    const { documents, skipped } = await loadCorpus(dir);
    expect(documents.map((d) => d.slug)).toEqual(['a']);
    expect(skipped).toEqual([
      { file: 'folder-link', reason: 'symlink' },
      { file: 'link.md', reason: 'symlink' },
    ]);
  });

  it('accepts tabs, CRLF line ends, leap days and a real U+FFFD in valid UTF-8', async () => {
    const dir = await corpusDir({
      'a.md': `---\r\ntitle: Naslov\r\ndate: 2024-02-29\r\n---\r\nPrvi\todstavek z znakom \uFFFD.\r\n\r\nDrugi odstavek.\r\n`,
      'b.jsonl': `${JSON.stringify({ id: 'b', title: 'B', date: '2000-02-29', text: 'Stolpec\tdva.' })}\n`,
    });
    const { documents } = await loadCorpus(dir);
    expect(documents.map((d) => [d.slug, d.date])).toEqual([
      ['a', '2024-02-29'],
      ['b', '2000-02-29'],
    ]);
    expect(documents[0]!.text).toContain('\uFFFD');
  });

  it('reads the front matter of the corpus README, comments and all, and a quoted title with "#"', async () => {
    const dir = await corpusDir({
      'a.md': [
        '---',
        'id: putin-kim-2024-06        # citation id; default: the file name without extension',
        'title: "Kim #1 v Pjongjangu"',
        'date: 2024-06                # YYYY-MM or YYYY-MM-DD',
        'lang: sl                     # default sl',
        'url: https://example.org/... # optional',
        '---',
        ARTICLE,
      ].join('\n'),
    });
    expect((await loadCorpus(dir)).documents[0]).toMatchObject({
      slug: 'putin-kim-2024-06',
      title: 'Kim #1 v Pjongjangu',
      date: '2024-06',
      url: 'https://example.org/...',
    });
  });

  it.each([
    ['a blank line', '\n---'],
    ['blank lines with spaces and a CRLF', ' \r\n\t\n---'],
    ['spaces before ---', '   ---'],
    ['a byte order mark and a blank line', '\uFEFF\n---'],
  ])('reads front matter after %s as front matter, not as the first paragraph', async (_kind, opening) => {
    const dir = await corpusDir({ 'a.md': `${opening}\ntitle: Naslov A\ndate: 2024-06\n---\n${ARTICLE}` });
    const [doc] = (await loadCorpus(dir)).documents;
    expect(doc).toMatchObject({ slug: 'a', title: 'Naslov A', date: '2024-06' });
    expect(chunkDocument(doc!).map((p) => [p.id, p.text])).toEqual([
      ['a#1', 'Prvi odstavek članka.'],
      ['a#2', 'Drugi odstavek članka.'],
    ]);
  });

  it('reads a .jsonl saved with a byte order mark', async () => {
    const row = { id: 'c', title: 'C', date: '2024-06', text: ARTICLE };
    const dir = await corpusDir({ 'c.jsonl': `\uFEFF${JSON.stringify(row)}\n` });
    const [doc] = (await loadCorpus(dir)).documents;
    expect(chunkDocument(doc!).map((p) => [p.id, p.text])).toEqual([
      ['c#1', 'Prvi odstavek članka.'],
      ['c#2', 'Drugi odstavek članka.'],
    ]);
  });

  it("reads every synonyms.txt, the top folder's first: one in a subfolder adds, never replaces", async () => {
    const dir = await corpusDir({
      'a.md': ARTICLE,
      'synonyms.txt': 'ZN, OZN\n',
      'teme/synonyms.txt': 'sankcije, kazni\n',
      'teme/b.md': ARTICLE,
    });
    expect((await loadCorpus(dir)).synonyms).toEqual([
      ['ZN', 'OZN'],
      ['sankcije', 'kazni'],
    ]);
  });

  it('reads Synonyms.txt in any case as synonyms, not as an article quoting the groups', async () => {
    const dir = await corpusDir({
      'a.md': ARTICLE,
      'Synonyms.txt': 'ZN, OZN\n',
      'teme/SYNONYMS.TXT': 'sankcije, kazni\n',
    });
    const corpus = await loadCorpus(dir);
    expect(corpus.documents.map((d) => d.slug)).toEqual(['a']);
    expect(corpus.synonyms).toEqual([
      ['ZN', 'OZN'],
      ['sankcije', 'kazni'],
    ]);
  });
});

describe('bad corpus files name the file, the line and what is wrong', () => {
  it.each([
    ['invalid YAML', { 'a.md': `---\ntitle: [unclosed\n---\n${ARTICLE}` }, /^a\.md:2: front matter is not valid YAML/],
    // Lines count from the top of the file, and the parser's code excerpt is not pasted into the line.
    [
      'invalid YAML further down',
      { 'a.md': `---\ntitle: Naslov\ndate: 2024-06\nurl: "https://x\n---\n${ARTICLE}` },
      /^a\.md:4: front matter is not valid YAML: Missing closing "quote \(column \d+\)$/,
    ],
    [
      'a bad date',
      { 'a.md': `---\ndate: junij 2024\n---\n${ARTICLE}` },
      /^a\.md:2: front matter: "date" must look like YYYY-MM/,
    ],
    [
      'a bad url',
      { 'a.md': `---\ntitle: A\nurl: not a url\n---\n${ARTICLE}` },
      /^a\.md:3: front matter: "url" must be an absolute URL/,
    ],
    [
      'front matter never closed',
      { 'a.md': `---\ntitle: Naslov\ndate: 2024-06\n\n${ARTICLE}` },
      /^a\.md:1: front matter opened with "---" is never closed/,
    ],
    // Blank lines before the opening "---" count in the line numbers too.
    [
      'a bad date after blank lines',
      { 'a.md': `\n\n---\ndate: junij 2024\n---\n${ARTICLE}` },
      /^a\.md:4: front matter: "date" must look like YYYY-MM/,
    ],
    [
      'invalid YAML after a blank line',
      { 'a.md': `\n---\ntitle: Naslov\nurl: "https://x\n---\n${ARTICLE}` },
      /^a\.md:4: front matter is not valid YAML/,
    ],
    [
      'front matter after a blank line never closed',
      { 'a.md': `\n---\ntitle: Naslov\n\n${ARTICLE}` },
      /^a\.md:2: front matter opened with "---" is never closed/,
    ],
    [
      'month 13',
      { 'a.md': `---\ntitle: A\ndate: 2024-13-45\n---\n${ARTICLE}` },
      /^a\.md:3: front matter: "date" is not a date on the calendar/,
    ],
    [
      '31 February',
      { 'a.md': `---\ndate: 2024-02-31\n---\n${ARTICLE}` },
      /^a\.md:2: front matter: "date" is not a date on the calendar/,
    ],
    [
      '29 February of a common year',
      { 'a.md': `---\ndate: 2023-02-29\n---\n${ARTICLE}` },
      /^a\.md:2: front matter: "date" is not a date on the calendar/,
    ],
    [
      'month 13 in jsonl',
      { 'x.jsonl': JSON.stringify({ id: 'a', title: 'A', date: '2024-13', text: 'T' }) },
      /^x\.jsonl:1: "date" is not a date on the calendar/,
    ],
    [
      'month 13 in the raw form',
      { 'a.txt': `date 2024-13 ${ARTICLE}` },
      /^a\.txt:1: the date 2024-13 is not a date on the calendar/,
    ],
    // A key the loader does not know was ignored: a misspelt title fell back to the first words.
    [
      'a misspelt key',
      { 'a.md': `---\ntilte: Naslov\n---\n${ARTICLE}` },
      /^a\.md:2: front matter: unknown key "tilte": did you mean "title"\? \(known keys: id, title, date, lang, url\)$/,
    ],
    [
      'a key in capitals',
      { 'a.md': `---\ntitle: A\nDate: 2024-06\n---\n${ARTICLE}` },
      /^a\.md:3: front matter: unknown key "Date": did you mean "date"\?/,
    ],
    [
      'a key in Slovenian',
      { 'a.md': `---\nnaslov: Naslov\n---\n${ARTICLE}` },
      /^a\.md:2: front matter: unknown key "naslov": did you mean "title"\?/,
    ],
    [
      '"datum" for "date"',
      { 'a.md': `---\ndatum: 2024-06\n---\n${ARTICLE}` },
      /^a\.md:2: front matter: unknown key "datum": did you mean "date"\?/,
    ],
    [
      '"povezava" for "url"',
      { 'a.md': `---\npovezava: https://example.org\n---\n${ARTICLE}` },
      /^a\.md:2: front matter: unknown key "povezava": did you mean "url"\?/,
    ],
    [
      'a key like no other',
      { 'a.md': `---\nauthor: Ana\n---\n${ARTICLE}` },
      /^a\.md:2: front matter: unknown key "author" \(known keys: id, title, date, lang, url\)$/,
    ],
    [
      'a javascript: url',
      { 'a.md': `---\nurl: javascript:alert(1)\n---\n${ARTICLE}` },
      /^a\.md:2: front matter: "url" must be a web address starting with http:\/\/ or https:\/\/$/,
    ],
    [
      'a javascript: url in jsonl',
      { 'x.jsonl': JSON.stringify({ id: 'a', title: 'A', date: '2024-06', text: 'T', url: 'javascript:alert(1)' }) },
      /^x\.jsonl:1: "url" must be a web address starting with http:\/\/ or https:\/\/$/,
    ],
    // YAML reads " #" as the start of a comment: the title would have been "Kim".
    [
      'a title cut at " #"',
      { 'a.md': `---\ndate: 2024-06\ntitle: Kim #1 v Pjongjangu\n---\n${ARTICLE}` },
      /^a\.md:3: front matter: "title" stops at " #", as YAML reads the rest of the line as a comment: put the title in quotes$/,
    ],
    [
      'a title cut to nothing',
      { 'a.md': `---\ntitle: #1 v Pjongjangu\n---\n${ARTICLE}` },
      /^a\.md:2: front matter: "title" stops at " #"/,
    ],
    // YAML reads `date: 2024` as a number and an empty value as null; "must be text" said neither.
    [
      'a year for a date',
      { 'a.md': `---\ndate: 2024\n---\n${ARTICLE}` },
      /^a\.md:2: front matter: "date" must look like YYYY-MM or YYYY-MM-DD \(YAML read 2024 as a number\)$/,
    ],
    [
      'a number for an id',
      { 'a.md': `---\nid: 2024\n---\n${ARTICLE}` },
      /^a\.md:2: front matter: "id" must be text \(YAML read 2024 as a number: put it in quotes\)$/,
    ],
    [
      'an empty title',
      { 'a.md': `---\ntitle:\ndate: 2024-06\n---\n${ARTICLE}` },
      /^a\.md:2: front matter: "title" must not be empty$/,
    ],
    [
      'an unquoted title with ": "',
      { 'a.md': `---\ndate: 2024-06\ntitle: Putin: obisk v Pjongjangu\n---\n${ARTICLE}` },
      /^a\.md:3: front matter is not valid YAML: Nested mappings are not allowed in compact mappings \(column 8\): put the value in quotes, since YAML reads ": " in it as a key$/,
    ],
    [
      'NUL bytes',
      { 'a.txt': Buffer.alloc(64) },
      /^a\.txt:1: contains the control character U\+0000; only tabs and line breaks/,
    ],
    [
      'a control character further down',
      { 'a.md': `${ARTICLE}\nTretji \u001b[31modstavek.\n` },
      /^a\.md:5: contains the control character U\+001B/,
    ],
    [
      'a control character escaped in jsonl',
      { 'x.jsonl': JSON.stringify({ id: 'a', title: 'A', date: '2024-06', text: 'Zvonec\u0007.' }) },
      /^x\.jsonl:1: "text" contains the control character U\+0007/,
    ],
    [
      'bytes that are not UTF-8',
      { 'a.txt': Buffer.concat([Buffer.from('Prva vrstica.\nDruga '), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]) },
      /^a\.txt:2: is not valid UTF-8 text/,
    ],
    [
      'a duplicate id in another folder',
      { 'a.md': ARTICLE, 'arhiv/a.md': ARTICLE },
      /^arhiv\/a\.md: id "a" is already used by a\.md;/,
    ],
    ['no text', { 'a.md': '---\ntitle: Prazno\n---\n\n' }, /^a\.md: the article has no text/],
    ['a heading alone', { 'a.md': '# Samo naslov\n' }, /^a\.md: the article has only headings, no paragraph$/],
    [
      'headings alone in jsonl',
      { 'x.jsonl': JSON.stringify({ id: 'a', title: 'A', date: '2024-06', text: '# A\n\n## B' }) },
      /^x\.jsonl:1: the article has only headings, no paragraph$/,
    ],
    [
      'a file name unfit for citations',
      { 'moj članek #1.md': ARTICLE },
      /^moj članek #1\.md: the file name cannot be a citation id/,
    ],
    [
      'broken JSON',
      { 'x.jsonl': `${JSON.stringify({ id: 'a', title: 'A', date: '2024-06', text: 'T' })}\n{"id": "b",\n` },
      /^x\.jsonl:2: not valid JSON/,
    ],
    [
      'a missing field',
      { 'x.jsonl': JSON.stringify({ id: 'a', date: '2024-06', text: 'T' }) },
      /^x\.jsonl:1: missing "title"/,
    ],
    [
      'a wrong type',
      { 'x.jsonl': JSON.stringify({ id: 'a', title: 'A', date: 2024, text: 'T' }) },
      /^x\.jsonl:1: "date" must be text/,
    ],
    ['not an object', { 'x.jsonl': '[1, 2]\n' }, /^x\.jsonl:1: must be a JSON object with "id"/],
    [
      'a duplicate id',
      { 'a.md': ARTICLE, 'x.jsonl': JSON.stringify({ id: 'a', title: 'A', date: '2024-06', text: 'T' }) },
      /^x\.jsonl:1: id "a" is already used by a\.md/,
    ],
    [
      'a one-word synonym group',
      { 'a.md': ARTICLE, 'synonyms.txt': '# groups\nZN, OZN\nsporazum\n' },
      /^synonyms\.txt:3: a synonym group needs at least two members/,
    ],
  ] as [string, Record<string, string | Buffer>, RegExp][])('%s', async (_kind, files, expected) => {
    const problems = await problemsOf(files);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(expected);
  });

  it('lists every problem at once, not just the first', async () => {
    const problems = await problemsOf({
      'a.md': `---\ndate: x\n---\n${ARTICLE}`,
      'b.jsonl': '{}\nnot json\n',
    });
    expect(problems).toEqual([
      expect.stringMatching(/^a\.md:2: /),
      expect.stringMatching(/^b\.jsonl:1: missing "id"/),
      expect.stringMatching(/^b\.jsonl:2: not valid JSON/),
    ]);
  });

  it('says when the folder is missing or holds no articles', async () => {
    await expect(loadCorpus('/nonexistent/odlomek')).rejects.toThrow(/folder does not exist/);
    await expect(loadCorpus(await corpusDir({ 'synonyms.txt': 'ZN, OZN\n' }))).rejects.toThrow(/no articles found/);
  });
});
