import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { zod } from '../util/zod.ts';
import type { CorpusDocument, CorpusProblem } from '../types.ts';
import { CorpusError } from './corpus-error.ts';
import { hasParagraphs, markdownHeading } from './chunk.ts';
import { splitSource } from './front-matter.ts';
import { listCorpusFolder, type SkippedFile } from './list-files.ts';
import { parseSynonyms, SYNONYMS_FILE } from './synonyms-file.ts';
import { CHECK_QUESTIONS_FILE } from './check-questions-file.ts';
import { forEachJsonLine } from './json-lines.ts';
import { decodeUtf8, describeControlCharacter, findControlCharacter, isRealDate } from './text-checks.ts';

/** What a corpus folder holds once loaded: the articles and the query-time synonym groups. */
export interface LoadedCorpus {
  documents: CorpusDocument[];
  /** The groups of every `synonyms.txt` in the folder and its subfolders, the top folder's first. */
  synonyms: string[][];
  /** Files left unread that a moderator may have meant to be read (links, other extensions). */
  skipped: SkippedFile[];
}

const slug = zod
  .string()
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u, 'must be letters, digits, ".", "_" or "-" (no spaces or "#")');
const date = zod
  .string()
  .regex(/^\d{4}-\d{2}(-\d{2})?$/, 'must look like YYYY-MM or YYYY-MM-DD')
  .refine((d) => !/^\d{4}-\d{2}(-\d{2})?$/.test(d) || isRealDate(d), 'is not a date on the calendar (month 01–12, a day the month has)');
const lang = zod.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'must be a language tag such as "sl"');
const url = zod.url('must be an absolute URL');
/** The language of an article that does not name one: odlomek answers about Slovenian news. */
export const DEFAULT_LANGUAGE = 'sl';
/** `YYYY-MM-DD`, the date part of an ISO timestamp. */
const ISO_DATE_LENGTH = 'YYYY-MM-DD'.length;
/** YAML turns some scalars into numbers or dates; metadata fields are text. */
const text = zod.preprocess((v) => (typeof v === 'number' ? String(v) : v), zod.string().trim().min(1, 'must not be empty'));

const frontMatterSchema = zod.object({
  id: slug.optional(),
  title: text.optional(),
  date: zod.preprocess((v) => (v instanceof Date ? v.toISOString().slice(0, ISO_DATE_LENGTH) : v), date).optional(),
  url: url.optional(),
  lang: lang.optional(),
});

const jsonlSchema = zod.looseObject({
  id: slug,
  title: text,
  date,
  text: zod.string().refine((s) => s.trim().length > 0, 'must not be empty'),
  url: url.optional(),
  lang: lang.optional(),
});

/** One readable sentence per issue: `missing "title"`, `"date" must look like YYYY-MM ...`. */
function describeZodError(error: z.ZodError, input: unknown): string {
  return error.issues
    .map((issue) => {
      const field = issue.path.join('.');
      if (field === '') return 'must be a JSON object with "id", "title", "date" and "text"';
      const present = typeof input === 'object' && input !== null && issue.path.length === 1 && Object.hasOwn(input, issue.path[0]!);
      if (issue.code === 'invalid_type' && issue.path.length === 1 && !present) return `missing "${field}"`;
      if (issue.code === 'invalid_type') return `"${field}" must be ${issue.expected === 'string' ? 'text' : issue.expected}`;
      return field ? `"${field}" ${issue.message}` : issue.message;
    })
    .join('; ');
}

/** One problem per zod issue, each at the file line of the front matter key it is about. */
function frontMatterProblems(rel: string, error: z.ZodError, meta: unknown, keyLines: Map<string, number> | undefined): CorpusProblem[] {
  return error.issues.map((issue) => {
    const line = keyLines?.get(String(issue.path[0]));
    const single = new zod.ZodError([issue]);
    return { file: rel, ...(line === undefined ? {} : { line }), message: `front matter: ${describeZodError(single, meta)}` };
  });
}

/** An article of Markdown `#` headings alone: nothing to quote, and a heading is never a paragraph. */
const NO_PARAGRAPHS = 'the article has only headings, no paragraph';

/** Words of the first line that stand in for a missing title: about a headline's length. */
const FALLBACK_TITLE_WORDS = 10;

/** First sentence-ish words of the body, for articles that carry no title (a `#` heading without its marks). */
function fallbackTitle(body: string): string {
  const line = body.trim().split(/\r?\n/)[0] ?? '';
  const firstLine = markdownHeading(line) ?? line;
  const words = firstLine.split(/\s+/).slice(0, FALLBACK_TITLE_WORDS).join(' ');
  return words.length < firstLine.length ? `${words.replace(/[,.;:]$/, '')}…` : words;
}

function loadTextFile(rel: string, content: string, problems: CorpusProblem[]): CorpusDocument | null {
  const split = splitSource(content);
  if (split.error) {
    problems.push({ file: rel, line: split.error.line, message: split.error.message });
    return null;
  }
  const parsed = frontMatterSchema.safeParse(split.meta ?? {});
  if (!parsed.success) {
    problems.push(...frontMatterProblems(rel, parsed.error, split.meta, split.keyLines));
    return null;
  }
  const meta = parsed.data;
  if (split.rawDate !== undefined && !isRealDate(split.rawDate)) {
    problems.push({ file: rel, line: 1, message: `the date ${split.rawDate} is not a date on the calendar (month 01–12, a day the month has)` });
    return null;
  }
  const body = content.slice(split.bodyStart);
  if (body.trim().length === 0) {
    problems.push({ file: rel, message: 'the article has no text' });
    return null;
  }
  const fileSlug = slug.safeParse(path.basename(rel).replace(/\.(md|txt)$/i, ''));
  if (!meta.id && !fileSlug.success) {
    problems.push({ file: rel, message: `the file name cannot be a citation id (${fileSlug.error.issues[0]?.message}); rename it or set "id" in the front matter` });
    return null;
  }
  const doc: CorpusDocument = {
    slug: meta.id ?? fileSlug.data!,
    title: meta.title ?? fallbackTitle(body),
    date: meta.date ?? split.rawDate ?? '',
    lang: meta.lang ?? DEFAULT_LANGUAGE,
    ...(meta.url ? { url: meta.url } : {}),
    text: content,
    bodyStart: split.bodyStart,
    source: rel,
  };
  if (!hasParagraphs(doc)) {
    problems.push({ file: rel, message: NO_PARAGRAPHS });
    return null;
  }
  return doc;
}

function loadJsonlFile(rel: string, content: string, problems: CorpusProblem[]): CorpusDocument[] {
  const documents: CorpusDocument[] = [];
  forEachJsonLine(content, rel, problems, (value, where) => {
    const parsed = jsonlSchema.safeParse(value);
    if (!parsed.success) {
      problems.push({ ...where, message: describeZodError(parsed.error, value) });
      return;
    }
    const row = parsed.data;
    // JSON escapes (\u0000) get past the file check; the decoded fields are what would be quoted.
    for (const field of ['title', 'text'] as const) {
      const control = findControlCharacter(row[field]);
      if (control) {
        problems.push({ ...where, message: `"${field}" ${describeControlCharacter(control.codePoint)}` });
        return;
      }
    }
    const doc: CorpusDocument = {
      slug: row.id,
      title: row.title,
      date: row.date,
      lang: row.lang ?? DEFAULT_LANGUAGE,
      ...(row.url ? { url: row.url } : {}),
      text: row.text,
      bodyStart: 0,
      source: `${rel}:${where.line}`,
    };
    if (hasParagraphs(doc)) documents.push(doc);
    else problems.push({ ...where, message: NO_PARAGRAPHS });
  });
  return documents;
}

/**
 * Loads every article in `dir` and its subfolders: `.md`/`.txt` files (optional YAML front matter
 * with title, date, url, lang, id; or the raw `date YYYY-MM` first-word form) and `.jsonl` files
 * (one article per line: id, title, date, text, optional url; other keys are ignored).
 * `synonyms.txt` files hold query-time synonym groups; `questions.jsonl` files are check questions
 * (see `check-questions-file.ts`), not articles. `README.md` and files or folders starting
 * with `.` or `_` are not articles; symbolic links and other extensions are skipped and listed
 * in `skipped`.
 *
 * Collects every problem before failing, so a moderator sees all of them at once; throws a
 * `CorpusError` that names the file (and line) of each.
 */
export async function loadCorpus(dir: string): Promise<LoadedCorpus> {
  const listing = await listCorpusFolder(dir);
  const problems: CorpusProblem[] = [];
  const documents: CorpusDocument[] = [];
  const synonymFiles: { rel: string; groups: string[][] }[] = [];
  for (const rel of listing.files) {
    // The moderators' check questions are read by reloads, not quoted: never an article.
    if (path.basename(rel) === CHECK_QUESTIONS_FILE) continue;
    const content = await readText(path.join(dir, rel), rel, problems);
    if (content === null) continue;
    if (path.basename(rel) === SYNONYMS_FILE) {
      synonymFiles.push({ rel, groups: parseSynonyms(content, rel, problems) });
    } else if (path.extname(rel).toLowerCase() === '.jsonl') {
      documents.push(...loadJsonlFile(rel, content, problems));
    } else {
      const doc = loadTextFile(rel, content, problems);
      if (doc) documents.push(doc);
    }
  }
  problems.push(...duplicateIds(documents));
  if (problems.length === 0 && documents.length === 0) {
    problems.push({ file: dir, message: 'no articles found (expected .md, .txt or .jsonl files)' });
  }
  if (problems.length > 0) throw new CorpusError(problems);
  return { documents, synonyms: mergeSynonyms(synonymFiles), skipped: listing.skipped };
}

/**
 * Reads a file as text: real UTF-8 without control characters, else a problem naming the line.
 * Returns null when the file is unusable (the problem is then recorded).
 */
async function readText(file: string, rel: string, problems: CorpusProblem[]): Promise<string | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    problems.push({ file: rel, message: `cannot read: ${(error as Error).message}` });
    return null;
  }
  const decoded = decodeUtf8(bytes);
  if ('badLine' in decoded) {
    problems.push({ file: rel, line: decoded.badLine, message: 'is not valid UTF-8 text (save the file as UTF-8)' });
    return null;
  }
  const control = findControlCharacter(decoded.text);
  if (control) {
    problems.push({ file: rel, line: control.line, message: describeControlCharacter(control.codePoint) });
    return null;
  }
  return decoded.text;
}

/**
 * Every `synonyms.txt` counts: the top folder's first, then the subfolders' in path order. One in
 * a subfolder adds its groups; it never silently replaces the others.
 */
function mergeSynonyms(files: { rel: string; groups: string[][] }[]): string[][] {
  const depth = (rel: string) => rel.split(path.sep).length;
  return [...files].sort((a, b) => depth(a.rel) - depth(b.rel) || (a.rel < b.rel ? -1 : 1)).flatMap((f) => f.groups);
}

/** A problem for every article whose id an earlier one already has, naming both places. */
function duplicateIds(documents: CorpusDocument[]): CorpusProblem[] {
  const problems: CorpusProblem[] = [];
  const seen = new Map<string, string>();
  for (const doc of documents) {
    const first = seen.get(doc.slug);
    if (first) problems.push({ file: doc.source.replace(/:\d+$/, ''), ...lineOf(doc), message: `id "${doc.slug}" is already used by ${first}; every article needs its own id` });
    else seen.set(doc.slug, doc.source);
  }
  return problems;
}

/**
 * Loads the articles of one `.md`, `.txt` or `.jsonl` file outside any corpus folder (for
 * evaluation against extra distractor articles). Throws `CorpusError` like `loadCorpus`.
 */
export async function loadArticlesFile(file: string): Promise<CorpusDocument[]> {
  const name = path.basename(file);
  const problems: CorpusProblem[] = [];
  const content = await readText(file, name, problems);
  if (content === null) throw new CorpusError(problems);
  const documents = name.toLowerCase().endsWith('.jsonl') ? loadJsonlFile(name, content, problems) : [loadTextFile(name, content, problems)].filter((d) => d !== null);
  if (problems.length > 0) throw new CorpusError(problems);
  return documents;
}

function lineOf(doc: CorpusDocument): { line?: number } {
  const m = /:(\d+)$/.exec(doc.source);
  return m ? { line: Number(m[1]) } : {};
}
