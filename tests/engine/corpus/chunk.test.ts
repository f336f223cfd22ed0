import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkDocument, hasParagraphs, headingText, longParagraphNotes } from '../../../src/engine/corpus/chunk.ts';
import { loadArticlesFile, loadCorpus } from '../../../src/engine/corpus/load.ts';
import type { CorpusDocument } from '../../../src/engine/types.ts';
import { CORPUS, DISTRACTORS } from '../../helpers.ts';

function doc(text: string, bodyStart = 0): CorpusDocument {
  return { slug: 'doc', title: 'T', date: '2024-06', lang: 'sl', text, bodyStart, source: 'doc.md' };
}

describe('passages of the shipped article', () => {
  it('are the paragraphs a reader counts, with the two subheadings attached, not counted', async () => {
    const { documents } = await loadCorpus(CORPUS);
    const passages = chunkDocument(documents[0]!);
    expect(passages.map((p) => p.id)).toEqual(Array.from({ length: 11 }, (_, i) => `putin-kim-2024-06#${i + 1}`));
    expect(passages[0]!.text).toMatch(/^Ruski predsednik Vladimir Putin in severnokorejski voditelj Kim Jong-un/);
    expect(passages.slice(0, 4).every((p) => p.heading === null)).toBe(true);
    expect(new Set(passages.slice(4, 9).map((p) => p.heading))).toEqual(
      new Set(['Ne bodo dopuščali izsiljevanja Zahoda']),
    );
    expect(new Set(passages.slice(9).map((p) => p.heading))).toEqual(
      new Set(['Državi krepita sodelovanje tudi na področju turizma']),
    );
    expect(passages.some((p) => p.text === p.heading)).toBe(false);
    // Original typos stay: the article writes "otoke" where it means "otroke".
    expect(passages[8]!.text).toContain('za otoke ubitih udeležencev');
  });

  it('keep their ids when the same text is loaded again', async () => {
    const a = chunkDocument((await loadCorpus(CORPUS)).documents[0]!);
    const b = chunkDocument((await loadCorpus(CORPUS)).documents[0]!);
    expect(b).toEqual(a);
  });
});

describe('headings', () => {
  it('are short capitalised lines without closing punctuation, or markdown headings', () => {
    expect(headingText('Ne bodo dopuščali izsiljevanja Zahoda')).toBe('Ne bodo dopuščali izsiljevanja Zahoda');
    expect(headingText('## Ozadje')).toBe('Ozadje');
    expect(headingText('Kratek stavek.')).toBeNull();
    expect(headingText('"Citat brez pike"')).toBeNull();
    expect(headingText('male začetnice')).toBeNull();
  });

  it('are passages of their own when nothing follows them', () => {
    const passages = chunkDocument(doc('Prvi odstavek.\n\nZadnja vrstica'));
    expect(passages.map((p) => p.text)).toEqual(['Prvi odstavek.', 'Zadnja vrstica']);
  });

  it('are never paragraphs when written with #, whatever follows them', () => {
    // A title above a short subheading was passage 1, and every id below it was one higher.
    const titled = chunkDocument(doc('# Naslov članka\n\nKratek podnaslov\n\nPrvi odstavek.\n\nDrugi odstavek.'));
    expect(titled.map((p) => [p.id, p.text, p.heading])).toEqual([
      ['doc#1', 'Prvi odstavek.', 'Kratek podnaslov'],
      ['doc#2', 'Drugi odstavek.', 'Kratek podnaslov'],
    ]);
    const nested = chunkDocument(doc('# Naslov\n\n## Ozadje\n\nPrvi odstavek.\n\n# Konec'));
    expect(nested.map((p) => [p.id, p.text, p.heading])).toEqual([['doc#1', 'Prvi odstavek.', 'Ozadje']]);
    expect(chunkDocument(doc('# Samo naslov'))).toEqual([]);
    expect(hasParagraphs(doc('# Samo naslov\n\n## In podnaslov\n'))).toBe(false);
    // A short line without # before a heading is still a paragraph (a list item, say).
    expect(chunkDocument(doc('Zadnja vrstica\n\n# Naslov')).map((p) => p.text)).toEqual(['Zadnja vrstica']);
    expect(hasParagraphs(doc('Zadnja vrstica\n\n# Naslov'))).toBe(true);
  });
});

describe('long paragraphs', () => {
  it('are split at sentence boundaries into parts that each fit', () => {
    const sentence = (i: number) => `To je ${i}. stavek dolgega odstavka, ki govori o sporazumu in sankcijah.`;
    const paragraph = Array.from({ length: 40 }, (_, i) => sentence(i + 1)).join(' ');
    const passages = chunkDocument(doc(`Uvod.\n\n${paragraph}`), { maxChars: 300 });
    expect(passages[0]!.id).toBe('doc#1');
    expect(passages.slice(1).map((p) => p.id)).toEqual(passages.slice(1).map((_, k) => `doc#2.${k + 1}`));
    for (const p of passages.slice(1)) {
      expect(p.text.length).toBeLessThanOrEqual(300);
      expect(p.text).toMatch(/^To je \d+\. stavek/);
      expect(p.text).toMatch(/sankcijah\.$/);
      expect(p.paragraph).toBe(2);
    }
  });

  it('cut a single over-long sentence at word boundaries', () => {
    const words = Array.from({ length: 200 }, (_, i) => `beseda${i}`).join(' ');
    const passages = chunkDocument(doc(words), { maxChars: 100 });
    expect(passages.length).toBeGreaterThan(10);
    for (const p of passages) {
      expect(p.text.length).toBeLessThanOrEqual(100);
      expect(p.text).toMatch(/^beseda\d+( beseda\d+)*$/);
    }
  });
});

describe('a paragraph many times the passage limit', () => {
  /** A page pasted with single line breaks: 60 sentences, one a line, about 3 600 characters. */
  const pasted = Array.from(
    { length: 60 },
    (_, i) => `To je ${i + 1}. vrstica strani, prilepljene brez praznih vrstic.`,
  ).join('\n');

  it('gets a note naming its line and length: its blank lines seem lost', () => {
    const source = doc(`---\ntitle: T\n---\nUvod.\n\n${pasted}\n\nKratek zaključek.\n`, 17);
    expect(longParagraphNotes(source, chunkDocument(source))).toEqual([
      {
        file: 'doc.md',
        line: 6,
        message: `paragraph 2 is ${pasted.length} characters: are paragraphs separated by blank lines?`,
      },
    ]);
    // In a .jsonl file, at the article's line.
    const row = { ...doc(`Uvod.\n\n${pasted}`), source: 'clanki.jsonl:4' };
    expect(longParagraphNotes(row, chunkDocument(row))).toEqual([
      { file: 'clanki.jsonl', line: 4, message: expect.stringMatching(/^paragraph 2 is \d+ characters/) },
    ]);
  });

  it('is one of three times the limit or more: a long paragraph of a news article gets none', async () => {
    for (const article of await loadArticlesFile(DISTRACTORS))
      expect(longParagraphNotes(article, chunkDocument(article))).toEqual([]);
    const notesOf = (text: string) => longParagraphNotes(doc(text), chunkDocument(doc(text)));
    expect(notesOf('a'.repeat(2699))).toEqual([]);
    expect(notesOf('a'.repeat(2700))).toHaveLength(1);
    const smaller = doc(pasted);
    expect(longParagraphNotes(smaller, chunkDocument(smaller, { maxChars: 2000 }), { maxChars: 2000 })).toEqual([]);
  });
});

describe('a paragraph of megabytes (a paste without blank lines)', () => {
  it('is cut into passages within the time limit of a test, as one line or as lines', async () => {
    // A smoke test: splitting was quadratic in the paragraph's length, and 2 MB took a minute as
    // one line, several as lines (tests/engine/text/sentences.test.ts checks why it no longer is).
    const paragraphs = (await loadArticlesFile(DISTRACTORS)).flatMap((d) => d.text.split(/\n\s*\n/));
    const perCopy = paragraphs.reduce((sum, p) => sum + p.length, 0);
    const repeated = Array.from({ length: Math.ceil(2_000_000 / perCopy) }, () => paragraphs).flat();
    for (const separator of [' ', '\n']) {
      const text = repeated.join(separator);
      expect(text.length).toBeGreaterThan(2_000_000);
      const passages = chunkDocument(doc(text));
      expect(passages.length).toBeGreaterThan(2000);
      expect(passages.every((p) => p.paragraph === 1 && p.text.length <= 900)).toBe(true);
    }
  });
});

/** Random article-like texts: words, sentences, paragraphs, headings, CRLF, odd spacing. */
const articleText = fc
  .array(
    fc.oneof(
      {
        weight: 5,
        arbitrary: fc
          .array(fc.stringMatching(/^[A-ZČŠŽ]?[a-zčšžđ]{1,12}(-[a-z]{1,4})?[.,!?"«»]?$/), {
            minLength: 1,
            maxLength: 120,
          })
          .map((w) => w.join(' ')),
      },
      { weight: 1, arbitrary: fc.stringMatching(/^[A-ZČŠŽ][a-zčšž ]{2,40}[a-z]$/) },
      { weight: 1, arbitrary: fc.string({ maxLength: 80 }) },
    ),
    { minLength: 1, maxLength: 12 },
  )
  .chain((paragraphs) =>
    fc.tuple(
      fc.constant(paragraphs),
      fc.array(fc.constantFrom('\n\n', '\r\n\r\n', '\n \n\n', '\n\t\n'), {
        minLength: paragraphs.length,
        maxLength: paragraphs.length,
      }),
    ),
  )
  .map(([paragraphs, separators]) => paragraphs.map((p, i) => p + separators[i]).join(''));

describe('every passage (property)', () => {
  it('is a verbatim slice of its source at its offsets, fits the limit, and has a unique id', () => {
    fc.assert(
      fc.property(
        articleText,
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 60, max: 900 }),
        (text, prefixLength, maxChars) => {
          const prefix = 'x'.repeat(prefixLength);
          const source = doc(prefix + text, prefixLength);
          const passages = chunkDocument(source, { maxChars });
          const ids = new Set<string>();
          for (const p of passages) {
            expect(source.text.slice(p.start, p.end)).toBe(p.text);
            expect(p.start).toBeGreaterThanOrEqual(prefixLength);
            expect(p.text.length).toBeGreaterThan(0);
            expect(p.text.length).toBeLessThanOrEqual(maxChars);
            expect(p.text).toBe(p.text.trim());
            expect(ids.has(p.id)).toBe(false);
            ids.add(p.id);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('holds for the distractor articles too', async () => {
    for (const article of await loadArticlesFile(DISTRACTORS)) {
      for (const p of chunkDocument(article)) expect(article.text.slice(p.start, p.end)).toBe(p.text);
    }
  });
});
