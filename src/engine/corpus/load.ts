import path from 'node:path';
import type { z } from 'zod';
import { zod } from '../util/zod.ts';
import type { CorpusDocument, CorpusProblem } from '../types.ts';
import { CorpusError } from './corpus-error.ts';
import { hasParagraphs, markdownHeading } from './chunk.ts';
import { splitSource, type SplitSource } from './front-matter.ts';
import {
  describeUnknownKey,
  TITLE_CUT_BY_COMMENT,
  titleCutByComment,
  unknownKeys,
  type FrontMatterKey,
} from './front-matter-keys.ts';
import { listCorpusFolder, type SkippedFile } from './list-files.ts';
import { isSynonymsFile, parseSynonyms } from './synonyms-file.ts';
import { isCheckQuestionsFile } from './check-questions-file.ts';
import { forEachJsonLine } from './json-lines.ts';
import { describeControlCharacter, findControlCharacter, isRealDate } from './text-checks.ts';
import { readCorpusText } from './read-text.ts';

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
/** The forms of a date the loader reads (see `isRealDate`). */
const DATE_FORMS = 'must look like YYYY-MM or YYYY-MM-DD';
const date = zod
  .string()
  .regex(/^\d{4}-\d{2}(-\d{2})?$/, DATE_FORMS)
  .refine(
    (d) => !/^\d{4}-\d{2}(-\d{2})?$/.test(d) || isRealDate(d),
    'is not a date on the calendar (month 01–12, a day the month has)',
  );
const lang = zod.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'must be a language tag such as "sl"');
/** Links are shown as the answer's link and Source button: only a web page can be one (never `javascript:`). */
const WEB_PROTOCOL = /^https?:$/;
const url = zod
  .url('must be an absolute URL')
  .refine(
    (u) => !URL.canParse(u) || WEB_PROTOCOL.test(new URL(u).protocol),
    'must be a web address starting with http:// or https://',
  );
/** The language of an article that does not name one: odlomek answers about Slovenian news. */
export const DEFAULT_LANGUAGE = 'sl';
/** `YYYY-MM-DD`, the date part of an ISO timestamp. */
const ISO_DATE_LENGTH = 'YYYY-MM-DD'.length;
/** YAML turns some scalars into numbers or dates; metadata fields are text. */
const text = zod.preprocess(
  (v) => (typeof v === 'number' ? String(v) : v),
  zod.string().trim().min(1, 'must not be empty'),
);

/** Exactly the keys of `FRONT_MATTER_KEYS` (the type checks it); any other key is refused. */
const frontMatterSchema = zod.object({
  id: slug.optional(),
  title: text.optional(),
  date: zod.preprocess((v) => (v instanceof Date ? v.toISOString().slice(0, ISO_DATE_LENGTH) : v), date).optional(),
  lang: lang.optional(),
  url: url.optional(),
} satisfies Record<FrontMatterKey, z.ZodType>);

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
      const present =
        typeof input === 'object' && input !== null && issue.path.length === 1 && Object.hasOwn(input, issue.path[0]!);
      if (issue.code === 'invalid_type' && issue.path.length === 1 && !present) return `missing "${field}"`;
      if (issue.code === 'invalid_type')
        return `"${field}" must be ${issue.expected === 'string' ? 'text' : issue.expected}`;
      return field ? `"${field}" ${issue.message}` : issue.message;
    })
    .join('; ');
}

/** What YAML made of a value written as a number or true/false, which it does not keep as text. */
function yamlReading(value: unknown): string | undefined {
  if (typeof value === 'number') return `YAML read ${value} as a number`;
  if (typeof value === 'boolean') return `YAML read ${value} as a truth value`;
  return undefined;
}

/**
 * One front matter issue in words. Where YAML turned the value into something other than text,
 * it says so: `date: 2024` is a number to YAML, and "must be text" would leave the moderator
 * wondering; an empty `title:` is null to YAML, and "must be text" would not say it is empty.
 */
function describeFrontMatterIssue(issue: z.ZodError['issues'][number], meta: Record<string, unknown>): string {
  const field = String(issue.path[0]);
  const value = meta[field];
  if (issue.code !== 'invalid_type' || value === undefined) return describeZodError(new zod.ZodError([issue]), meta);
  if (value === null) return `"${field}" must not be empty`;
  const reading = yamlReading(value);
  if (reading === undefined) return describeZodError(new zod.ZodError([issue]), meta);
  // Quotes make YAML keep `id: 2024` as text; no number becomes a date by quoting, so the form is what helps there.
  return field === 'date'
    ? `"date" ${DATE_FORMS} (${reading})`
    : `"${field}" must be text (${reading}: put it in quotes)`;
}

/**
 * Every problem of the front matter's keys and values, each at the file line of its key, in the
 * order of the lines: keys the loader does not know, a title cut at ` #`, and one per zod issue.
 */
function frontMatterProblems(rel: string, split: SplitSource, error: z.ZodError | undefined): CorpusProblem[] {
  const meta = split.meta ?? {};
  const at = (key: string, message: string): CorpusProblem => {
    const line = split.keyLines?.get(key)?.line;
    return { file: rel, ...(line === undefined ? {} : { line }), message: `front matter: ${message}` };
  };
  const problems = unknownKeys(meta).map((key) => at(key, describeUnknownKey(key)));
  const titleCut = titleCutByComment(split.keyLines?.get('title'));
  if (titleCut) problems.push(at('title', TITLE_CUT_BY_COMMENT));
  for (const issue of error?.issues ?? []) {
    // A title cut down to nothing is empty because of the cut: the cut is the problem to fix.
    if (titleCut && issue.path[0] === 'title') continue;
    problems.push(at(String(issue.path[0]), describeFrontMatterIssue(issue, meta)));
  }
  return problems.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
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
  const metaProblems = frontMatterProblems(rel, split, parsed.error);
  if (!parsed.success || metaProblems.length > 0) {
    problems.push(...metaProblems);
    return null;
  }
  const meta = parsed.data;
  if (split.rawDate !== undefined && !isRealDate(split.rawDate)) {
    problems.push({
      file: rel,
      line: 1,
      message: `the date ${split.rawDate} is not a date on the calendar (month 01–12, a day the month has)`,
    });
    return null;
  }
  const body = content.slice(split.bodyStart);
  if (body.trim().length === 0) {
    problems.push({ file: rel, message: 'the article has no text' });
    return null;
  }
  const fileSlug = slug.safeParse(path.basename(rel).replace(/\.(md|txt)$/i, ''));
  if (!meta.id && !fileSlug.success) {
    problems.push({
      file: rel,
      message: `the file name cannot be a citation id (${fileSlug.error.issues[0]?.message}); rename it or set "id" in the front matter`,
    });
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
 * (see `check-questions-file.ts`), not articles; both names in any case. `README.md` and files
 * or folders starting with `.` or `_` are not articles; symbolic links and other extensions are
 * skipped and listed in `skipped`.
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
    if (isCheckQuestionsFile(rel)) continue;
    const content = await readCorpusText(path.join(dir, rel), rel, problems);
    if (content === null) continue;
    if (isSynonymsFile(rel)) {
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
    if (first)
      problems.push({
        file: doc.source.replace(/:\d+$/, ''),
        ...lineOf(doc),
        message: `id "${doc.slug}" is already used by ${first}; every article needs its own id`,
      });
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
  const content = await readCorpusText(file, name, problems);
  if (content === null) throw new CorpusError(problems);
  const documents = name.toLowerCase().endsWith('.jsonl')
    ? loadJsonlFile(name, content, problems)
    : [loadTextFile(name, content, problems)].filter((d) => d !== null);
  if (problems.length > 0) throw new CorpusError(problems);
  return documents;
}

function lineOf(doc: CorpusDocument): { line?: number } {
  const m = /:(\d+)$/.exec(doc.source);
  return m ? { line: Number(m[1]) } : {};
}
