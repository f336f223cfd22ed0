/**
 * Reading the language files shipped in `lexicon/` (built by `tools/build-lexicon.ts` from the
 * sources named in `lexicon/README.md`). Tab-separated lines; `#` starts a comment line.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository's `lexicon/` folder, wherever the process was started from. */
export const LEXICON_DIR = fileURLToPath(new URL('../../../lexicon/', import.meta.url));

/** The lines of a lexicon file, comments left out. */
function lines(name: string): string[] {
  return readFileSync(`${LEXICON_DIR}${name}`, 'utf8')
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** The rows of a lexicon file, each split at tabs. */
export function readRows(name: string): string[][] {
  return lines(name).map((line) => line.split('\t'));
}

/**
 * A file keyed by its first column, the rest of each line kept as it is: the engine splits a line
 * only when a question asks for its key, so loading is one map entry per line.
 */
export function readKeyed(name: string): Map<string, string> {
  const keyed = new Map<string, string>();
  for (const line of lines(name)) {
    const tab = line.indexOf('\t');
    if (tab > 0) keyed.set(line.slice(0, tab), line.slice(tab + 1));
  }
  return keyed;
}
