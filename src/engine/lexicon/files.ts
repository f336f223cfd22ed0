/**
 * Reading the language files shipped in `lexicon/` (built by `tools/build-lexicon.ts` from the
 * sources named in `lexicon/README.md`). Tab-separated lines; `#` starts a comment line.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository's `lexicon/` folder, wherever the process was started from. */
export const LEXICON_DIR = fileURLToPath(new URL('../../../lexicon/', import.meta.url));

/** The rows of a lexicon file, each split at tabs. */
export function readRows(name: string): string[][] {
  const rows: string[][] = [];
  for (const line of readFileSync(`${LEXICON_DIR}${name}`, 'utf8').split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    rows.push(line.split('\t'));
  }
  return rows;
}
