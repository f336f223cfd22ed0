/** Shared set-up for the end-to-end tests: a copy of the shipped corpus the tests may change. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CORPUS, corpusDir } from './helpers.ts';

export const ARTICLE = 'putin-kim-2024-06.md';

/** A temp corpus folder with the shipped article and synonyms; returns its paths and the original text. */
export async function corpusCopy(): Promise<{ dir: string; article: string; text: string }> {
  const text = await readFile(path.join(CORPUS, ARTICLE), 'utf8');
  const dir = await corpusDir({ [ARTICLE]: text, 'synonyms.txt': await readFile(path.join(CORPUS, 'synonyms.txt'), 'utf8') });
  return { dir, article: path.join(dir, ARTICLE), text };
}

/** What Discord shows for our Markdown: marks and escapes removed, ellipses of a cut dropped. */
export function shownText(markdown: string): string {
  return markdown
    .replace(/\*\*|__/g, '')
    .replace(/\\(.)/g, '$1')
    .replace(/^… | …$/g, '');
}
