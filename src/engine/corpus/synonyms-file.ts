import path from 'node:path';
import type { CorpusProblem } from '../types.ts';

/** Name of the synonyms file inside a corpus folder. */
export const SYNONYMS_FILE = 'synonyms.txt';

/**
 * Whether `rel` is a synonyms file: its name in any case. `Synonyms.txt` (as some editors and
 * file managers save it) was read as an article, quoting the synonym groups as its text.
 */
export function isSynonymsFile(rel: string): boolean {
  return path.basename(rel).toLowerCase() === SYNONYMS_FILE;
}

/**
 * Parses the synonyms file: one group per line, members separated by commas; a member may be a
 * phrase ("Združeni narodi"). `#` starts a comment. Groups apply at query time only, so editing
 * the file never changes what is quoted.
 */
export function parseSynonyms(content: string, file: string, problems: CorpusProblem[]): string[][] {
  const groups: string[][] = [];
  content.split('\n').forEach((raw, index) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') return;
    const members = line
      .split(',')
      .map((m) => m.trim())
      .filter((m) => m.length > 0);
    if (members.length < 2) {
      problems.push({
        file,
        line: index + 1,
        message: 'a synonym group needs at least two members separated by commas',
      });
      return;
    }
    groups.push(members);
  });
  return groups;
}
