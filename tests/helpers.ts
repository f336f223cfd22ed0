import { mkdtemp, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Engine } from '../src/engine/index.ts';
import type { CorpusDocument } from '../src/engine/types.ts';
import { DEFAULT_CORPUS_DIR, REPO_ROOT } from '../src/paths.ts';
import { SqliteAnswerStore, type SqliteStoreOptions } from '../src/storage/sqlite/sqlite-store.ts';
import { setLogSink } from '../src/log.ts';
import { onTestFinished } from 'vitest';

export const REPO = REPO_ROOT;
export const CORPUS = DEFAULT_CORPUS_DIR;
/**
 * Everything the tests read besides the repository's own code and corpus lives here (see its
 * README for sources and licences), so `npm test` passes in a clone with nothing beside it.
 * Tests never read the shared folder that `npm run eval` and `npm run bench` use.
 */
export const FIXTURES = path.join(REPO_ROOT, 'tests/fixtures');
/** The article as it arrived (its first word is `date`), byte for byte. */
export const SEED = path.join(FIXTURES, 'seed/article-sl-2024-06.txt');
/** The development questions with their evidence strings (a copy of the shared eval set). */
export const DEV_SET = path.join(FIXTURES, 'eval/dev.jsonl');
/** The distractor articles closest to the seed's topic (North Korea, Russia, sanctions), as jsonl. */
export const DISTRACTORS = path.join(FIXTURES, 'slnews/hard-distractors.jsonl');

/**
 * An engine over one short made-up article, "Obisk" (id `a`, 2024-06): Putin arrives in
 * Pjongjang, Kim meets him. For tests of the faces, which need an answer but not the real corpus.
 */
export function visitEngine(): Engine {
  const text = 'Putin je prispel v Pjongjang.\n\nKim ga je pričakal na letališču.';
  return Engine.fromDocuments([
    { slug: 'a', title: 'Obisk', date: '2024-06', lang: 'sl', text, bodyStart: 0, source: 'a.md' },
  ]);
}

/** A fresh corpus folder holding the given files (name → content). */
export async function corpusDir(files: Record<string, string | Buffer>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'odlomek-corpus-'));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
  return dir;
}

/**
 * The keys of a UI strings table whose text is empty in either language, or the same in English
 * as in Slovenian (left untranslated). Functions are called with `sample` arguments, lists joined;
 * `same` names the keys that rightly read the same in both languages. The types already make
 * both tables have the same keys; this catches what they cannot.
 */
export function untranslatedKeys(sl: object, en: object, sample: unknown[], same: string[] = []): string[] {
  const shown = (value: unknown): string => {
    if (Array.isArray(value)) return value.join('\n');
    if (typeof value === 'function') return String((value as (...args: unknown[]) => unknown)(...sample));
    return String(value);
  };
  const [slTable, enTable] = [sl as Record<string, unknown>, en as Record<string, unknown>];
  return Object.keys(slTable).filter((key) => {
    const [slText, enText] = [shown(slTable[key]), shown(enTable[key])];
    return slText.trim() === '' || enText.trim() === '' || (!same.includes(key) && enText === slText);
  });
}

/** A real answer store (SQLite) in a fresh temp folder; `ttlMs` defaults to a week. */
export async function tempStore(
  options: Partial<SqliteStoreOptions> = {},
): Promise<{ store: SqliteAnswerStore; dir: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'odlomek-data-'));
  return { store: SqliteAnswerStore.open(dir, { ttlMs: 7 * 24 * 3600 * 1000, ...options }), dir };
}

/** An article of `paragraphs` under `title`, for engine tests with several articles. */
export function articleOf(slug: string, title: string, paragraphs: string[]): CorpusDocument {
  const text = paragraphs.join('\n\n');
  return { slug, title, date: '2024-01', lang: 'sl', text, bodyStart: 0, source: `${slug}.md` };
}

/** The log lines written from now until the running test ends (the usual sink comes back then). */
export function captureLog(): string[] {
  const lines: string[] = [];
  onTestFinished(setLogSink((line) => lines.push(line)));
  return lines;
}
