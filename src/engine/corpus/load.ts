import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { CorpusDocument, CorpusProblem } from '../types.ts';
import { CorpusError } from './corpus-error.ts';
import { splitSource } from './front-matter.ts';
import { parseSynonyms, SYNONYMS_FILE } from './synonyms-file.ts';

/** What a corpus folder holds once loaded: the articles and the query-time synonym groups. */
export interface LoadedCorpus {
  documents: CorpusDocument[];
  synonyms: string[][];
}

const slug = z
  .string()
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u, 'must be letters, digits, ".", "_" or "-" (no spaces or "#")');
const date = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'must look like YYYY-MM or YYYY-MM-DD');
const lang = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'must be a language tag such as "sl"');
const url = z.url('must be an absolute URL');
/** YAML turns some scalars into numbers or dates; metadata fields are text. */
const text = z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().trim().min(1, 'must not be empty'));

const frontMatterSchema = z.object({
  id: slug.optional(),
  title: text.optional(),
  date: z.preprocess((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v), date).optional(),
  url: url.optional(),
  lang: lang.optional(),
});

const jsonlSchema = z.looseObject({
  id: slug,
  title: text,
  date,
  text: z.string().refine((s) => s.trim().length > 0, 'must not be empty'),
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

/** Every corpus file below `dir`, sorted, as paths relative to it. Hidden and `_` files are skipped. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .filter((rel) => !rel.split(path.sep).some((part) => part.startsWith('.') || part.startsWith('_')))
    .sort();
}

/** First sentence-ish words of the body, for articles that carry no title. */
function fallbackTitle(body: string): string {
  const firstLine = body.trim().split(/\r?\n/)[0] ?? '';
  const words = firstLine.split(/\s+/).slice(0, 10).join(' ');
  return words.length < firstLine.length ? `${words.replace(/[,.;:]$/, '')}…` : words;
}

function loadTextFile(rel: string, content: string, problems: CorpusProblem[]): CorpusDocument | null {
  const split = splitSource(content);
  if (split.error) {
    problems.push({ file: rel, message: split.error });
    return null;
  }
  const parsed = frontMatterSchema.safeParse(split.meta ?? {});
  if (!parsed.success) {
    problems.push({ file: rel, message: `front matter: ${describeZodError(parsed.error, split.meta)}` });
    return null;
  }
  const meta = parsed.data;
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
  return {
    slug: meta.id ?? fileSlug.data!,
    title: meta.title ?? fallbackTitle(body),
    date: meta.date ?? split.rawDate ?? '',
    lang: meta.lang ?? 'sl',
    ...(meta.url ? { url: meta.url } : {}),
    text: content,
    bodyStart: split.bodyStart,
    source: rel,
  };
}

function loadJsonlFile(rel: string, content: string, problems: CorpusProblem[]): CorpusDocument[] {
  const documents: CorpusDocument[] = [];
  content.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const where = { file: rel, line: index + 1 };
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      problems.push({ ...where, message: `not valid JSON (${error instanceof Error ? error.message : String(error)})` });
      return;
    }
    const parsed = jsonlSchema.safeParse(value);
    if (!parsed.success) {
      problems.push({ ...where, message: describeZodError(parsed.error, value) });
      return;
    }
    const row = parsed.data;
    documents.push({
      slug: row.id,
      title: row.title,
      date: row.date,
      lang: row.lang ?? 'sl',
      ...(row.url ? { url: row.url } : {}),
      text: row.text,
      bodyStart: 0,
      source: `${rel}:${index + 1}`,
    });
  });
  return documents;
}

/**
 * Loads every article in `dir`: `.md`/`.txt` files (optional YAML front matter with title, date,
 * url, lang, id; or the raw `date YYYY-MM` first-word form) and `.jsonl` files (one article per
 * line: id, title, date, text, optional url; other keys are ignored). `synonyms.txt` holds
 * query-time synonym groups. `README.md` and files starting with `.` or `_` are not articles.
 *
 * Collects every problem before failing, so a moderator sees all of them at once; throws a
 * `CorpusError` that names the file (and line) of each.
 */
export async function loadCorpus(dir: string): Promise<LoadedCorpus> {
  let files: string[];
  try {
    files = await listFiles(dir);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'folder does not exist' : String(error);
    throw new CorpusError([{ file: dir, message: reason }]);
  }
  const problems: CorpusProblem[] = [];
  const documents: CorpusDocument[] = [];
  let synonyms: string[][] = [];
  for (const rel of files) {
    const base = path.basename(rel);
    const ext = path.extname(rel).toLowerCase();
    if (base.toLowerCase() === 'readme.md') continue;
    if (!['.md', '.txt', '.jsonl'].includes(ext)) continue;
    let content: string;
    try {
      content = await readFile(path.join(dir, rel), 'utf8');
    } catch (error) {
      problems.push({ file: rel, message: `cannot read: ${(error as Error).message}` });
      continue;
    }
    if (content.includes('\uFFFD')) {
      problems.push({ file: rel, message: 'is not valid UTF-8 text' });
      continue;
    }
    if (base === SYNONYMS_FILE) {
      synonyms = parseSynonyms(content, rel, problems);
    } else if (ext === '.jsonl') {
      documents.push(...loadJsonlFile(rel, content, problems));
    } else {
      const doc = loadTextFile(rel, content, problems);
      if (doc) documents.push(doc);
    }
  }
  const seen = new Map<string, string>();
  for (const doc of documents) {
    const first = seen.get(doc.slug);
    if (first) problems.push({ file: doc.source.replace(/:\d+$/, ''), ...lineOf(doc), message: `id "${doc.slug}" is already used by ${first}` });
    else seen.set(doc.slug, doc.source);
  }
  if (problems.length === 0 && documents.length === 0) {
    problems.push({ file: dir, message: 'no articles found (expected .md, .txt or .jsonl files)' });
  }
  if (problems.length > 0) throw new CorpusError(problems);
  return { documents, synonyms };
}

/**
 * Loads the articles of one `.md`, `.txt` or `.jsonl` file outside any corpus folder (for
 * evaluation against extra distractor articles). Throws `CorpusError` like `loadCorpus`.
 */
export async function loadArticlesFile(file: string): Promise<CorpusDocument[]> {
  const name = path.basename(file);
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (error) {
    throw new CorpusError([{ file, message: `cannot read: ${(error as Error).message}` }]);
  }
  const problems: CorpusProblem[] = [];
  const documents = name.toLowerCase().endsWith('.jsonl') ? loadJsonlFile(name, content, problems) : [loadTextFile(name, content, problems)].filter((d) => d !== null);
  if (problems.length > 0) throw new CorpusError(problems);
  return documents;
}

function lineOf(doc: CorpusDocument): { line?: number } {
  const m = /:(\d+)$/.exec(doc.source);
  return m ? { line: Number(m[1]) } : {};
}
