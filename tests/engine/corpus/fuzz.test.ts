/**
 * Fuzzing the corpus loader (fast-check): whatever a moderator drops into the corpus folder (any
 * bytes, broken UTF-8, control characters, front matter and YAML gone wrong, JSON lines with
 * fields of every type), loading it ends in one of two ways: a `CorpusError` whose problems each
 * name the file (and a plausible line) with a message, or articles that are valid and cut into
 * passages that are verbatim slices of their text. Never another exception.
 *
 * The single-file cases (10 000) read from memory: `readFile` is replaced for paths under a fake
 * folder, so they cost parsing, not disk. Whole folders (several files, synonyms, duplicate ids)
 * are loaded from a real temporary folder, fewer times.
 */
import fc from 'fast-check';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  CorpusError,
  formatProblem,
  loadArticlesFile,
  loadCorpus,
  type CorpusDocument,
} from '../../../src/engine/index.ts';
import { chunkDocument } from '../../../src/engine/corpus/chunk.ts';

/** Files of the in-memory folder the mocked `readFile` serves. */
const memory = new Map<string, Buffer>();
const MEMORY_ROOT = '/odlomek-fuzz-memory/';

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const readFile = ((file: Parameters<typeof actual.readFile>[0], ...rest: unknown[]) => {
    const name = String(file);
    if (!name.startsWith(MEMORY_ROOT)) return (actual.readFile as (...a: unknown[]) => unknown)(file, ...rest);
    const bytes = memory.get(name);
    if (!bytes) return Promise.reject(Object.assign(new Error(`ENOENT: ${name}`), { code: 'ENOENT' }));
    return Promise.resolve(rest[0] === 'utf8' ? bytes.toString('utf8') : bytes);
  }) as typeof actual.readFile;
  return { ...actual, default: { ...actual, readFile }, readFile };
});

const RUNS = 10_000;

/** Bits of text that loaders trip over. */
const fragment = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '---',
      '\n',
      '\r\n',
      '\n\n',
      '\t',
      ' ',
      ':',
      ': ',
      '- ',
      '#',
      '# ',
      '"',
      "'",
      '{',
      '}',
      '[',
      ']',
      '|',
      '>',
      '&a',
      '*a',
      '!',
      '%',
      '@',
      '`',
      '\\',
      '\u0000',
      '\u0007',
      '\u001b',
      '\u007f',
      '\u0085',
      '\u2028',
      '\ufeff',
      '\ud800',
      'title',
      'date',
      'id',
      'url',
      'lang',
      'text',
      '2024-06',
      '2024-13',
      '2024-02-30',
      '2024-06-19',
      'sl',
      'en-GB',
      'https://example.com/a',
      'not a url',
      'null',
      'true',
      '12',
      '1e400',
      'č',
      'Članek',
      'besedilo.',
    ),
  },
);
const loose = fc.array(fragment, { maxLength: 40 }).map((p) => p.join(''));

/** A JSON value of any type, for a field of a JSON line. */
const jsonValue = fc.oneof(
  loose,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(loose, { maxLength: 2 }),
);
const jsonLine = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .record(
        {
          id: fc.oneof(jsonValue, fc.constantFrom('clanek', 'a-1', 'x#y', '')),
          title: jsonValue,
          date: fc.oneof(jsonValue, fc.constantFrom('2024-06', '2024-06-19', '2024-02-30')),
          text: jsonValue,
          url: jsonValue,
          lang: jsonValue,
          other: jsonValue,
        },
        { requiredKeys: [] },
      )
      .map((o) => JSON.stringify(o)),
  },
  { weight: 1, arbitrary: loose },
);

/** What a file may hold: front matter and body, JSON lines, or raw bytes. */
const markdown = fc
  .tuple(
    fc.boolean(),
    fc.array(fc.tuple(fc.constantFrom('title', 'date', 'id', 'url', 'lang', 'x', ''), loose), { maxLength: 6 }),
    fc.boolean(),
    loose,
  )
  .map(([open, keys, close, body]) =>
    Buffer.from(
      `${open ? '---\n' : ''}${keys.map(([k, v]) => `${k}: ${v}`).join('\n')}${close ? '\n---\n' : '\n'}${body}`,
    ),
  );
const jsonl = fc
  .array(jsonLine, { maxLength: 6 })
  .map((lines) => Buffer.from(lines.join(fc.sample(fc.constantFrom('\n', '\r\n'), 1)[0])));
const bytes = fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b));
const content = fc.oneof(
  markdown,
  jsonl,
  bytes,
  loose.map((s) => Buffer.from(s)),
);
const fileName = fc.oneof(
  fc.constantFrom('clanek.md', 'a.txt', 'b.jsonl', 'UPPER.MD', 'x y.md', 'č.txt', '#.md', '.md', 'data.jsonl'),
  fc.stringMatching(/^[a-z0-9._-]{1,12}\.(md|txt|jsonl)$/),
);

const SLUG = /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u;
const DATE = /^\d{4}-\d{2}(-\d{2})?$/;

/** A loaded article must be one the rest of the bot can cite: the loader's promises, checked. */
function checkDocument(doc: CorpusDocument): void {
  const problems: string[] = [];
  if (!SLUG.test(doc.slug)) problems.push(`slug ${JSON.stringify(doc.slug)}`);
  if (doc.title.trim() === '') problems.push('empty title');
  if (doc.date !== '' && !DATE.test(doc.date)) problems.push(`date ${JSON.stringify(doc.date)}`);
  if (doc.text.slice(doc.bodyStart).trim() === '') problems.push('no text');
  const ids = new Set<string>();
  const passages = chunkDocument(doc);
  if (passages.length === 0) problems.push('no passage');
  for (const p of passages) {
    if (doc.text.slice(p.start, p.end) !== p.text) problems.push(`passage ${p.id} is not a slice of its text`);
    if (p.text.trim() === '') problems.push(`passage ${p.id} is empty`);
    if (ids.has(p.id)) problems.push(`passage id ${p.id} twice`);
    ids.add(p.id);
  }
  if (problems.length > 0) throw new Error(`invalid article from ${doc.source}: ${problems.join('; ')}`);
}

/** A corpus error must say, for each problem, which file (or the folder itself), where, and what. */
function checkError(error: unknown, files: Map<string, Buffer>, folder?: string): void {
  if (!(error instanceof CorpusError)) throw error;
  if (error.problems.length === 0) throw new Error('a CorpusError without problems');
  for (const problem of error.problems) {
    const lines = files.get(problem.file)?.toString('utf8').split('\n').length ?? Infinity;
    if (!files.has(problem.file) && problem.file !== folder)
      throw new Error(`problem names no file of the folder: ${formatProblem(problem)}`);
    if (problem.message.trim() === '') throw new Error(`problem without a message in ${problem.file}`);
    if (problem.line !== undefined && (!Number.isInteger(problem.line) || problem.line < 1 || problem.line > lines + 1))
      throw new Error(`problem at an impossible line: ${formatProblem(problem)}`);
  }
}

describe('loading corpus files, fuzzed', () => {
  it('turns any single file into valid articles or a clear CorpusError', async () => {
    const outcomes = { articles: 0, errors: 0 };
    await fc.assert(
      fc.asyncProperty(fileName, content, async (name, data) => {
        const file = `${MEMORY_ROOT}${name}`;
        memory.set(file, data);
        try {
          const documents = await loadArticlesFile(file);
          for (const doc of documents) checkDocument(doc);
          outcomes.articles += documents.length;
        } catch (error) {
          outcomes.errors++;
          checkError(error, new Map([[name, data]]));
        } finally {
          memory.delete(file);
        }
      }),
      { numRuns: RUNS },
    );
    // Both ways out were taken many times: the cases reached the parsers, not just the error path.
    expect(outcomes.articles).toBeGreaterThan(RUNS / 20);
    expect(outcomes.errors).toBeGreaterThan(RUNS / 20);
  }, 120_000);

  it('turns any folder of such files into a valid corpus or one CorpusError listing every problem', async () => {
    const folder = fc.uniqueArray(fc.tuple(fileName, content), {
      maxLength: 4,
      selector: ([name]) => name.toLowerCase(),
    });
    const synonyms = fc.option(
      loose.map((s) => Buffer.from(s)),
      { nil: undefined },
    );
    await fc.assert(
      fc.asyncProperty(folder, synonyms, async (files, synonymFile) => {
        const dir = await mkdtemp(path.join(tmpdir(), 'odlomek-fuzz-'));
        try {
          const written = new Map(files);
          if (synonymFile) written.set('synonyms.txt', synonymFile);
          for (const [name, data] of written) await writeFile(path.join(dir, name), data);
          try {
            const corpus = await loadCorpus(dir);
            for (const doc of corpus.documents) checkDocument(doc);
            expect(new Set(corpus.documents.map((d) => d.slug)).size).toBe(corpus.documents.length);
          } catch (error) {
            checkError(error, written, dir);
          }
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});
